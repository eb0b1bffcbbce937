//! Reading scenario files. A bad file becomes an error and never stops the others loading.

use std::path::{Path, PathBuf};

use crate::core::content_error::{ContentError, parse_ron};
use crate::core::content_files::{ContentFiles, Loaded};
use crate::core::disc::Disc;

use super::types::{Difficulty, Scenario, ScenarioKind};

/// Parses one scenario file's text. Only syntax and shape are checked here; run
/// [`validate`](super::validate()) for the semantic rules.
pub fn load_str(file: &Path, src: &str) -> Result<Scenario, ContentError> {
    parse_ron(file, src)
}

/// A scenario together with the file and text it came from.
pub type LoadedScenario = Loaded<Scenario>;

/// The scenarios that parsed, and an error for each file that did not.
pub type Library = ContentFiles<Scenario>;

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

impl ContentFiles<Scenario> {
    pub fn get(&self, id: &str) -> Option<&Scenario> {
        self.iter().find(|s| s.id == id)
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
    Library::of_paths(paths)
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
        let good = library.items.len();
        library.add_bytes(Path::new("broken.ron"), b"(\n  id: \"broken\",\n  title: (zh: \"x\" en: \"y\"),\n)");
        assert_eq!(library.items.len(), good);
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
        let first = library.items[0].file.clone();
        let count = library.items.len();
        library.add_bytes(&first, b"oops");
        assert_eq!((library.items.len(), library.errors.len()), (count - 1, 1));
        library.add_file(&first);
        assert_eq!((library.items.len(), library.errors.len()), (count, 0));
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
        assert_eq!(library.filter(&ScenarioFilter::default()).count(), library.items.len());
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
        prop_assert!(library.items.len() + library.errors.len() == 1);
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
            let original = &BUILTIN.items[file % BUILTIN.items.len()];
            let mutated = mutate(&original.source, cut, len, insert);
            check_never_panics(&original.file, mutated.as_bytes())?;
        }
    }
}
