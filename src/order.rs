//! One sort for the whole crate. Every distinct `sort_by` closure is its own
//! copy of the sort routine in the wasm; sorting by integer keys through this
//! one function keeps a single copy (several kilobytes on the wire).

/// Indices of `keys` in ascending key order; equal keys keep their input order.
pub fn by_keys(keys: impl IntoIterator<Item = [i64; 3]>) -> Vec<usize> {
    let mut v: Vec<([i64; 3], usize)> = keys.into_iter().enumerate().map(|(i, k)| (k, i)).collect();
    v.sort_unstable();
    v.into_iter().map(|(_, i)| i).collect()
}

/// Sorts `items` by `key` (stable).
pub fn sort_by_keys<T: Clone>(items: &mut Vec<T>, key: impl Fn(&T) -> [i64; 3]) {
    let order = by_keys(items.iter().map(key));
    *items = order.into_iter().map(|i| items[i].clone()).collect();
}

/// A pixel position as a sort key (1/1024 px resolution).
pub fn px_key(x: f64) -> i64 {
    (x * 1024.0) as i64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_stably_by_keys() {
        assert_eq!(
            by_keys([[2, 0, 0], [1, 5, 0], [1, 5, 0], [1, 0, 9]]),
            vec![3, 1, 2, 0]
        );
        let mut v = vec!["b", "a", "c"];
        sort_by_keys(&mut v, |s| [i64::from(s.as_bytes()[0]), 0, 0]);
        assert_eq!(v, ["a", "b", "c"]);
    }
}
