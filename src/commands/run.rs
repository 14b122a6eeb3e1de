//! Each subcommand of the binary: turns its checked arguments into
//! options, calls the library, and prints warnings, results and the
//! closing summary line. `main.rs` only parses and maps errors to exit codes.

use super::cli::{self, Cli, Command};
use crate::model::error::Error;
use crate::model::numbers::{count, int};

/// Runs the subcommand the user chose.
pub fn run(cli: &Cli) -> Result<(), Error> {
    let res = match &cli.command {
        Command::Analyze(a) => return analyze(a),
        Command::Score(s) => score(s),
        Command::Lexicon(l) => lexicon(l),
        Command::Kwic(k) => kwic(k),
        Command::Sample(s) => sample(s),
        Command::Agree(a) => agree(a),
        Command::Import(i) => import(i),
    };
    if let Some(line) = super::terminal::summary("run frame analyze to see them all in its report")
    {
        say(&line);
    }
    res
}

use super::terminal::{print_out, printable, say, say_part, warn, warn_always};

fn import(args: &cli::ImportArgs) -> Result<(), Error> {
    crate::output::interrupt::install_with_message(
        "the articles written before it are complete and listed in the folder's .frame-import",
    );
    let corpus = crate::commands::import::read(args)?;
    for w in super::skipped::skipped_warnings(&corpus.skipped) {
        warn(&w);
    }
    for w in &corpus.warnings {
        warn(w);
    }
    let imported = crate::commands::import::write_all(&corpus.documents, &args.out)?;
    if imported.leftovers_removed > 0 {
        warn_always(&format!(
            "{}: removed {} left by an interrupted import",
            args.out.display(),
            count(
                imported.leftovers_removed,
                "temporary file",
                "temporary files"
            )
        ));
    }
    let written = imported.written;
    for w in &written {
        if let Some(wanted) = &w.renamed_from {
            warn(&format!(
                "{} already exists and was left untouched; {} went to {}",
                args.out.join(wanted).display(),
                w.source,
                w.path.display()
            ));
        } else if !args.quiet {
            say(&format!("{} -> {}", w.source, w.path.display()));
        }
    }
    let files: std::collections::BTreeSet<&str> = corpus
        .documents
        .iter()
        .map(|d| d.source.split('#').next().unwrap_or(&d.source))
        .collect();
    say(&format!(
        "frame: wrote {} from {} to {}{}; check them, then run: frame analyze {}",
        count(written.len(), "article", "articles"),
        count(files.len(), "file", "files"),
        args.out.display(),
        if corpus.skipped.is_empty() {
            String::new()
        } else {
            format!(
                ", skipped {} (see warnings above)",
                int(corpus.skipped.len())
            )
        },
        args.out.display()
    ));
    Ok(())
}

