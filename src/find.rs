//! Finding a substring, in a few bytes of wasm. `str::find`, `split` and
//! `trim_start_matches` with a `&str` pattern bring core's two-way searcher
//! (about 2.5 KB); the short needles here (" ", " · ") are found as
//! well by trying each position. Slicing goes through `str::get`: `&s[a..b]`
//! would bring core's slice-error message formatting (about 4 KB with
//! `char`'s Debug and the printable-character tables).

/// The byte index of the first `needle` in `hay`.
pub fn find(hay: &str, needle: &str) -> Option<usize> {
    (0..=hay.len().checked_sub(needle.len())?)
        .find(|&i| hay.get(i..).is_some_and(|rest| rest.starts_with(needle)))
}

/// The pieces of `hay` between occurrences of `sep` (which must not be empty).
pub fn split<'a>(mut hay: &'a str, sep: &str) -> Vec<&'a str> {
    let mut parts = Vec::new();
    while let Some(i) = find(hay, sep) {
        parts.push(hay.get(..i).unwrap_or_default());
        hay = hay.get(i + sep.len()..).unwrap_or_default();
    }
    parts.push(hay);
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_like_str_find() {
        for (hay, needle) in [
            ("a · b · c", " · "),
            ("no match", "xyz"),
            ("", "a"),
            ("abc", ""),
            ("ééé at line 3", " at line "),
            ("x", "xx"),
        ] {
            assert_eq!(find(hay, needle), hay.find(needle), "{hay:?} {needle:?}");
            if !needle.is_empty() {
                let want: Vec<&str> = hay.split(needle).collect();
                assert_eq!(split(hay, needle), want);
            }
        }
    }
}
