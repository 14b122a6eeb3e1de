//! The `frame` binary: applies the process settings, parses the arguments,
//! runs the subcommand (`commands::run`) and maps errors to exit codes
//! (0 ok, 1 bad input or usage, 2 internal failure).

use clap::Parser;
use frame::commands::cli::Cli;
use std::process::ExitCode;

/// mimalloc instead of the system allocator: glibc's malloc either hands
/// freed pages back and takes them again at a page fault each, or, told to
/// keep them, lets each thread's arena grow apart, so the peak memory moves
/// from run to run; mimalloc keeps it low and steady. Outputs are unchanged
/// (no result depends on addresses).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    frame::platform::configure_process();
    // A bug must never show a Rust backtrace: say what happened and exit 2.
    std::panic::set_hook(Box::new(|info| {
        // A reader of a malformed file failed; the file is skipped with its reason.
        if frame::input::formats::guard::in_guard() {
            return;
        }
        let msg = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".into());
        // Never `eprintln!` here: a stderr that cannot be written would
        // panic inside the hook and abort the process.
        frame::commands::terminal::say(&format!("frame: internal error: {msg}. This is a bug in frame; please report it with the command you ran."));
    }));
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() { 1 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    let result = std::panic::catch_unwind(|| frame::commands::run::run(&cli));
    match result {
        Ok(Ok(())) => ExitCode::SUCCESS,
        Ok(Err(e)) => {
            let msg = e.to_string();
            frame::commands::terminal::say(&format!(
                "frame: error: {}",
                frame::commands::terminal::printable(&msg, true)
            ));
            ExitCode::from(e.exit_code())
        }
        Err(_) => ExitCode::from(2),
    }
}