fn analyze(args: &cli::AnalyzeArgs) -> Result<(), Error> {
    let opts = args.to_options().map_err(Error::Usage)?;
    // The output folder is opened and locked first, so that a problem with
    // it, or a second run into it, stops before a long analysis.
    crate::output::interrupt::install();
    let out = crate::output::OutputDir::prepare(&opts.out)?;
    for n in &out.notes {
        warn_always(n);
    }
    let printed_notes = out.notes.len();
    let corpus = match crate::pipeline::read(&opts) {
        Ok(c) => c,
        Err(e) => {
            out.abandon();
            return Err(e);
        }
    };
    // Said before the analysis, so that they are not lost if it fails.
    for w in super::skipped::skipped_warnings(&corpus.skipped) {
        warn(&w);
    }
    for w in &corpus.warnings {
        warn(w);
    }
    let printed = corpus.warnings.len();
    let (analysis, summary) = crate::pipeline::run_into(corpus, &opts, out)?;
    // The analysis's own warnings follow the corpus's, already printed.
    for w in analysis.warnings.iter().skip(printed) {
        warn(w);
    }
    for n in summary.notes.iter().skip(printed_notes) {
        warn_always(n);
    }
    if let Some(line) = super::terminal::summary(&format!(
        "all are listed in {} (the report shows the first ones)",
        opts.out.join("analysis.json").display()
    )) {
        say(&printable(&line, false));
    }
    if summary.written.is_empty() && !summary.protected.is_empty() {
        // Every output refused (a copy of a report folder without its hidden
        // manifest, say): one error that says what to do, not a warning per
        // file and a success. (Some refused, the rest written: warnings.)
        std::mem::forget(analysis);
        return Err(no_report_error(&opts.out, &summary.protected));
    }
    for p in &summary.protected {
        warn_always(&format!(
            "{} already exists and was not written by frame (or has changed since frame wrote it): left untouched, so this output was not written (move it away, or use --out to choose another folder)",
            opts.out.join(p).display()
        ));
    }
    if !opts.quiet {
        let skipped = analysis.skipped.len();
        // Point to the report only when this run wrote it: a report.html of
        // the user's in the folder was left alone and is not frame's.
        let open = if summary.written.iter().any(|w| w == "report.html") {
            format!(" (open {})", opts.out.join("report.html").display())
        } else {
            " (the report was not written: see the warning above)".to_string()
        };
        say(&format!(
            "frame: analysed {}{}; wrote {} files to {}{open}",
            count(summary.articles, "article", "articles"),
            if skipped > 0 {
                format!(", skipped {} (see warnings above)", int(skipped))
            } else {
                String::new()
            },
            summary.written.len(),
            opts.out.display(),
        ));
    }
    // The process ends next: freeing millions of small allocations one by
    // one would only add time to a large run.
    std::mem::forget(analysis);
    Ok(())
}

/// The error of an analysis that wrote nothing because files frame did
/// not write hold every output's name.
fn no_report_error(out: &std::path::Path, protected: &[String]) -> Error {
    let one = protected.len() == 1;
    let mut names: Vec<&str> = protected.iter().take(4).map(String::as_str).collect();
    if protected.len() > names.len() {
        names.push("...");
    }
    Error::Output {
        path: out.to_path_buf(),
        message: format!(
            "the report was not written: {} ({}) already {} there and {} not written by frame, or changed since frame wrote {} (copied in without frame's hidden {}, say), so frame left {} untouched and wrote nothing; choose another folder with --out, or move those files away and run again",
            count(protected.len(), "output file", "output files"),
            names.join(", "),
            if one { "exists" } else { "exist" },
            if one { "was" } else { "were" },
            if one { "it" } else { "them" },
            crate::model::MANIFEST,
            if one { "it" } else { "them" },
        ),
    }
}

fn score(args: &cli::ScoreArgs) -> Result<(), Error> {
    use crate::commands::score::{self, BatchScorer, RowSink};
    let opts = args.to_options().map_err(Error::Usage)?;
    let set = crate::lexicon::load::set_for_run(&opts)?;
    for w in &set.warnings {
        warn(&format!("lexicon: {w}"));
    }
    let frames: Vec<String> = set.lexicons.iter().map(|l| l.name.clone()).collect();
    let scorer = BatchScorer::new(&opts)?;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let mut sink = RowSink::new(&mut out, args.json, frames);
    // Lines and rows are scored and written in batches, so a long input
    // never sits whole in memory and output starts at once.
    let table = args.input.as_deref().filter(|p| {
        !p.is_dir()
            && crate::input::TABLE_EXTENSIONS.contains(&crate::input::walk::extension(p).as_str())
    });
    if args.input.is_none() {
        let stdin = std::io::stdin();
        let mut lock = stdin.lock();
        score::score_lines(&scorer, &mut lock, &mut sink, &mut |w| warn(&w))?;
    } else if let Some(path) = table {
        score::score_table(&scorer, path, &opts.corpus.columns, &mut sink, &mut |w| {
            warn(&w)
        })?;
    } else {
        let (docs, warnings) = score::read_texts(&opts)?;
        for w in &warnings {
            warn(w);
        }
        score::score_documents(&scorer, &docs, &mut sink);
    }
    sink.finish()
}

