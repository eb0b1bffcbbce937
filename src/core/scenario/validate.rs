//! Semantic checks on loaded scenarios: the rules a file can break while still being valid RON.

use std::collections::hash_map::Entry;
use std::collections::{BTreeSet, HashMap};

use crate::core::content_error::ContentError;
use crate::core::content_files::{Locator, sort_by_position};

use super::load::{Library, LoadedScenario};
use super::types::{Dialogue, MOOD_RANGE, MOOD_SHIFT_RANGE, OPTIONS_PER_TURN, ScenarioKind, spelling};

/// Tag families that are not rubric models: `penalty.<id>` and `bonus.<id>`.
const PENALTY: &str = "penalty";
const BONUS: &str = "bonus";
/// The model over-scope requests are handled with.
const EOAC: &str = "eoac";

/// Checks every scenario in the library against the rules and against `known_tags` (the
/// rubric's `model.step`, `penalty.<id>` and `bonus.<id>` ids). Returns the problems sorted
/// by file and position; syntax errors stay in `library.errors`.
pub fn validate(library: &Library, known_tags: &BTreeSet<String>) -> Vec<ContentError> {
    let known_models: BTreeSet<&str> = known_tags.iter().filter_map(|tag| model_of(tag)).collect();
    let mut errors = Vec::new();
    let mut first_file_of_id: HashMap<&str, &std::path::Path> = HashMap::new();
    for loaded in &library.items {
        let mut check = Check { loaded, at: Locator::new(loaded) };
        match first_file_of_id.entry(loaded.item.id.as_str()) {
            Entry::Occupied(first) => {
                let message = format!("duplicate id `{}`: {} already uses it", first.key(), first.get().display());
                check.error("id", message);
            }
            Entry::Vacant(slot) => {
                slot.insert(&loaded.file);
            }
        }
        check.scenario(known_tags, &known_models);
        errors.append(&mut check.at.errors);
    }
    sort_by_position(&mut errors);
    errors
}

/// The model a step tag belongs to (`7a.accept` → `7a`); `None` for penalties and bonuses.
fn model_of(tag: &str) -> Option<&str> {
    let (family, _) = tag.split_once('.')?;
    (family != PENALTY && family != BONUS).then_some(family)
}

fn is_penalty(tag: &str) -> bool {
    tag.split_once('.').is_some_and(|(family, _)| family == PENALTY)
}

struct Check<'a> {
    loaded: &'a LoadedScenario,
    at: Locator<'a>,
}

