//! `zhibiao` — the command line: articles in, metric reports out (native only).
//!
//! ```text
//! zhibiao [--format table|json|jsonl|csv] [--max-bytes N] [--no-keywords] PATH...
//! zhibiao quantities [FILE|-]
//! ```
//!
//! Every PATH is a file, a directory (walked recursively, in sorted order) or `-` for
//! standard input. Documents are analysed in parallel and printed in input order as soon
//! as each one and all before it are done. A document that cannot be read or analysed is
//! reported as `zhibiao: PATH: message` on stderr; the others still run, and the exit code
//! is then 1. Usage errors exit with 2.
//!
//! One file a concern: [`args`], [`input`] (files, folders, stdin), [`reports`] (parallel
//! analysis, ordered output), [`render`] (table, JSON, CSV), [`format`] (numbers and text
//! for people), [`quantities`] (the `quantities` command).

mod args;
mod format;
mod input;
mod quantities;
mod render;
mod reports;

use std::cell::{Cell, RefCell};
use std::io::{self, IsTerminal};
use std::process::ExitCode;

use args::{Cli, Command, Format};
use clap::Parser;
use zhibiao::Options;

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    install_panic_hook();
    let opts = Options { max_bytes: cli.max_bytes, keywords: !cli.no_keywords };
    match cli.command {
        Some(Command::Quantities { file }) => quantities::run(&file, &opts),
        None => {
            let format = cli.format.unwrap_or(if io::stdout().is_terminal() { Format::Table } else { Format::Jsonl });
            reports::run_reports(&cli.paths, format, opts)
        }
    }
}

// ---------------------------------------------------------------------------------------
// Panics in the library are turned into per-document errors, not a crashed batch.

thread_local! {
    static CATCHING: Cell<bool> = const { Cell::new(false) };
    static CAUGHT: RefCell<Option<String>> = const { RefCell::new(None) };
}

fn install_panic_hook() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if CATCHING.with(|c| c.get()) {
            let msg = info.to_string().replace('\n', " ");
            CAUGHT.with(|c| *c.borrow_mut() = Some(msg));
        } else {
            default(info);
        }
    }));
}

/// Run `f`, turning a panic into an error message.
fn catching<T>(f: impl FnOnce() -> Result<T, String>) -> Result<T, String> {
    CATCHING.with(|c| c.set(true));
    let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(f));
    CATCHING.with(|c| c.set(false));
    match r {
        Ok(r) => r,
        Err(_) => {
            let msg = CAUGHT
                .with(|c| c.borrow_mut().take())
                .unwrap_or_else(|| "panic".into());
            Err(format!("internal error: {msg}"))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_becomes_an_error_message() {
        install_panic_hook();
        let r: Result<(), String> = catching(|| panic!("boom\nsecond line"));
        let msg = r.unwrap_err();
        assert!(msg.starts_with("internal error: panicked at "), "{msg}");
        assert!(
            msg.contains("boom second line") && !msg.contains('\n'),
            "{msg}"
        );
        assert_eq!(catching(|| Ok::<_, String>(7)), Ok(7));
    }

}
