//! Patterns with named places, `"{n} outages"` or `"{MMM} {d}"`: the one
//! way words and date formats of every locale are filled in. A place whose
//! name the caller does not know is left as written.

/// `pattern` with each `{name}` replaced by what `value(name, out)` writes
/// to `out` (the place is kept as written when it returns false).
pub fn fill(pattern: &str, mut value: impl FnMut(&str, &mut String) -> bool) -> String {
    // split_once, not slicing by index: an index's panic path would pull
    // core's string-slice error formatting into the widget's wasm.
    let mut out = String::with_capacity(pattern.len() + 16);
    let mut rest = pattern;
    while let Some((before, after)) = rest.split_once('{') {
        out.push_str(before);
        match after.split_once('}') {
            Some((name, tail)) if value(name, &mut out) => rest = tail,
            _ => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// `pattern` with the places named in `args` filled.
pub fn fill_with(pattern: &str, args: &[(&str, &str)]) -> String {
    fill(pattern, |name, out| {
        args.iter()
            .find(|(k, _)| *k == name)
            .map(|(_, v)| out.push_str(v))
            .is_some()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_are_filled_by_name() {
        assert_eq!(fill_with("{n} outages", &[("n", "4")]), "4 outages");
        assert_eq!(
            fill_with("{y}年{MMM}月", &[("y", "2022"), ("MMM", "12")]),
            "2022年12月"
        );
        assert_eq!(fill_with("{x} {", &[]), "{x} {");
        assert_eq!(fill_with("a}{b}", &[("b", "B")]), "a}B");
    }
}
