//! What the app accepts, so a huge or hostile file gives a clear message instead of a freeze or
//! an out-of-memory kill. Files are read through a size cap; sessions are checked at load.

use std::io::Read;
use std::path::Path;

use crate::core::content_error::ContentError;

/// Scenarios, rubrics, locale files and transcripts: the largest shipped one is about 40 KB.
pub const MAX_CONTENT_FILE_BYTES: u64 = 1 << 20;
/// A session file: a two-day camp with every round's presses is well under 1 MB.
pub const MAX_SESSION_FILE_BYTES: u64 = 16 << 20;
/// Members of one team.
pub const MAX_MEMBERS: usize = 60;
/// Characters of one name, slogan, song, reason, quote or debrief line.
pub const MAX_TEXT_CHARS: usize = 2_000;
/// Ledger entries, rounds and the presses of one round.
pub const MAX_LEDGER_ENTRIES: usize = 100_000;
pub const MAX_ROUNDS: usize = 1_000;
pub const MAX_ROUND_EVENTS: usize = 10_000;
/// Points of one ledger entry, either way.
pub const MAX_ENTRY_POINTS: i32 = 1_000_000;

/// Reads a text file of at most `max_bytes`, without reading more than that into memory.
/// A byte-order mark is kept (the parsers ignore it); invalid UTF-8 is reported with its byte.
pub fn read_text_capped(path: &Path, max_bytes: u64) -> Result<String, ContentError> {
    let file =
        std::fs::File::open(path).map_err(|e| ContentError::whole_file(path, format!("cannot read the file: {e}")))?;
    let mut bytes = Vec::new();
    file.take(max_bytes + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| ContentError::whole_file(path, format!("cannot read the file: {e}")))?;
    if bytes.len() as u64 > max_bytes {
        return Err(ContentError::whole_file(
            path,
            format!(
                "the file is larger than {} KB, more than such a file can hold; is it the right file?",
                max_bytes / 1024
            ),
        ));
    }
    String::from_utf8(bytes).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        let text = String::from_utf8_lossy(&e.as_bytes()[..valid]).into_owned();
        ContentError::at_offset(
            path,
            &text,
            valid,
            format!("the file is not valid UTF-8 text (byte {valid}); save it as UTF-8"),
        )
    })
}

/// A check of one length or count: the message names what is too long and the limit.
pub fn at_most(what: &str, count: usize, max: usize) -> Result<(), String> {
    if count > max { Err(format!("{what}: {count} is more than the {max} allowed")) } else { Ok(()) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_past_the_cap_is_refused_without_reading_it_all() {
        let dir = std::env::temp_dir().join(format!("sc-limits-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let big = dir.join("big.ron");
        std::fs::write(&big, vec![b'('; 2048]).unwrap();
        let err = read_text_capped(&big, 1024).unwrap_err();
        assert!(err.message.contains("larger than 1 KB"), "{err}");
        assert_eq!(read_text_capped(&big, 4096).unwrap().len(), 2048);
        let bad = dir.join("bad.ron");
        std::fs::write(&bad, b"ab\ncd\xffe").unwrap();
        let err = read_text_capped(&bad, 1024).unwrap_err();
        assert_eq!((err.line, err.col), (2, 3));
        assert!(err.message.contains("byte 5"), "{err}");
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn counts_past_a_limit_say_what_and_how_many() {
        assert_eq!(
            at_most("members of 闪电队", 61, MAX_MEMBERS),
            Err("members of 闪电队: 61 is more than the 60 allowed".into())
        );
        assert_eq!(at_most("teams", 12, 12), Ok(()));
    }
}
