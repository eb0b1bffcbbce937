//! The scenario library: role-play and self-study cases, one RON file each in `scenarios/`
//! (and a user folder), with loading, validation, dialogue walking and the `validate` tool.
//! The format is described in `scenarios/README.md`.

mod dialogue;
mod load;
mod types;
mod validate;

pub use dialogue::{Walk, shift_mood};
pub use load::{Library, LoadedScenario, ScenarioFilter, load_dir, load_paths, load_str};
pub use types::{
    CustomerCard, Dialogue, DialogueNode, Difficulty, Ending, KeyBehaviour, MOOD_RANGE, MOOD_SHIFT_RANGE,
    OPTIONS_PER_TURN, ResponseOption, Scenario, ScenarioKind, Scene, TagUse, TextField, spelling,
};
pub use validate::validate;

/// The built-in library, for tests.
#[cfg(test)]
pub(crate) fn library_dir() -> &'static str {
    concat!(env!("CARGO_MANIFEST_DIR"), "/scenarios")
}

/// The tags the built-in rubrics define, as the app checks scenarios against them.
#[cfg(test)]
pub(crate) fn test_known_tags() -> std::collections::BTreeSet<String> {
    crate::core::scoring::known_tags(crate::core::scoring::shipped_rubrics())
}

/// The rules the built-in library promises trainers (see the issue and `scenarios/README.md`).
#[cfg(test)]
mod library_tests {
    use std::collections::BTreeSet;
    use std::path::Path;

    use super::*;
    use crate::core::disc::Disc;
    use crate::core::lang::Lang;

    fn builtin() -> Library {
        load_dir(Path::new(library_dir()))
    }

    #[test]
    fn builtin_library_loads_and_validates_cleanly() {
        let library = builtin();
        assert_eq!(library.errors, Vec::new());
        assert_eq!(validate(&library, &test_known_tags()), Vec::new());
        assert!(library.iter().all(|s| s.complete_langs() == Lang::ALL), "every scenario is fully bilingual");
    }

    #[test]
    fn builtin_library_covers_kinds_types_and_scenes() {
        let library = builtin();
        assert!(library.items.len() >= 16);
        let count_kind = |kind| library.iter().filter(|s| s.kind == kind).count();
        assert!(count_kind(ScenarioKind::Complaint) >= 8);
        assert!(count_kind(ScenarioKind::OverScope) >= 4);
        for disc in Disc::ALL {
            assert!(library.iter().filter(|s| s.disc == disc).count() >= 3, "DISC {disc:?} needs 3 scenarios");
        }
        for scenario in library.iter() {
            // The actor's notes open with the type, so a card never contradicts its `disc`.
            let talk = &scenario.customer.how_to_talk;
            let letter = scenario.disc.letter();
            assert!(talk.zh.starts_with(&format!("{letter}型")), "{}: {}", scenario.id, talk.zh);
            assert!(talk.en.starts_with(&format!("Type {letter}")), "{}: {}", scenario.id, talk.en);
        }
        let scenes: BTreeSet<Scene> = library.iter().map(|s| s.scene).collect();
        assert_eq!(scenes, Scene::ALL.into_iter().collect(), "every named scene has a scenario");
    }

    #[test]
    fn builtin_dialogues_are_long_and_lead_somewhere() {
        let library = builtin();
        assert!(library.iter().filter(|s| s.dialogue_len() >= 8).count() >= 8);
        let all_endings = BTreeSet::from([Ending::Resolved, Ending::Escalated, Ending::WalkedOut]);
        for scenario in library.iter() {
            let Some(dialogue) = &scenario.dialogue else { continue };
            let model_end = dialogue.model_path().last().and_then(|node| node.ending);
            assert_eq!(model_end, Some(Ending::Resolved), "{}: model answers must resolve", scenario.id);
            assert_eq!(dialogue.ending_kinds(), all_endings, "{}: every ending kind", scenario.id);
            let mut walk = Walk::start(dialogue).unwrap();
            while walk.ending().is_none() {
                let model = walk.node().options.iter().position(|o| o.model).unwrap();
                walk.choose(model).unwrap();
            }
            assert!(walk.mood() > dialogue.opening_mood, "{}: model answers improve the mood", scenario.id);
        }
    }
}
