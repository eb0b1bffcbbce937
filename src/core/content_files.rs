//! A folder of trainer-editable RON files of one kind (scenarios, quiz sets): reading them
//! through the size cap, one error per broken file that never stops the others, re-reading only
//! files whose content changed, and locating semantic problems at `file:line:col`.

use std::cell::OnceCell;
use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;

use crate::core::content_error::{ContentError, parse_ron, without_bom};
use crate::core::lang::{Bilingual, Lang};
use crate::core::ron_positions::Positions;

/// One parsed file together with the path and text it came from (the text lets a validator
/// point at lines and columns).
#[derive(Debug, Clone)]
pub struct Loaded<T> {
    pub file: PathBuf,
    pub source: String,
    pub item: T,
}

/// The files that parsed, and an error for each file that did not.
#[derive(Debug, Clone)]
pub struct ContentFiles<T> {
    pub items: Vec<Loaded<T>>,
    pub errors: Vec<ContentError>,
    /// A hash of what each file read gave (its text, or why it could not be read), so reading
    /// an unchanged file again changes nothing.
    fingerprints: HashMap<PathBuf, u64>,
}

impl<T> Default for ContentFiles<T> {
    fn default() -> Self {
        ContentFiles { items: Vec::new(), errors: Vec::new(), fingerprints: HashMap::new() }
    }
}

impl<T: DeserializeOwned> ContentFiles<T> {
    /// Adds a file's raw bytes (as an asset loader or a file watcher delivers them). A file
    /// already here is replaced, so live reload can call this again on change.
    pub fn add_bytes(&mut self, file: &Path, bytes: &[u8]) {
        self.remove(file);
        match std::str::from_utf8(bytes) {
            Ok(src) => match parse_ron(file, without_bom(src)) {
                Ok(item) => {
                    self.items.push(Loaded { file: file.to_owned(), source: without_bom(src).to_owned(), item })
                }
                Err(error) => self.errors.push(error),
            },
            Err(e) => self.errors.push(ContentError::at_offset(
                file,
                &String::from_utf8_lossy(&bytes[..e.valid_up_to()]),
                e.valid_up_to(),
                format!("the file is not valid UTF-8 text (byte {}); save it as UTF-8", e.valid_up_to()),
            )),
        }
    }

    /// Reads and adds one file (a file that cannot be read is an error).
    pub fn add_file(&mut self, file: &Path) {
        self.read_in(file);
    }

    /// Reads a file again after it changed on disk: a file whose content differs from the last
    /// read replaces its earlier version, a deleted one is dropped, an unchanged one is left
    /// alone. Returns whether anything changed.
    pub fn reread(&mut self, file: &Path) -> bool {
        if !file.is_file() {
            let known = self.fingerprints.contains_key(file);
            self.remove(file);
            return known;
        }
        self.read_in(file)
    }

    /// Reads `file` through the size cap and takes it in, unless it reads exactly as last time.
    fn read_in(&mut self, file: &Path) -> bool {
        let read = crate::core::limits::read_text_capped(file, crate::core::limits::MAX_CONTENT_FILE_BYTES);
        let mut hasher = DefaultHasher::new();
        match &read {
            Ok(text) => text.hash(&mut hasher),
            Err(error) => error.to_string().hash(&mut hasher),
        }
        let fingerprint = hasher.finish();
        if self.fingerprints.get(file) == Some(&fingerprint) {
            return false;
        }
        match read {
            Ok(text) => self.add_bytes(file, text.as_bytes()),
            Err(error) => {
                self.remove(file);
                self.errors.push(error);
            }
        }
        self.fingerprints.insert(file.to_owned(), fingerprint);
        true
    }

