//! Text normalisation and cue-pattern matching.
//!
//! Every utterance is read twice: as a stream of Chinese characters and as a stream of English
//! word stems. Patterns trainers write in the rubric files are normalised the same way, so
//! matching ignores punctuation, full/half-width forms, Chinese filler particles (嘛 啊 呢 …),
//! letter case, English contractions ("I'm" = "I am") and common word endings
//! ("apologize", "apologized", "apologizing" share one stem).
//!
//! Pattern syntax (both languages):
//! - plain text: `我在听`, `take your time`
//! - `*` a short gap: up to 8 Chinese characters or 4 English words (`换成*也会`, `if i * understand`)
//! - `[a|b|c]` any one of the alternatives (`[马上|立刻]*补发`, `[refund|replacement]`)
//! - `[a|b]?` optionally one of them (`我[也]?不清楚`)
//! - `#` a number: digits, or Chinese numerals (`#个工作日`, `within # [day|hour]`)
//!
//! A gap never skips a negation (不 没 别 未 无 / not never no), and a match right after a
//! negation (two characters or one word) is ignored, so "我不理解" is not "我理解" and "it's not
//! your fault" is not blame — unless the pattern itself says "not" ("we will not do that").

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::ops::Range;

/// A small multiplicative hasher: lookups per character dominate scoring time, and the keys
/// (rubric symbols and words) are not attacker-controlled.
#[derive(Default)]
struct SymHasher(u64);

impl Hasher for SymHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(u64::from(b));
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }

    fn write_u32(&mut self, n: u32) {
        self.write_u64(u64::from(n));
    }

    fn write_u8(&mut self, n: u8) {
        self.write_u64(u64::from(n));
    }

    fn write_usize(&mut self, n: usize) {
        self.write_u64(n as u64);
    }
}

type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<SymHasher>>;

/// One unit of normalised text: a Chinese character (its code point) or an interned English stem.
pub(crate) type Sym = u32;

/// Replaces units already claimed by a penalty phrase, so they cannot also earn credit.
const MASKED: Sym = u32::MAX;
/// An English word no pattern uses.
const UNKNOWN_WORD: Sym = u32::MAX - 1;
/// Any English token made of digits.
const NUMBER_WORD: Sym = u32::MAX - 2;
/// English stems are interned from this offset, above every Unicode scalar value.
const FIRST_WORD_SYM: Sym = 0x0011_0000;

/// Stands for a run of Chinese text in the English reading of an utterance.
const WORD_BREAK: &str = "\u{0}";

const ZH_GAP: usize = 8;
const EN_GAP: usize = 4;
const ZH_FILLERS: &[char] = &['嘛', '啊', '呢', '呀', '哦', '噢', '啦', '呃', '嗯', '哎', '诶', '唉', '哇'];
const EN_FILLERS: &[&str] = &["um", "umm", "uh", "uhh", "er", "erm", "hmm", "mm"];
const ZH_NEGATIONS: &[char] = &['不', '没', '别', '未', '无', '勿', '莫'];
const EN_NEGATIONS: &[&str] = &["not", "never", "no", "without", "nor"];
const ZH_NUMERALS: &[char] =
    &['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '两', '百', '千', '万', '半', '零'];

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Script {
    Zh,
    En,
}

/// Maps full-width ASCII forms and the ideographic space to their half-width forms, and lowercases.
fn fold_char(c: char) -> char {
    let c = match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        '\u{2018}' | '\u{2019}' | '\u{02BC}' | '`' => '\'',
        _ => c,
    };
    if c.is_uppercase() { c.to_lowercase().next().unwrap_or(c) } else { c }
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F)
}

