//! The `zhibiao` binary on awkward input: it must never panic (exit 101), must report a
//! bad document as one line `zhibiao: PATH: message` on stderr, and must still report the
//! good ones. Native only: the binary does not exist on wasm32.

#![cfg(not(target_arch = "wasm32"))]

use serde_json::Value;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// A fresh directory under the system temp dir, removed when dropped.
struct TempDir(PathBuf);

impl TempDir {
    fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn tempdir() -> TempDir {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static N: AtomicUsize = AtomicUsize::new(0);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    let dir = std::env::temp_dir().join(format!(
        "zhibiao-cli-{}-{}-{nanos}",
        std::process::id(),
        N.fetch_add(1, Ordering::Relaxed)
    ));
    std::fs::create_dir_all(&dir).expect("create a temp dir");
    TempDir(dir)
}

const ARTICLE: &str = "石家庄市2022年上半年经济运行情况\n\
    今年上半年,全市居民人均可支配收入16993元,增长5.1%。\n\
    城镇新增就业4.85万人,完成全年任务的70.75%。\n";

fn run(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_zhibiao"))
        .args(args)
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run zhibiao");
    if let Some(bytes) = stdin {
        let mut pipe = child.stdin.take().unwrap();
        let bytes = bytes.to_vec();
        // Write from a thread so a large input cannot deadlock against unread output.
        std::thread::spawn(move || {
            let _ = pipe.write_all(&bytes);
        });
    }
    let out = child.wait_with_output().expect("wait for zhibiao");
    assert_no_panic(&out);
    out
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).expect("stdout is UTF-8")
}

fn assert_no_panic(out: &Output) {
    let code = out.status.code();
    let err = stderr(out);
    assert!(
        matches!(code, Some(0..=2)),
        "exit {code:?} (101 is a panic); stderr:\n{err}"
    );
    assert!(
        !err.contains("panicked") && !err.contains("internal error"),
        "a panic:\n{err}"
    );
}

/// Every stdout line is a JSON report; returns them.
fn jsonl(out: &Output) -> Vec<Value> {
    stdout(out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}")))
        .collect()
}

fn name_of(report: &Value) -> &str {
    report["source"]["name"].as_str().expect("source.name")
}

/// The input gave either one report, or exit 1 and exactly one error line for it.
fn assert_report_or_one_line_error(out: &Output, path: &str) {
    let reports = jsonl(out);
    if out.status.success() {
        assert_eq!(reports.len(), 1, "{}", stdout(out));
        assert_eq!(name_of(&reports[0]), path);
        assert!(reports[0]["metrics"].is_array());
        assert!(reports[0]["source"]["encoding"].is_string());
    } else {
        assert_eq!(out.status.code(), Some(1));
        assert!(reports.is_empty(), "{}", stdout(out));
        assert_one_error(out, path);
    }
}

fn assert_one_error(out: &Output, path: &str) {
    let err = stderr(out);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 1, "expected one error line, got:\n{err}");
    let prefix = format!("zhibiao: {path}: ");
    assert!(
        lines[0].starts_with(&prefix) && lines[0].len() > prefix.len(),
        "{err}"
    );
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let p = dir.join(name);
    if let Some(parent) = p.parent() {
        std::fs::create_dir_all(parent).unwrap();
    }
    std::fs::write(&p, bytes).unwrap();
    p.to_str().unwrap().to_string()
}

const PNG: &[u8] =
    b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89";

#[test]
fn binary_file() {
    let dir = tempdir();
    let png = write(dir.path(), "image.png", PNG);
    let out = run(&["--format", "jsonl", &png], None);
    assert_report_or_one_line_error(&out, &png);
}

#[test]
fn random_bytes_do_not_panic() {
    let dir = tempdir();
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    let bytes: Vec<u8> = (0..65536)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x as u8
        })
        .collect();
    let junk = write(dir.path(), "junk.bin", &bytes);
    let out = run(&["--format", "jsonl", &junk], None);
    assert_report_or_one_line_error(&out, &junk);
}

