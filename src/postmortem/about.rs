//! What an entry is about, from its words (English, any case): whom it
//! concerns (its [`Role`], which picks its lane) and what it says of the
//! users' side ([`Signal`]: impact began, got better, ended).
//!
//! Words are matched as phrases of whole words; a phrase word ending in
//! `*` matches any word it starts (`recover*`: recovered, recovering). A
//! phrase right after a negation (`no`, `none`, `not`, `without`, `never`, `n't`,
//! `prevent`, `avoid`, within five words) does not count: "no customer
//! impact" says nothing began. docs/text-format.md lists the phrases.

/// Whom an entry concerns.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Role {
    /// What users saw: errors, slowness, recovery.
    Impact,
    /// What the team did: alerts, pages, investigation, fixes.
    Response,
    /// What the users were told: status page, posts, emails.
    Communication,
    /// Anything else.
    Other,
}

/// What an entry says about the users' side.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Signal {
    /// Nothing.
    None,
    /// The team noticed something (an alert, a page, reports): impact had
    /// begun by then, if nothing says earlier.
    Noticed,
    /// Users started being hurt; `degraded` when only partly.
    Began { degraded: bool },
    /// Things got better but not well: recovery began, most recovered.
    Improved,
    /// A fix was applied or rolled back; users may be fine from here.
    Fixed,
    /// Users stopped being hurt: recovered, restored, resolved.
    Ended,
}

/// A text's words in lower case (letters, digits and inner apostrophes,
/// `’` read as `'`), by the tokenizer the kind rules use.
pub(super) fn words(text: &str) -> Vec<String> {
    super::kinds::words(&text.replace('’', "'"))
        .into_iter()
        .map(|(_, _, w)| w)
        .collect()
}

/// [`words`] of the sentences that state facts: not those that give
/// advice or a condition ("If you are still seeing errors, …", "Please
/// restage …").
fn fact_words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = text;
    while !rest.is_empty() {
        let end = rest
            .char_indices()
            .find(|&(i, c)| {
                c == '\n'
                    || (matches!(c, '.' | '!' | '?')
                        && rest[i + 1..].starts_with(|n: char| n.is_whitespace()))
            })
            .map_or(rest.len(), |(i, c)| i + c.len_utf8());
        let ws = words(&rest[..end]);
        if !ws
            .first()
            .is_some_and(|w| ["if", "please", "should", "unless"].contains(&w.as_str()))
        {
            out.extend(ws);
        }
        rest = &rest[end..];
    }
    out
}

fn word_matches(pattern: &str, w: &str) -> bool {
    match pattern.strip_suffix('*') {
        Some(stem) => w.starts_with(stem),
        None => pattern == w,
    }
}

const NEGATIONS: [&str; 15] = [
    "no",
    "none",
    "nothing",
    "neither",
    "not",
    "without",
    "never",
    "prevent",
    "prevented",
    "avoid",
    "avoided",
    "nor",
    "zero",
    "ruled",
    "unlikely",
];

/// Where `phrase` stands in `ws` (not negated), if it does.
fn find(ws: &[String], phrase: &str) -> Option<usize> {
    let parts: Vec<&str> = phrase.split(' ').collect();
    if parts.len() > ws.len() {
        return None;
    }
    (0..=ws.len() - parts.len()).find(|&k| at(ws, k, &parts))
}

/// Whether the phrase `parts` stands at `k` in `ws`, not negated.
fn at(ws: &[String], k: usize, parts: &[&str]) -> bool {
    k + parts.len() <= ws.len()
        && parts.iter().zip(&ws[k..]).all(|(p, w)| word_matches(p, w))
        && !ws[k.saturating_sub(5)..k]
            .iter()
            .any(|w| NEGATIONS.contains(&w.as_str()) || w.ends_with("n't"))
}

fn any(ws: &[String], phrases: &[&str]) -> bool {
    phrases.iter().any(|p| find(ws, p).is_some())
}

/// Words that make what follows a plan or a need, not a fact ("needs to
/// recover", "will be restored").
const MODAL: [&str; 13] = [
    "to", "will", "would", "should", "could", "can", "may", "might", "must", "be", "needs", "need",
    "until",
];

/// [`any`], not within two words after a [`MODAL`] word.
fn any_done(ws: &[String], phrases: &[&str]) -> bool {
    phrases.iter().any(|p| {
        let parts: Vec<&str> = p.split(' ').collect();
        (0..ws.len()).any(|k| {
            at(ws, k, &parts)
                && !ws[k.saturating_sub(2)..k]
                    .iter()
                    .any(|w| MODAL.contains(&w.as_str()))
        })
    })
}

