//! The `frame` binary: parse arguments, call the library, print messages,
//! map errors to exit codes (0 ok, 1 bad input or usage, 2 internal failure).

mod cli;

use clap::Parser;
use cli::{Cli, Command};
use std::io::Write;
use std::process::ExitCode;

fn warn(msg: &str) {
    eprintln!("warning: {msg}");
}

fn analyze(args: &cli::AnalyzeArgs) -> Result<(), frame::Error> {
    let opts = args.to_options().map_err(frame::Error::Usage)?;
    let (analysis, summary) = frame::run(&opts)?;
    for s in &analysis.skipped {
        warn(&format!("skipped {}: {}", s.source, s.reason));
    }
    for w in &analysis.warnings {
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
    Ok(())
}

fn score(args: &cli::ScoreArgs) -> Result<(), frame::Error> {
    let opts = args.to_options().map_err(frame::Error::Usage)?;
    let stdin = std::io::stdin();
    let mut lock = stdin.lock();
    let (docs, warnings) = frame::short_texts::read_texts(
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
    let rows = frame::short_texts::score(&docs, &opts)?;
    let frames: Vec<String> = frame::pipeline::lexicons()?
        .iter()
        .map(|l| l.name.clone())
        .collect();
    let bytes = if args.json {
        frame::short_texts::to_jsonl(&rows)
    } else {
        frame::short_texts::to_csv(&rows, &frames)
    };
    let mut out = std::io::stdout().lock();
    // A closed pipe (e.g. `| head`) is not an error worth a message.
    let _ = out.write_all(&bytes).and_then(|_| out.flush());
    Ok(())
}

fn sample(args: &cli::SampleArgs) -> Result<(), frame::Error> {
    let (opts, params) = args.to_options().map_err(frame::Error::Usage)?;
    let s = frame::validate::sample::run(&opts, &params)?;
    for w in &s.warnings {
        warn(w);
    }
    let bytes = frame::validate::sample::to_csv(&s);
    match &args.out {
        Some(p) => frame::validate::sample::write_new(p, &bytes)?,
        None => {
            let mut out = std::io::stdout().lock();
            let _ = out.write_all(&bytes).and_then(|_| out.flush());
        }
    }
    eprint!("{}", frame::validate::sample::strata_summary(&s));
    Ok(())
}

fn agree(args: &cli::AgreeArgs) -> Result<(), frame::Error> {
    let opts = args.to_options().map_err(frame::Error::Usage)?;
    let report = frame::validate::agree::run(&args.sheets, &opts, args.threshold)?;
    for w in &report.warnings {
        warn(w);
    }
    let bytes = if args.csv {
        report.to_csv()
    } else {
        report.to_text().into_bytes()
    };
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(&bytes).and_then(|_| out.flush());
    Ok(())
}

fn main() -> ExitCode {
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
