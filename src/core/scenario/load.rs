//! Reading scenario files. A bad file becomes an error and never stops the others loading.

use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::{Path, PathBuf};

use crate::core::content_error::{ContentError, parse_ron, without_bom};
use crate::core::disc::Disc;

use super::types::{Difficulty, Scenario, ScenarioKind};

/// Parses one scenario file's text. Only syntax and shape are checked here; run
/// [`validate`](super::validate()) for the semantic rules.
pub fn load_str(file: &Path, src: &str) -> Result<Scenario, ContentError> {
    parse_ron(file, src)
}

/// A scenario together with the file and text it came from (the text lets the validator
/// point at lines and columns).
#[derive(Debug, Clone)]
pub struct LoadedScenario {
    pub file: PathBuf,
    pub source: String,
    pub scenario: Scenario,
}

/// The scenarios that parsed, and an error for each file that did not.
#[derive(Debug, Clone, Default)]
pub struct Library {
    pub scenarios: Vec<LoadedScenario>,
    pub errors: Vec<ContentError>,
    /// A hash of what each file read gave (its text, or why it could not be read), so reading
    /// an unchanged file again changes nothing.
    fingerprints: HashMap<PathBuf, u64>,
}

/// Which scenarios to show; `None` matches anything.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ScenarioFilter {
    pub kind: Option<ScenarioKind>,
    pub disc: Option<Disc>,
    pub difficulty: Option<Difficulty>,
}

impl ScenarioFilter {
    pub fn matches(&self, scenario: &Scenario) -> bool {
        self.kind.is_none_or(|k| k == scenario.kind)
            && self.disc.is_none_or(|d| d == scenario.disc)
            && self.difficulty.is_none_or(|d| d == scenario.difficulty)
    }
}

impl Library {
    /// Adds a file's raw bytes (as an asset loader or a file watcher delivers them). A file
    /// already in the library is replaced, so live reload can call this again on change.
    pub fn add_bytes(&mut self, file: &Path, bytes: &[u8]) {
        self.remove(file);
        match std::str::from_utf8(bytes) {
            Ok(src) => match load_str(file, without_bom(src)) {
                Ok(scenario) => self.scenarios.push(LoadedScenario {
                    file: file.to_owned(),
                    source: without_bom(src).to_owned(),
                    scenario,
                }),
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
                self.errors.push(ContentError::whole_file(dir, format!("cannot read the scenario folder: {e}")));
                return;
            }
        };
        let mut files: Vec<PathBuf> = entries
            .filter_map(|entry| entry.ok().map(|e| e.path()))
            .filter(|path| path.is_file() && path.extension().is_some_and(|ext| ext == "ron"))
            .collect();
        files.sort();
        for file in files {
            self.add_file(&file);
        }
    }

    /// Adds a file or, for a folder, the scenario files in it.
    pub fn add_path(&mut self, path: &Path) {
        if path.is_dir() { self.add_dir(path) } else { self.add_file(path) }
    }

    /// Forgets a file's scenario and errors (when it is deleted or before it is reloaded).
    pub fn remove(&mut self, file: &Path) {
        self.scenarios.retain(|s| s.file != file);
        self.errors.retain(|e| e.file != file);
        self.fingerprints.remove(file);
    }

    /// Every file the library has read: those that loaded and those that have errors.
    pub fn files(&self) -> impl Iterator<Item = &Path> {
        self.scenarios.iter().map(|s| s.file.as_path()).chain(self.errors.iter().map(|e| e.file.as_path()))
    }

    pub fn get(&self, id: &str) -> Option<&Scenario> {
        self.iter().find(|s| s.id == id)
    }

    pub fn iter(&self) -> impl Iterator<Item = &Scenario> {
        self.scenarios.iter().map(|s| &s.scenario)
    }

    pub fn filter(&self, filter: &ScenarioFilter) -> impl Iterator<Item = &Scenario> {
        let filter = *filter;
        self.iter().filter(move |s| filter.matches(s))
    }
}

/// Loads every scenario file in a folder (the built-in `scenarios/` or a user folder).
pub fn load_dir(dir: &Path) -> Library {
    let mut library = Library::default();
    library.add_dir(dir);
    library
}