#[test]
fn empty_file_is_an_error() {
    let dir = tempdir();
    let empty = write(dir.path(), "empty.txt", b"");
    let out = run(&["--format", "jsonl", &empty], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    assert_one_error(&out, &empty);
    let blank = write(dir.path(), "blank.txt", b" \n\t\r\n");
    let out = run(&["--format", "jsonl", &blank], None);
    assert_eq!(out.status.code(), Some(1));
    assert_one_error(&out, &blank);
}

// The name of the detected encoding is checked in the decode module's own tests; here the
// binary only has to survive legacy encodings and give a report or a one-line error.

#[test]
fn gbk_file() {
    let dir = tempdir();
    let (bytes, _, unmappable) = encoding_rs::GBK.encode(ARTICLE);
    assert!(!unmappable);
    let gbk = write(dir.path(), "gbk.txt", &bytes);
    let out = run(&["--format", "jsonl", &gbk], None);
    assert_report_or_one_line_error(&out, &gbk);
}

#[test]
fn utf16le_file_with_bom() {
    let dir = tempdir();
    let mut bytes = vec![0xFF, 0xFE];
    for unit in ARTICLE.encode_utf16() {
        bytes.extend_from_slice(&unit.to_le_bytes());
    }
    let utf16 = write(dir.path(), "utf16.txt", &bytes);
    let out = run(&["--format", "jsonl", &utf16], None);
    assert_report_or_one_line_error(&out, &utf16);
}

#[test]
fn directory_with_a_bad_file() {
    let dir = tempdir();
    let a = write(dir.path(), "a.txt", ARTICLE.as_bytes());
    let bad = write(dir.path(), "b_empty.txt", b"");
    let c = write(
        dir.path(),
        "c.md",
        format!("---\ntitle: 测试\n---\n{ARTICLE}").as_bytes(),
    );
    let d = write(
        dir.path(),
        "sub/d.html",
        format!("<html><body><p>{ARTICLE}</p></body></html>").as_bytes(),
    );
    write(dir.path(), ".hidden.txt", ARTICLE.as_bytes());
    let root = dir.path().to_str().unwrap();
    let out = run(&["--format", "jsonl", "--no-keywords", root], None);
    assert_eq!(out.status.code(), Some(1), "one file failed");
    assert_one_error(&out, &bad);
    let reports = jsonl(&out);
    let names: Vec<&str> = reports.iter().map(name_of).collect();
    assert_eq!(
        names,
        [a.as_str(), c.as_str(), d.as_str()],
        "walked in sorted order, hidden skipped"
    );
    for r in &reports {
        assert!(
            r["keywords"].as_array().unwrap().is_empty(),
            "--no-keywords"
        );
    }
}

#[test]
fn missing_path_does_not_stop_the_others() {
    let dir = tempdir();
    let a = write(dir.path(), "a.txt", ARTICLE.as_bytes());
    let missing = dir.path().join("missing.txt").to_str().unwrap().to_string();
    let out = run(&["--format", "jsonl", &missing, &a], None);
    assert_eq!(out.status.code(), Some(1));
    assert_one_error(&out, &missing);
    assert_eq!(
        jsonl(&out).iter().map(name_of).collect::<Vec<_>>(),
        [a.as_str()]
    );
}

#[test]
fn too_large_is_refused() {
    let dir = tempdir();
    let a = write(dir.path(), "a.txt", ARTICLE.as_bytes());
    let out = run(&["--format", "jsonl", "--max-bytes", "10", &a], None);
    assert_eq!(out.status.code(), Some(1));
    assert_one_error(&out, &a);
    assert!(stderr(&out).contains("too large"), "{}", stderr(&out));
    let out = run(
        &["--format", "jsonl", "--max-bytes", "10", "-"],
        Some(ARTICLE.as_bytes()),
    );
    assert_eq!(out.status.code(), Some(1));
    assert_one_error(&out, "-");
    let out = run(&["--format", "jsonl", "--max-bytes", "1M", &a], None);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

#[test]
fn stdin_dash() {
    let out = run(&["--format", "jsonl", "-"], Some(ARTICLE.as_bytes()));
    assert_report_or_one_line_error(&out, "-");
    assert!(
        out.status.success(),
        "plain UTF-8 text on stdin: {}",
        stderr(&out)
    );
    let r = &jsonl(&out)[0];
    assert_eq!(r["source"]["bytes"], ARTICLE.len());
}

#[test]
fn piped_output_defaults_to_jsonl() {
    let out = run(&["-"], Some(ARTICLE.as_bytes()));
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(jsonl(&out).len(), 1);
}

#[test]
fn many_files_come_out_in_input_order() {
    let dir = tempdir();
    let mut expected = Vec::new();
    for i in 0..40 {
        // Uneven sizes so that workers finish out of order.
        let body = ARTICLE.repeat(1 + (i * 7) % 13 * 20);
        let name = if i % 9 == 4 {
            format!("f{i:02}.txt")
        } else {
            format!("f{i:02}.md")
        };
        let content = if i % 9 == 4 { String::new() } else { body };
        let p = write(dir.path(), &name, content.as_bytes());
        expected.push((p, i % 9 != 4));
    }
    let args: Vec<&str> = ["--format", "jsonl", "--no-keywords"]
        .into_iter()
        .chain(expected.iter().rev().map(|(p, _)| p.as_str()))
        .collect();
    let out = run(&args, None);
    assert_eq!(out.status.code(), Some(1));
    let names: Vec<String> = jsonl(&out).iter().map(|r| name_of(r).to_string()).collect();
    let want: Vec<String> = expected
        .iter()
        .rev()
        .filter(|(_, ok)| *ok)
        .map(|(p, _)| p.clone())
        .collect();
    assert_eq!(names, want, "reports in the order of the arguments");
    let errors: Vec<String> = stderr(&out).lines().map(str::to_string).collect();
    let want_err: Vec<String> = expected
        .iter()
        .rev()
        .filter(|(_, ok)| !*ok)
        .map(|(p, _)| p.clone())
        .collect();
    assert_eq!(errors.len(), want_err.len(), "{errors:?}");
    for (line, p) in errors.iter().zip(&want_err) {
        assert!(line.starts_with(&format!("zhibiao: {p}: ")), "{line}");
    }
}

#[test]
fn json_is_one_array() {
    let dir = tempdir();
    let a = write(dir.path(), "a.txt", ARTICLE.as_bytes());
    let b = write(dir.path(), "b.txt", ARTICLE.as_bytes());
    let out = run(&["--format", "json", "--no-keywords", &a, &b], None);
    assert!(out.status.success(), "{}", stderr(&out));
    let v: Value = serde_json::from_str(&stdout(&out)).expect("one JSON document");
    let names: Vec<&str> = v.as_array().unwrap().iter().map(name_of).collect();
    assert_eq!(names, [a.as_str(), b.as_str()]);
    // Nothing analysed is still a valid (empty) array.
    let empty = write(dir.path(), "empty.txt", b"");
    let out = run(&["--format", "json", &empty], None);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        serde_json::from_str::<Value>(&stdout(&out)).unwrap(),
        serde_json::json!([])
    );
}

#[test]
fn csv_has_header_and_file_column() {
    let dir = tempdir();
    let a = write(dir.path(), "a.txt", ARTICLE.as_bytes());
    let b = write(dir.path(), "b,with comma.txt", ARTICLE.as_bytes());
    let out = run(&["--format", "csv", "--no-keywords", &a, &b], None);
    assert!(out.status.success(), "{}", stderr(&out));
    // The same documents as JSON, to know how many metric rows to expect.
    let reports = jsonl(&run(&["--format", "jsonl", "--no-keywords", &a, &b], None));
    let mut rdr = csv::Reader::from_reader(out.stdout.as_slice());
    let header = rdr.headers().unwrap().clone();
    assert_eq!(&header[0], "file");
    for col in [
        "indicator",
        "indicator_key",
        "value",
        "unit",
        "change_value",
        "period",
        "region",
        "category",
    ] {
        assert!(
            header.iter().any(|h| h == col),
            "no {col} column: {header:?}"
        );
    }
    let value_col = header.iter().position(|h| h == "value").unwrap();
    let rows: Vec<csv::StringRecord> = rdr.records().map(|r| r.expect("a CSV row")).collect();
    let want: Vec<(String, f64)> = reports
        .iter()
        .flat_map(|r| {
            r["metrics"]
                .as_array()
                .unwrap()
                .iter()
                .map(move |m| (name_of(r).to_string(), m["value"].as_f64().unwrap()))
        })
        .collect();
    assert_eq!(rows.len(), want.len());
    for (row, (file, value)) in rows.iter().zip(&want) {
        assert_eq!(row.len(), header.len());
        assert_eq!(&row[0], file);
        let v: f64 = row[value_col].parse().expect("value is a plain number");
        assert_eq!(v, *value);
    }
}

#[test]
fn table_has_a_header_per_document() {
    let dir = tempdir();
    let a = write(dir.path(), "a.txt", ARTICLE.as_bytes());
    let out = run(&["--format", "table", "--no-keywords", &a], None);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.starts_with(&format!("== {a}")), "{text}");
}

