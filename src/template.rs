//! Patterns with named places, `"{n} outages"` or `"{MMM} {d}"`: the one
//! way words and date formats of every locale are filled in. A place whose
//! name the caller does not know is left as written.

/// `pattern` with each `{name}` replaced by what `value(name, out)` writes
/// to `out` (the place is kept as written when it returns false).
pub fn fill(pattern: &str, mut value: impl FnMut(&str, &mut String) -> bool) -> String {
    let mut out = String::with_capacity(pattern.len() + 16);
    let mut rest = pattern;
    // One scan for each brace: the chart fills a few patterns per label.
    while let Some((before, after)) = split_at_byte(rest, b'{') {
        out.push_str(before);
        match split_at_byte(after, b'}') {
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

/// `s` before and after its first `sep`, if it has one.
fn split_at_byte(s: &str, sep: u8) -> Option<(&str, &str)> {
    let i = s.bytes().position(|b| b == sep)?;
    Some((s.get(..i)?, s.get(i + 1..)?))
}

/// The `n`th part of `s` between any of the ASCII bytes `seps` ("a|b|c", `|`,
/// 1 → "b"); `None` past the last. Byte scanning and `str::get`, not
/// `split` or slicing by index: the widget's wasm then carries neither
/// core's pattern searchers nor its string-slice panic messages.
pub fn part<'a>(s: &'a str, seps: &[u8], n: usize) -> Option<&'a str> {
    let bytes = s.as_bytes();
    let (mut start, mut k, mut i) = (0, 0, 0);
    loop {
        if i == bytes.len() || seps.iter().any(|&b| b == bytes[i]) {
            if k == n {
                return s.get(start..i);
            }
            if i == bytes.len() {
                return None;
            }
            k += 1;
            start = i + 1;
        }
        i += 1;
    }
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
        assert_eq!(fill_with("{n", &[("n", "4")]), "{n");
    }

    #[test]
    fn parts_between_separators() {
        assert_eq!(part("a|b|c", b"|", 1), Some("b"));
        assert_eq!(part("a|b|c", b"|", 2), Some("c"));
        assert_eq!(part("a|b|c", b"|", 3), None);
        assert_eq!(part("de_DE-x", b"-_", 1), Some("DE"));
        assert_eq!(part("", b"|", 0), Some(""));
    }
}
