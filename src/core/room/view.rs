//! What a phone shows: the room as one JSON object, made for one seat (or for a phone that
//! has not joined yet). Its top-level parts change independently, so the server sends a phone
//! only the parts that changed.

use serde::Serialize;
use serde_json::{Map, Value, json};

use super::seat::{RoomStage, Seat, SeatId};
use crate::core::ids::Timestamp;
use crate::core::lang::{Bilingual, Lang};
use crate::core::locale::Locales;
use crate::core::quiz::play::right_choice;
use crate::core::quiz::{Answerer, QuestionKind, QuizMode, QuizPhase};
use crate::core::round::calibration::Calibration;
use crate::core::round::{PadKind, scoring_pad};
use crate::core::scoring::Rubrics;
use crate::core::session::debrief::COURSE_TOOLS;
use crate::core::session::state::Session;
use crate::core::session::team::TEAM_LOGOS;

/// The running round's clock as its owner read it, for the observers' pads.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RoundClockView {
    /// Round seconds played.
    pub elapsed: f64,
    pub running: bool,
    /// Seconds the observers have left after the end, before the reveal.
    pub grace_left: Option<f64>,
}

/// What the observers' pads need beyond the session: the rubrics (the pad's buttons and the
/// calibration) and the round clock.
#[derive(Clone, Copy)]
pub struct RoundContext<'a> {
    pub rubrics: &'a Rubrics,
    pub clock: Option<RoundClockView>,
    /// The last round's calibration when it is revealed, computed once for every phone's
    /// view (`None`: computed here).
    pub calibration: Option<&'a Calibration>,
}

/// A phone's view of the room, as a JSON object of independent parts.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(transparent)]
pub struct PhoneView(pub Map<String, Value>);

impl PhoneView {
    /// The room as `seat` sees it; `None` for a phone on the join form (teams and members
    /// only: the code has been checked).
    /// `now` times the quiz's countdown.
    pub fn of(
        session: &Session,
        seat: Option<SeatId>,
        locales: &Locales,
        round: Option<RoundContext>,
        now: Timestamp,
    ) -> PhoneView {
        let lang = session.lang;
        let seat = seat.and_then(|id| session.room.seat(id));
        let mut parts = Map::new();
        parts.insert(
            "room".into(),
            json!({
                "camp": session.name,
                "lang": lang.code(),
                "stage": session.room.stage.slug(),
                "locked": session.room.locked,
            }),
        );
        parts.insert(
            "teams".into(),
            Value::Array(
                session
                    .teams
                    .iter()
                    .map(|t| {
                        json!({
                            "id": t.id().0,
                            "name": t.name,
                            "logo": t.emoji,
                            "color": t.color,
                            "slogan": t.slogan,
                            "song": t.song,
                            "captain": t.captain,
                            "members": t.members,
                        })
                    })
                    .collect(),
            ),
        );
        let Some(seat) = seat else { return PhoneView(parts) };
        parts.insert(
            "me".into(),
            json!({
                "seat": seat.id.0,
                "name": seat.name,
                "team": seat.team.0,
                "may_design": session.may_design(seat.id),
            }),
        );
        let voting = session.room.stage == RoomStage::Vote;
        let awarded = session.vote_award().is_some();
        let result = awarded.then(|| {
            let tally = session.ballots.tally(&session.presentation_sequence());
            json!({
                "winner": tally.winner.map(|t| t.0),
                "votes": tally.votes.iter().map(|(t, n)| json!([t.0, n])).collect::<Vec<_>>(),
            })
        });
        parts.insert(
            "vote".into(),
            json!({
                "open": voting && !awarded,
                "mine": session.ballots.choice_of_seat(seat.id).map(|t| t.0),
                "voted": session.ballots.seat_ballots(),
                "of": session.room.seats.len(),
                "result": result,
            }),
        );
        let rating = session.round_to_rate().map(|index| {
            let record = &session.rounds[index];
            let mine = record.phone_ratings.iter().find(|r| r.seat == seat.id);
            json!({
                "round": record.number,
                "title": bilingual(&record.title),
                "team": record.team.0,
                "rep": record.rep,
                "stars": mine.map_or(0, |r| r.stars),
                "comment": mine.map_or("", |r| r.comment.as_str()),
            })
        });
        parts.insert("rating".into(), rating.unwrap_or(Value::Null));
        let observe = round.and_then(|round| observe_part(session, seat, round));
        parts.insert("observe".into(), observe.unwrap_or(Value::Null));
        parts.insert("quiz".into(), quiz_part(session, seat, locales, now).unwrap_or(Value::Null));
        let debrief = session.debrief_of(seat.team, Some(&seat.name)).cloned().unwrap_or_default();
        let shape = session.debrief_shape;
        parts.insert(
            "debrief".into(),
            json!({
                "shape": [shape.takeaways, shape.tools, shape.actions],
                "takeaways": debrief.takeaways,
                "tools": debrief.tools,
                "actions": debrief.actions.iter().map(|a| json!([a.what, a.by_when, a.checker])).collect::<Vec<_>>(),
                "tool_chips": tool_chips(locales, lang),
            }),
        );
        let story = session.stories.iter().find(|s| s.seat == Some(seat.id));
        parts.insert(
            "story".into(),
            story.map_or(Value::Null, |s| {
                json!({
                    "place": s.place, "good": s.good, "bad": s.bad,
                    "come_back": s.come_back, "recommend": s.recommend,
                })
            }),
        );
        parts.insert("stories".into(), json!(session.stories.len()));
        parts.insert("logos".into(), json!(TEAM_LOGOS.as_slice()));
        PhoneView(parts)
    }