#[test]
fn quantities_prints_json_lines() {
    let dir = tempdir();
    let a = write(dir.path(), "a.txt", ARTICLE.as_bytes());
    // spans index the text the pipeline reads (decoded, cleaned, normalised): the report's `text`
    let report = run(&["--format", "jsonl", "--no-keywords", &a], None);
    let text = jsonl(&report)[0]["text"].as_str().unwrap().to_string();
    for out in [
        run(&["quantities", &a], None),
        run(&["quantities", "-"], Some(ARTICLE.as_bytes())),
        run(&["quantities"], Some(ARTICLE.as_bytes())),
    ] {
        assert!(out.status.success(), "{}", stderr(&out));
        for q in jsonl(&out) {
            assert!(q.is_object(), "{q}");
            for key in ["raw", "value", "unit", "approx", "value_max", "span", "metric", "reason"] {
                assert!(q.get(key).is_some(), "no {key} in {q}");
            }
            let span = q["span"].as_array().unwrap();
            let (s, e) = (
                span[0].as_u64().unwrap() as usize,
                span[1].as_u64().unwrap() as usize,
            );
            let raw: String = text.chars().skip(s).take(e - s).collect();
            assert_eq!(q["raw"].as_str().unwrap(), raw, "span indexes the report's text");
            // kept as a metric, or a reason why not
            assert_eq!(q["metric"].as_bool(), Some(q["reason"].is_null()), "{q}");
        }
    }
    let empty = write(dir.path(), "empty.txt", b"");
    let out = run(&["quantities", &empty], None);
    assert_eq!(out.status.code(), Some(1));
    assert_one_error(&out, &empty);
    let out = run(&["quantities", &write(dir.path(), "image.png", PNG)], None);
    assert!(matches!(out.status.code(), Some(0 | 1)));
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        &[][..],
        &["--format", "xml", "x"][..],
        &["--max-bytes", "lots", "x"][..],
        &["--bogus", "x"][..],
    ] {
        let out = run(args, None);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        assert!(out.stdout.is_empty());
    }
    let out = run(&["--help"], None);
    assert_eq!(out.status.code(), Some(0));
    assert!(stdout(&out).contains("quantities"));
}

