//! The steps a team keeps getting wrong across its rounds: what the debrief suggests as the
//! tools and actions worth taking home.

use crate::core::ids::TeamId;
use crate::core::lang::{Bilingual, Lang};
use crate::core::scoring::Rubrics;

use super::record::RoundRecord;
use super::review::RoundReview;

/// A step of a model the team missed or did out of order, with how often.
#[derive(Debug, Clone, PartialEq)]
pub struct WeakStep {
    pub model: String,
    pub step: String,
    pub model_name: Bilingual,
    pub step_name: Bilingual,
    pub explain: Bilingual,
    /// Rounds judged by the model in which the step never happened.
    pub missed: usize,
    /// Rounds in which it came after a step the model puts later.
    pub out_of_order: usize,
    /// Rounds the model judged, so "missed 2 of 3" can be said.
    pub rounds: usize,
}

impl WeakStep {
    pub fn count(&self) -> usize {
        self.missed + self.out_of_order
    }
}

/// The team's weakest steps over its finished rounds, most often wrong first (ties: missed
/// before out of order, then the model's own order), at most `limit`. Only the model that
/// judged each round counts: a 7A round says nothing about the six steps the team never tried.
pub fn weakest_steps(
    rounds: &[RoundRecord],
    lang: Lang,
    rubrics: &Rubrics,
    team: TeamId,
    limit: usize,
) -> Vec<WeakStep> {
    let mut steps: Vec<WeakStep> = Vec::new();
    for record in rounds.iter().filter(|r| r.team == team && !r.is_running()) {
        let review = RoundReview::of(record, rubrics, lang);
        let judged = &review.report.judged_by;
        let Some(model) = rubrics.model(judged) else { continue };
        let Some(timeline) = review.timelines.iter().find(|t| &t.model == judged) else { continue };
        for step in &model.steps {
            let index = match steps.iter().position(|w| w.model == model.id && w.step == step.id) {
                Some(index) => index,
                None => {
                    steps.push(WeakStep {
                        model: model.id.clone(),
                        step: step.id.clone(),
                        model_name: model.name.clone(),
                        step_name: step.name.clone(),
                        explain: step.explain.clone(),
                        missed: 0,
                        out_of_order: 0,
                        rounds: 0,
                    });
                    steps.len() - 1
                }
            };
            let weak = &mut steps[index];
            weak.rounds += 1;
            if timeline.missing.iter().any(|(id, _)| id == &step.id) {
                weak.missed += 1;
            }
            if timeline.shown.iter().any(|s| s.step == step.id && s.out_of_order) {
                weak.out_of_order += 1;
            }
        }
    }
    steps.retain(|w| w.count() > 0);
    // Stable: equal counts keep the order the models and their steps were first met in.
    steps.sort_by_key(|w| (std::cmp::Reverse(w.count()), std::cmp::Reverse(w.missed)));
    steps.truncate(limit);
    steps
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::core::round::{Observed, RoundCast, RoundEnding};
    use crate::core::session::{Session, Timestamp};

    use crate::core::scoring::shipped_rubrics as rubrics;

    /// A finished lost-parcel round of `team` with the 7A steps pressed in the given order.
    fn round(session: &mut Session, team: TeamId, steps: &[&str], finished: bool) {
        let path = crate::core::paths::scenarios_dir().join("lost-parcel.ron");
        let scenario =
            crate::core::scenario::load_str(Path::new(&path), &std::fs::read_to_string(&path).unwrap()).unwrap();
        let cast = RoundCast { team: Some(team), ..RoundCast::default() };
        let mut record = RoundRecord::new(session.rounds.len() as u32 + 1, &scenario, &cast, team, Timestamp(0));
        for (i, step) in steps.iter().enumerate() {
            record.observe(rubrics(), Lang::Zh, 5.0 + 15.0 * i as f64, Observed::Tag(format!("7a.{step}")));
        }
        if finished {
            record.end(200.0, RoundEnding::Ended);
        }
        session.rounds.push(record);
    }

    #[test]
    fn the_step_missed_most_often_comes_first_with_its_explanation() {
        let mut session = Session::new("t", Lang::Zh);
        let (a, b) = (session.add_team("A", "⭐").unwrap(), session.add_team("B", "⭐").unwrap());
        let all_but_assurance = ["accept", "apologize", "acknowledge", "analyze", "alternatives", "agreement"];
        round(&mut session, a, &all_but_assurance, true);
        // Apologising only after the solution, and still no assurance.
        round(&mut session, a, &["accept", "acknowledge", "analyze", "alternatives", "apologize", "agreement"], true);
        // Another team's rounds and an unfinished round of this team do not count.
        round(&mut session, b, &["accept"], true);
        round(&mut session, a, &["accept"], false);

        let weakest = weakest_steps(&session.rounds, session.lang, rubrics(), a, 10);
        let first = &weakest[0];
        assert_eq!((first.model.as_str(), first.step.as_str()), ("7a", "assurance"));
        assert_eq!((first.missed, first.out_of_order, first.rounds), (2, 0, 2));
        assert_eq!(first.step_name.en, "Assurance");
        assert!(!first.explain.zh.is_empty() && !first.model_name.en.is_empty());
        let apology = weakest.iter().find(|w| w.step == "apologize").expect("the late apology is listed");
        assert_eq!((apology.missed, apology.out_of_order), (0, 1));
        assert!(weakest.iter().all(|w| w.model == "7a"), "the six steps judged none of these rounds");
        assert!(weakest.windows(2).all(|w| w[0].count() >= w[1].count()));
        assert_eq!(weakest_steps(&session.rounds, session.lang, rubrics(), a, 1).len(), 1);
    }

    #[test]
    fn a_team_without_finished_rounds_has_nothing_to_suggest() {
        let mut session = Session::new("t", Lang::Zh);
        let team = session.add_team("A", "⭐").unwrap();
        assert!(weakest_steps(&session.rounds, session.lang, rubrics(), team, 3).is_empty());
        round(&mut session, team, &["accept"], false);
        assert!(weakest_steps(&session.rounds, session.lang, rubrics(), team, 3).is_empty());
    }
}