    /// The parts of `self` that differ from `before` (all of them when there is no before).
    pub fn changes_since(&self, before: Option<&PhoneView>) -> Map<String, Value> {
        self.0
            .iter()
            .filter(|(key, value)| before.is_none_or(|b| b.0.get(*key) != Some(value)))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect()
    }
}

fn bilingual(text: &Bilingual) -> Value {
    json!({ "zh": text.get(Lang::Zh), "en": text.get(Lang::En) })
}

/// The observer pad of the round on the projector, for a seat of another team: the buttons,
/// the seat's own taps only (the pad is blind), the clock; after the reveal, how the seat's
/// taps compare with the consensus.
fn observe_part(session: &Session, seat: &Seat, round: RoundContext) -> Option<Value> {
    let record = session.rounds.last().filter(|_| session.room.stage == RoomStage::Round)?;
    if !(record.observers_open() || record.observers_revealed) {
        return None;
    }
    if record.team == seat.team {
        // The serving team is observed: its phones only say so.
        return Some(json!({ "round": record.number, "own": true, "running": record.is_running() }));
    }
    let pad: Vec<Value> = scoring_pad(round.rubrics, &record.models)
        .into_iter()
        .map(|group| {
            let kind = match group.buttons.first().map(|b| b.kind) {
                Some(PadKind::Penalty(_)) => "penalty",
                Some(PadKind::Bonus) => "bonus",
                _ => "step",
            };
            json!({
                "title": bilingual(&group.title),
                "kind": kind,
                "buttons": group.buttons.iter().map(|b| json!({ "tag": b.tag, "name": bilingual(&b.name) })).collect::<Vec<_>>(),
            })
        })
        .collect();
    let mine: Vec<Value> =
        record.observer_marks.iter().filter(|m| m.seat == seat.id).map(|m| json!([m.tag, m.t])).collect();
    let clock = round.clock.filter(|_| record.observers_open()).map(|clock| {
        json!({
            "elapsed": clock.elapsed,
            "running": clock.running && record.is_running(),
            "limit": record.time_limit_secs,
            "grace_left": clock.grace_left,
        })
    });
    let result = record.observers_revealed.then(|| {
        let computed;
        let calibration = match round.calibration {
            Some(shared) => shared,
            None => {
                computed = Calibration::of(record, round.rubrics, session.lang);
                &computed
            }
        };
        let judge = calibration.judge(seat.id);
        json!({
            "points": judge.map(|j| j.points),
            "agreement": judge.map(|j| (j.agreement() * 100.0).round()),
            "items": calibration.items.iter().map(|item| json!({
                "name": bilingual(&item.name),
                "mine": record.first_mark(seat.id, &item.tag).is_some(),
                "consensus": item.consensus,
            })).collect::<Vec<_>>(),
        })
    });
    Some(json!({
        "round": record.number,
        "title": bilingual(&record.title),
        "team": record.team.0,
        "rep": record.rep,
        "open": record.observers_open() && session.round_to_observe().is_some(),
        "running": record.is_running(),
        "observers": record.observers().len(),
        "pad": pad,
        "mine": mine,
        "clock": clock,
        "result": result,
    }))
}

