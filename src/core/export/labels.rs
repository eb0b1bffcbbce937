//! Every fixed word of the exports, read from the Fluent locale files (`export-*` keys), in the
//! language of the report.

use fluent_bundle::FluentValue;

use crate::core::lang::Lang;
use crate::core::locale::Locales;
use crate::core::session::PointsSource;

/// Declares the labels that are plain words: one field per `export-<field>` key.
macro_rules! word_labels {
    ($($(#[$doc:meta])* $field:ident),* $(,)?) => {
        pub struct Labels<'a> {
            /// The language of the labels, which is also the language the report picks from
            /// bilingual session text (agenda titles) and its list separator.
            pub lang: Lang,
            /// The language tag of the HTML page and of xAPI language maps.
            pub tag: &'static str,
            locales: &'a Locales,
            $($(#[$doc])* pub $field: String,)*
        }

        impl<'a> Labels<'a> {
            pub fn new(locales: &'a Locales, lang: Lang) -> Labels<'a> {
                Labels {
                    lang,
                    // xAPI language maps have always used these tags; statement ids hash them.
                    tag: match lang {
                        Lang::Zh => "zh-CN",
                        Lang::En => "en-US",
                    },
                    locales,
                    $($field: locales.get(lang, &format!("export-{}", stringify!($field).replace('_', "-"))),)*
                }
            }
        }
    };
}

word_labels!(
    untitled,
    exported_at,
    agenda,
    step,
    minutes,
    total_minutes,
    teams,
    no_teams,
    team,
    captain,
    members,
    slogan,
    song,
    leaderboard,
    rank,
    total,
    change_since_last_round,
    rounds,
    no_rounds,
    /// The column of round names in the round scores.
    round_column,
    timeline,
    scenario,
    rep,
    customer_player,
    trainer,
    ending,
    ended,
    walked_out,
    score,
    judged_by,
    peer_average,
    points_from_score,
    points_from_peers,
    model,
    model_step,
    order,
    out_of_order,
    said,
    missing_steps,
    penalties,
    no_penalties,
    best_gain,
    nothing_to_gain,
    /// Round points in the ledger that no round record explains (sessions from before records).
    ledger_only_rounds,
    ledger,
    empty_ledger,
    entry_number,
    time,
    source,
    points,
    /// A round's points on the leaderboard (score and peers together).
    round_points,
    reason,
    status,
    counts,
    undone,
    vote,
    bonus,
    penalty,
    /// Follows the shape, as in "5-3-1 总结".
    debriefs,
    no_debriefs,
    whole_class,
    takeaways,
    tools,
    actions,
    what,
    by_when,
    checker,
    verb_scored,
    verb_earned,
    verb_penalized,
    verb_completed,
    verb_showed,
    stories,
    story_who,
    story_place,
    story_good,
    story_bad,
    story_come_back,
    story_recommend,
    yes,
    no,
    calibration,
    observer,
    observers,
    serving_team,
    agreement,
    judge_points,
    within_tolerance,
    alpha,
    disputed,
    best_judge,
    verb_judged,
    quizzes,
    question,
    question_kind,
    answers,
    distribution,
    right_answer,
    percent_correct,
    quiz_points,
    place,
    participant,
    right_answers,
    ledger_points,
    verb_answered,
);

impl Labels<'_> {
    pub fn locales(&self) -> &Locales {
        self.locales
    }

    fn with(&self, key: &str, args: &[(&str, FluentValue)]) -> String {
        self.locales.get_args(self.lang, key, args)
    }

    pub fn round(&self, number: u32) -> String {
        self.with("export-round", &[("number", number.into())])
    }

    pub fn quiz(&self, number: u32) -> String {
        self.with("export-quiz", &[("number", number.into())])
    }

    /// A team member who played the customer: name, team.
    pub fn member_of(&self, name: &str, team: &str) -> String {
        self.with("export-member-of", &[("name", name.into()), ("team", team.into())])
    }

    /// Model, step, points it would have added.
    pub fn gain_by_step(&self, model: &str, step: &str, points: f64) -> String {
        let points = format!("{points:.1}");
        self.with("export-gain-by-step", &[("model", model.into()), ("step", step.into()), ("points", points.into())])
    }

    /// Penalty, words said (may be empty), points it cost.
    pub fn gain_by_avoiding(&self, penalty: &str, said: &str, points: f64) -> String {
        let points = format!("{points:.1}");
        if said.is_empty() {
            self.with("export-gain-by-avoiding", &[("penalty", penalty.into()), ("points", points.into())])
        } else {
            let args = [("penalty", penalty.into()), ("said", said.into()), ("points", points.into())];
            self.with("export-gain-by-avoiding-said", &args)
        }
    }

    pub fn removed_team(&self, id: u32) -> String {
        self.with("export-removed-team", &[("id", id.into())])
    }

    pub fn source(&self, source: PointsSource) -> String {
        match source {
            PointsSource::Vote => self.vote.clone(),
            PointsSource::Round(n) => self.round(n),
            PointsSource::Quiz(n) => self.quiz(n),
            PointsSource::Bonus => self.bonus.clone(),
            PointsSource::Penalty => self.penalty.clone(),
        }
    }
}