/// Expands an English contraction into its full words ("can't" → "can not", "i'm" → "i am").
fn expand_contraction(word: &str) -> Vec<&str> {
    match word {
        "can't" | "cannot" => return vec!["can", "not"],
        "won't" => return vec!["will", "not"],
        "shan't" => return vec!["shall", "not"],
        "ain't" => return vec!["is", "not"],
        "let's" => return vec!["let", "us"],
        "y'all" => return vec!["you", "all"],
        _ => {}
    }
    let Some(apostrophe) = word.find('\'') else {
        return vec![word];
    };
    let (stem, suffix) = word.split_at(apostrophe);
    let expansion = match suffix {
        "'m" => "am",
        "'re" => "are",
        "'ll" => "will",
        "'ve" => "have",
        "'d" => "would",
        "'s" if matches!(stem, "it" | "that" | "what" | "there" | "here" | "he" | "she" | "who" | "where" | "how") => {
            "is"
        }
        _ if stem.ends_with('n') && suffix == "'t" => return vec![&stem[..stem.len() - 1], "not"],
        _ => return vec![stem],
    };
    vec![stem, expansion]
}

/// A light suffix-stripper: it only has to map the forms of one word onto the same stem,
/// since patterns are stemmed the same way as speech.
fn stem(word: &str) -> String {
    if word.len() <= 3 || !word.is_ascii() {
        return word.to_owned();
    }
    // British -ise spellings share the -ize stem.
    let mut w = ["ise", "ised", "ises", "ising", "isation"]
        .iter()
        .find_map(|s| word.strip_suffix(s).map(|stem| format!("{stem}iz{}", &s[2..])))
        .unwrap_or_else(|| word.to_owned());
    for suffix in ["ingly", "edly", "ing", "ied", "ies", "ed", "es", "ly", "s", "e"] {
        if w.ends_with(suffix) && w.len() - suffix.len() >= 3 {
            if suffix == "s" && w.ends_with("ss") {
                continue;
            }
            w.truncate(w.len() - suffix.len());
            if suffix == "ied" || suffix == "ies" {
                w.push('y');
            }
            break;
        }
    }
    if w.ends_with('y') {
        w.pop();
        w.push('i');
    }
    let bytes = w.as_bytes();
    let n = bytes.len();
    if n >= 4 && bytes[n - 1] == bytes[n - 2] && !b"aeiouls".contains(&bytes[n - 1]) {
        w.pop();
    }
    w
}

/// Interned English stems shared by every pattern of a rubric set.
#[derive(Debug, Clone)]
pub(crate) struct Vocabulary {
    words: FastMap<String, Sym>,
}

impl Vocabulary {
    /// A vocabulary whose first symbols are the negation words, so `is_negation` can test a range.
    pub(crate) fn new() -> Self {
        let mut vocabulary = Vocabulary { words: FastMap::default() };
        for word in EN_NEGATIONS {
            vocabulary.intern(stem(word));
        }
        vocabulary
    }

    fn intern(&mut self, stem: String) -> Sym {
        let next = FIRST_WORD_SYM + self.words.len() as Sym;
        *self.words.entry(stem).or_insert(next)
    }

    fn lookup(&self, stem: &str) -> Sym {
        self.words.get(stem).copied().unwrap_or(UNKNOWN_WORD)
    }
}

/// Normalised text: units plus the byte range in the original text each unit came from.
#[derive(Debug, Clone, Default)]
pub(crate) struct Units {
    syms: Vec<Sym>,
    spans: Vec<Range<usize>>,
}

impl Units {
    /// The byte range of the original text that units `range` came from.
    pub(crate) fn bytes(&self, range: &Range<usize>) -> Range<usize> {
        match (self.spans.get(range.start), range.end.checked_sub(1).and_then(|i| self.spans.get(i))) {
            (Some(first), Some(last)) => first.start..last.end,
            _ => 0..0,
        }
    }

    pub(crate) fn mask(&mut self, range: &Range<usize>) {
        for sym in &mut self.syms[range.clone()] {
            *sym = MASKED;
        }
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.syms.is_empty()
    }
}

/// Splits text into Chinese units: CJK characters, letters and digits, one per unit.
fn zh_units(text: &str) -> Units {
    let mut units = Units::default();
    for (offset, raw) in text.char_indices() {
        let c = fold_char(raw);
        if ZH_FILLERS.contains(&c) || !(is_cjk(c) || c.is_alphanumeric()) {
            continue;
        }
        units.syms.push(c as Sym);
        units.spans.push(offset..offset + raw.len_utf8());
    }
    units
}

