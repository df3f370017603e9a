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
