//! The timeline in words, for people: each event described the same way for
//! the tooltip, the details panel, the screen-reader announcement and the
//! table ([`describe`]), the headline numbers under the title
//! ([`summary`]), and the times the chart writes on its events ([`times`]).

pub mod describe;
pub mod summary;
pub mod times;

use crate::time::step::Step;

/// What the axis's tick step is, for a screen reader after a zoom: "Time
/// axis: ticks every 5 minutes", "Time axis: ticks every hour".
pub fn tick_step(step: Step) -> String {
    let (n, unit) = match step {
        Step::Seconds(n) => (n, "second"),
        Step::Minutes(n) => (n, "minute"),
        Step::Hours(n) => (n, "hour"),
        Step::Days(n) => (n, "day"),
        Step::Week => (1, "week"),
        Step::Months(n) => (n, "month"),
        Step::Years(n) => (n, "year"),
    };
    if n > 1 {
        format!("Time axis: ticks every {n} {unit}s")
    } else {
        format!("Time axis: ticks every {unit}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tick_steps_read_naturally() {
        assert_eq!(
            tick_step(Step::Minutes(5)),
            "Time axis: ticks every 5 minutes"
        );
        assert_eq!(tick_step(Step::Hours(1)), "Time axis: ticks every hour");
        assert_eq!(tick_step(Step::Week), "Time axis: ticks every week");
    }
}
