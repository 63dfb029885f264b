//! `zhibiao quantities FILE|-`: every number the quantity stage reads, one JSON object a
//! line, as the pipeline sees it: the same decode, clean and normalise stages first, then
//! the quantities of each paragraph. Each line says whether the pipeline keeps the number
//! as a metric's figure (`"metric"`) and, if not, why (`"reason"`: `no_unit`, `date`,
//! `code`, `ordinal`, `anecdote`, …). Spans are char offsets into the normalised text (the
//! report's `text`).

use std::io::{self, Write};
use std::path::Path;
use std::process::ExitCode;

use zhibiao::quantity::Found;
use zhibiao::{clean, decode, normalise, quantity, Options};

use super::catching;
use super::format::sanitize;
use super::input::{io_message, read_input, Input};
use super::render::json_error;

pub fn run(file: &Path, opts: &Options) -> ExitCode {
    let input = if file.as_os_str() == "-" { Input::Stdin } else { Input::File(file.to_path_buf()) };
    let result = catching(|| {
        let bytes = read_input(&input, opts.max_bytes)?;
        let mut out = Vec::new();
        for f in found(&bytes)? {
            out.extend(serde_json::to_vec(&f).unwrap_or_else(|e| json_error(&e)));
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
            eprintln!("zhibiao: {}: {}", sanitize(&input.display()), sanitize(&msg));
            ExitCode::from(1)
        }
    }
}

/// Decode, clean, normalise (as `zhibiao::analyze` does), then every number of every
/// paragraph with its span in the whole normalised text.
fn found(bytes: &[u8]) -> Result<Vec<Found>, String> {
    let decoded = decode::decode(bytes).map_err(|e| e.to_string())?;
    let cleaned = clean::clean(&decoded.text);
    let norm = normalise::normalise(&cleaned.body);
    let mut out = Vec::new();
    let mut base = 0;
    for line in norm.text.split('\n') {
        for mut f in quantity::find_all(line) {
            f.quantity.span = [base + f.quantity.span[0], base + f.quantity.span[1]];
            out.push(f);
        }
        base += line.chars().count() + 1;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use zhibiao::quantity::Reason;

    #[test]
    fn full_width_is_normalised_first() {
        let f = found("占比２２％".as_bytes()).unwrap();
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!((f[0].quantity.value, f[0].quantity.unit.as_str(), f[0].metric), (22.0, "%", true));
    }

    #[test]
    fn every_number_with_its_verdict() {
        let f = found("2021年12月5日,第5批,新增就业2.4万人。\n全市公园总数达到120,比上年有所增加。".as_bytes()).unwrap();
        let got: Vec<(&str, bool, Option<Reason>)> = f.iter().map(|f| (f.quantity.raw.as_str(), f.metric, f.reason)).collect();
        assert_eq!(
            got,
            vec![
                ("2021", false, Some(Reason::Date)),
                ("12", false, Some(Reason::Date)),
                ("5", false, Some(Reason::Date)),
                ("5批", false, Some(Reason::Ordinal)),
                ("2.4万人", true, None),
                ("120", false, Some(Reason::NoUnit)),
            ]
        );
        // spans index the whole normalised text, across paragraphs
        assert_eq!(f[5].quantity.span, [34, 37]);
    }
}