/// Splits text into English words (with byte ranges), contractions expanded, fillers dropped.
fn en_words(text: &str) -> Vec<(String, Range<usize>)> {
    let mut words = Vec::new();
    let mut current = String::new();
    let mut start = 0;
    let flush = |current: &mut String, start: usize, end: usize, words: &mut Vec<(String, Range<usize>)>| {
        let word = current.trim_matches('\'');
        if !word.is_empty() && !EN_FILLERS.contains(&word) {
            for part in expand_contraction(word) {
                words.push((part.to_owned(), start..end));
            }
        }
        current.clear();
    };
    for (offset, raw) in text.char_indices() {
        let c = fold_char(raw);
        if is_cjk(c) {
            // Chinese text between English words keeps them from reading as one phrase.
            flush(&mut current, start, offset, &mut words);
            if words.last().is_none_or(|(w, _)| w != WORD_BREAK) {
                words.push((WORD_BREAK.to_owned(), offset..offset + raw.len_utf8()));
            }
        } else if c.is_ascii_alphanumeric() || (c == '\'' && !current.is_empty()) {
            if current.is_empty() {
                start = offset;
            }
            current.push(c);
        } else if !current.is_empty() {
            flush(&mut current, start, offset, &mut words);
        }
    }
    flush(&mut current, start, text.len(), &mut words);
    words
}

fn en_units(text: &str, vocabulary: &Vocabulary) -> Units {
    let mut units = Units::default();
    for (word, span) in en_words(text) {
        let sym = if word == WORD_BREAK {
            MASKED
        } else if word.bytes().all(|b| b.is_ascii_digit()) {
            NUMBER_WORD
        } else {
            vocabulary.lookup(&stem(&word))
        };
        units.syms.push(sym);
        units.spans.push(span);
    }
    units
}

/// An utterance read both ways.
#[derive(Debug, Clone, Default)]
pub(crate) struct Utterance {
    pub(crate) zh: Units,
    pub(crate) en: Units,
}

impl Utterance {
    pub(crate) fn new(text: &str, vocabulary: &Vocabulary) -> Self {
        Self { zh: zh_units(text), en: en_units(text, vocabulary) }
    }

    pub(crate) fn units(&self, script: Script) -> &Units {
        match script {
            Script::Zh => &self.zh,
            Script::En => &self.en,
        }
    }

    pub(crate) fn units_mut(&mut self, script: Script) -> &mut Units {
        match script {
            Script::Zh => &mut self.zh,
            Script::En => &mut self.en,
        }
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.zh.is_empty() && self.en.is_empty()
    }
}

#[derive(Debug, Clone)]
enum Element {
    /// Any one of these unit sequences.
    OneOf(Vec<Vec<Sym>>),
    /// One of these unit sequences, or nothing.
    Maybe(Vec<Vec<Sym>>),
    Gap,
    Number,
}

/// A compiled cue pattern.
#[derive(Debug, Clone)]
pub(crate) struct Pattern {
    script: Script,
    elements: Vec<Element>,
    /// A pattern that itself says "not" ("we will not do that") is not undone by a negation before it.
    negative: bool,
}

/// Why a pattern could not be compiled; the loader adds the file position.
pub(crate) type PatternError = String;