impl Check<'_> {
    fn error(&mut self, path: &str, message: impl Into<String>) {
        self.at.error(path, message);
    }

    fn scenario(&mut self, known_tags: &BTreeSet<String>, known_models: &BTreeSet<&str>) {
        let s = &self.loaded.item;
        self.at.check_file_id(&s.id);
        for text in s.texts() {
            self.at.check_bilingual(&text.path, text.text);
        }
        for (path, len) in [
            ("models", s.models.len()),
            ("key_behaviours", s.key_behaviours.len()),
            ("customer.hidden_needs", s.customer.hidden_needs.len()),
            ("customer.escalates_when", s.customer.escalates_when.len()),
            ("customer.calms_when", s.customer.calms_when.len()),
        ] {
            if len == 0 {
                self.error(path, format!("`{path}` needs at least one entry"));
            }
        }
        if s.time_limit_secs == 0 {
            self.error("time_limit_secs", "`time_limit_secs` must be more than 0");
        }
        if s.scene.kind() != s.kind {
            self.error(
                "scene",
                format!(
                    "scene `{}` belongs to `{}` scenarios, but kind is `{}`",
                    spelling(&s.scene),
                    spelling(&s.scene.kind()),
                    spelling(&s.kind)
                ),
            );
        }
        self.models(known_models);
        for (i, behaviour) in s.key_behaviours.iter().enumerate() {
            if behaviour.tags.is_empty() {
                self.error(&format!("key_behaviours[{i}].tags"), "a key behaviour needs at least one tag");
            }
        }
        for used in s.tags() {
            if !known_tags.contains(used.tag) {
                self.error(&used.path, format!("unknown tag `{}`", used.tag));
            } else if let Some(model) = model_of(used.tag).filter(|m| !s.models.iter().any(|applied| applied == m)) {
                self.error(
                    &used.path,
                    format!(
                        "tag `{}` belongs to model `{model}`, which this scenario does not list in `models`",
                        used.tag
                    ),
                );
            }
        }
        if let Some(dialogue) = &s.dialogue {
            self.dialogue(dialogue);
        }
    }

    fn models(&mut self, known_models: &BTreeSet<&str>) {
        let s = &self.loaded.item;
        let mut seen = BTreeSet::new();
        for (i, model) in s.models.iter().enumerate() {
            let path = format!("models[{i}]");
            if !known_models.contains(model.as_str()) {
                let known: Vec<&str> = known_models.iter().copied().collect();
                self.error(&path, format!("unknown model `{model}` (known: {})", known.join(", ")));
            } else if !seen.insert(model) {
                self.error(&path, format!("model `{model}` is listed twice"));
            }
        }
        let has_eoac = s.models.iter().any(|m| m == EOAC);
        match s.kind {
            ScenarioKind::OverScope if !has_eoac => {
                self.error("models", format!("an over_scope scenario must apply the `{EOAC}` model"));
            }
            ScenarioKind::Complaint if s.models.iter().all(|m| m == EOAC) && !s.models.is_empty() => {
                self.error("models", "a complaint scenario must apply a complaint model such as `7a` or `six_step`");
            }
            _ => {}
        }
    }

    fn dialogue(&mut self, d: &Dialogue) {
        if !MOOD_RANGE.contains(&d.opening_mood) {
            self.error("dialogue.opening_mood", format!("`opening_mood` must be within {MOOD_RANGE:?}"));
        }
        let mut ids = BTreeSet::new();
        for (n, node) in d.nodes.iter().enumerate() {
            if node.id.trim().is_empty() {
                self.error(&format!("dialogue.nodes[{n}].id"), "a dialogue node needs an id");
            } else if !ids.insert(node.id.as_str()) {
                self.error(&format!("dialogue.nodes[{n}].id"), format!("duplicate node id `{}`", node.id));
            }
        }
        let start_exists = ids.contains(d.start.as_str());
        if !start_exists {
            self.error("dialogue.start", format!("start node `{}` does not exist", d.start));
        }
        for (n, node) in d.nodes.iter().enumerate() {
            let node_path = format!("dialogue.nodes[{n}]");
            let turns = node.options.len();
            if node.ending.is_some() && turns > 0 {
                self.error(
                    &format!("{node_path}.options"),
                    format!("ending node `{}` must not offer responses", node.id),
                );
            } else if node.ending.is_none() && !OPTIONS_PER_TURN.contains(&turns) {
                self.error(
                    &format!("{node_path}.options"),
                    format!("node `{}` offers {turns} responses; a rep turn needs {OPTIONS_PER_TURN:?} (or mark it as an `ending`)", node.id),
                );
            }
            let models = node.options.iter().filter(|o| o.model).count();
            if turns > 0 && models != 1 {
                self.error(
                    &format!("{node_path}.options"),
                    format!("node `{}` marks {models} model answers; mark exactly one", node.id),
                );
            }
            for (o, option) in node.options.iter().enumerate() {
                let option_path = format!("{node_path}.options[{o}]");
                if !ids.contains(option.next.as_str()) {
                    self.error(
                        &format!("{option_path}.next"),
                        format!("response leads to node `{}`, which does not exist", option.next),
                    );
                }
                if !MOOD_SHIFT_RANGE.contains(&option.mood) {
                    self.error(&format!("{option_path}.mood"), format!("`mood` must be within {MOOD_SHIFT_RANGE:?}"));
                }
                if option.tags.is_empty() {
                    self.error(
                        &format!("{option_path}.tags"),
                        "a response needs at least one tag (a step, penalty or bonus)",
                    );
                }
                if option.model && option.tags.iter().any(|t| is_penalty(t)) {
                    self.error(&format!("{option_path}.tags"), "the model answer must not carry a penalty tag");
                }
            }
        }
        if d.ending_kinds().is_empty() {
            self.error("dialogue", "the dialogue has no ending node (`ending: resolved`, `escalated` or `walked_out`)");
            return;
        }
        if !start_exists {
            return; // reachability is meaningless without a start; that error is reported above
        }
        let reachable = d.reachable();
        let can_end = d.can_reach_ending();
        for (n, node) in d.nodes.iter().enumerate() {
            let path = format!("dialogue.nodes[{n}].id");
            if !reachable.contains(node.id.as_str()) {
                self.error(&path, format!("node `{}` cannot be reached from the start", node.id));
            } else if !can_end.contains(node.id.as_str()) {
                self.error(&path, format!("from node `{}` no ending can be reached", node.id));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::scenario::test_known_tags;
    use std::path::Path;

    const EXAMPLE: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/scenarios/lost-parcel.ron"));

    fn errors_for(src: &str) -> Vec<String> {
        let mut library = Library::default();
        library.add_bytes(Path::new("lost-parcel.ron"), src.as_bytes());
        let errors: Vec<String> = library.errors.iter().map(ToString::to_string).collect();
        assert!(errors.is_empty(), "{errors:?}");
        validate(&library, &test_known_tags()).iter().map(ToString::to_string).collect()
    }

    fn expect(src: &str, needle: &str) -> String {
        let errors = errors_for(src);
        let found = errors.iter().find(|e| e.contains(needle));
        found.unwrap_or_else(|| panic!("no error containing {needle:?} in {errors:#?}")).clone()
    }

    fn line_of(src: &str, needle: &str) -> usize {
        src[..src.find(needle).unwrap()].matches('\n').count() + 1
    }

    #[test]
    fn example_is_clean() {
        assert_eq!(errors_for(EXAMPLE), Vec::<String>::new());
    }

    #[test]
    fn unknown_tag_is_located_on_its_list() {
        let src = EXAMPLE.replacen("\"penalty.blame_customer\"", "\"penalty.blame_client\"", 1);
        let error = expect(&src, "unknown tag `penalty.blame_client`");
        assert!(error.starts_with("lost-parcel.ron:"), "{error}");
        let line: usize = error.split(':').nth(1).unwrap().parse().unwrap();
        assert_eq!(line, line_of(&src, "penalty.blame_client"), "{error}");
    }

    #[test]
    fn step_of_a_model_not_applied_is_an_error() {
        let src = EXAMPLE.replacen("\"7a.analyze\"", "\"eoac.explore\"", 1);
        expect(&src, "tag `eoac.explore` belongs to model `eoac`");
    }

    #[test]
    fn missing_translation_points_at_the_empty_text() {
        let en_title = EXAMPLE.find("en: \"").unwrap();
        let end = en_title + EXAMPLE[en_title + 5..].find('"').unwrap() + 5;
        let src = format!("{}en: \"{}", &EXAMPLE[..en_title], &EXAMPLE[end..]);
        let error = expect(&src, "`title` has no English text");
        assert_eq!(
            error,
            format!(
                "lost-parcel.ron:{}:{}: `title` has no English text",
                line_of(&src, "en: \"\""),
                error.split(':').nth(2).unwrap()
            )
        );
        expect(&src.replacen("en: \"\"", "en: \" \"", 1), "`title` has no English text");
    }

    #[test]
    fn broken_links_unreachable_nodes_and_missing_endings() {
        let src = EXAMPLE.replacen("next: \"", "next: \"nowhere-", 1);
        expect(&src, "leads to node `nowhere-");
        let unreachable = EXAMPLE
            .replace("nodes: [", "nodes: [\n(id: \"orphan\", line: (zh: \"嗯\", en: \"Hm\"), ending: walked_out),");
        let error = expect(&unreachable, "node `orphan` cannot be reached from the start");
        assert!(
            error.starts_with(&format!("lost-parcel.ron:{}:", line_of(&unreachable, "(id: \"orphan\""))),
            "{error}"
        );
        let endless = EXAMPLE
            .replace("ending: resolved,", "")
            .replace("ending: escalated,", "")
            .replace("ending: walked_out,", "");
        expect(&endless, "the dialogue has no ending");
    }

    #[test]
    fn duplicate_ids_across_files() {
        let mut library = Library::default();
        library.add_bytes(Path::new("a/lost-parcel.ron"), EXAMPLE.as_bytes());
        library.add_bytes(Path::new("b/lost-parcel.ron"), EXAMPLE.as_bytes());
        let errors = validate(&library, &test_known_tags());
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert_eq!(errors[0].file, Path::new("b/lost-parcel.ron"));
        assert!(errors[0].message.contains("duplicate id `lost-parcel`: a/lost-parcel.ron already uses it"));
        assert!(errors[0].line > 0);
    }

    #[test]
    fn structural_rules() {
        let over_scope = EXAMPLE.replacen("kind: complaint", "kind: over_scope", 1);
        expect(&over_scope, "must apply the `eoac` model");
        expect(&over_scope, "scene `lost_or_damaged_goods` belongs to `complaint` scenarios, but kind is `over_scope`");
        expect(&EXAMPLE.replacen("id: \"lost-parcel\"", "id: \"Lost_Parcel\"", 1), "must be lowercase");
        expect(&EXAMPLE.replacen("id: \"lost-parcel\"", "id: \"lost-box\"", 1), "name the file `lost-box.ron`");
        expect(&EXAMPLE.replacen("time_limit_secs: 480", "time_limit_secs: 0", 1), "must be more than 0");
        expect(&EXAMPLE.replacen("model: true", "model: false", 1), "marks 0 model answers");
        expect(&EXAMPLE.replacen("\"7a\"", "\"8a\"", 1), "unknown model `8a`");
    }
}