/// The first report is printed while a later input is still blocked: the output streams.
#[cfg(unix)]
#[test]
fn output_streams_before_all_inputs_are_done() {
    use std::io::BufRead;
    use std::sync::mpsc;
    use std::time::Duration;
    let dir = tempdir();
    let a = write(dir.path(), "a.txt", ARTICLE.as_bytes());
    let fifo = dir.path().join("slow.fifo");
    match Command::new("mkfifo").arg(&fifo).status() {
        Ok(s) if s.success() => {}
        _ => {
            eprintln!("note: mkfifo unavailable; skipping the streaming test");
            return;
        }
    }
    let fifo_s = fifo.to_str().unwrap().to_string();
    let mut child = Command::new(env!("CARGO_BIN_EXE_zhibiao"))
        .args(["--format", "jsonl", "--no-keywords", &a, &fifo_s])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let (tx, rx) = mpsc::channel();
    let stdout = child.stdout.take().unwrap();
    std::thread::spawn(move || {
        for line in std::io::BufReader::new(stdout).lines() {
            let _ = tx.send(line.unwrap());
        }
    });
    // Opening the FIFO blocks its reader until we write, so only a.txt can be done now.
    let first = rx.recv_timeout(Duration::from_secs(60));
    // Unblock the reader whatever happened, so the child always ends.
    std::fs::write(&fifo, ARTICLE).unwrap();
    let first = first.expect("the first report came out while the second input was pending");
    let v: Value = serde_json::from_str(&first).unwrap();
    assert_eq!(name_of(&v), a);
    let second = rx
        .recv_timeout(Duration::from_secs(60))
        .expect("second report");
    assert_eq!(name_of(&serde_json::from_str(&second).unwrap()), fifo_s);
    let out = child.wait_with_output().unwrap();
    assert_no_panic(&out);
    assert!(out.status.success(), "{}", stderr(&out));
}