impl Pattern {
    pub(crate) fn compile(source: &str, script: Script, vocabulary: &mut Vocabulary) -> Result<Pattern, PatternError> {
        let mut elements = Vec::new();
        let mut rest = source;
        let mut literal = String::new();
        let flush = |literal: &mut String, elements: &mut Vec<Element>, vocabulary: &mut Vocabulary| {
            let seq = normalise_literal(literal, script, vocabulary);
            if !seq.is_empty() {
                elements.push(Element::OneOf(vec![seq]));
            }
            literal.clear();
        };
        while let Some(c) = rest.chars().next() {
            rest = &rest[c.len_utf8()..];
            match c {
                '*' | '#' => {
                    flush(&mut literal, &mut elements, vocabulary);
                    elements.push(if c == '*' { Element::Gap } else { Element::Number });
                }
                '[' => {
                    flush(&mut literal, &mut elements, vocabulary);
                    let Some(close) = rest.find(']') else {
                        return Err(format!("pattern \"{source}\": '[' without a closing ']'"));
                    };
                    let options: Vec<Vec<Sym>> =
                        rest[..close].split('|').map(|option| normalise_literal(option, script, vocabulary)).collect();
                    if options.iter().any(Vec::is_empty) {
                        return Err(format!("pattern \"{source}\": an empty alternative inside [ ]"));
                    }
                    rest = &rest[close + 1..];
                    match rest.strip_prefix('?') {
                        Some(after) => {
                            rest = after;
                            elements.push(Element::Maybe(options));
                        }
                        None => elements.push(Element::OneOf(options)),
                    }
                }
                ']' | '|' => return Err(format!("pattern \"{source}\": '{c}' outside [ ]")),
                _ => literal.push(c),
            }
        }
        flush(&mut literal, &mut elements, vocabulary);
        // Whether a pattern matches never depends on an optional start, so it is dropped.
        while let Some(Element::Maybe(_)) = elements.first() {
            elements.remove(0);
        }
        match (elements.first(), elements.last()) {
            (None, _) => Err(format!("pattern \"{source}\" has no words to match")),
            (Some(Element::Gap), _) | (_, Some(Element::Gap)) => {
                Err(format!("pattern \"{source}\" must not begin or end with '*'"))
            }
            _ => {
                let negative = elements.iter().any(|e| match e {
                    Element::OneOf(options) | Element::Maybe(options) => {
                        options.iter().flatten().any(|&sym| is_negation(sym, script))
                    }
                    Element::Gap | Element::Number => false,
                });
                Ok(Pattern { script, elements, negative })
            }
        }
    }

    /// A pattern that matches exactly this text (used for the customer's name).
    pub(crate) fn literal(text: &str, script: Script, vocabulary: &mut Vocabulary) -> Option<Pattern> {
        let seq = normalise_literal(text, script, vocabulary);
        (!seq.is_empty()).then(|| Pattern { script, elements: vec![Element::OneOf(vec![seq])], negative: false })
    }

    fn first_syms(&self) -> Option<&[Vec<Sym>]> {
        match self.elements.first() {
            Some(Element::OneOf(options)) => Some(options),
            _ => None,
        }
    }

    /// The end of a match starting at `pos`, if there is one.
    fn match_at(&self, syms: &[Sym], pos: usize) -> Option<usize> {
        match_elements(&self.elements, syms, pos, self.script)
    }
}

fn normalise_literal(text: &str, script: Script, vocabulary: &mut Vocabulary) -> Vec<Sym> {
    match script {
        Script::Zh => zh_units(text).syms,
        Script::En => {
            en_words(text)
                .into_iter()
                .map(|(word, _)| {
                    if word.bytes().all(|b| b.is_ascii_digit()) { NUMBER_WORD } else { vocabulary.intern(stem(&word)) }
                })
                .collect()
        }
    }
}

fn is_negation(sym: Sym, script: Script) -> bool {
    match script {
        Script::Zh => char::from_u32(sym).is_some_and(|c| ZH_NEGATIONS.contains(&c)),
        // Negations are interned first in every vocabulary (see `Vocabulary::new`).
        Script::En => (FIRST_WORD_SYM..FIRST_WORD_SYM + EN_NEGATIONS.len() as Sym).contains(&sym),
    }
}

fn is_number(sym: Sym, script: Script) -> bool {
    match script {
        Script::Zh => char::from_u32(sym).is_some_and(|c| c.is_ascii_digit() || ZH_NUMERALS.contains(&c)),
        Script::En => sym == NUMBER_WORD,
    }
}

