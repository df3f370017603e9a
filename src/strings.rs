//! Strings put together from parts. The standard library's `concat` and
//! `join` go through one generic routine (`join_generic_copy`), a copy of
//! 0.3 to 0.9 KB in the wasm for each element type; these are the crate's
//! one copy, and a page downloads it once.

/// `parts` one after another: `cat(&["8:24", " · ", "25 min"])`.
pub fn cat(parts: &[&str]) -> String {
    join(parts, "")
}

/// `parts` with `sep` between each two.
pub fn join(parts: &[&str], sep: &str) -> String {
    let len = parts.iter().map(|p| p.len() + sep.len()).sum::<usize>();
    let mut out = String::with_capacity(len);
    for (i, p) in parts.iter().enumerate() {
        if i > 0 {
            out.push_str(sep);
        }
        out.push_str(p);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn puts_parts_together() {
        assert_eq!(cat(&[]), "");
        assert_eq!(cat(&["8:24", " · ", "25 min"]), "8:24 · 25 min");
        assert_eq!(join(&["a"], ", "), "a");
        assert_eq!(join(&["a", "", "c"], ", "), "a, , c");
    }
}
