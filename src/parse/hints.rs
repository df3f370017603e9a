//! Typo hints: the choice a misspelt key, kind or lane most likely meant,
//! and lists of choices written for a sentence.

/// Edits (insert, delete, substitute, swap two neighbours) from `a` to `b`:
/// a swapped pair like "ned" for "end" is one typo, not two.
pub(super) fn edit_distance(a: &str, b: &str) -> usize {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    // d[i][j]: distance between a[..i] and b[..j].
    let mut d = vec![vec![0; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(d[i - 2][j - 2] + 1);
            }
            d[i][j] = best;
        }
    }
    d[a.len()][b.len()]
}

/// The choice `word` is most likely a typo of, if any: at most two edits
/// away, and fewer edits than the choice has characters ("x" is not a typo of "id").
pub(super) fn closest<'a>(word: &str, choices: &[&'a str]) -> Option<&'a str> {
    // Lengths more than two apart are more than two edits apart: this keeps
    // a huge unknown key from costing a huge distance table per choice.
    let n = word.chars().count();
    choices
        .iter()
        .filter(|c| c.chars().count().abs_diff(n) <= 2)
        .map(|c| (edit_distance(word, c), *c))
        .filter(|(d, c)| *d <= 2 && *d < c.chars().count())
        .min()
        .map(|(_, c)| c)
}

pub(super) fn one_of(choices: &[&str]) -> String {
    // By hand: `join` here would be a second copy of it in the wasm.
    let mut out = String::new();
    for (i, c) in choices.iter().enumerate() {
        if i > 0 {
            out.push_str(if i + 1 == choices.len() { " or " } else { ", " });
        }
        out.push_str(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggestions_for_typos() {
        let keys = ["id", "lane", "kind", "title", "start", "end", "at"];
        let kinds = ["outage", "degraded", "maintenance", "activity", "milestone"];
        assert_eq!(closest("ned", &keys), Some("end"));
        assert_eq!(closest("outtage", &kinds), Some("outage"));
        assert_eq!(closest("zzzzzz", &kinds), None);
        assert_eq!(closest("wbe", &["db", "web"]), Some("web"));
        assert_eq!(closest("x", &["id", "at"]), None);
        assert_eq!(edit_distance("ned", "end"), 1);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
    }

    #[test]
    fn choices_read_as_a_list() {
        assert_eq!(one_of(&["a", "b", "c"]), "a, b or c");
        assert_eq!(one_of(&["a"]), "a");
    }
}
