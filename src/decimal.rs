//! Numbers in messages, written the way JSON and JavaScript write them
//! ("0.3", "1.5", "NaN"). In wasm the host writes them: Rust's own float
//! printer is several kilobytes the widget would download for the odd
//! error message.

/// The shortest decimal form of `x`.
pub fn decimal(x: f64) -> String {
    #[cfg(target_arch = "wasm32")]
    {
        js_sys::Number::from(x)
            .to_string_with_radix(10)
            .map(String::from)
            .unwrap_or_default()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        x.to_string()
    }
}

/// Writes `n`'s digits to `out`, at least `width` of them (zeros first):
/// no formatting machinery and no allocation. Every whole number the widget
/// writes goes through here (times, offsets, font sizes, a problem's line and
/// column), so its wasm carries none of `core::fmt`.
pub fn push_digits(out: &mut String, n: u64, width: usize) {
    let mut buf = [b'0'; 20];
    let (mut i, mut n) = (buf.len(), n);
    loop {
        i -= 1;
        buf[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    let start = i.min(buf.len().saturating_sub(width));
    for &b in buf.get(start..).unwrap_or_default() {
        out.push(char::from(b));
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn digits() {
        let mut s = String::new();
        for (n, w, want) in [
            (0, 1, "0"),
            (7, 2, "07"),
            (42, 2, "42"),
            (2023, 1, "2023"),
            (u64::MAX, 1, "18446744073709551615"),
            (5, 0, "5"),
        ] {
            s.clear();
            super::push_digits(&mut s, n, w);
            assert_eq!(s, want);
        }
    }
}