/// Users started being hurt.
const BEGAN: &[&str] = &[
    "went down",
    "go down",
    "goes down",
    "going down",
    "was down",
    "being down",
    "were down",
    "is down",
    "are down",
    "taken down",
    "took down",
    "brought down",
    "outage",
    "outages",
    "unavailable",
    "unavailability",
    "unreachable",
    "inaccessible",
    "offline",
    "stopped responding",
    "stopped working",
    "stopped serving",
    "stopped processing",
    "stopped accepting",
    "not responding",
    "unresponsive",
    "fail",
    "fails",
    "failing",
    "failed",
    "failure",
    "failures",
    "error",
    "errors",
    "erroring",
    "5xx",
    "5xxs",
    "4xx",
    "500s",
    "502s",
    "503s",
    "504s",
    "502",
    "503",
    "504",
    "500 error*",
    "timeout*",
    "timed out",
    "timing out",
    "disruption*",
    "disrupted",
    "degradation",
    "degraded",
    "elevated",
    "latency",
    "latencies",
    "slow",
    "slower",
    "slowness",
    "slowdown*",
    "impact began",
    "impact started",
    "impact starts",
    "impact start",
    "impact begins",
    "impacted",
    "impacting",
    "were affected",
    "was affected",
    "began affecting",
    "started affecting",
    "unable",
    "could not",
    "couldn't",
    "cannot",
    "can't",
    "onset",
    "incident began",
    "incident begins",
    "incident started",
    "incident start",
    "outage began",
    "outage begins",
    "crash*",
    "lost access",
    "lost connectivity",
    "loss of",
    "packet loss",
    "dropped",
    "dropping",
    "spike*",
    "broke",
    "broken",
    "recur*",
    "users saw",
    "users see",
    "affected all",
    "affecting all",
    "affected every*",
    "affected users",
    "affected customers",
    "affecting users",
    "affecting customers",
    "trouble",
    "troubles",
    "having issues",
    "experiencing issues",
    "issues with",
    "problems with",
    "halt",
    "halted",
    "halts",
    "stuck",
    "delay",
    "delays",
    "delayed",
    "not loading",
    "not working",
    "not available",
    "no longer available",
    "breaking",
    "breaks",
    "fully down",
    "completely down",
    "totally down",
    "entirely down",
    "hard down",
    "regression",
    "customers saw",
    "customers see",
];

/// Only part of the users or part of the service.
const PARTLY: &[&str] = &[
    "delay",
    "delays",
    "delayed",
    "trouble",
    "elevated",
    "increased",
    "some",
    "subset",
    "partial",
    "partially",
    "intermittent*",
    "sporadic*",
    "slow",
    "slower",
    "slowness",
    "slowdown*",
    "latency",
    "latencies",
    "degraded",
    "degradation",
    "a number of",
    "support for",
    "unaffected",
    "not affected",
    "not impacted",
    "regression",
    "regressions",
    "certain",
    "several",
    "a few",
    "small",
    "minority",
    "occasional*",
];

/// Users stopped being hurt.
const ENDED: &[&str] = &[
    "recovered",
    "recovery complete*",
    "full recovery",
    "fully recovered",
    "restored",
    "back online",
    "back up",
    "back to normal",
    "returned to normal",
    "return to normal",
    "returns to normal",
    "returning to normal",
    "back to baseline",
    "returned to baseline",
    "at baseline",
    "normal levels",
    "normal operation*",
    "operating normally",
    "functioning normally",
    "working normally",
    "working again",
    "accepted again",
    "available again",
    "reachable again",
    "accessible again",
    "responding again",
    "serving again",
    "online again",
    "up again",
    "operational again",
    "functional again",
    "succeeding again",
    "fully functional",
    "fully functioning",
    "fully operational",
    "resolved",
    "mitigated",
    "mitigation complete*",
    "recover",
    "recovers",
    "all clear",
    "errors stopped",
    "errors subsided",
    "errors ceased",
    "error rates dropped",
    "error rate dropped",
    "no longer",
    "incident closed",
    "incident ended",
    "incident ends",
    "incident end",
    "incident over",
    "outage ended",
    "outage ends",
    "outage end",
    "outage over",
    "impact ended",
    "impact ends",
    "impact end",
    "end of impact",
    "impact mitigated",
    "stabilized",
    "stabilised",
    "stabilize",
    "stabilise",
    "stabilizes",
    "stabilises",
    "healthy",
    "resumed",
];

