//! The Python binding (`pip install zhibiao`): a thin PyO3 layer over the core, built by
//! maturin (`pyproject.toml`) with the cargo feature `python`; the package around it is
//! `python/zhibiao/`.
//!
//! - `analyze(data, name="")` returns the report of SPEC §2 as a `dict`, exactly the JSON
//!   the command line prints (`zhibiao --format json`), parsed by Python's `json` module:
//!   the same serialiser as the command line, so nothing can drift between the two.
//! - `analyze_many(items, *, threads=None, return_exceptions=False)` analyses many
//!   `(name, data)` pairs on rayon's threads with the GIL released.
//!
//! Errors are exception types under `zhibiao.ZhibiaoError` (a `ValueError`), one per
//! [`crate::Error`] variant; a panic in the core becomes `zhibiao.InternalError` instead
//! of a Rust panic crossing into the interpreter.

use std::borrow::Cow;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::{Arc, Mutex};

use pyo3::create_exception;
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyByteArray, PyBytes, PyList, PyString, PyTuple};
use rayon::prelude::*;

use crate::{analyze_with, Error, Options};

create_exception!(zhibiao, ZhibiaoError, PyValueError, "A document that gets no report.");
create_exception!(zhibiao, Empty, ZhibiaoError, "No text to analyse: no bytes, or only white space.");
create_exception!(zhibiao, NotText, ZhibiaoError, "Not a text document: a binary signature or too many control bytes.");
create_exception!(zhibiao, TooLarge, ZhibiaoError, "Larger than the size limit (max_bytes).");
create_exception!(zhibiao, InternalError, ZhibiaoError, "A bug in zhibiao (a caught panic); please report it with the document.");

/// Why one document has no report: the core's error, or a caught panic.
enum Failure {
    Core(Error),
    Panic(String),
}

impl Failure {
    fn into_pyerr(self) -> PyErr {
        match self {
            Failure::Core(e) => {
                let msg = e.to_string();
                match e {
                    Error::Empty => Empty::new_err(msg),
                    Error::Binary { .. } => NotText::new_err(msg),
                    Error::TooLarge { .. } => TooLarge::new_err(msg),
                }
            }
            Failure::Panic(msg) => InternalError::new_err(format!("internal error: {msg}")),
        }
    }
}

/// One document, analysed and serialised off the GIL; a panic is caught, never unwound
/// into the interpreter.
fn report_json(data: &[u8], name: &str, opts: &Options) -> Result<String, Failure> {
    catch_unwind(AssertUnwindSafe(|| {
        let report = analyze_with(data, name, opts).map_err(Failure::Core)?;
        serde_json::to_string(&report).map_err(|e| Failure::Panic(format!("cannot serialise the report: {e}")))
    }))
    .unwrap_or_else(|payload| Err(Failure::Panic(panic_message(payload.as_ref()))))
}

fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "panic".to_string())
}

/// `json.loads`, imported once.
fn to_dict<'py>(py: Python<'py>, json: &str) -> PyResult<Bound<'py, PyAny>> {
    static LOADS: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
    LOADS.import(py, "json", "loads")?.call1((json,))
}

/// The bytes of a `bytes`, `bytearray` or `str` (as UTF-8) argument.
fn data_of<'a>(data: &'a Bound<'_, PyAny>) -> PyResult<Cow<'a, [u8]>> {
    if let Ok(b) = data.cast::<PyBytes>() {
        Ok(Cow::Borrowed(b.as_bytes()))
    } else if let Ok(s) = data.cast::<PyString>() {
        Ok(Cow::Owned(s.to_cow()?.into_owned().into_bytes()))
    } else if let Ok(b) = data.cast::<PyByteArray>() {
        Ok(Cow::Owned(b.to_vec()))
    } else {
        Err(PyTypeError::new_err(format!(
            "data must be bytes, bytearray or str, not {}",
            data.get_type().name()?
        )))
    }
}

fn options(max_bytes: Option<usize>, keywords: bool) -> Options {
    let default = Options::default();
    Options { max_bytes: max_bytes.unwrap_or(default.max_bytes), keywords }
}

/// A rayon pool of `n` threads, made once per size (a Spark task runs on its share of the
/// executor's cores, not on all of them).
fn pool(n: usize) -> PyResult<Arc<rayon::ThreadPool>> {
    static POOLS: Mutex<Vec<(usize, Arc<rayon::ThreadPool>)>> = Mutex::new(Vec::new());
    let mut pools = POOLS.lock().unwrap_or_else(|e| e.into_inner());
    if let Some((_, p)) = pools.iter().find(|(k, _)| *k == n) {
        return Ok(p.clone());
    }
    let p = Arc::new(
        rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .thread_name(|i| format!("zhibiao-{i}"))
            .build()
            .map_err(|e| PyValueError::new_err(format!("cannot start {n} threads: {e}")))?,
    );
    pools.push((n, p.clone()));
    Ok(p)
}

