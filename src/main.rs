//! The `frame` binary: parse arguments, call the library, print messages,
//! map errors to exit codes (0 ok, 1 bad input or usage, 2 internal failure).

use clap::Parser;
use cli::{Cli, Command};
use frame::commands::cli;
use std::io::Write;
use std::process::ExitCode;

/// mimalloc instead of the system allocator: glibc's malloc either hands
/// freed pages back and takes them again at a page fault each, or, told to
/// keep them, lets each thread's arena grow apart, so the peak memory moves
/// from run to run; mimalloc keeps it low and steady. Outputs are unchanged
/// (no result depends on addresses).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn warn(msg: &str) {
    eprintln!("warning: {msg}");
}

fn analyze(args: &cli::AnalyzeArgs) -> Result<(), frame::Error> {
    let opts = args.to_options().map_err(frame::Error::Usage)?;
    let corpus = frame::pipeline::read(&opts)?;
    // Said before the analysis, so that they are not lost if it fails.
    for s in &corpus.skipped {
        warn(&format!("skipped {}: {}", s.source, s.reason));
    }
    for w in &corpus.warnings {
        warn(w);
    }
    let printed = corpus.warnings.len();
    let (analysis, summary) = frame::pipeline::run_on(corpus, &opts)?;
    // The analysis's own warnings follow the corpus's, already printed.
    for w in analysis.warnings.iter().skip(printed) {
        warn(w);
    }
    for p in &summary.protected {
        warn(&format!(
            "{} already exists and was not written by frame: left untouched, so this output was not written (use --out to choose another folder)",
            opts.out.join(p).display()
        ));
    }
    if !opts.quiet {
        let skipped = analysis.skipped.len();
        eprintln!(
            "frame: analysed {} article{}{}; wrote {} files to {} (open {})",
            summary.articles,
            if summary.articles == 1 { "" } else { "s" },
            if skipped > 0 {
                format!(", skipped {skipped} (see warnings above)")
            } else {
                String::new()
            },
            summary.written.len(),
            opts.out.display(),
            opts.out.join("report.html").display()
        );
    }
    // The process ends next: freeing millions of small allocations one by
    // one would take about a second at 100,000 articles, for nothing.
    std::mem::forget(analysis);
    Ok(())
}

fn score(args: &cli::ScoreArgs) -> Result<(), frame::Error> {
    let opts = args.to_options().map_err(frame::Error::Usage)?;
    let stdin = std::io::stdin();
    let mut lock = stdin.lock();
    let (docs, warnings) = frame::commands::score::read_texts(
        &opts,
        if args.input.is_none() {
            Some(&mut lock)
        } else {
            None
        },
    )?;
    for w in &warnings {
        warn(w);
    }
    let set = frame::lexicon::load::set_for_run(&opts)?;
    for w in &set.warnings {
        warn(&format!("lexicon: {w}"));
    }
    let rows = frame::commands::score::score(&docs, &opts)?;
    let frames: Vec<String> = set.lexicons.iter().map(|l| l.name.clone()).collect();
    let bytes = if args.json {
        frame::commands::score::to_jsonl(&rows)
    } else {
        frame::commands::score::to_csv(&rows, &frames)
    };
    let mut out = std::io::stdout().lock();
    // A closed pipe (e.g. `| head`) is not an error worth a message.
    let _ = out.write_all(&bytes).and_then(|_| out.flush());
    Ok(())
}

/// Writes to stdout; a closed pipe (e.g. `| head`) is not an error worth a message.
fn print_out(bytes: &[u8]) {
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(bytes).and_then(|_| out.flush());
}

fn lexicon_set(sel: &cli::LexiconSelection) -> Result<frame::lexicon::LexiconSet, frame::Error> {
    let mut opts = frame::Options::new(Vec::new());
    sel.apply(&mut opts).map_err(frame::Error::Usage)?;
    let set = frame::lexicon::load::set_for_run(&opts)?;
    for w in &set.warnings {
        warn(&format!("lexicon: {w}"));
    }
    Ok(set)
}

