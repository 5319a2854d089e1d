//! The `dateline._dateline` extension module: dateline's analysis from Python.
//!
//! Records cross into Python as the JSON record of `dateline analyze --json` (serialised here,
//! parsed by Python's `json`), so a dict from Python is byte for byte the CLI's record. The
//! embedded resources (gazetteer, entity model, tone lexicons) are loaded once per process, on
//! first use; `analyze_many` releases the GIL while it analyses, on a rayon pool of `jobs`
//! threads, in chunks so memory stays flat, and keeps input order.

use std::path::Path;
use std::sync::OnceLock;

use dateline_analyze::{try_analyze, Analysis, Format, Resources, SourceRef};
use dateline_analyze::{Shingles, Signature};
use dateline_ingest::{Body, IngestError, Limits, Record};
use dateline_store::lsh::band_keys;
use dateline_store::origin::{origin, VersionFacts};
use dateline_store::stories::{versions_of_one_story, CANDIDATES_PER_BUCKET};
use dateline_store::StoryOptions;
use dateline_text::Metadata;
use pyo3::exceptions::{PyRuntimeError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyList, PyString};
use rayon::prelude::*;

/// Items taken from the iterable and analysed together.
const CHUNK: usize = 256;

fn resources() -> PyResult<&'static Resources> {
    static RESOURCES: OnceLock<Result<Resources, String>> = OnceLock::new();
    RESOURCES
        .get_or_init(|| Resources::embedded().map_err(|e| e.to_string()))
        .as_ref()
        .map_err(|e| PyRuntimeError::new_err(format!("loading dateline's embedded resources: {e}")))
}

/// One input as given from Python: a record to analyse, or an error found while reading it.
enum Input {
    Record(Box<Record>),
    Failed(String),
}

/// A page read from a WARC (or any input `dateline` reads): pass it to `analyze_many`.
#[pyclass(module = "dateline", frozen)]
struct Page {
    record: Option<Record>,
    error: Option<String>,
}

#[pymethods]
impl Page {
    /// The page's URL.
    #[getter]
    fn url(&self) -> Option<String> {
        self.record.as_ref().and_then(|r| r.source.url.clone())
    }
    /// The record within the input (WARC-Record-ID, JSONL line number).
    #[getter]
    fn record_id(&self) -> Option<String> {
        self.record.as_ref().and_then(|r| r.source.record.clone())
    }
    /// The input file.
    #[getter]
    fn path(&self) -> Option<String> {
        self.record.as_ref().and_then(|r| r.source.path.clone())
    }
    /// When the crawler fetched it (WARC-Date), if known.
    #[getter]
    fn fetch_date(&self) -> Option<String> {
        self.record.as_ref().and_then(|r| r.fetch.as_ref()).and_then(|f| f.date.clone())
    }
    /// The body as read (HTML or text bytes), before decoding.
    #[getter]
    fn body<'py>(&self, py: Python<'py>) -> Option<Bound<'py, PyBytes>> {
        self.record.as_ref().map(|r| match &r.body {
            Body::Bytes { bytes, .. } => PyBytes::new(py, bytes),
            Body::Text(t) => PyBytes::new(py, t.as_bytes()),
            Body::Html(h) => PyBytes::new(py, h),
        })
    }
    /// Why the reader could not read this record (a broken WARC member), else None.
    #[getter]
    fn error(&self) -> Option<String> {
        self.error.clone()
    }
    fn __repr__(&self) -> String {
        match (&self.record, &self.error) {
            (Some(r), _) => format!("<dateline.Page {}>", r.input_name()),
            (None, Some(e)) => format!("<dateline.Page error: {e}>"),
            (None, None) => "<dateline.Page>".into(),
        }
    }
}

/// Iterator over the pages of one input file.
#[pyclass(module = "dateline")]
struct Pages {
    records: std::sync::Mutex<dateline_ingest::Records>,
}