/// Analyse one document: `data` is its bytes in any supported encoding and format (or a
/// `str`), `name` goes to `source.name`. Returns the report (SPEC §2) as a dict; raises
/// `Empty`, `NotText` or `TooLarge` (all `ZhibiaoError`, a `ValueError`) when it has none.
#[pyfunction]
#[pyo3(signature = (data, name = "", *, max_bytes = None, keywords = true))]
fn analyze<'py>(
    py: Python<'py>,
    data: &Bound<'py, PyAny>,
    name: &str,
    max_bytes: Option<usize>,
    keywords: bool,
) -> PyResult<Bound<'py, PyAny>> {
    let bytes = data_of(data)?;
    let opts = options(max_bytes, keywords);
    let json = py.detach(|| report_json(&bytes, name, &opts)).map_err(Failure::into_pyerr)?;
    to_dict(py, &json)
}

/// Analyse many `(name, data)` pairs in parallel with the GIL released; the reports come
/// back in input order. `threads`: how many threads (default: one per core). A document
/// without a report raises its error (the first in input order) or, with
/// `return_exceptions=True`, has the exception object in its place, as in
/// `asyncio.gather`.
#[pyfunction]
#[pyo3(signature = (items, *, threads = None, return_exceptions = false, max_bytes = None, keywords = true))]
fn analyze_many<'py>(
    py: Python<'py>,
    items: &Bound<'py, PyAny>,
    threads: Option<usize>,
    return_exceptions: bool,
    max_bytes: Option<usize>,
    keywords: bool,
) -> PyResult<Bound<'py, PyList>> {
    // hold the Python objects so the borrowed bytes stay valid while detached
    let mut held = Vec::new();
    for item in items.try_iter()? {
        let item = item?;
        let pair = item
            .cast::<PyTuple>()
            .ok()
            .filter(|t| t.len() == 2)
            .ok_or_else(|| PyTypeError::new_err("items must be (name, data) pairs"))?;
        let name: String = pair.get_item(0)?.extract()?;
        held.push((name, pair.get_item(1)?));
    }
    let docs: Vec<(&str, Cow<[u8]>)> = held
        .iter()
        .map(|(name, data)| Ok((name.as_str(), data_of(data)?)))
        .collect::<PyResult<_>>()?;
    let opts = options(max_bytes, keywords);
    let pool = threads.map(|n| pool(n.max(1))).transpose()?;
    let results: Vec<Result<String, Failure>> = py.detach(|| {
        let run = || docs.par_iter().map(|(name, data)| report_json(data, name, &opts)).collect();
        match &pool {
            Some(p) => p.install(run),
            None => run(),
        }
    });
    let out = PyList::empty(py);
    for r in results {
        match r {
            Ok(json) => out.append(to_dict(py, &json)?)?,
            Err(f) if return_exceptions => out.append(f.into_pyerr().into_value(py))?,
            Err(f) => return Err(f.into_pyerr()),
        }
    }
    Ok(out)
}

/// Panics on purpose, caught like a panic in the core: the tests check that it becomes
/// `InternalError` and the interpreter goes on.
#[pyfunction]
fn _debug_panic() -> PyResult<()> {
    let r: Result<String, Failure> = catch_unwind(|| -> Result<String, Failure> {
        panic!("_debug_panic: a deliberate panic for the recovery test")
    })
    .unwrap_or_else(|payload| Err(Failure::Panic(panic_message(payload.as_ref()))));
    r.map(drop).map_err(Failure::into_pyerr)
}

/// The Rust core of the `zhibiao` package (import `zhibiao`, not this).
#[pymodule]
#[pyo3(name = "_native")]
fn native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add_function(wrap_pyfunction!(analyze, m)?)?;
    m.add_function(wrap_pyfunction!(analyze_many, m)?)?;
    m.add_function(wrap_pyfunction!(_debug_panic, m)?)?;
    m.add("ZhibiaoError", py.get_type::<ZhibiaoError>())?;
    m.add("Empty", py.get_type::<Empty>())?;
    m.add("NotText", py.get_type::<NotText>())?;
    m.add("TooLarge", py.get_type::<TooLarge>())?;
    m.add("InternalError", py.get_type::<InternalError>())?;
    Ok(())
}