/// Better, not well.
const IMPROVED: &[&str] = &[
    "begin* to recover",
    "began to recover",
    "start* to recover",
    "starting to recover",
    "begin* recovering",
    "began recovering",
    "start* recovering",
    "recovering",
    "partial* recover*",
    "partial* restor*",
    "partially back",
    "some recovery",
    "signs of recovery",
    "see recovery",
    "seeing recovery",
    "saw recovery",
    "majority",
    "most services",
    "most traffic",
    "most customers",
    "most users",
    "most requests",
    "most regions",
    "most sites",
    "most systems",
    "most of",
    "improv*",
    "gradually",
    "slowly recover*",
];

/// Better, when what got less is what hurt users ("error rates
/// decreased"; not "netspace decreasing").
const LESS: &[&str] = &[
    "decreas*", "reduc*", "subsid*", "declin*", "lower*", "dropp*",
];

/// What hurt users, for [`LESS`].
const HURT: &[&str] = &[
    "error*", "5xx*", "failure*", "latenc*", "timeout*", "delay*", "backlog", "queue*", "lag",
];

/// A fix applied: users may be fine from here.
const FIXED: &[&str] = &[
    "fix deployed",
    "fix was deployed",
    "fix implemented",
    "fix has been implemented",
    "fix was implemented",
    "fix applied",
    "fix was applied",
    "fix rolled out",
    "deployed a fix",
    "deployed the fix",
    "applied a fix",
    "applied the fix",
    "implemented a fix",
    "rolled back",
    "rollback complete*",
    "rolled out a fix",
    "reverted",
    "revert complete*",
    "monitoring",
];

/// The team noticed.
const NOTICED: &[&str] = &[
    "alert*",
    "paged",
    "page",
    "pages",
    "detected",
    "detect*",
    "noticed",
    "notice*",
    "report*",
    "investigat*",
    "incident declared",
    "declared an incident",
    "on-call",
    "oncall",
    "escalat*",
];

/// What the team did.
const RESPONSE: &[&str] = &[
    "found",
    "finds",
    "find",
    "alert*",
    "paged",
    "page",
    "pages",
    "detected",
    "detect*",
    "noticed",
    "investigat*",
    "identif*",
    "root cause",
    "cause",
    "diagnos*",
    "deploy*",
    "rolled back",
    "roll back",
    "rollback",
    "revert*",
    "restart*",
    "reboot*",
    "fix*",
    "escalat*",
    "on-call",
    "oncall",
    "responder*",
    "failover",
    "failed over",
    "fail over",
    "scaled",
    "scale",
    "migrat*",
    "patch*",
    "disabled",
    "enabled",
    "applied",
    "ran",
    "began work*",
    "started work*",
    "working on",
    "war room",
    "bridge",
    "incident commander",
    "drain*",
    "removed",
    "added",
    "changed",
    "updated",
    "upgraded",
    "replaced",
    "config*",
    "change",
    "opened",
    "created",
    "triage*",
    "monitoring",
    "postmortem",
    "post-mortem",
];

/// Words that make an entry the team's only when nothing in it says what
/// users saw ("we saw errors" is impact; "we restarted" is response).
const RESPONSE_WEAK: &[&str] = &[
    "we",
    "our",
    "team",
    "teams",
    "engineer*",
    "mitigat*",
    "resolved",
    "closed",
    "declared",
    "declare*",
];

/// What the users were told.
const COMMUNICATION: &[&str] = &[
    "status page",
    "statuspage",
    "status site",
    "status update",
    "status post",
    "posted",
    "tweet*",
    "twitter",
    "email*",
    "e-mail*",
    "notif*",
    "communicat*",
    "announce*",
    "public incident",
    "blog",
    "inform*",
    "community",
    "support ticket*",
    "customers were told",
    "customer notice",
    "banner",
    "published",
];

/// What an entry's text says of the users' side.
pub(super) fn signal(text: &str) -> Signal {
    let ws = fact_words(text);
    // "recovered", unless it says only that recovery began.
    let less = any(&ws, LESS) && any(&ws, HURT);
    if (any(&ws, IMPROVED) || less)
        && !any(&ws, &["fully", "full", "all", "completely", "complete"])
    {
        return Signal::Improved;
    }
    let fixed = any(&ws, FIXED);
    // Under a fix, "the problems" are the known ones, not new.
    let began = if fixed {
        began_new(&ws)
    } else {
        began_any(&ws)
    };
    let again = any(
        &ws,
        &["again", "recur*", "resurfaced", "returned", "reoccur*"],
    );
    if any_done(&ws, ENDED) || resumed(&ws) {
        if began && again {
            // The issue came back: began, below.
        } else if still_hurt(&ws) {
            return Signal::Improved;
        } else {
            return Signal::Ended;
        }
    }
    if began {
        return Signal::Began {
            degraded: partly(text, &ws),
        };
    }
    if fixed {
        return Signal::Fixed;
    }
    if any(&ws, NOTICED) {
        return Signal::Noticed;
    }
    Signal::None
}