#[pymethods]
impl Pages {
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }
    fn __next__(slf: PyRef<'_, Self>, py: Python<'_>) -> Option<Page> {
        let records = &slf.records;
        let next = py.detach(|| records.lock().unwrap_or_else(std::sync::PoisonError::into_inner).next())?;
        Some(match next {
            Ok(record) => Page { record: Some(record), error: None },
            Err(e) => Page { record: None, error: Some(e.to_string()) },
        })
    }
}

/// Reads the pages of a WARC or WARC.gz file (also .jsonl, .html, .txt, or a directory), one
/// `Page` at a time, streamed: memory stays flat. A broken record becomes a `Page` whose
/// `error` says what went wrong, and reading goes on.
#[pyfunction]
#[pyo3(signature = (path, *, max_bytes = 8 << 20))]
fn read_warc(path: std::path::PathBuf, max_bytes: usize) -> PyResult<Pages> {
    if !path.exists() {
        return Err(pyo3::exceptions::PyFileNotFoundError::new_err(path.display().to_string()));
    }
    let limits = Limits { max_document_bytes: max_bytes, ..Limits::default() };
    Ok(Pages { records: std::sync::Mutex::new(dateline_ingest::read_path(Path::new(&path), limits)) })
}

fn non_empty(s: Option<String>) -> Option<String> {
    s.map(|s| s.trim().to_string()).filter(|s| !s.is_empty())
}

/// The fields of one article, as keyword arguments or dict keys (the JSONL fields of the CLI).
#[derive(Default)]
struct Fields {
    text: Option<String>,
    html: Option<String>,
    url: Option<String>,
    published: Option<String>,
    title: Option<String>,
    author: Option<String>,
    source: Option<String>,
    language: Option<String>,
    id: Option<String>,
}

impl Fields {
    /// The record the JSON Lines reader makes of the same fields (so analysis matches the CLI's
    /// on a JSONL line with these fields; only `source.path` and `source.record` differ).
    fn into_input(self) -> Input {
        let body = match (self.text, self.html) {
            (Some(text), _) => Body::Text(text),
            (None, Some(html)) => Body::Html(html.into_bytes()),
            (None, None) => return Input::Failed("an article needs `text` or `html`".into()),
        };
        let meta = Metadata {
            id: non_empty(self.id),
            title: non_empty(self.title),
            author: non_empty(self.author),
            published: non_empty(self.published),
            site: non_empty(self.source),
            header: None,
            language: non_empty(self.language),
        };
        let format = if matches!(body, Body::Html(_)) { Format::Html } else { Format::Jsonl };
        let source = SourceRef { path: None, url: non_empty(self.url), format, record: None };
        Input::Record(Box::new(Record { source, body, meta, fetch: None }))
    }
}

fn string_field(d: &Bound<'_, PyDict>, key: &str) -> PyResult<Option<String>> {
    match d.get_item(key)? {
        None => Ok(None),
        Some(v) if v.is_none() => Ok(None),
        // pandas fills missing cells with NaN: a missing field, not a value.
        Some(v) if v.extract::<f64>().is_ok_and(f64::is_nan) => Ok(None),
        Some(v) => match v.cast::<PyString>() {
            Ok(s) => Ok(Some(s.extract::<String>()?)),
            Err(_) if key == "id" => Ok(Some(v.str()?.extract::<String>()?)),
            Err(_) => Err(PyTypeError::new_err(format!("`{key}` must be a string"))),
        },
    }
}

/// One item of `analyze_many`'s iterable: a string (the text), a dict of fields, or a Page.
fn to_input(item: &Bound<'_, PyAny>) -> PyResult<Input> {
    if let Ok(s) = item.cast::<PyString>() {
        return Ok(Fields { text: Some(s.extract::<String>()?), ..Fields::default() }.into_input());
    }
    if let Ok(d) = item.cast::<PyDict>() {
        let f = |k| string_field(d, k);
        let fields = Fields {
            text: f("text")?,
            html: f("html")?,
            url: f("url")?,
            published: f("published")?,
            title: f("title")?,
            author: f("author")?,
            source: f("source")?,
            language: f("language").and_then(|l| Ok(l.or(f("lang")?)))?,
            id: f("id")?,
        };
        return Ok(fields.into_input());
    }
    if let Ok(p) = item.cast::<Page>() {
        let p = p.get();
        return Ok(match (&p.record, &p.error) {
            (Some(r), _) => Input::Record(Box::new(r.clone())),
            (None, Some(e)) => Input::Failed(e.clone()),
            (None, None) => Input::Failed("empty page".into()),
        });
    }
    Err(PyTypeError::new_err(format!(
        "analyze_many takes strings (article text), dicts (text or html, url, published, ...) or Pages, not {}",
        item.get_type().name()?
    )))
}

