//! A role-play transcript as recorded by an observer or typed by a trainer (RON).

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::core::content_error::{ContentError, parse_ron};
use crate::core::disc::Disc;
use crate::core::lang::Lang;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Speaker {
    Customer,
    Rep,
}

/// One utterance. Observer `tags` (`7a.apologize`, `penalty.taboo`, `bonus.name`) add to what the
/// text shows; a tag with a leading `-` (`-7a.apologize`) removes a detection the observer disagrees with.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Turn {
    /// Seconds since the start of the role-play.
    pub t: f64,
    pub who: Speaker,
    #[serde(default)]
    pub text: String,
    #[serde(default)]
    pub tags: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Transcript {
    /// The language of the report, written as a code: `"zh"` or `"en"`.
    #[serde(default, deserialize_with = "read_lang_code", serialize_with = "write_lang_code")]
    pub lang: Lang,
    #[serde(default)]
    pub disc: Option<Disc>,
    #[serde(default)]
    pub scenario: Option<String>,
    /// The scenario's time limit in seconds; steps after it earn less.
    #[serde(default)]
    pub time_limit: Option<f64>,
    /// Hearing their own name earns the `name` bonus.
    #[serde(default)]
    pub customer_name: Option<String>,
    /// The models the total may be judged by, as in a scenario's `models` (`["eoac"]` for an
    /// over-scope request): the best-scoring of them counts. Empty means 7A or six steps.
    #[serde(default)]
    pub models: Vec<String>,
    pub turns: Vec<Turn>,
}

/// Writes the language as a code string, so a saved transcript reads back in.
fn write_lang_code<S: serde::Serializer>(lang: &Lang, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(lang.code())
}

/// Reads a language code such as `"zh"`, `"en"` or `"zh-CN"`.
fn read_lang_code<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<Lang, D::Error> {
    let code = String::deserialize(deserializer)?;
    Lang::parse(&code)
        .ok_or_else(|| serde::de::Error::custom(format!("unknown language \"{code}\": use \"zh\" or \"en\"")))
}

impl Transcript {
    /// Parses a transcript, locating syntax errors and rejecting times that make no sense.
    pub fn parse(file: &Path, src: &str) -> Result<Transcript, ContentError> {
        let transcript: Transcript = parse_ron(file, src)?;
        let time_error = |message: String| ContentError::whole_file(file, message);
        if let Some(limit) = transcript.time_limit
            && !(limit.is_finite() && limit > 0.0)
        {
            return Err(time_error(format!("time_limit must be a positive number of seconds, not {limit}")));
        }
        let mut previous = 0.0;
        for (i, turn) in transcript.turns.iter().enumerate() {
            if !(turn.t.is_finite() && turn.t >= previous) {
                return Err(time_error(format!(
                    "turn {} (t: {}): times must be seconds from the start, never going backwards",
                    i + 1,
                    turn.t
                )));
            }
            previous = turn.t;
        }
        Ok(transcript)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn optional_fields_may_be_omitted() {
        let src = r#"(turns: [(t: 0.0, who: Customer, text: "hi"), (t: 3, who: Rep, tags: ["7a.accept"])])"#;
        let transcript = Transcript::parse(Path::new("t.ron"), src).expect("valid transcript");
        assert_eq!(transcript.lang, Lang::Zh);
        assert_eq!(transcript.disc, None);
        assert_eq!(transcript.turns[1].text, "");
        assert_eq!(transcript.turns[1].tags, vec!["7a.accept"]);
    }

    #[test]
    fn full_header_parses() {
        let src = r#"(lang: "en", disc: Some(D), scenario: Some("lost-parcel"), time_limit: Some(300.0),
            customer_name: Some("Ms Li"), turns: [])"#;
        let transcript = Transcript::parse(Path::new("t.ron"), src).expect("valid transcript");
        assert_eq!(transcript.lang, Lang::En);
        assert_eq!(transcript.disc, Some(Disc::D));
        assert_eq!(transcript.time_limit, Some(300.0));
    }

    #[test]
    fn a_saved_transcript_reads_back() {
        let src = r#"(lang: "en", disc: Some(C), turns: [(t: 1.5, who: Rep, text: "Sorry!", tags: ["7a.apologize"])])"#;
        let transcript = Transcript::parse(Path::new("t.ron"), src).expect("valid transcript");
        let saved = ron::to_string(&transcript).expect("serializable");
        assert_eq!(Transcript::parse(Path::new("saved.ron"), &saved), Ok(transcript));
    }

    #[test]
    fn syntax_error_is_located() {
        let err =
            Transcript::parse(Path::new("bad.ron"), "(\n  turns: [\n    (t: 0.0, who: Nobody),\n  ],\n)").unwrap_err();
        assert_eq!(err.line, 3, "{err}");
        assert!(err.to_string().starts_with("bad.ron:3:"), "{err}");
    }

    #[test]
    fn backwards_time_is_rejected() {
        let src = r#"(turns: [(t: 5.0, who: Customer), (t: 1.0, who: Rep)])"#;
        assert!(Transcript::parse(Path::new("t.ron"), src).is_err());
    }
}