/// Whether a text says users were hurt: `Some(degraded)`, whatever else
/// it says (a range "from the errors until it was resolved").
pub(super) fn hurt(text: &str) -> Option<bool> {
    let ws = fact_words(text);
    began_any(&ws).then(|| partly(text, &ws))
}

/// Words that make a following phrase a plan or a risk, not a fact ("we
/// decided to delay disclosure", "will be unavailable").
const PLANNED: [&str; 12] = [
    "will", "would", "could", "might", "may", "should", "decided", "decide", "plan", "planned",
    "risk", "expect*",
];

/// What users do, which the team may stop ("stopped uploads") and resume.
/// Not what the team stops for itself or against an abuser ("paused
/// deploys", "blocked traffic from the IP", "stopped requests to the
/// bad region").
const ACTIVITIES: [&str; 12] = [
    "upload*",
    "download*",
    "publish*",
    "build*",
    "write*",
    "signups",
    "sign-ups",
    "login*",
    "order*",
    "payment*",
    "checkout*",
    "transactions",
];

/// `verb` then, within two words, one of [`ACTIVITIES`].
fn verb_activity(ws: &[String], verbs: &[&str]) -> bool {
    (0..ws.len()).any(|k| {
        verbs.iter().any(|v| at(ws, k, &[v]))
            && ws[k + 1..(k + 3).min(ws.len())]
                .iter()
                .any(|w| ACTIVITIES.iter().any(|a| word_matches(a, w)))
    })
}

/// The team stopped what users do ("disabled the token and stopped uploads").
fn stopped(ws: &[String]) -> bool {
    verb_activity(
        ws,
        &[
            "stopped",
            "paused",
            "suspended",
            "disabled",
            "halted",
            "froze",
            "blocked",
        ],
    )
}

/// … and let them again ("restarted uploads", "re-enabled logins").
fn resumed(ws: &[String]) -> bool {
    verb_activity(
        ws,
        &[
            "restarted",
            "resumed",
            "reenabled",
            "unpaused",
            "unblocked",
            "reopened",
            "unfroze",
        ],
    ) || any(ws, &["re enabled"])
        || (any(
            ws,
            &["restriction*", "limits", "block", "blocks", "throttl*"],
        ) && any(ws, &["removed", "lifted"]))
}

/// "still" before what hurts ("fresh orders were still blocked", "some
/// users still see errors"); not "still monitoring".
fn still_hurt(ws: &[String]) -> bool {
    (0..ws.len()).any(|k| {
        ws[k] == "still"
            && ws[k + 1..(k + 5).min(ws.len())].iter().any(|w| {
                [
                    "blocked",
                    "affected",
                    "impacted",
                    "seeing",
                    "see",
                    "experiencing",
                    "down",
                    "unavailable",
                    "failing",
                    "erroring",
                    "errors",
                    "degraded",
                    "slow",
                    "elevated",
                ]
                .contains(&w.as_str())
            })
    })
}

/// Whether a phrase of [`BEGAN`] stands in `ws` as a fact (not a plan).
fn began_any(ws: &[String]) -> bool {
    stopped(ws) || began_where(ws, |_| true)
}

/// [`began_any`], not counting what refers to impact already known ("the
/// problems with", "this issue"): what a fix entry mentions.
fn began_new(ws: &[String]) -> bool {
    stopped(ws)
        || began_where(ws, |k| {
            k == 0 || !["the", "this", "these", "those", "that"].contains(&ws[k - 1].as_str())
        })
}

fn began_where(ws: &[String], keep: impl Fn(usize) -> bool) -> bool {
    BEGAN.iter().any(|p| {
        let parts: Vec<&str> = p.split(' ').collect();
        (0..ws.len()).any(|k| {
            at(ws, k, &parts)
                && keep(k)
                && !ws[k.saturating_sub(2)..k]
                    .iter()
                    .any(|w| PLANNED.iter().any(|m| word_matches(m, w)))
        })
    })
}

/// Whether the hurt was partial: words that say so, or a stated share.
fn partly(text: &str, ws: &[String]) -> bool {
    any(ws, PARTLY) || super::kinds::share(text).is_some()
}