fn analyse(input: Input, resources: &Resources) -> Result<Analysis, String> {
    match input {
        Input::Failed(e) => Err(e),
        Input::Record(r) => {
            let limits = Limits::default();
            let doc = r.into_document(&limits).map_err(|e: IngestError| e.to_string())?;
            // An internal failure of one document's analysis is that document's error.
            try_analyze(&doc, resources).map_err(|e| e.to_string())
        }
    }
}

fn to_dict<'py>(py: Python<'py>, loads: &Bound<'py, PyAny>, json: &str) -> PyResult<Bound<'py, PyAny>> {
    loads.call1((PyString::new(py, json),))
}

/// Analyses one article and returns its record (a dict: the JSON record of
/// `dateline analyze --json`). Give `text` (plain text) or `html` (a page or fragment; the
/// article is extracted), and optionally `url`, `published` (ISO 8601), `title`, `author`,
/// `source` (the outlet), `language` (ISO 639-1, wins over detection) and `id`. Raises
/// ValueError for an article with no text.
#[pyfunction]
#[pyo3(signature = (text = None, *, html = None, url = None, published = None, title = None, author = None, source = None, language = None, id = None))]
#[allow(clippy::too_many_arguments)]
fn analyze<'py>(
    py: Python<'py>,
    text: Option<String>,
    html: Option<String>,
    url: Option<String>,
    published: Option<String>,
    title: Option<String>,
    author: Option<String>,
    source: Option<String>,
    language: Option<String>,
    id: Option<String>,
) -> PyResult<Bound<'py, PyAny>> {
    let resources = resources()?;
    let input = Fields { text, html, url, published, title, author, source, language, id }.into_input();
    let json =
        py.detach(|| analyse(input, resources).and_then(|a| serde_json::to_string(&a).map_err(|e| e.to_string())));
    let json = json.map_err(PyValueError::new_err)?;
    let loads = py.import("json")?.getattr("loads")?;
    to_dict(py, &loads, &json)
}

/// What `analyze_many` does with an item that cannot be analysed.
#[derive(Clone, Copy, PartialEq)]
enum OnError {
    Raise,
    Return,
    Skip,
}