    /// Adds every `*.ron` file directly inside `dir`, in name order.
    pub fn add_dir(&mut self, dir: &Path) {
        let entries = match std::fs::read_dir(dir) {
            Ok(entries) => entries,
            Err(e) => {
                self.errors.push(ContentError::whole_file(dir, format!("cannot read the folder: {e}")));
                return;
            }
        };
        let mut files: Vec<PathBuf> = entries
            .filter_map(|entry| entry.ok().map(|e| e.path()))
            .filter(|path| path.is_file() && is_content_file(path))
            .collect();
        files.sort();
        for file in files {
            self.add_file(&file);
        }
    }

    /// Adds a file or, for a folder, the files in it.
    pub fn add_path(&mut self, path: &Path) {
        if path.is_dir() { self.add_dir(path) } else { self.add_file(path) }
    }

    /// Loads files and folders given on a command line, in the given order.
    pub fn of_paths(paths: &[PathBuf]) -> Self {
        let mut files = ContentFiles::default();
        for path in paths {
            files.add_path(path);
        }
        files
    }
}

impl<T> ContentFiles<T> {
    /// Forgets a file's content and errors (when it is deleted or before it is reloaded).
    pub fn remove(&mut self, file: &Path) {
        self.items.retain(|s| s.file != file);
        self.errors.retain(|e| e.file != file);
        self.fingerprints.remove(file);
    }

    /// Every file read: those that loaded and those that have errors.
    pub fn files(&self) -> impl Iterator<Item = &Path> {
        self.items.iter().map(|s| s.file.as_path()).chain(self.errors.iter().map(|e| e.file.as_path()))
    }

    pub fn iter(&self) -> impl Iterator<Item = &T> {
        self.items.iter().map(|s| &s.item)
    }
}

/// The files a content folder holds: `*.ron`.
pub fn is_content_file(path: &Path) -> bool {
    path.extension().is_some_and(|ext| ext == "ron")
}

/// Orders problems by file, then line and column, as a trainer fixes them.
pub fn sort_by_position(errors: &mut [ContentError]) {
    errors.sort_by(|a, b| (&a.file, a.line, a.col).cmp(&(&b.file, b.line, b.col)));
}

/// Ids are lowercase letters and digits joined by `-`.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .split('-')
            .all(|word| !word.is_empty() && word.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()))
}

fn lang_name(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "Chinese",
        Lang::En => "English",
    }
}

/// Collects one file's semantic problems, each located at the RON path it concerns (e.g.
/// `questions[3].kind.correct`). The text is scanned only when there is a problem to locate.
pub struct Locator<'a> {
    file: &'a Path,
    source: &'a str,
    positions: OnceCell<Positions>,
    pub errors: Vec<ContentError>,
}

impl<'a> Locator<'a> {
    pub fn new<T>(loaded: &'a Loaded<T>) -> Locator<'a> {
        Locator { file: &loaded.file, source: &loaded.source, positions: OnceCell::new(), errors: Vec::new() }
    }

    pub fn file(&self) -> &'a Path {
        self.file
    }

    /// A problem at `path`, or at its nearest ancestor the file has.
    pub fn error(&mut self, path: &str, message: impl Into<String>) {
        let error = match self.positions.get_or_init(|| Positions::scan(self.source)).offset(path) {
            Some(offset) => ContentError::at_offset(self.file, self.source, offset, message),
            None => ContentError::whole_file(self.file, message),
        };
        self.errors.push(error);
    }

    /// The id's form, and that the file is named after it.
    pub fn check_file_id(&mut self, id: &str) {
        if !is_valid_id(id) {
            self.error("id", format!("id `{id}` must be lowercase letters and digits joined by `-`"));
        } else if self.file.file_stem().is_some_and(|stem| stem != id) {
            self.error("id", format!("id `{id}` does not match the file name; name the file `{id}.ron`"));
        }
    }

    /// Both languages are written.
    pub fn check_bilingual(&mut self, path: &str, text: &Bilingual) {
        match text.missing().as_slice() {
            [] => {}
            [lang] => {
                let field = format!("{path}.{}", lang.code());
                self.error(&field, format!("`{path}` has no {} text", lang_name(*lang)));
            }
            _ => self.error(path, format!("`{path}` is empty")),
        }
    }
}
