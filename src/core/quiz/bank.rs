//! The question bank: quiz sets, one RON file each in `quizzes/` (and the trainer's folder),
//! loaded like scenarios and validated with `file:line:col` errors. The format is described
//! in `quizzes/README.md`.

use std::collections::hash_map::Entry;
use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::core::content_error::ContentError;
use crate::core::content_files::{ContentFiles, Locator, is_valid_id, sort_by_position};
use crate::core::disc::Disc;
use crate::core::lang::{Bilingual, Lang};
use crate::core::locale::Locales;
use crate::core::scenario::Difficulty;

/// The course models a question can test (see `quizzes/README.md`); the builder filters by them.
pub const MODELS: [&str; 14] = [
    "7a",
    "six_step",
    "eoac",
    "disc",
    "wrong_ways",
    "taboo",
    "red_lines",
    "warmth",
    "kano",
    "servqual",
    "call_notes",
    "dont_ask",
    "figures",
    "principles",
];

/// How long a question runs when its file does not say.
pub const DEFAULT_TIME_SECS: u32 = 20;
pub const TIME_SECS_RANGE: std::ops::RangeInclusive<u32> = 5..=120;
pub const MAX_PROMPT_CHARS: usize = 120;
/// An option, step or rep line on the projector: Chinese, English.
pub const MAX_OPTION_CHARS: (usize, usize) = (60, 90);
/// A customer's line in a "which type" question: Chinese, English.
pub const MAX_CUSTOMER_LINE_CHARS: (usize, usize) = (90, 120);
pub const CHOICES_RANGE: std::ops::RangeInclusive<usize> = 2..=4;
pub const STEPS_RANGE: std::ops::RangeInclusive<usize> = 3..=7;
pub const SPOT_LINES: usize = 4;

/// One file: a ready set a trainer can play as it is.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuizSet {
    pub id: String,
    pub title: Bilingual,
    pub questions: Vec<Question>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    pub id: String,
    pub model: String,
    pub difficulty: Difficulty,
    pub prompt: Bilingual,
    pub kind: QuestionKind,
    /// Shown after the answer, in the course's words.
    pub explanation: Bilingual,
    #[serde(default)]
    pub time_secs: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuestionKind {
    Single {
        options: Vec<Bilingual>,
        correct: usize,
    },
    TrueFalse {
        correct: bool,
    },
    /// The steps in their right order; the room sees them shuffled.
    Order {
        steps: Vec<Bilingual>,
    },
    /// Four rep lines; the prompt says which kind of line to spot.
    SpotTheLine {
        lines: Vec<Bilingual>,
        correct: usize,
    },
    /// A customer's line; the answer is the customer's DISC type.
    DiscType {
        line: Bilingual,
        correct: Disc,
    },
}

/// The kinds' names, as `validate --json` and the builder show them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum KindName {
    Single,
    TrueFalse,
    Order,
    SpotTheLine,
    DiscType,
}

impl QuestionKind {
    pub fn name(&self) -> KindName {
        match self {
            QuestionKind::Single { .. } => KindName::Single,
            QuestionKind::TrueFalse { .. } => KindName::TrueFalse,
            QuestionKind::Order { .. } => KindName::Order,
            QuestionKind::SpotTheLine { .. } => KindName::SpotTheLine,
            QuestionKind::DiscType { .. } => KindName::DiscType,
        }
    }
}

impl KindName {
    pub fn slug(self) -> &'static str {
        match self {
            KindName::Single => "single",
            KindName::TrueFalse => "true_false",
            KindName::Order => "order",
            KindName::SpotTheLine => "spot_the_line",
            KindName::DiscType => "disc_type",
        }
    }
}

impl Question {
    pub fn time_secs(&self) -> u32 {
        self.time_secs.unwrap_or(DEFAULT_TIME_SECS).clamp(*TIME_SECS_RANGE.start(), *TIME_SECS_RANGE.end())
    }

