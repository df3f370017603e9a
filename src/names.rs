//! A map from names (lane and event ids) to the index that first used them,
//! for the parser: open addressing with FNV-1a hashing. It does what std's
//! `HashMap<String, usize>` did there in a fraction of the wasm (no SipHash,
//! no SwissTable), with the same cost per lookup.

/// Names and their indices.
#[derive(Debug, Default)]
pub struct Names {
    entries: Vec<(String, usize)>,
    /// Each slot is 0 (empty) or an entry's position + 1; a power of two long.
    slots: Vec<u32>,
}

fn hash(name: &str) -> u32 {
    name.bytes().fold(0x811c_9dc5u32, |h, b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    })
}

impl Names {
    /// The slot where `name` is, or the empty one where it would go.
    fn slot(&self, name: &str) -> usize {
        let mask = self.slots.len() - 1;
        let mut i = hash(name) as usize & mask;
        loop {
            match self.slots[i] {
                0 => return i,
                e if self.entries[e as usize - 1].0 == name => return i,
                _ => i = (i + 1) & mask,
            }
        }
    }

    /// The index given with `name`, if it was.
    pub fn get(&self, name: &str) -> Option<usize> {
        if self.slots.is_empty() {
            return None;
        }
        match self.slots[self.slot(name)] {
            0 => None,
            e => Some(self.entries[e as usize - 1].1),
        }
    }

    /// Gives `name` the index `value`, unless it has one already.
    pub fn insert(&mut self, name: &str, value: usize) {
        // At most half full: probes stay short.
        if (self.entries.len() + 1) * 2 > self.slots.len() {
            let mut grown = Names {
                entries: Vec::with_capacity(self.entries.len() * 2),
                slots: vec![0; (self.slots.len() * 2).max(16)],
            };
            for (n, v) in self.entries.drain(..) {
                let at = grown.slot(&n);
                grown.entries.push((n, v));
                grown.slots[at] = grown.entries.len() as u32;
            }
            *self = grown;
        }
        let at = self.slot(name);
        if self.slots[at] == 0 {
            self.entries.push((name.to_string(), value));
            self.slots[at] = self.entries.len() as u32;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_keep_their_first_index() {
        let mut n = Names::default();
        assert_eq!(n.get("a"), None);
        for i in 0..1000 {
            n.insert(&format!("id-{i}"), i);
        }
        n.insert("id-7", 99);
        assert_eq!(n.get("id-7"), Some(7));
        assert_eq!(n.get("id-999"), Some(999));
        assert_eq!(n.get("id-1000"), None);
        assert_eq!(n.get(""), None);
        n.insert("", 5);
        assert_eq!(n.get(""), Some(5));
    }
}