/// Analyses many articles on `jobs` threads (0: one per core) with the GIL released, in input
/// order. Items are strings (text), dicts (the fields of `analyze`) or Pages (`read_warc`).
///
/// `output="records"` returns a list of dicts; `output="arrow"` a pyarrow Table with the Parquet
/// schema of docs/EXPORTS.md. `errors="raise"` (default) raises ValueError naming the first bad
/// item's index; `"return"` puts `{"error": message, "index": i}` in its place (records only);
/// `"skip"` leaves it out. With `error_list` (a list), every bad item is also appended to it as
/// `{"index": i, "error": message}` (so `output="arrow", errors="skip"` can still report them).
#[pyfunction]
#[pyo3(signature = (items, *, jobs = 0, output = "records", errors = "raise", error_list = None))]
fn analyze_many<'py>(
    py: Python<'py>,
    items: &Bound<'py, PyAny>,
    jobs: usize,
    output: &str,
    errors: &str,
    error_list: Option<&Bound<'py, PyList>>,
) -> PyResult<Bound<'py, PyAny>> {
    let arrow = match output {
        "records" => false,
        "arrow" => true,
        _ => return Err(PyValueError::new_err("output must be \"records\" or \"arrow\"")),
    };
    let on_error = match errors {
        "raise" => OnError::Raise,
        "return" if !arrow => OnError::Return,
        "return" => return Err(PyValueError::new_err("errors=\"return\" needs output=\"records\"")),
        "skip" => OnError::Skip,
        _ => return Err(PyValueError::new_err("errors must be \"raise\", \"return\" or \"skip\"")),
    };
    let resources = resources()?;
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs)
        .build()
        .map_err(|e| PyRuntimeError::new_err(format!("starting worker threads: {e}")))?;
    let loads = py.import("json")?.getattr("loads")?;
    let out = PyList::empty(py);
    let mut kept: Vec<Analysis> = Vec::new();
    let mut index = 0usize;
    let mut iter = items.try_iter()?;
    loop {
        let mut chunk = Vec::with_capacity(CHUNK);
        for item in iter.by_ref().take(CHUNK) {
            chunk.push(to_input(&item?)?);
        }
        if chunk.is_empty() {
            break;
        }
        let done: Vec<Result<(Analysis, Option<String>), String>> = py.detach(|| {
            pool.install(|| {
                chunk
                    .into_par_iter()
                    .map(|input| {
                        let a = analyse(input, resources)?;
                        let json =
                            if arrow { None } else { Some(serde_json::to_string(&a).map_err(|e| e.to_string())?) };
                        Ok((a, json))
                    })
                    .collect()
            })
        });
        for result in done {
            match result {
                Ok((a, Some(json))) => {
                    drop(a);
                    out.append(to_dict(py, &loads, &json)?)?;
                }
                Ok((a, None)) => kept.push(a),
                Err(e) => match on_error {
                    _ if error_list.is_some() && on_error != OnError::Raise => {
                        let d = PyDict::new(py);
                        d.set_item("error", &e)?;
                        d.set_item("index", index)?;
                        if let Some(list) = error_list {
                            list.append(&d)?;
                        }
                        if on_error == OnError::Return {
                            out.append(d)?;
                        }
                    }
                    OnError::Raise => return Err(PyValueError::new_err(format!("item {index}: {e}"))),
                    OnError::Return => {
                        let d = PyDict::new(py);
                        d.set_item("error", e)?;
                        d.set_item("index", index)?;
                        out.append(d)?;
                    }
                    OnError::Skip => {}
                },
            }
            index += 1;
        }
    }
    if !arrow {
        return Ok(out.into_any());
    }
    let bytes =
        py.detach(|| dateline_parquet::to_ipc_stream(&kept)).map_err(|e| PyRuntimeError::new_err(e.to_string()))?;
    let ipc = py.import("pyarrow.ipc")?;
    let reader = ipc.call_method1("open_stream", (PyBytes::new(py, &bytes),))?;
    reader.call_method0("read_all")
}

/// The byte range a record's fingerprint leaves out (its dateline span), from the record's
/// `dateline.start`/`dateline.end` (Parquet) or `dateline.span` (JSON).
fn skip(start: Option<usize>, end: Option<usize>) -> Option<std::ops::Range<usize>> {
    match (start, end) {
        (Some(s), Some(e)) => Some(s..e),
        _ => None,
    }
}

/// The LSH band keys the store indexes an article by (42 signed 64-bit keys), from the record's
/// `fingerprint.minhash` (base64); an empty list for a missing or foreign fingerprint and for an
/// article without words (the store puts those in no band). Two articles are compared for a
/// story only when they share a key.
#[pyfunction]
fn story_bands(minhash: Option<&str>) -> Vec<i64> {
    match minhash.and_then(Signature::from_base64) {
        Some(sig) if !sig.is_empty() => band_keys(&sig).to_vec(),
        _ => Vec::new(),
    }
}

/// Distinct word 5-shingles of a text less its dateline span: how much story text a version
/// carries (the store's `shingles`, which names the most complete version of a story).
#[pyfunction]
#[pyo3(signature = (text, start = None, end = None))]
fn shingle_count(text: &str, start: Option<usize>, end: Option<usize>) -> usize {
    Shingles::of(text, skip(start, end)).len()
}

/// One side of a pair: text, dateline start, dateline end.
type Side = (String, Option<usize>, Option<usize>);