fn match_elements(elements: &[Element], syms: &[Sym], pos: usize, script: Script) -> Option<usize> {
    let Some((element, rest)) = elements.split_first() else {
        return Some(pos);
    };
    match element {
        Element::OneOf(options) => match_option(options, rest, syms, pos, script),
        Element::Maybe(options) => {
            match_option(options, rest, syms, pos, script).or_else(|| match_elements(rest, syms, pos, script))
        }
        Element::Number => {
            // Chinese numbers are runs of characters; an English number is one word.
            let longest = match script {
                Script::Zh => usize::MAX,
                Script::En => 1,
            };
            let run = syms[pos.min(syms.len())..].iter().take(longest).take_while(|&&s| is_number(s, script)).count();
            (run > 0).then(|| match_elements(rest, syms, pos + run, script)).flatten()
        }
        Element::Gap => {
            let max_gap = match script {
                Script::Zh => ZH_GAP,
                Script::En => EN_GAP,
            };
            for skip in 0..=max_gap {
                if let Some(end) = match_elements(rest, syms, pos + skip, script) {
                    return Some(end);
                }
                match syms.get(pos + skip) {
                    Some(&s) if s != MASKED && !is_negation(s, script) => {}
                    _ => return None,
                }
            }
            None
        }
    }
}

/// Matches one of `options` at `pos`, then the `rest` of the pattern.
fn match_option(options: &[Vec<Sym>], rest: &[Element], syms: &[Sym], pos: usize, script: Script) -> Option<usize> {
    let ahead = syms.get(pos..)?;
    options.iter().find_map(|option| {
        // Options are a few units long: comparing unit by unit beats a memcmp call.
        let matches = option.len() <= ahead.len() && option.iter().zip(ahead).all(|(a, b)| a == b);
        matches.then(|| match_elements(rest, syms, pos + option.len(), script)).flatten()
    })
}

/// Whether a negation comes just before `pos`: within two characters ("不会让您失望") or one word.
fn negated_before(syms: &[Sym], pos: usize, script: Script) -> bool {
    let reach = match script {
        Script::Zh => 2,
        Script::En => 1,
    };
    syms[pos.saturating_sub(reach)..pos].iter().any(|&s| is_negation(s, script))
}

/// A match of one lexicon entry in an utterance.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Hit {
    /// What the caller registered the pattern under.
    pub(crate) owner: usize,
    pub(crate) script: Script,
    /// Unit range in the utterance's stream for `script`.
    pub(crate) units: Range<usize>,
}

/// Many patterns, indexed by their first unit so one pass over an utterance finds all hits.
#[derive(Debug, Clone, Default)]
pub(crate) struct Lexicon {
    patterns: Vec<(usize, Pattern)>,
    by_first_sym: FastMap<(Script, Sym), Vec<usize>>,
    /// Patterns starting with a number can start anywhere a number is.
    number_first: Vec<usize>,
}

impl Lexicon {
    pub(crate) fn add(&mut self, owner: usize, pattern: Pattern) {
        let index = self.patterns.len();
        match pattern.first_syms() {
            Some(options) => {
                for option in options {
                    let entry = self.by_first_sym.entry((pattern.script, option[0])).or_default();
                    if entry.last() != Some(&index) {
                        entry.push(index);
                    }
                }
            }
            None => self.number_first.push(index),
        }
        self.patterns.push((owner, pattern));
    }

