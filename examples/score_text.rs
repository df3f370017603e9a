//! Prints how well the text reader reads the corpus of real post-mortems
//! (`tests/fixtures/corpus/`): per post and in total, the instants read
//! right, the impact windows drawn right, the downtime against the
//! hand-checked range, the title, and the lines that looked like entries
//! but were not read. `npm run score:text`; `-- --verbose` lists every
//! extra instant and unread line.

#[path = "../tests/support/corpus.rs"]
mod corpus;

fn main() {
    let verbose = std::env::args().any(|a| a == "--verbose" || a == "-v");
    let scores: Vec<corpus::Score> = corpus::posts()
        .iter()
        .map(|(name, path)| corpus::score(name, path))
        .collect();
    print!("{}", corpus::report(&scores, verbose));
    // `--show NAME`: the chart read from one post, event by event.
    let args: Vec<String> = std::env::args().collect();
    if let Some(k) = args.iter().position(|a| a == "--show") {
        let name = args.get(k + 1).map(String::as_str).unwrap_or("");
        for (n, path) in corpus::posts().iter().filter(|(n, _)| n.contains(name)) {
            println!("\n{n}:\n{}", corpus::show(path));
        }
    }
}