    /// Every bilingual text with its RON path, so translation checks and language lists cover all.
    fn texts(&self) -> Vec<(String, &Bilingual)> {
        let mut texts = vec![("prompt".to_owned(), &self.prompt), ("explanation".to_owned(), &self.explanation)];
        match &self.kind {
            QuestionKind::Single { options: list, .. }
            | QuestionKind::Order { steps: list }
            | QuestionKind::SpotTheLine { lines: list, .. } => {
                let field = list_field(&self.kind);
                texts.extend(list.iter().enumerate().map(|(i, t)| (format!("kind.{field}[{i}]"), t)));
            }
            QuestionKind::DiscType { line, .. } => texts.push(("kind.line".to_owned(), line)),
            QuestionKind::TrueFalse { .. } => {}
        }
        texts
    }

    /// What each choice reads, in the order [`super::QuizAnswer::choice`] counts them; true and
    /// false, and the DISC types, in the locale's words.
    pub fn choice_texts(&self, lang: Lang, locales: &Locales) -> Vec<String> {
        match &self.kind {
            QuestionKind::Single { options: list, .. }
            | QuestionKind::Order { steps: list }
            | QuestionKind::SpotTheLine { lines: list, .. } => list.iter().map(|t| t.get(lang).to_owned()).collect(),
            QuestionKind::TrueFalse { .. } => vec![locales.get(lang, "quiz-true"), locales.get(lang, "quiz-false")],
            QuestionKind::DiscType { .. } => Disc::ALL
                .iter()
                .map(|d| locales.get_args(lang, "quiz-disc-type", &[("letter", d.letter().to_string().into())]))
                .collect(),
        }
    }

    /// The languages every text of the question is written in.
    pub fn complete_langs(&self) -> Vec<Lang> {
        let texts = self.texts();
        Lang::ALL.into_iter().filter(|&lang| texts.iter().all(|(_, t)| !t.get(lang).trim().is_empty())).collect()
    }
}

fn list_field(kind: &QuestionKind) -> &'static str {
    match kind {
        QuestionKind::Single { .. } => "options",
        QuestionKind::Order { .. } => "steps",
        QuestionKind::SpotTheLine { .. } => "lines",
        QuestionKind::DiscType { .. } | QuestionKind::TrueFalse { .. } => "",
    }
}

/// Every quiz set that parsed, and an error for each file that did not.
pub type QuizBank = ContentFiles<QuizSet>;

impl ContentFiles<QuizSet> {
    /// The built-in bank and the trainer's folders, in that order (missing folders are skipped).
    pub fn load(folders: &[PathBuf]) -> QuizBank {
        let mut bank = QuizBank::default();
        for folder in folders.iter().filter(|f| f.is_dir()) {
            bank.add_dir(folder);
        }
        bank
    }

    /// Every question of every set, with its set.
    pub fn questions(&self) -> impl Iterator<Item = (&QuizSet, &Question)> {
        self.iter().flat_map(|set| set.questions.iter().map(move |q| (set, q)))
    }

    pub fn set(&self, id: &str) -> Option<&QuizSet> {
        self.iter().find(|s| s.id == id)
    }
}

/// Checks every set against the rules of `quizzes/README.md`. Returns the problems sorted by
/// file and position; syntax errors stay in `bank.errors`.
pub fn validate(bank: &QuizBank) -> Vec<ContentError> {
    let mut errors = Vec::new();
    let mut set_ids: HashMap<&str, &Path> = HashMap::new();
    let mut question_ids: HashMap<&str, &Path> = HashMap::new();
    for loaded in &bank.items {
        let mut at = Locator::new(loaded);
        let set = &loaded.item;
        at.check_file_id(&set.id);
        if let Entry::Occupied(first) = set_ids.entry(&set.id) {
            at.error("id", format!("duplicate set id `{}`: {} already uses it", set.id, first.get().display()));
        } else {
            set_ids.insert(&set.id, &loaded.file);
        }
        at.check_bilingual("title", &set.title);
        if set.questions.is_empty() {
            at.error("questions", "a quiz set needs at least one question");
        }
        for (n, question) in set.questions.iter().enumerate() {
            let path = format!("questions[{n}]");
            match question_ids.entry(&question.id) {
                Entry::Occupied(first) => at.error(
                    &format!("{path}.id"),
                    format!("duplicate question id `{}`: {} already uses it", question.id, first.get().display()),
                ),
                Entry::Vacant(slot) => {
                    slot.insert(&loaded.file);
                }
            }
            check_question(&mut at, &path, question);
        }
        errors.append(&mut at.errors);
    }
    sort_by_position(&mut errors);
    errors
}

