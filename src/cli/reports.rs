//! Reports: documents analysed in parallel, printed in input order as they finish.

use std::collections::BTreeMap;
use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::mpsc;
use std::sync::Arc;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use zhibiao::{Options, Report};

use super::args::Format;
use super::format::sanitize;
use super::input::{analyse, collect_inputs, io_message};
use super::render::Renderer;

/// Show a progress bar (stderr being a terminal) from this many documents on.
const PROGRESS_MIN_FILES: usize = 16;

// ---------------------------------------------------------------------------------------
// Reports: parallel analysis, ordered streaming output

/// Where output goes; a closed pipe (`| head`) ends the run quietly.
struct Out {
    stdout: io::Stdout,
    bar: Option<ProgressBar>,
    broken: bool,
    write_error: bool,
}

impl Out {
    fn write(&mut self, bytes: &[u8]) {
        if self.broken || bytes.is_empty() {
            return;
        }
        let stdout = &self.stdout;
        let write = || -> io::Result<()> {
            let mut lock = stdout.lock();
            lock.write_all(bytes)?;
            lock.flush()
        };
        let r = match &self.bar {
            Some(bar) => bar.suspend(write),
            None => write(),
        };
        if let Err(e) = r {
            self.broken = true;
            if e.kind() != io::ErrorKind::BrokenPipe {
                self.write_error = true;
                self.error("<stdout>", &io_message(&e));
            }
        }
    }

    fn error(&self, path: &str, msg: &str) {
        let line = format!("zhibiao: {}: {}", sanitize(path), sanitize(msg));
        match &self.bar {
            Some(bar) => bar.suspend(|| eprintln!("{line}")),
            None => eprintln!("{line}"),
        }
    }
}

pub fn run_reports(paths: &[PathBuf], format: Format, opts: Options) -> ExitCode {
    let inputs = collect_inputs(paths);
    let n = inputs.len();
    let bar = (io::stderr().is_terminal() && n >= PROGRESS_MIN_FILES).then(|| {
        let bar = ProgressBar::with_draw_target(Some(n as u64), ProgressDrawTarget::stderr());
        if let Ok(style) = ProgressStyle::with_template(
            "{bar:40} {pos}/{len} [{elapsed_precise}<{eta_precise}]",
        ) {
            bar.set_style(style);
        }
        bar
    });
    let mut out = Out {
        stdout: io::stdout(),
        bar,
        broken: false,
        write_error: false,
    };
    let mut failed = false;
    let mut render = Renderer::new(format);
    out.write(&render.start());

    let opts = Arc::new(opts);
    // At most `window` documents are in flight or waiting for an earlier one to finish,
    // so memory stays bounded however many files there are.
    let window = (rayon::current_num_threads() * 4).max(4);
    let (tx, rx) = mpsc::channel::<(usize, Result<Report, String>)>();
    let mut submitted = 0usize;
    let mut pending: BTreeMap<usize, Result<Report, String>> = BTreeMap::new();
    let mut next = 0usize;
    while next < n {
        while submitted < n && submitted - next < window {
            let (i, input, opts, tx) = (
                submitted,
                inputs[submitted].clone(),
                opts.clone(),
                tx.clone(),
            );
            rayon::spawn(move || {
                let r = analyse(&input, &opts);
                let _ = tx.send((i, r));
            });
            submitted += 1;
        }
        let Ok((i, r)) = rx.recv() else { break };
        pending.insert(i, r);
        while let Some(r) = pending.remove(&next) {
            match r {
                Ok(report) => {
                    let bytes = render.document(&report);
                    out.write(&bytes);
                }
                Err(msg) => {
                    failed = true;
                    out.error(&inputs[next].display(), &msg);
                }
            }
            if let Some(bar) = &out.bar {
                bar.inc(1);
            }
            next += 1;
        }
        if out.broken {
            break;
        }
    }
    if let Some(bar) = &out.bar {
        bar.finish_and_clear();
    }
    out.write(&render.end());
    if failed || out.write_error {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
