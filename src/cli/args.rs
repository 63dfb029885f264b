//! The command line's arguments.

use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;
use zhibiao::Options;

#[derive(Parser, Debug)]
#[command(
    name = "zhibiao",
    version,
    about = "Extract structured metrics from Chinese government and news articles",
    subcommand_negates_reqs = true,
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,

    /// Output format [default: table when stdout is a terminal, jsonl otherwise]
    #[arg(long, value_enum)]
    pub format: Option<Format>,

    /// Refuse documents larger than this (bytes; K, M, G suffixes allowed)
    #[arg(long, value_name = "N", value_parser = parse_size, global = true,
      default_value_t = Options::default().max_bytes)]
    pub max_bytes: usize,

    /// Do not compute TF-IDF keywords (faster)
    #[arg(long)]
    pub no_keywords: bool,

    /// Files, directories (walked recursively; hidden entries inside them skipped) or `-`
    /// for standard input
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Print every number the pipeline reads (after decode, clean and normalise), one JSON
    /// object a line, with whether it is kept as a metric and, if not, why
    Quantities {
        /// The file to scan, or `-` for standard input
        #[arg(value_name = "FILE|-", default_value = "-")]
        file: PathBuf,
    },
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// An aligned table per document
    Table,
    /// One JSON array of reports
    Json,
    /// One report per line
    Jsonl,
    /// One row per metric, with a file column
    Csv,
}

pub fn parse_size(s: &str) -> Result<usize, String> {
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

#[cfg(test)]
mod tests {
    use super::*;

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
    fn cli_definition_is_valid() {
        use clap::CommandFactory;
        Cli::command().debug_assert();
    }
}