/// Loads files and folders given on a command line, in the given order.
pub fn load_paths(paths: &[PathBuf]) -> Library {
    let mut library = Library::default();
    for path in paths {
        library.add_path(path);
    }
    library
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::scenario::{library_dir, test_known_tags, validate};
    use proptest::prelude::*;
    use std::sync::LazyLock;

    /// Parsed once: the mutation test draws thousands of cases from it.
    static BUILTIN: LazyLock<Library> = LazyLock::new(|| load_dir(Path::new(library_dir())));

    #[test]
    fn syntax_error_is_located_and_other_files_still_load() {
        let mut library = load_dir(Path::new(library_dir()));
        let good = library.scenarios.len();
        library.add_bytes(Path::new("broken.ron"), b"(\n  id: \"broken\",\n  title: (zh: \"x\" en: \"y\"),\n)");
        assert_eq!(library.scenarios.len(), good);
        assert_eq!(library.errors.len(), 1);
        let error = &library.errors[0];
        assert_eq!((error.file.as_path(), error.line), (Path::new("broken.ron"), 3), "{error}");
    }

    #[test]
    fn non_utf8_and_missing_files_are_errors() {
        let mut library = Library::default();
        library.add_bytes(Path::new("a.ron"), b"(id: \"\xff\")");
        library.add_file(Path::new("/no/such/file.ron"));
        let messages: Vec<String> = library.errors.iter().map(ToString::to_string).collect();
        assert_eq!(messages.len(), 2);
        assert!(messages[0].starts_with("a.ron:1:7: the file is not valid UTF-8"), "{}", messages[0]);
        assert!(messages[1].starts_with("/no/such/file.ron: cannot read"), "{}", messages[1]);
    }

    #[test]
    fn reloading_a_file_replaces_it() {
        let dir = Path::new(library_dir());
        let mut library = load_dir(dir);
        let first = library.scenarios[0].file.clone();
        let count = library.scenarios.len();
        library.add_bytes(&first, b"oops");
        assert_eq!((library.scenarios.len(), library.errors.len()), (count - 1, 1));
        library.add_file(&first);
        assert_eq!((library.scenarios.len(), library.errors.len()), (count, 0));
    }

    #[test]
    fn filters_by_kind_disc_and_difficulty() {
        let library = load_dir(Path::new(library_dir()));
        let filter = ScenarioFilter { kind: Some(ScenarioKind::OverScope), disc: None, difficulty: None };
        assert!(library.filter(&filter).all(|s| s.kind == ScenarioKind::OverScope));
        assert!(library.filter(&filter).count() >= 4);
        for disc in Disc::ALL {
            let filter = ScenarioFilter { disc: Some(disc), ..Default::default() };
            assert!(library.filter(&filter).all(|s| s.disc == disc));
        }
        assert_eq!(library.filter(&ScenarioFilter::default()).count(), library.scenarios.len());
    }

    /// Mutations that keep a file mostly intact, so the semantic checks run on odd input too.
    fn mutate(src: &str, cut: usize, len: usize, insert: &str) -> String {
        let mut chars: Vec<char> = src.chars().collect();
        let cut = cut % (chars.len() + 1);
        let end = (cut + len).min(chars.len());
        chars.splice(cut..end, insert.chars());
        chars.into_iter().collect()
    }

    fn check_never_panics(file: &Path, bytes: &[u8]) -> Result<(), TestCaseError> {
        let mut library = Library::default();
        library.add_bytes(file, bytes);
        let errors = validate(&library, &test_known_tags());
        // Either it loaded, or there is at least one message saying why not.
        prop_assert!(library.scenarios.len() + library.errors.len() == 1);
        prop_assert!(library.errors.iter().chain(&errors).all(|e| !e.message.is_empty()));
        Ok(())
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

        #[test]
        fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
            check_never_panics(Path::new("fuzz.ron"), &bytes)?;
        }

        #[test]
        fn mutated_scenarios_never_panic(
            file in 0usize..64,
            cut in 0usize..40_000,
            len in 0usize..40,
            insert in prop_oneof![
                Just(""), Just("("), Just(")"), Just("]"), Just("\""), Just(","), Just("next: \"nowhere\""),
                Just("zh: \"\""), Just("/*"), Just("r#\""), Just("ending: resolved,"), Just("é"), Just("-128"),
            ],
        ) {
            let original = &BUILTIN.scenarios[file % BUILTIN.scenarios.len()];
            let mutated = mutate(&original.source, cut, len, insert);
            check_never_panics(&original.file, mutated.as_bytes())?;
        }
    }
}