fn lexicon_set(sel: &cli::LexiconSelection) -> Result<crate::lexicon::LexiconSet, crate::Error> {
    let mut opts = crate::Options::new(Vec::new());
    sel.apply(&mut opts).map_err(Error::Usage)?;
    let set = crate::lexicon::load::set_for_run(&opts)?;
    for w in &set.warnings {
        warn(&format!("lexicon: {w}"));
    }
    Ok(set)
}

fn lexicon(args: &cli::LexiconArgs) -> Result<(), Error> {
    use super::cli::LexiconCommand as L;
    match &args.command {
        L::List(sel) => print_out(lexicon_set(sel)?.listing().as_bytes())?,
        L::Show { name, sel } => {
            let set = lexicon_set(sel)?;
            match set.show(name) {
                Some(text) => print_out(text.as_bytes())?,
                None => {
                    let names: Vec<&str> = set.lexicons.iter().map(|l| l.name.as_str()).collect();
                    return Err(Error::Usage(format!(
                        "no lexicon category named `{name}`; there are: {}",
                        names.join(", ")
                    )));
                }
            }
        }
        L::Check { paths, lang } => {
            let lang = cli::check_language(lang).map_err(Error::Usage)?;
            let mut problems = Vec::new();
            let (mut cats, mut entries) = (0, 0);
            for p in paths {
                let r = crate::lexicon::check::check_path(p, &lang);
                cats += r.categories;
                entries += r.entries;
                problems.extend(r.problems.iter().map(|e| e.to_string()));
            }
            if !problems.is_empty() {
                let mut text = problems.join("\n");
                text.push('\n');
                print_out(text.as_bytes())?;
                return Err(Error::Check(problems));
            }
            say(&format!(
                "frame: no problems found ({}, {})",
                count(cats, "category", "categories"),
                count(entries, "entry", "entries")
            ));
        }
        L::Convert { input, out } => {
            let read = crate::lexicon::read_path(input)
                .map_err(|errs| Error::Lexicon(errs.iter().map(|e| e.to_string()).collect()))?;
            for w in &read.warnings {
                warn(&format!("lexicon: {w}"));
            }
            let written = crate::lexicon::convert::write_folder(&read.lexicons, out)?;
            say(&format!(
                "frame: wrote {} lexicon file{} to {} (check them with `frame lexicon check {}`)",
                written.len(),
                if written.len() == 1 { "" } else { "s" },
                out.display(),
                out.display()
            ));
        }
    }
    Ok(())
}

fn kwic(args: &cli::KwicArgs) -> Result<(), Error> {
    let opts = args.to_options().map_err(Error::Usage)?;
    let lexicons = crate::lexicon::load::set_for_run(&opts)?;
    for w in &lexicons.warnings {
        warn(&format!("lexicon: {w}"));
    }
    let corpus = crate::input::load(&opts.corpus)?;
    for w in super::skipped::skipped_warnings(&corpus.skipped) {
        warn(&w);
    }
    for w in &corpus.warnings {
        warn(w);
    }
    let stop = crate::text::stop_list::for_run(&opts)?;
    let query = crate::commands::kwic::KwicQuery {
        term: args.term.clone(),
        window: args.window,
        exact: args.exact,
        as_word: args.word,
        show_excluded: args.show_excluded,
    };
    let k = crate::commands::kwic::kwic(
        &corpus.documents,
        &lexicons.lexicons,
        &opts.lang,
        &stop,
        &query,
    )
    .map_err(Error::Usage)?;
    if args.forms {
        let forms = crate::commands::kwic_forms::forms(&k.lines);
        if args.csv {
            print_out(&crate::commands::kwic_forms::to_csv(&forms))?;
        } else {
            print_out(crate::commands::kwic_forms::to_text(&forms).as_bytes())?;
        }
    } else if args.csv {
        print_out(&crate::commands::kwic::to_csv(
            &k.lines,
            args.show_excluded,
            k.category.is_some(),
        ))?;
    } else {
        print_out(crate::commands::kwic::to_text(&k.lines).as_bytes())?;
    }
    let what = match &k.category {
        Some(c) => format!("lexicon category `{c}` (use --word to search the word instead)"),
        None => format!(
            "`{}`{}",
            args.term,
            if args.exact { " (exact form)" } else { "" }
        ),
    };
    say(&crate::commands::kwic::summary(
        &k,
        &what,
        args.show_excluded,
    ));
    Ok(())
}