    /// Every match (the longest per owner and start position), skipping matches right after a negation.
    pub(crate) fn find(&self, utterance: &Utterance) -> Vec<Hit> {
        let mut hits: Vec<Hit> = Vec::new();
        for script in [Script::Zh, Script::En] {
            let syms = &utterance.units(script).syms;
            for pos in 0..syms.len() {
                // Hits starting here are the ones pushed from here on: only they need searching
                // (searching all hits made a long utterance quadratic).
                let here = hits.len();
                let negated = negated_before(syms, pos, script);
                let indexed = self.by_first_sym.get(&(script, syms[pos])).map_or(&[][..], Vec::as_slice);
                let numbered: &[usize] = if is_number(syms[pos], script) { &self.number_first } else { &[] };
                for &index in indexed.iter().chain(numbered) {
                    let (owner, pattern) = &self.patterns[index];
                    if pattern.script != script || (negated && !pattern.negative) {
                        continue;
                    }
                    let Some(end) = pattern.match_at(syms, pos) else { continue };
                    // One hit per owner and start: the longest, so a longer phrase can claim its parts.
                    match hits[here..].iter_mut().find(|h| h.owner == *owner) {
                        Some(hit) => hit.units.end = hit.units.end.max(end),
                        None => hits.push(Hit { owner: *owner, script, units: pos..end }),
                    }
                }
            }
        }
        hits
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finds(patterns: &[(&str, Script)], text: &str) -> bool {
        let mut vocabulary = Vocabulary::new();
        let mut lexicon = Lexicon::default();
        for (source, script) in patterns {
            lexicon.add(0, Pattern::compile(source, *script, &mut vocabulary).expect("valid pattern"));
        }
        !lexicon.find(&Utterance::new(text, &vocabulary)).is_empty()
    }

    #[test]
    fn chinese_ignores_punctuation_width_and_fillers() {
        let p = [("我在听您慢慢说", Script::Zh)];
        assert!(finds(&p, "我在听啊,您慢慢说嘛。"));
        assert!(finds(&p, "我在听!您 慢慢说"));
        assert!(!finds(&p, "我在看您慢慢说"));
    }

    #[test]
    fn gaps_and_alternatives() {
        assert!(finds(&[("我[也]?不[大|太]?清楚", Script::Zh)], "嗯……我不清楚"));
        assert!(finds(&[("我[也]?不[大|太]?清楚", Script::Zh)], "我也不太清楚"));
        assert!(finds(&[("[then]? we will do that", Script::En)], "Great, we'll do that."));
        let p = [("换成*也会*[着急|生气]", Script::Zh)];
        assert!(finds(&p, "换成是我,我也会很着急的"));
        assert!(finds(&p, "换成谁也会生气"));
        assert!(!finds(&p, "换成是我,我也会很开心"));
    }

    #[test]
    fn negation_blocks_gaps_and_prefixes() {
        assert!(!finds(&[("我*理解", Script::Zh)], "我不太理解您说的"));
        assert!(!finds(&[("理解", Script::Zh)], "这个我不理解"));
        assert!(finds(&[("理解", Script::Zh)], "我非常理解"));
        assert!(!finds(&[("i * understand", Script::En)], "I don't understand"));
        assert!(!finds(&[("your fault", Script::En)], "It's not your fault"));
        assert!(finds(&[("your fault", Script::En)], "That's your fault"));
    }

    #[test]
    fn english_contractions_case_and_word_forms() {
        assert!(finds(&[("i am sorry", Script::En)], "I'M SORRY about that"));
        assert!(finds(&[("i apologize", Script::En)], "I apologised... no, I apologized"));
        assert!(finds(&[("we will * replace", Script::En)], "We'll be replacing it"));
        assert!(finds(&[("can not", Script::En)], "I can't"));
        assert!(finds(&[("so if i understand correctly", Script::En)], "So, if I understand correctly…"));
        assert!(finds(&[("address", Script::En)], "two addresses"));
    }

    #[test]
    fn numbers() {
        assert!(finds(&[("#个工作日", Script::Zh)], "预计3个工作日到"));
        assert!(finds(&[("#个工作日", Script::Zh)], "预计三个工作日到"));
        assert!(finds(&[("within # [day|hour]", Script::En)], "within 48 hours"));
        assert!(!finds(&[("within # [day|hour]", Script::En)], "within hours"));
    }

    #[test]
    fn full_width_latin_folds() {
        assert!(finds(&[("ok", Script::Zh)], "OK"));
        assert!(finds(&[("refund", Script::En)], "ＲＥＦＵＮＤ"));
    }

    #[test]
    fn malformed_patterns_are_errors() {
        let mut vocabulary = Vocabulary::new();
        for bad in ["[a|b", "a]", "*start", "end*", "", "[|x]", "。", "[a]?*b", "[a]?"] {
            assert!(Pattern::compile(bad, Script::Zh, &mut vocabulary).is_err(), "{bad}");
        }
    }

    #[test]
    fn masked_units_do_not_match() {
        let mut vocabulary = Vocabulary::new();
        let mut lexicon = Lexicon::default();
        lexicon.add(0, Pattern::compile("规定", Script::Zh, &mut vocabulary).expect("valid"));
        let mut utterance = Utterance::new("公司规定", &vocabulary);
        let hits = lexicon.find(&utterance);
        assert_eq!(hits.len(), 1);
        utterance.units_mut(Script::Zh).mask(&hits[0].units);
        assert!(lexicon.find(&utterance).is_empty());
    }
}
