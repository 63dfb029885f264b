//! `zhibiao` — the command line: articles in, metric reports out.
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

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    native::main()
}

/// The command line is native only (files, threads, a terminal); in the browser the
/// library is used directly.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::cell::{Cell, RefCell};
    use std::collections::{BTreeMap, HashSet};
    use std::fmt::Write as _;
    use std::io::{self, IsTerminal, Read, Write};
    use std::path::{Path, PathBuf};
    use std::process::ExitCode;
    use std::sync::mpsc;
    use std::sync::Arc;

    use clap::{Parser, Subcommand, ValueEnum};
    use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
    use unicode_width::UnicodeWidthStr;
    use zhibiao::report::{Approx, Direction, Metric, Report};
    use zhibiao::Options;

    /// Show a progress bar (stderr being a terminal) from this many documents on.
    const PROGRESS_MIN_FILES: usize = 16;

    #[derive(Parser, Debug)]
    #[command(
        name = "zhibiao",
        version,
        about = "Extract structured metrics from Chinese government and news articles",
        subcommand_negates_reqs = true,
        args_conflicts_with_subcommands = true
    )]
    struct Cli {
        #[command(subcommand)]
        command: Option<Command>,

        /// Output format [default: table when stdout is a terminal, jsonl otherwise]
        #[arg(long, value_enum)]
        format: Option<Format>,

        /// Refuse documents larger than this (bytes; K, M, G suffixes allowed)
        #[arg(long, value_name = "N", value_parser = parse_size, global = true,
          default_value_t = Options::default().max_bytes)]
        max_bytes: usize,

        /// Do not compute TF-IDF keywords (faster)
        #[arg(long)]
        no_keywords: bool,

        /// Files, directories (walked recursively; hidden entries inside them skipped) or `-`
        /// for standard input
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
    }

    #[derive(Subcommand, Debug)]
    enum Command {
        /// Print every quantity found in the decoded text, one JSON object per line
        Quantities {
            /// The file to scan, or `-` for standard input
            #[arg(value_name = "FILE|-", default_value = "-")]
            file: PathBuf,
        },
    }

    #[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
    enum Format {
        /// An aligned table per document
        Table,
        /// One JSON array of reports
        Json,
        /// One report per line
        Jsonl,
        /// One row per metric, with a file column
        Csv,
    }

    fn parse_size(s: &str) -> Result<usize, String> {
        let t = s.trim();
        let (digits, mult) = match t.char_indices().find(|&(_, c)| !c.is_ascii_digit()) {
            None => (t, 1u64),
            Some((i, _)) => {
                let mult = match t[i..].to_ascii_uppercase().as_str() {
                    "K" | "KB" | "KIB" => 1 << 10,
                    "M" | "MB" | "MIB" => 1 << 20,
                    "G" | "GB" | "GIB" => 1 << 30,
                    "B" => 1,
                    _ => return Err(format!("`{s}` is not a size (e.g. 1048576, 512K, 64M, 1G)")),
                };
                (&t[..i], mult)
            }
        };
        let n: u64 = digits
            .parse()
            .map_err(|_| format!("`{s}` is not a size (e.g. 1048576, 512K, 64M, 1G)"))?;
        n.checked_mul(mult)
            .and_then(|b| usize::try_from(b).ok())
            .ok_or_else(|| format!("`{s}` is too large"))
    }

    pub fn main() -> ExitCode {
        let cli = Cli::parse();
        install_panic_hook();
        let opts = Options {
            max_bytes: cli.max_bytes,
            keywords: !cli.no_keywords,
        };
        match cli.command {
            Some(Command::Quantities { file }) => run_quantities(&file, &opts),
            None => {
                let format = cli.format.unwrap_or(if io::stdout().is_terminal() {
                    Format::Table
                } else {
                    Format::Jsonl
                });
                run_reports(&cli.paths, format, opts)
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

    // ---------------------------------------------------------------------------------------
    // Inputs

    #[derive(Debug, Clone)]
    enum Input {
        Stdin,
        File(PathBuf),
        /// A path that could not be listed; reported in its place in the output order.
        Unreadable(PathBuf, String),
    }

    impl Input {
        fn display(&self) -> String {
            match self {
                Input::Stdin => "-".to_string(),
                Input::File(p) | Input::Unreadable(p, _) => p.display().to_string(),
            }
        }
    }

    fn io_message(e: &io::Error) -> String {
        // "No such file or directory (os error 2)" -> "No such file or directory"
        let s = e.to_string();
        match s.find(" (os error ") {
            Some(i) => s[..i].to_string(),
            None => s,
        }
    }

    fn collect_inputs(paths: &[PathBuf]) -> Vec<Input> {
        let mut out = Vec::new();
        for p in paths {
            if p.as_os_str() == "-" {
                out.push(Input::Stdin);
                continue;
            }
            match std::fs::metadata(p) {
                Ok(m) if m.is_dir() => {
                    let mut seen = HashSet::new();
                    walk(p, &mut out, &mut seen);
                }
                Ok(_) => out.push(Input::File(p.clone())),
                Err(e) => out.push(Input::Unreadable(p.clone(), io_message(&e))),
            }
        }
        out
    }

    /// Regular files under `dir`, depth first in name order; hidden entries and symlink loops
    /// are skipped.
    fn walk(dir: &Path, out: &mut Vec<Input>, seen: &mut HashSet<PathBuf>) {
        if let Ok(canon) = std::fs::canonicalize(dir) {
            if !seen.insert(canon) {
                return;
            }
        }
        let rd = match std::fs::read_dir(dir) {
            Ok(rd) => rd,
            Err(e) => {
                out.push(Input::Unreadable(dir.to_path_buf(), io_message(&e)));
                return;
            }
        };
        let mut entries: Vec<PathBuf> = Vec::new();
        for ent in rd {
            match ent {
                Ok(ent) => {
                    if ent.file_name().to_string_lossy().starts_with('.') {
                        continue;
                    }
                    entries.push(ent.path());
                }
                Err(e) => out.push(Input::Unreadable(dir.to_path_buf(), io_message(&e))),
            }
        }
        entries.sort();
        for path in entries {
            match std::fs::metadata(&path) {
                Ok(m) if m.is_dir() => walk(&path, out, seen),
                Ok(m) if m.is_file() => out.push(Input::File(path)),
                Ok(_) => {} // sockets, fifos, devices: not documents
                Err(e) => out.push(Input::Unreadable(path, io_message(&e))),
            }
        }
    }

    /// Read at most `max_bytes + 1` bytes, so that a huge input is refused without being
    /// held in memory.
    fn read_input(input: &Input, max_bytes: usize) -> Result<Vec<u8>, String> {
        let limit = (max_bytes as u64).saturating_add(1);
        let too_large =
            |n: String| format!("input too large: {n} bytes, the limit is {max_bytes} bytes");
        let mut buf = Vec::new();
        match input {
            Input::Unreadable(_, msg) => return Err(msg.clone()),
            Input::Stdin => {
                io::stdin()
                    .lock()
                    .take(limit)
                    .read_to_end(&mut buf)
                    .map_err(|e| io_message(&e))?;
            }
            Input::File(p) => {
                let f = std::fs::File::open(p).map_err(|e| io_message(&e))?;
                if let Ok(m) = f.metadata() {
                    if m.is_dir() {
                        return Err("is a directory".into());
                    }
                    if m.is_file() && m.len() > max_bytes as u64 {
                        return Err(too_large(m.len().to_string()));
                    }
                }
                f.take(limit)
                    .read_to_end(&mut buf)
                    .map_err(|e| io_message(&e))?;
            }
        }
        if buf.len() > max_bytes {
            return Err(too_large(format!("more than {max_bytes}")));
        }
        Ok(buf)
    }

    fn analyse(input: &Input, opts: &Options) -> Result<Report, String> {
        catching(|| {
            let bytes = read_input(input, opts.max_bytes)?;
            zhibiao::analyze_with(&bytes, &input.display(), opts).map_err(|e| e.to_string())
        })
    }

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

    fn run_reports(paths: &[PathBuf], format: Format, opts: Options) -> ExitCode {
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

    // ---------------------------------------------------------------------------------------
    // Rendering

    struct Renderer {
        format: Format,
        count: usize,
    }

    const CSV_HEADER: [&str; 22] = [
        "file",
        "title",
        "date",
        "document_region",
        "indicator",
        "value",
        "unit",
        "raw",
        "approx",
        "value_max",
        "change_direction",
        "change_value",
        "change_unit",
        "period",
        "period_start",
        "period_end",
        "region",
        "category",
        "sentence",
        "span_start",
        "span_end",
        "encoding",
    ];

    impl Renderer {
        fn new(format: Format) -> Self {
            Renderer { format, count: 0 }
        }

        fn start(&mut self) -> Vec<u8> {
            match self.format {
                Format::Json => b"[".to_vec(),
                Format::Csv => csv_rows(std::iter::once(CSV_HEADER.map(String::from).to_vec())),
                Format::Table | Format::Jsonl => Vec::new(),
            }
        }

        fn end(&mut self) -> Vec<u8> {
            match self.format {
                Format::Json if self.count == 0 => b"]\n".to_vec(),
                Format::Json => b"\n]\n".to_vec(),
                _ => Vec::new(),
            }
        }

        fn document(&mut self, r: &Report) -> Vec<u8> {
            let first = self.count == 0;
            self.count += 1;
            match self.format {
                Format::Jsonl => {
                    let mut v = serde_json::to_vec(r).unwrap_or_else(|e| json_error(&e));
                    v.push(b'\n');
                    v
                }
                Format::Json => {
                    let mut v = if first {
                        b"\n".to_vec()
                    } else {
                        b",\n".to_vec()
                    };
                    v.extend(serde_json::to_vec(r).unwrap_or_else(|e| json_error(&e)));
                    v
                }
                Format::Csv => csv_rows(r.metrics.iter().map(|m| csv_record(r, m))),
                Format::Table => {
                    let mut s = if first {
                        String::new()
                    } else {
                        "\n".to_string()
                    };
                    s.push_str(&table(r));
                    s.into_bytes()
                }
            }
        }
    }

    /// serde_json fails only on non-finite floats, which it writes as null anyway; keep the
    /// output valid JSON whatever happens.
    fn json_error(e: &serde_json::Error) -> Vec<u8> {
        serde_json::to_vec(&serde_json::json!({ "error": e.to_string() })).unwrap_or_default()
    }

    fn csv_rows(rows: impl Iterator<Item = Vec<String>>) -> Vec<u8> {
        let mut w = csv::WriterBuilder::new()
            .has_headers(false)
            .from_writer(Vec::new());
        for row in rows {
            // Writing to a Vec cannot fail.
            let _ = w.write_record(&row);
        }
        w.into_inner().unwrap_or_default()
    }

    /// A number as CSV/JSON would read it: shortest round-trip form, empty when not finite.
    fn plain_number(x: f64) -> String {
        if x.is_finite() {
            format!("{x}")
        } else {
            String::new()
        }
    }

    fn csv_record(r: &Report, m: &Metric) -> Vec<String> {
        let opt = |s: &Option<String>| s.clone().unwrap_or_default();
        let change = m.change.as_ref();
        let period = m.period.as_ref();
        vec![
            r.source.name.clone(),
            opt(&r.document.title),
            opt(&r.document.date),
            opt(&r.document.region),
            m.indicator.clone(),
            plain_number(m.value),
            m.unit.clone(),
            m.raw.clone(),
            m.approx.map(approx_name).unwrap_or_default().to_string(),
            m.value_max.map(plain_number).unwrap_or_default(),
            change
                .map(|c| direction_name(c.direction))
                .unwrap_or_default()
                .to_string(),
            change.map(|c| plain_number(c.value)).unwrap_or_default(),
            change.map(|c| c.unit.clone()).unwrap_or_default(),
            period.map(|p| p.text.clone()).unwrap_or_default(),
            period.and_then(|p| p.start.clone()).unwrap_or_default(),
            period.and_then(|p| p.end.clone()).unwrap_or_default(),
            opt(&m.region),
            m.category.clone(),
            m.sentence.clone(),
            m.span[0].to_string(),
            m.span[1].to_string(),
            r.source.encoding.clone(),
        ]
    }

    fn approx_name(a: Approx) -> &'static str {
        match a {
            Approx::About => "about",
            Approx::Over => "over",
            Approx::Under => "under",
        }
    }

    fn direction_name(d: Direction) -> &'static str {
        match d {
            Direction::Up => "up",
            Direction::Down => "down",
        }
    }

    /// Replace control characters (line breaks, tabs, terminal escapes) with spaces so a
    /// document can neither break a table row nor drive the terminal.
    fn sanitize(s: &str) -> String {
        s.chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect()
    }

    /// Display width in terminal columns (CJK characters count two).
    fn width(s: &str) -> usize {
        UnicodeWidthStr::width(s)
    }

    /// Cut `s` to at most `max` columns, marking a cut with `...`.
    fn truncate(s: &str, max: usize) -> String {
        if width(s) <= max {
            return s.to_string();
        }
        let mut out = String::new();
        let mut w = 0;
        for c in s.chars() {
            let cw = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
            if w + cw + 3 > max {
                break;
            }
            out.push(c);
            w += cw;
        }
        out.push_str("...");
        out
    }

    fn pad(s: &str, w: usize) -> String {
        let mut out = s.to_string();
        for _ in width(s)..w {
            out.push(' ');
        }
        out
    }

    /// Units that read naturally with 万/亿 in front: money and counted or measured things.
    fn scalable_unit(unit: &str) -> bool {
        if unit.is_empty() {
            return true;
        }
        if unit.contains('/') {
            return false; // 元/年, 元/平方米: a rate, not an amount
        }
        const NOT: [&str; 14] = [
            "%",
            "‰",
            "个百分点",
            "百分点",
            "倍",
            "比",
            "岁",
            "℃",
            "年",
            "月",
            "天",
            "小时",
            "分钟",
            "秒",
        ];
        if NOT.contains(&unit) {
            return false;
        }
        const SCALABLE: [&str; 56] = [
            "人",
            "户",
            "个",
            "家",
            "所",
            "套",
            "张",
            "项",
            "名",
            "支",
            "场",
            "场次",
            "人次",
            "剂次",
            "次",
            "件",
            "台",
            "辆",
            "座",
            "间",
            "栋",
            "幢",
            "处",
            "条",
            "只",
            "头",
            "株",
            "棵",
            "份",
            "册",
            "本",
            "批",
            "例",
            "起",
            "位",
            "艘",
            "架",
            "种",
            "部",
            "篇",
            "床",
            "笔",
            "单",
            "吨",
            "平方米",
            "平方公里",
            "亩",
            "公顷",
            "立方米",
            "千瓦",
            "千瓦时",
            "度",
            "公里",
            "米",
            "千克",
            "公斤",
        ];
        SCALABLE.contains(&unit) || unit.ends_with('元')
    }

    /// A number for people: at most six decimals, trailing zeros trimmed, no `-0`.
    fn human_number(x: f64) -> String {
        if !x.is_finite() {
            return x.to_string();
        }
        let mut s = format!("{x:.6}");
        if s.contains('.') {
            while s.ends_with('0') {
                s.pop();
            }
            if s.ends_with('.') {
                s.pop();
            }
        }
        if s == "-0" {
            s = "0".into();
        }
        if s == "0" && x != 0.0 {
            // Too small for six decimals: show it as it is rather than as zero.
            s = format!("{x}");
        }
        s
    }

    /// A value with its unit in readable form: `142.18 亿元`, `38.3 万人`, `5.1%`, `8-10%`,
    /// `21713 元`. 亿 from 1e8 and 万 from 1e5 on, for money and counts only.
    fn format_value(value: f64, value_max: Option<f64>, unit: &str) -> String {
        let big = value.abs().max(value_max.map_or(0.0, f64::abs));
        let (div, prefix) = if !scalable_unit(unit) {
            (1.0, "")
        } else if big >= 1e8 {
            (1e8, "亿")
        } else if big >= 1e5 {
            (1e4, "万")
        } else {
            (1.0, "")
        };
        let mut num = human_number(value / div);
        if let Some(max) = value_max {
            num.push('-');
            num.push_str(&human_number(max / div));
        }
        let unit_text = format!("{prefix}{unit}");
        if unit_text.is_empty() {
            num
        } else if unit == "%" || unit == "‰" || unit == "℃" {
            format!("{num}{unit}")
        } else {
            format!("{num} {unit_text}")
        }
    }

    fn metric_value(m: &Metric) -> String {
        if m.unit == "比" && !m.raw.is_empty() {
            return m.raw.clone(); // a ratio reads as written: 1.49:1
        }
        let v = format_value(m.value, m.value_max, &m.unit);
        match m.approx {
            Some(Approx::About) => format!("~{v}"),
            Some(Approx::Over) => format!(">{v}"),
            Some(Approx::Under) => format!("<{v}"),
            None => v,
        }
    }

    fn metric_change(m: &Metric) -> String {
        match &m.change {
            None => String::new(),
            Some(c) => {
                let sign = match c.direction {
                    Direction::Up => '+',
                    Direction::Down => '-',
                };
                format!("{sign}{}", format_value(c.value.abs(), None, &c.unit))
            }
        }
    }

    fn table(r: &Report) -> String {
        let dash = |s: &Option<String>| s.as_deref().map(sanitize).unwrap_or_else(|| "-".into());
        let mut s = String::new();
        let _ = writeln!(
            s,
            "== {}  {}  {}  {}  {}",
            sanitize(&r.source.name),
            dash(&r.document.title),
            dash(&r.document.date),
            dash(&r.document.region),
            sanitize(&r.source.encoding),
        );
        for w in &r.warnings {
            let _ = writeln!(s, "   warning: {}", sanitize(w));
        }
        if r.metrics.is_empty() {
            let _ = writeln!(s, "   (no metrics)");
            return s;
        }
        let header = [
            "indicator",
            "value",
            "change",
            "period",
            "region",
            "category",
        ];
        let mut rows: Vec<[String; 6]> = vec![header.map(String::from)];
        for m in &r.metrics {
            rows.push([
                truncate(&sanitize(&m.indicator), 40),
                sanitize(&metric_value(m)),
                sanitize(&metric_change(m)),
                truncate(
                    &sanitize(
                        &m.period
                            .as_ref()
                            .map(|p| p.text.clone())
                            .unwrap_or_default(),
                    ),
                    24,
                ),
                sanitize(m.region.as_deref().unwrap_or("")),
                sanitize(&m.category),
            ]);
        }
        let mut widths = [0usize; 6];
        for row in &rows {
            for (w, cell) in widths.iter_mut().zip(row) {
                *w = (*w).max(width(cell));
            }
        }
        for row in &rows {
            let mut line = String::from("   ");
            for (i, cell) in row.iter().enumerate() {
                if i > 0 {
                    line.push_str("  ");
                }
                // Numbers read best right-aligned.
                if i == 1 || i == 2 {
                    line.push_str(&" ".repeat(widths[i] - width(cell)));
                    line.push_str(cell);
                } else {
                    line.push_str(&pad(cell, widths[i]));
                }
            }
            s.push_str(line.trim_end());
            s.push('\n');
        }
        s
    }

    // ---------------------------------------------------------------------------------------
    // `zhibiao quantities`

    fn run_quantities(file: &Path, opts: &Options) -> ExitCode {
        let input = if file.as_os_str() == "-" {
            Input::Stdin
        } else {
            Input::File(file.to_path_buf())
        };
        let result = catching(|| {
            let bytes = read_input(&input, opts.max_bytes)?;
            let decoded = zhibiao::decode::decode(&bytes).map_err(|e| e.to_string())?;
            let mut out = Vec::new();
            for q in zhibiao::quantity::find(&decoded.text) {
                out.extend(serde_json::to_vec(&q).unwrap_or_else(|e| json_error(&e)));
                out.push(b'\n');
            }
            Ok(out)
        });
        match result {
            Ok(bytes) => {
                let mut lock = io::stdout().lock();
                match lock.write_all(&bytes).and_then(|_| lock.flush()) {
                    Ok(()) => ExitCode::SUCCESS,
                    Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
                    Err(e) => {
                        eprintln!("zhibiao: <stdout>: {}", io_message(&e));
                        ExitCode::from(1)
                    }
                }
            }
            Err(msg) => {
                eprintln!(
                    "zhibiao: {}: {}",
                    sanitize(&input.display()),
                    sanitize(&msg)
                );
                ExitCode::from(1)
            }
        }
    }

    // ---------------------------------------------------------------------------------------

    #[cfg(test)]
    mod tests {
        use super::*;

        #[test]
        fn values_in_yi_and_wan() {
            assert_eq!(format_value(14218000000.0, None, "元"), "142.18 亿元");
            assert_eq!(format_value(383000.0, None, "人"), "38.3 万人");
            assert_eq!(format_value(22100000.0, None, "平方米"), "2210 万平方米");
            assert_eq!(format_value(1640000000.0, None, "元"), "16.4 亿元");
            assert_eq!(format_value(100000000.0, None, "元"), "1 亿元");
            assert_eq!(format_value(100000.0, None, "户"), "10 万户");
            assert_eq!(format_value(12900.0, None, "人"), "12900 人");
            assert_eq!(format_value(21713.0, None, "元"), "21713 元");
            assert_eq!(format_value(5000000.0, None, "美元"), "500 万美元");
            assert_eq!(format_value(250000.0, None, ""), "25 万");
        }

        #[test]
        fn values_without_multiplier() {
            assert_eq!(format_value(5.1, None, "%"), "5.1%");
            assert_eq!(format_value(40.0, None, "%"), "40%");
            assert_eq!(format_value(0.2, None, "个百分点"), "0.2 个百分点");
            assert_eq!(format_value(2.5, None, "倍"), "2.5 倍");
            assert_eq!(
                format_value(350000.0, None, "元/平方米"),
                "350000 元/平方米"
            );
            assert_eq!(format_value(1e9, None, "%"), "1000000000%");
            assert_eq!(format_value(87.0, None, "岁"), "87 岁");
            assert_eq!(format_value(18.0, None, "℃"), "18℃");
        }

        #[test]
        fn ranges_share_one_multiplier() {
            assert_eq!(format_value(8.0, Some(10.0), "%"), "8-10%");
            assert_eq!(format_value(80000.0, Some(120000.0), "人"), "8-12 万人");
        }

        #[test]
        fn numbers_trim_zeros_and_float_noise() {
            assert_eq!(human_number(38.300000000000004), "38.3");
            assert_eq!(human_number(142.18), "142.18");
            assert_eq!(human_number(15.0), "15");
            assert_eq!(human_number(-0.0), "0");
            assert_eq!(human_number(-3.5), "-3.5");
            assert_eq!(human_number(0.0000001), "0.0000001");
            assert_eq!(human_number(1e20), "100000000000000000000");
            assert_eq!(plain_number(14218000000.0), "14218000000");
            assert_eq!(plain_number(5.1), "5.1");
            assert_eq!(plain_number(f64::NAN), "");
        }

        fn metric(value: f64, unit: &str) -> Metric {
            Metric {
                indicator: "城镇居民人均可支配收入".into(),
                indicator_key: None,
                value,
                unit: unit.into(),
                raw: "1.49:1".into(),
                approx: None,
                value_max: None,
                change: None,
                period: None,
                region: None,
                category: "income".into(),
                sentence: String::new(),
                span: [0, 0],
            }
        }

        #[test]
        fn metric_cells() {
            let mut m = metric(50000.0, "元");
            m.approx = Some(Approx::Over);
            assert_eq!(metric_value(&m), ">50000 元");
            m.change = Some(zhibiao::report::Change {
                direction: Direction::Down,
                value: 76.5,
                unit: "%".into(),
                raw: "下降76.5%".into(),
            });
            assert_eq!(metric_change(&m), "-76.5%");
            assert_eq!(metric_value(&metric(1.49, "比")), "1.49:1");
        }

        #[test]
        fn widths_count_cjk_twice() {
            assert_eq!(width("石家庄市"), 8);
            assert_eq!(width("5.1%"), 4);
            assert_eq!(pad("地区", 6), "地区  ");
            let t = truncate("城镇居民人均可支配收入城镇居民人均可支配收入", 10);
            assert!(width(&t) <= 10, "{t}");
            assert!(t.ends_with("..."));
            assert_eq!(sanitize("a\nb\x1b[31m"), "a b [31m");
        }

        #[test]
        fn table_columns_line_up() {
            let mut r: Report = serde_json::from_value(serde_json::json!({
                "source": {"name": "x.txt", "bytes": 1, "encoding": "UTF-8", "format": "text"},
                "document": {"title": "标题", "date": null, "publisher": null, "author": null,
                             "region": "石家庄市", "script": "simplified"},
                "text": "", "original_text": null, "metrics": [], "keywords": [], "warnings": []
            }))
            .unwrap();
            r.metrics.push(metric(16993.0, "元"));
            let mut m = metric(383000.0, "人");
            m.indicator = "城镇新增就业abc".into();
            m.region = Some("石家庄市".into());
            r.metrics.push(m);
            let t = table(&r);
            let lines: Vec<&str> = t.lines().collect();
            assert!(
                lines[0].contains("标题") && lines[0].contains("UTF-8"),
                "{t}"
            );
            // The category column starts at the same display column on every row.
            let col =
                |l: &str| width(&l[..l.find("income").or_else(|| l.find("category")).unwrap()]);
            assert_eq!(col(lines[1]), col(lines[2]), "{t}");
            assert_eq!(col(lines[2]), col(lines[3]), "{t}");
            assert!(t.contains("16993 元") && t.contains("38.3 万人"), "{t}");
        }

        #[test]
        fn sizes() {
            assert_eq!(parse_size("1024"), Ok(1024));
            assert_eq!(parse_size("64M"), Ok(64 << 20));
            assert_eq!(parse_size("512k"), Ok(512 << 10));
            assert!(parse_size("ten").is_err());
            assert!(parse_size("-1").is_err());
            assert!(parse_size("").is_err());
        }

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

        #[test]
        fn cli_definition_is_valid() {
            use clap::CommandFactory;
            Cli::command().debug_assert();
        }
    }
}