fn sample(args: &cli::SampleArgs) -> Result<(), Error> {
    let (opts, params) = args.to_options().map_err(Error::Usage)?;
    if let Some(p) = &args.out {
        crate::commands::validate::sample::check_new(p)?;
    }
    let s = crate::commands::validate::sample::run(&opts, &params)?;
    for w in &s.warnings {
        warn(w);
    }
    let bytes =
        crate::report::csv::with_bom(crate::commands::validate::sample::to_csv(&s), args.excel);
    match &args.out {
        Some(p) => crate::commands::validate::sample::write_new(p, &bytes)?,
        None => print_out(&bytes)?,
    }
    say_part(&crate::commands::validate::sample::strata_summary(&s));
    Ok(())
}

fn agree(args: &cli::AgreeArgs) -> Result<(), Error> {
    let (opts, corpus) = args.to_options().map_err(Error::Usage)?;
    let kinds: Vec<bool> = args
        .sheets
        .iter()
        .map(|s| crate::commands::validate::questions::is_question_sheet(s))
        .collect();
    if let [a, b] = kinds[..] {
        if a != b {
            let (q, f) = if a { (0, 1) } else { (1, 0) };
            return Err(Error::Usage(format!(
                "{} holds answers to Semetko & Valkenburg's questions, {} codes of frames: give two sheets of the same kind",
                args.sheets[q].display(),
                args.sheets[f].display()
            )));
        }
    }
    if kinds.first() == Some(&true) {
        return agree_questions(args, &opts, corpus.is_some());
    }
    let report = crate::commands::validate::agree::run(
        &args.sheets,
        &opts,
        args.threshold,
        corpus,
        args.entries,
    )?;
    print_agreement(
        &report.warnings,
        args.csv,
        || report.to_csv(),
        || report.to_text(),
    )
}

/// Warnings to stderr, then the table (CSV or text) to stdout.
fn print_agreement(
    warnings: &[String],
    csv: bool,
    to_csv: impl FnOnce() -> Vec<u8>,
    to_text: impl FnOnce() -> String,
) -> Result<(), Error> {
    for w in warnings {
        warn(w);
    }
    print_out(&if csv {
        to_csv()
    } else {
        to_text().into_bytes()
    })
}

/// `frame agree` on a sheet of Semetko & Valkenburg's questions.
fn agree_questions(
    args: &cli::AgreeArgs,
    opts: &crate::model::options::Options,
    corpus: bool,
) -> Result<(), Error> {
    if corpus {
        return Err(Error::Usage(
            "--corpus estimates frame's precision and recall from codes of frames; a sheet of Semetko & Valkenburg's questions is compared without it".into(),
        ));
    }
    if args.entries {
        return Err(Error::Usage(
            "--entries lists the entries behind frame's hits in codes of frames; a sheet of Semetko & Valkenburg's questions is compared by score, not by hits".into(),
        ));
    }
    if args.threshold != 1.0 {
        return Err(Error::Usage(
            "--threshold does not apply to a sheet of Semetko & Valkenburg's questions: frame's per-1,000-word scores are ranked, not cut".into(),
        ));
    }
    let report = crate::commands::validate::questions::run(&args.sheets, opts)?;
    print_agreement(
        &report.warnings,
        args.csv,
        || report.to_csv(),
        || report.to_text(),
    )
}
