//! The timeline in words, for people, in the reader's language: each event
//! described the same way for the tooltip, the details panel, the
//! screen-reader announcement and the table ([`describe`]), the headline
//! numbers under the title ([`summary`]), and the times the chart writes on
//! its events ([`times`]). Every word, number, duration and date goes
//! through a [`Locale`] ([`locale`]): English is built in ([`en`], the key
//! set), other languages' tables are `locales/<tag>.json` (embedded in the
//! full build by `tables`).
use crate::strings::cat;

pub mod describe;
pub mod en;
pub mod locale;
pub mod summary;
#[cfg(feature = "full")]
pub mod tables;
pub mod times;

pub use locale::Locale;

use crate::time::step::Step;

/// What the axis's tick step is, for a screen reader after a zoom: "Time
/// axis: ticks every 5 minutes", "Time axis: ticks every hour".
pub fn tick_step(step: Step, locale: &Locale) -> String {
    let (n, unit) = match step {
        Step::Seconds(n) => (n, "seconds"),
        Step::Minutes(n) => (n, "minutes"),
        Step::Hours(n) => (n, "hours"),
        Step::Days(n) => (n, "days"),
        Step::Week => (1, "weeks"),
        Step::Months(n) => (n, "months"),
        Step::Years(n) => (n, "years"),
    };
    locale.count(&cat(&["axis.", unit]), i64::from(n))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tick_steps_read_naturally() {
        let en = Locale::english();
        assert_eq!(
            tick_step(Step::Minutes(5), &en),
            "Time axis: ticks every 5 minutes"
        );
        assert_eq!(
            tick_step(Step::Hours(1), &en),
            "Time axis: ticks every hour"
        );
        assert_eq!(tick_step(Step::Week, &en), "Time axis: ticks every week");
    }
}