/// A change shipped: what a later entry may say introduced the impact.
const SHIPPED: &[&str] = &[
    "released",
    "deployed",
    "rolled out",
    "upgraded",
    "merged",
    "published",
    "shipped",
    "pushed",
    "applied",
    "updated",
    "migrated",
];

/// Words that say what hurt users was introduced before ("we had
/// introduced a regression", "caused by the release").
const INTRODUCED: &[&str] = &[
    "introduced",
    "caused by the",
    "since the release",
    "since the deploy*",
    "after the release",
    "after the deploy*",
    "after the upgrade",
    "after the change",
];

/// Whether an entry ships a change.
pub(super) fn shipped(text: &str) -> bool {
    let ws = fact_words(text);
    any(&ws, SHIPPED) && !any(&ws, FIXED)
}

/// Whether an entry says what hurt users came with an earlier change.
pub(super) fn introduced(text: &str) -> bool {
    any(&fact_words(text), INTRODUCED)
}

/// Whom an entry's text concerns.
pub(super) fn role(text: &str, signal: Signal) -> Role {
    let ws = words(text);
    if any(&ws, COMMUNICATION) {
        return Role::Communication;
    }
    if any(&ws, RESPONSE) {
        return Role::Response;
    }
    let users = matches!(
        signal,
        Signal::Began { .. } | Signal::Improved | Signal::Ended
    );
    if !users && any(&ws, RESPONSE_WEAK) {
        return Role::Response;
    }
    match signal {
        Signal::Began { .. } | Signal::Improved | Signal::Ended => Role::Impact,
        Signal::Noticed | Signal::Fixed => Role::Response,
        Signal::None => Role::Other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signals() {
        let s = signal;
        assert_eq!(
            s("First alerts for elevated 5xx"),
            Signal::Began { degraded: true }
        );
        assert_eq!(
            s("Initial onset of global disruption"),
            Signal::Began { degraded: false }
        );
        assert_eq!(s("Most services begin to recover"), Signal::Improved);
        assert_eq!(s("Incident mitigated"), Signal::Ended);
        assert_eq!(s("All services fully recovered"), Signal::Ended);
        assert_eq!(s("Error rates back to normal"), Signal::Ended);
        assert_eq!(s("No customer impact was observed"), Signal::None);
        assert_eq!(s("We rolled back the change"), Signal::Fixed);
        assert_eq!(s("On-call engineer paged"), Signal::Noticed);
        assert_eq!(
            s("The issue recurred and the site went down again"),
            Signal::Began { degraded: false }
        );
        assert_eq!(s("Planning the migration"), Signal::None);
        // Advice and conditions state nothing.
        assert_eq!(
            s("A fix was deployed. If you still see errors, please restage."),
            Signal::Fixed
        );
        // The team stopping what users do is impact; letting them again ends it.
        assert_eq!(
            s("The team disabled the token and stopped uploads"),
            Signal::Began { degraded: false }
        );
        assert_eq!(
            s("We deployed a new token and restarted uploads"),
            Signal::Ended
        );
        // Under a fix, "the problems" are the known ones.
        assert_eq!(
            s("Reverted the change whilst reviewing the problems with it"),
            Signal::Fixed
        );
        assert_eq!(
            s("\"Fix\" applied, service fully down"),
            Signal::Began { degraded: false }
        );
        // Plans are not facts; "still" is not over.
        assert_eq!(s("We decided to delay disclosure by a day"), Signal::None);
        assert_eq!(
            s("We resumed exits but fresh orders were still blocked"),
            Signal::Improved
        );
        assert_eq!(s("Errors resolved; we are still monitoring"), Signal::Ended);
        assert_eq!(s("We paused deploys while we investigate"), Signal::Noticed);
        assert_eq!(
            s("We blocked traffic from the abusive IP address"),
            Signal::None
        );
        assert!(introduced(
            "We received a report that we had introduced a regression"
        ));
        assert!(shipped("We released a new version"));
    }

    #[test]
    fn roles() {
        let r = |t: &str| role(t, signal(t));
        assert_eq!(r("Status page updated"), Role::Communication);
        assert_eq!(r("Customers notified by email"), Role::Communication);
        assert_eq!(r("Engineer paged"), Role::Response);
        assert_eq!(r("Users began seeing 502 errors"), Role::Impact);
        assert_eq!(r("Service restored"), Role::Impact);
        assert_eq!(r("Root cause identified"), Role::Response);
        assert_eq!(r("Lunch"), Role::Other);
    }
}
