//! One error type for every piece of trainer-editable content (rubrics, scenarios,
//! locales, sessions), so every tool reports problems the same way: `file:line:col: message`.

use std::fmt;
use std::path::{Path, PathBuf};

use serde::Serialize;

/// A problem in a content file, located precisely enough for a trainer to fix it.
/// `line` and `col` are 1-based; 0 means "the whole file" (e.g. it could not be read).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ContentError {
    pub file: PathBuf,
    pub line: usize,
    pub col: usize,
    pub message: String,
}

impl ContentError {
    pub fn new(file: impl Into<PathBuf>, line: usize, col: usize, message: impl Into<String>) -> Self {
        Self { file: file.into(), line, col, message: message.into() }
    }

    /// An error about the file as a whole (unreadable, missing, semantic problem with no position).
    pub fn whole_file(file: impl Into<PathBuf>, message: impl Into<String>) -> Self {
        Self::new(file, 0, 0, message)
    }

    /// Converts a RON parse error into a located content error.
    pub fn from_ron(file: &Path, error: &ron::error::SpannedError) -> Self {
        Self::new(file, error.span.start.line, error.span.start.col, error.code.to_string())
    }

    /// The 1-based line and column of a byte offset in `source`, for parsers that report offsets.
    pub fn at_offset(file: &Path, source: &str, offset: usize, message: impl Into<String>) -> Self {
        let before = &source[..floor_char_boundary(source, offset)];
        let line = before.matches('\n').count() + 1;
        let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        Self::new(file, line, col, message)
    }
}

fn floor_char_boundary(s: &str, offset: usize) -> usize {
    let mut i = offset.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

impl fmt::Display for ContentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            // About the whole file: no position to give.
            write!(f, "{}: {}", self.file.display(), self.message)
        } else {
            write!(f, "{}:{}:{}: {}", self.file.display(), self.line, self.col, self.message)
        }
    }
}

impl std::error::Error for ContentError {}

/// Parses a RON document, turning a syntax error into a located [`ContentError`].
pub fn parse_ron<T: serde::de::DeserializeOwned>(file: &Path, source: &str) -> Result<T, ContentError> {
    ron::Options::default()
        .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
        .from_str(without_bom(source))
        .map_err(|e| ContentError::from_ron(file, &e))
}

/// The text without a leading UTF-8 byte-order mark, which Windows Notepad writes and which is
/// invisible in every editor.
pub fn without_bom(source: &str) -> &str {
    source.strip_prefix('\u{feff}').unwrap_or(source)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offset_maps_to_line_and_column_counting_characters() {
        let src = "第一行\nab错c";
        let err = ContentError::at_offset(Path::new("x.ftl"), src, src.find('c').unwrap(), "bad");
        assert_eq!((err.line, err.col), (2, 4));
        assert_eq!(err.to_string(), "x.ftl:2:4: bad");
    }

    #[test]
    fn a_byte_order_mark_is_ignored() {
        #[derive(serde::Deserialize, Debug, PartialEq)]
        struct Doc {
            a: u32,
        }
        assert_eq!(parse_ron::<Doc>(Path::new("x.ron"), "\u{feff}(a: 3)").unwrap(), Doc { a: 3 });
        let err = parse_ron::<Doc>(Path::new("x.ron"), "\u{feff}(a: x)").unwrap_err();
        assert_eq!((err.line, err.col), (1, 4), "the same place as without the mark");
    }

    #[test]
    fn ron_syntax_error_is_located() {
        #[derive(serde::Deserialize, Debug)]
        #[allow(dead_code)]
        struct Doc {
            a: u32,
        }
        let err = parse_ron::<Doc>(Path::new("d.ron"), "(\n  a: \"x\",\n)").unwrap_err();
        assert_eq!(err.file, Path::new("d.ron"));
        assert_eq!(err.line, 2);
        assert!(err.col > 1, "{err}");
    }
}