fn check_question(at: &mut Locator, path: &str, q: &Question) {
    if !is_valid_id(&q.id) {
        at.error(&format!("{path}.id"), format!("id `{}` must be lowercase letters and digits joined by `-`", q.id));
    }
    if !MODELS.contains(&q.model.as_str()) {
        at.error(&format!("{path}.model"), format!("unknown model `{}` (known: {})", q.model, MODELS.join(", ")));
    }
    if let Some(secs) = q.time_secs.filter(|s| !TIME_SECS_RANGE.contains(s)) {
        at.error(&format!("{path}.time_secs"), format!("`time_secs` is {secs}; it must be 5 to 120"));
    }
    for (field, text) in q.texts() {
        at.check_bilingual(&format!("{path}.{field}"), text);
    }
    check_length(at, &format!("{path}.prompt"), &q.prompt, (MAX_PROMPT_CHARS, MAX_PROMPT_CHARS));
    let kind_path = format!("{path}.kind");
    match &q.kind {
        QuestionKind::Single { options: list, correct } | QuestionKind::SpotTheLine { lines: list, correct } => {
            let field = list_field(&q.kind);
            let wanted =
                if matches!(q.kind, QuestionKind::Single { .. }) { CHOICES_RANGE } else { SPOT_LINES..=SPOT_LINES };
            if !wanted.contains(&list.len()) {
                let count = if wanted.start() == wanted.end() {
                    format!("exactly {}", wanted.start())
                } else {
                    format!("{} to {}", wanted.start(), wanted.end())
                };
                at.error(&format!("{kind_path}.{field}"), format!("`{field}` has {}; it needs {count}", list.len()));
            }
            if *correct >= list.len() {
                at.error(
                    &format!("{kind_path}.correct"),
                    format!("`correct` is {correct}, but there are only {} {field} (counted from 0)", list.len()),
                );
            }
            check_list(at, &format!("{kind_path}.{field}"), list);
        }
        QuestionKind::Order { steps } => {
            if !STEPS_RANGE.contains(&steps.len()) {
                at.error(&format!("{kind_path}.steps"), format!("`steps` has {}; it needs 3 to 7", steps.len()));
            }
            check_list(at, &format!("{kind_path}.steps"), steps);
        }
        QuestionKind::DiscType { line, .. } => {
            check_length(at, &format!("{kind_path}.line"), line, MAX_CUSTOMER_LINE_CHARS)
        }
        QuestionKind::TrueFalse { .. } => {}
    }
}

/// Each item fits the projector, and no two read the same.
fn check_list(at: &mut Locator, path: &str, list: &[Bilingual]) {
    let mut seen = BTreeSet::new();
    for (i, item) in list.iter().enumerate() {
        let item_path = format!("{path}[{i}]");
        check_length(at, &item_path, item, MAX_OPTION_CHARS);
        for lang in Lang::ALL {
            let text = item.get(lang).trim();
            if !text.is_empty() && !seen.insert((lang, text)) {
                at.error(&format!("{item_path}.{}", lang.code()), format!("`{text}` is listed twice"));
            }
        }
    }
}

fn check_length(at: &mut Locator, path: &str, text: &Bilingual, (max_zh, max_en): (usize, usize)) {
    for (lang, max) in [(Lang::Zh, max_zh), (Lang::En, max_en)] {
        let chars = text.get(lang).chars().count();
        if chars > max {
            at.error(
                &format!("{path}.{}", lang.code()),
                format!("{chars} characters; at most {max} fit the projector"),
            );
        }
    }
}