/// The store's decision for pairs of articles (each `(text, dateline_start, dateline_end)`):
/// for each pair, the similarity (the larger of shingle Jaccard and containment) when the two
/// are versions of one story, else None. The same Rust comparison ingest makes between a new
/// article and its candidates (`dateline_store::stories::versions_of_one_story`), with the
/// store's default thresholds; runs on `jobs` threads (0: one per core) with the GIL released.
#[pyfunction]
#[pyo3(signature = (pairs, *, jobs = 1))]
fn same_story_many(py: Python<'_>, pairs: Vec<(Side, Side)>, jobs: usize) -> PyResult<Vec<Option<f64>>> {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs)
        .build()
        .map_err(|e| PyRuntimeError::new_err(format!("starting worker threads: {e}")))?;
    let opts = StoryOptions::default();
    Ok(py.detach(|| {
        pool.install(|| {
            pairs
                .par_iter()
                .map(|((ta, sa, ea), (tb, sb, eb))| {
                    versions_of_one_story((ta, skip(*sa, *ea)), (tb, skip(*sb, *eb)), &opts)
                        .map(|s| s.jaccard.max(s.containment))
                })
                .collect()
        })
    }))
}

/// The likely origin of a story, by the store's rule (credits, then earliest, then most
/// complete): `versions` are `(id, published, sources, shingles)` in the store's member order
/// (dated before undated, by publication date, then storage order). Returns a dict with
/// `article`, `reason`, `credits`, `earliest`, `most_complete` and `uncredited`, or None for no
/// versions.
#[pyfunction]
fn story_origin<'py>(
    py: Python<'py>,
    versions: Vec<(String, Option<String>, Vec<String>, u64)>,
) -> PyResult<Option<Bound<'py, PyDict>>> {
    let facts: Vec<VersionFacts> = versions
        .into_iter()
        .map(|(id, published, sources, shingles)| VersionFacts { id, published, sources, shingles })
        .collect();
    let Some(o) = origin(&facts) else { return Ok(None) };
    let d = PyDict::new(py);
    d.set_item("article", o.article)?;
    d.set_item("reason", o.reason.as_str())?;
    d.set_item("credits", o.credits)?;
    d.set_item("earliest", o.earliest)?;
    d.set_item("most_complete", o.most_complete)?;
    d.set_item("uncredited", o.uncredited)?;
    Ok(Some(d))
}

/// The store's story parameters: `threshold`, `containment`, `sentences`, `candidates` and
/// `per_bucket` (the candidate limits of ingest; see `dateline.spark.stories`).
#[pyfunction]
fn story_options<'py>(py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
    let o = StoryOptions::default();
    let d = PyDict::new(py);
    d.set_item("threshold", o.threshold)?;
    d.set_item("containment", o.containment)?;
    d.set_item("sentences", o.sentences)?;
    d.set_item("candidates", o.candidates)?;
    d.set_item("per_bucket", CANDIDATES_PER_BUCKET)?;
    Ok(d)
}

/// The Parquet schema of the records, as Arrow IPC bytes (read by `dateline.arrow_schema()`).
#[pyfunction]
fn _schema_ipc<'py>(py: Python<'py>) -> PyResult<Bound<'py, PyBytes>> {
    let bytes = dateline_parquet::to_ipc_stream(&[]).map_err(|e| PyRuntimeError::new_err(e.to_string()))?;
    Ok(PyBytes::new(py, &bytes))
}

#[pymodule]
fn _dateline(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(analyze, m)?)?;
    m.add_function(wrap_pyfunction!(analyze_many, m)?)?;
    m.add_function(wrap_pyfunction!(read_warc, m)?)?;
    m.add_function(wrap_pyfunction!(_schema_ipc, m)?)?;
    m.add_function(wrap_pyfunction!(story_bands, m)?)?;
    m.add_function(wrap_pyfunction!(shingle_count, m)?)?;
    m.add_function(wrap_pyfunction!(same_story_many, m)?)?;
    m.add_function(wrap_pyfunction!(story_origin, m)?)?;
    m.add_function(wrap_pyfunction!(story_options, m)?)?;
    m.add_class::<Page>()?;
    m.add_class::<Pages>()?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