/// The quiz on the projector, for one seat: the question and its choices in screen order, the
/// countdown and the seat's answer (its team's in a team quiz). The right answer and the points
/// come only once the question has closed.
fn quiz_part(session: &Session, seat: &Seat, locales: &Locales, now: Timestamp) -> Option<Value> {
    if session.room.stage != RoomStage::Quiz {
        return None;
    }
    let quiz = &session.quizzes[session.open_quiz().or(session.quizzes.len().checked_sub(1))?];
    let by = match quiz.mode {
        QuizMode::Players => Answerer::Seat(seat.id),
        QuizMode::Teams => Answerer::Team(seat.team),
    };
    let n = quiz.current;
    let question = quiz.question();
    let shown = &quiz.shown[n];
    let texts = Lang::ALL.map(|lang| question.choice_texts(lang, locales));
    let choices: Vec<Value> = shown.iter().map(|&c| json!({ "zh": texts[0][c], "en": texts[1][c] })).collect();
    let place_of = |choice: usize| shown.iter().position(|&c| c == choice).unwrap_or(0);
    let mine = quiz.answer_of(n, by).map(|a| a.choice.iter().map(|&c| place_of(c)).collect::<Vec<_>>());
    let line = match &question.kind {
        QuestionKind::DiscType { line, .. } => bilingual(line),
        _ => Value::Null,
    };
    let result = (quiz.phase != QuizPhase::Asking).then(|| {
        let scored = quiz.scored();
        let own = scored.iter().find(|(who, _)| *who == by).map(|(_, per)| per);
        let this = own.and_then(|per| per.get(n).copied().flatten());
        let total: u32 = own.map_or(0, |per| per.iter().flatten().map(|s| s.points).sum());
        let (place, of) = match by {
            Answerer::Seat(id) => {
                let standings = quiz.player_standings();
                (standings.iter().find(|s| s.who == id).map(|s| s.place), standings.len())
            }
            Answerer::Team(team) => {
                let teams: Vec<_> = session.teams.iter().map(|t| t.id()).collect();
                let standings = quiz.team_standings(&teams, &session.room.seats);
                (standings.iter().find(|s| s.who == team).map(|s| s.place), standings.len())
            }
        };
        json!({
            "right": right_choice(question).iter().map(|&c| place_of(c)).collect::<Vec<_>>(),
            "explanation": bilingual(&question.explanation),
            "points": this.map_or(0, |s| s.points),
            "share": this.map_or(0.0, |s| s.share),
            "streak": this.map_or(0, |s| s.streak),
            "total": total,
            "place": place,
            "of": of,
        })
    });
    Some(json!({
        "number": quiz.number,
        "title": bilingual(&quiz.title),
        "mode": match quiz.mode { QuizMode::Players => "players", QuizMode::Teams => "teams" },
        "question": n,
        "of": quiz.questions.len(),
        "phase": match quiz.phase {
            QuizPhase::Asking => "asking",
            QuizPhase::Answer => "answer",
            QuizPhase::Standings => "standings",
            QuizPhase::Finished => "finished",
        },
        "kind": question.kind.name().slug(),
        "prompt": bilingual(&question.prompt),
        "line": line,
        "choices": choices,
        "limit": question.time_secs(),
        "left_ms": quiz.left_ms(now),
        "mine": mine,
        "result": result,
    }))
}

fn tool_chips(locales: &Locales, lang: Lang) -> Vec<String> {
    COURSE_TOOLS.iter().map(|key| locales.get(lang, key)).collect()
}
