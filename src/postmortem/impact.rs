//! When users were hurt, inferred from a timeline of instants.
//!
//! Most post-mortems list instants with words ("14:02 First alerts for
//! elevated 5xx … 14:20 Most services begin to recover … 14:51 Incident
//! mitigated") and leave the impact window to the reader. This module draws
//! it the way a careful reader would, from each entry's
//! [`Signal`](super::about::Signal), walking the entries in time order:
//!
//! * impact **began** (errors, went down, unavailable, elevated latency …)
//!   opens a window: degraded when the words say only partly (elevated,
//!   some, partial, a share), else an outage. A window that is degraded
//!   and then an outage is split there. It opens earlier when the words
//!   say it had begun before: at the first notice before it when the
//!   entry tells users of it ("updates the community of an active
//!   outage" after "Incident declared"), at the last change shipped
//!   before it when the entry says that change introduced it ("a report
//!   that we had introduced a regression" after "We released 1.24.0").
//! * recovery **began** (began to recover, most services recovered)
//!   turns an outage into a degraded stretch from there.
//! * impact **ended** (recovered, restored, back to normal, resolved,
//!   mitigated) closes the window. A window that nothing closes ends at the
//!   first fix after it (rolled back, fix deployed, monitoring), else it is
//!   not drawn: nothing in the text says when it ended.
//! * the team **noticed** (an alert, a page, reports, investigating) opens
//!   a window only when impact ends, or recovery begins, with no window
//!   open: the impact had begun by then at the latest. Not in a text that
//!   states its impact ranges: its author said when users were hurt.
//!
//! Ranges the text states (`8:24 – 8:49 AM: outage`, phase markers) win:
//! entries inside them say nothing new, and an inferred window that would
//! overlap one is not drawn.

use super::about::Signal;
use crate::time::Instant;

/// One instant of the timeline and what its words say.
#[derive(Clone, Copy, Debug)]
pub(super) struct Point {
    pub at: Instant,
    pub signal: Signal,
    /// What it says began had begun before: users were told of it, or it
    /// was introduced earlier ("a report that we had introduced a
    /// regression").
    pub since: Since,
    /// A change shipped (released, deployed, upgraded): what a later entry
    /// may say introduced the impact.
    pub change: bool,
}

/// When what an entry says began had begun.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) enum Since {
    /// At the entry.
    #[default]
    Here,
    /// By the first notice before it (users were told of an outage the
    /// team had already declared).
    Noticed,
    /// At the last change before it.
    Change,
}

/// An inferred window: from one point to another (indices into the points).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Window {
    pub from: usize,
    pub to: usize,
    pub degraded: bool,
}