fn lexicon(args: &cli::LexiconArgs) -> Result<(), frame::Error> {
    use cli::LexiconCommand as L;
    match &args.command {
        L::List(sel) => print_out(lexicon_set(sel)?.listing().as_bytes()),
        L::Show { name, sel } => {
            let set = lexicon_set(sel)?;
            match set.show(name) {
                Some(text) => print_out(text.as_bytes()),
                None => {
                    let names: Vec<&str> = set.lexicons.iter().map(|l| l.name.as_str()).collect();
                    return Err(frame::Error::Usage(format!(
                        "no lexicon category named `{name}`; there are: {}",
                        names.join(", ")
                    )));
                }
            }
        }
        L::Check { paths, lang } => {
            let lang = cli::check_language(lang).map_err(frame::Error::Usage)?;
            let mut problems = Vec::new();
            let (mut cats, mut entries) = (0, 0);
            for p in paths {
                let r = frame::lexicon::check::check_path(p, &lang);
                cats += r.categories;
                entries += r.entries;
                problems.extend(r.problems.iter().map(|e| e.to_string()));
            }
            if !problems.is_empty() {
                let mut text = problems.join("\n");
                text.push('\n');
                print_out(text.as_bytes());
                return Err(frame::Error::Check(problems));
            }
            eprintln!("frame: no problems found ({cats} categories, {entries} entries)");
        }
        L::Convert { input, out } => {
            let read = frame::lexicon::read_path(input).map_err(|errs| {
                frame::Error::Lexicon(errs.iter().map(|e| e.to_string()).collect())
            })?;
            for w in &read.warnings {
                warn(&format!("lexicon: {w}"));
            }
            let written = frame::lexicon::convert::write_folder(&read.lexicons, out)?;
            eprintln!(
                "frame: wrote {} lexicon file{} to {} (check them with `frame lexicon check {}`)",
                written.len(),
                if written.len() == 1 { "" } else { "s" },
                out.display(),
                out.display()
            );
        }
    }
    Ok(())
}

fn kwic(args: &cli::KwicArgs) -> Result<(), frame::Error> {
    let opts = args.to_options().map_err(frame::Error::Usage)?;
    let lexicons = frame::lexicon::load::set_for_run(&opts)?;
    for w in &lexicons.warnings {
        warn(&format!("lexicon: {w}"));
    }
    let corpus = frame::input::load(&opts.corpus)?;
    for s in &corpus.skipped {
        warn(&format!("skipped {}: {}", s.source, s.reason));
    }
    for w in &corpus.warnings {
        warn(w);
    }
    let stop = frame::text::stop_list::for_run(&opts)?;
    let query = frame::commands::kwic::KwicQuery {
        term: args.term.clone(),
        window: args.window,
        exact: args.exact,
        as_word: args.word,
    };
    let k = frame::commands::kwic::kwic(
        &corpus.documents,
        &lexicons.lexicons,
        &opts.lang,
        &stop,
        &query,
    )
    .map_err(frame::Error::Usage)?;
    if args.csv {
        print_out(&frame::commands::kwic::to_csv(&k.lines));
    } else {
        print_out(frame::commands::kwic::to_text(&k.lines).as_bytes());
    }
    let what = match &k.category {
        Some(c) => format!("lexicon category `{c}` (use --word to search the word instead)"),
        None => format!(
            "`{}`{}",
            args.term,
            if args.exact { " (exact form)" } else { "" }
        ),
    };
    eprintln!(
        "frame: {} match{} of {what} in {} of {} article{}",
        k.lines.len(),
        if k.lines.len() == 1 { "" } else { "es" },
        k.articles_matched,
        k.articles,
        if k.articles == 1 { "" } else { "s" }
    );
    Ok(())
}

fn sample(args: &cli::SampleArgs) -> Result<(), frame::Error> {
    let (opts, params) = args.to_options().map_err(frame::Error::Usage)?;
    let s = frame::commands::validate::sample::run(&opts, &params)?;
    for w in &s.warnings {
        warn(w);
    }
    let bytes = frame::commands::validate::sample::to_csv(&s);
    match &args.out {
        Some(p) => frame::commands::validate::sample::write_new(p, &bytes)?,
        None => print_out(&bytes),
    }
    eprint!("{}", frame::commands::validate::sample::strata_summary(&s));
    Ok(())
}

fn agree(args: &cli::AgreeArgs) -> Result<(), frame::Error> {
    let opts = args.to_options().map_err(frame::Error::Usage)?;
    let report = frame::commands::validate::agree::run(&args.sheets, &opts, args.threshold)?;
    for w in &report.warnings {
        warn(w);
    }
    let bytes = if args.csv {
        report.to_csv()
    } else {
        report.to_text().into_bytes()
    };
    print_out(&bytes);
    Ok(())
}

fn main() -> ExitCode {
    frame::platform::configure_process();
    // A bug must never show a Rust backtrace: say what happened and exit 2.
    std::panic::set_hook(Box::new(|info| {
        let msg = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".into());
        eprintln!("frame: internal error: {msg}. This is a bug in frame; please report it with the command you ran.");
    }));
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() { 1 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    let result = std::panic::catch_unwind(|| match &cli.command {
        Command::Analyze(a) => analyze(a),
        Command::Score(s) => score(s),
        Command::Lexicon(l) => lexicon(l),
        Command::Kwic(k) => kwic(k),
        Command::Sample(s) => sample(s),
        Command::Agree(a) => agree(a),
    });
    match result {
        Ok(Ok(())) => ExitCode::SUCCESS,
        Ok(Err(e)) => {
            eprintln!("frame: error: {e}");
            ExitCode::from(e.exit_code())
        }
        Err(_) => ExitCode::from(2),
    }
}