/// The windows the points imply; `points` in time order, `stated` the
/// impact ranges the text states.
pub(super) fn windows(points: &[Point], stated: &[(Instant, Instant)]) -> Vec<Window> {
    let inside = |at: Instant| stated.iter().any(|&(a, b)| a <= at && at <= b);
    let mut out: Vec<Window> = Vec::new();
    let mut open: Option<(usize, bool)> = None;
    let mut noticed: Option<usize> = None;
    let mut fixed: Option<usize> = None;
    let mut change: Option<usize> = None;
    for (i, p) in points.iter().enumerate() {
        if inside(p.at) {
            continue;
        }
        match (p.signal, open) {
            (Signal::Began { degraded }, None) => {
                let from = match p.since {
                    Since::Here => None,
                    Since::Noticed => noticed,
                    Since::Change => change,
                };
                open = Some((from.unwrap_or(i), degraded));
                fixed = None;
                noticed = None;
            }
            // Worse: a degraded stretch, then an outage.
            (Signal::Began { degraded: false }, Some((from, true))) => {
                out.push(Window {
                    from,
                    to: i,
                    degraded: true,
                });
                open = Some((i, false));
            }
            // A text that states its ranges said when users were hurt.
            (Signal::Noticed, None) if stated.is_empty() => {
                noticed = noticed.or(Some(i));
            }
            (Signal::Improved, Some((from, false))) => {
                out.push(Window {
                    from,
                    to: i,
                    degraded: false,
                });
                open = Some((i, true));
            }
            // Better, or over, with nothing open: it had begun by the
            // first notice (an outage until here; degraded on if only better).
            (Signal::Improved | Signal::Ended, None) => {
                if let Some(n) = noticed.take() {
                    out.push(Window {
                        from: n,
                        to: i,
                        degraded: false,
                    });
                    if p.signal == Signal::Improved {
                        open = Some((i, true));
                    }
                }
            }
            (Signal::Fixed, Some(_)) => {
                fixed = fixed.or(Some(i));
            }
            (Signal::Ended, Some((from, degraded))) => {
                out.push(Window {
                    from,
                    to: i,
                    degraded,
                });
                open = None;
                fixed = None;
                noticed = None;
                change = None;
            }
            _ => {}
        }
        if p.change && open.is_none() {
            change = Some(i);
        }
    }
    if let (Some((from, degraded)), Some(to)) = (open, fixed) {
        out.push(Window { from, to, degraded });
    }
    out.retain(|w| {
        let (a, b) = (points[w.from].at, points[w.to].at);
        b > a && !stated.iter().any(|&(s, e)| s < b && a < e)
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use Signal::*;

    fn at(signals: &[Signal]) -> Vec<Point> {
        signals
            .iter()
            .enumerate()
            .map(|(i, &signal)| Point {
                at: i as i64 * 60_000,
                signal,
                since: Since::Here,
                change: false,
            })
            .collect()
    }

    fn w(from: usize, to: usize, degraded: bool) -> Window {
        Window { from, to, degraded }
    }

    #[test]
    fn began_improved_ended() {
        let p = at(&[
            None,
            Began { degraded: false },
            Noticed,
            Improved,
            Fixed,
            Ended,
            Ended,
        ]);
        assert_eq!(windows(&p, &[]), [w(1, 3, false), w(3, 5, true)]);
    }

    #[test]
    fn noticed_opens_only_when_impact_ends() {
        assert_eq!(windows(&at(&[Noticed, None, Ended]), &[]), [w(0, 2, false)]);
        assert_eq!(windows(&at(&[Noticed, Fixed, None]), &[]), []);
    }

    #[test]
    fn degraded_then_worse() {
        let p = at(&[Began { degraded: true }, Began { degraded: false }, Ended]);
        assert_eq!(windows(&p, &[]), [w(0, 1, true), w(1, 2, false)]);
    }

    #[test]
    fn unclosed_ends_at_a_fix_or_not_at_all() {
        assert_eq!(
            windows(&at(&[Began { degraded: false }, Fixed, None]), &[]),
            [w(0, 1, false)]
        );
        assert_eq!(windows(&at(&[Began { degraded: false }, None]), &[]), []);
    }

    #[test]
    fn began_before_it_was_said() {
        let mut p = at(&[Noticed, None, Began { degraded: false }, Ended]);
        assert_eq!(windows(&p, &[]), [w(2, 3, false)]);
        p[2].since = Since::Noticed;
        assert_eq!(windows(&p, &[]), [w(0, 3, false)]);
        let mut p = at(&[None, None, Began { degraded: true }, Ended]);
        p[1].change = true;
        p[2].since = Since::Change;
        assert_eq!(windows(&p, &[]), [w(1, 3, true)]);
    }

    #[test]
    fn stated_ranges_win() {
        let p = at(&[
            Began { degraded: false },
            Ended,
            Began { degraded: false },
            Ended,
        ]);
        // 0–1 min is stated: the entries inside say nothing new.
        assert_eq!(windows(&p, &[(0, 60_000)]), [w(2, 3, false)]);
        // One overlapping an inferred window removes it.
        assert_eq!(windows(&p, &[(150_000, 170_000)]), [w(0, 1, false)]);
    }
}
