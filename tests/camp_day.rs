//! A whole camp day driven through core alone: every change is a `SessionEdit` applied by
//! `Session::apply`, as the screens, the CLI and later the phones do. No Bevy, no egui.

use std::path::Path;

use service_camp::core::lang::Lang;
use service_camp::core::round::{CustomerPlayer, Observed, RoundCast, RoundEnding};
use service_camp::core::scenario::{Scenario, load_str};
use service_camp::core::session::{
    Applied, DebriefPart, EditContext, PointsSource, Session, SessionEdit, SessionError, TeamField, TeamId, Timestamp,
};

use crate::support::rubrics;

fn scenario(id: &str) -> Scenario {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios").join(format!("{id}.ron"));
    load_str(&path, &std::fs::read_to_string(&path).unwrap()).unwrap()
}

struct Day {
    session: Session,
    clock: u64,
}

impl Day {
    /// Applies an edit a minute after the last one.
    fn apply(&mut self, edit: SessionEdit) -> Result<Applied, SessionError> {
        self.clock += 60_000;
        let context = EditContext::new(Timestamp(self.clock), Some(rubrics()));
        self.session.apply(&edit, &context)
    }

    fn ok(&mut self, edit: SessionEdit) -> Applied {
        let shown = format!("{edit:?}");
        self.apply(edit).unwrap_or_else(|e| panic!("{shown}: {e}"))
    }

    fn team(&mut self, name: &str, emoji: &str, members: &str) -> TeamId {
        let Applied::TeamAdded(id) = self.ok(SessionEdit::AddTeam) else { panic!("no team added") };
        self.ok(SessionEdit::EditTeam(id, TeamField::Name, name.into()));
        self.ok(SessionEdit::EditTeam(id, TeamField::Emoji, emoji.into()));
        self.ok(SessionEdit::EditTeam(id, TeamField::Members, members.into()));
        id
    }

    /// Plays a round of `scenario` for `team`: the presses at their round times, then the end
    /// and the other teams' stars. Returns the round's index.
    fn round(
        &mut self,
        scenario_id: &str,
        team: TeamId,
        presses: &[(f64, &str)],
        end: f64,
        stars: &[(TeamId, u8)],
    ) -> usize {
        let cast =
            RoundCast { team: Some(team), rep: String::new(), customer: CustomerPlayer::Trainer, models: vec![] };
        let Applied::RoundStarted(round) =
            self.ok(SessionEdit::StartRound { scenario: Box::new(scenario(scenario_id)), cast })
        else {
            panic!("the round did not start")
        };
        for &(t, tag) in presses {
            self.ok(SessionEdit::Observe { round, t, what: Observed::Tag(tag.into()) });
        }
        self.ok(SessionEdit::EndRound { round, t: end });
        for &(rater, n) in stars {
            self.ok(SessionEdit::RateRound { round, team: rater, stars: n });
        }
        round
    }
}

#[test]
fn a_camp_day_runs_through_core_alone_and_the_ledger_adds_up() {
    let mut day = Day { session: Session::new("客服训练营", Lang::Zh), clock: 1_764_030_000_000 };
    let lightning = day.team("闪电队", "⚡", "小王、小李，小张");
    let dolphins = day.team("海豚队", "🐬", "阿明, 阿芳");
    let eagles = day.team("雄鹰队", "🦅", "大刘、小周");
    assert_eq!(day.session.team(lightning).unwrap().members, ["小王", "小李", "小张"]);

    // The vote: each team for another; the dolphins win 2 to 1.
    day.ok(SessionEdit::Vote { voter: lightning, choice: dolphins });
    day.ok(SessionEdit::Vote { voter: eagles, choice: dolphins });
    day.ok(SessionEdit::Vote { voter: dolphins, choice: eagles });
    assert_eq!(
        day.apply(SessionEdit::Vote { voter: eagles, choice: eagles }),
        Err(SessionError::Vote(service_camp::core::session::vote::VoteError::OwnTeam))
    );
    assert_eq!(day.ok(SessionEdit::AwardVote), Applied::Ledger(0));

    // Round 1: the lightning team handles the lost parcel with every 7A step in order.
    let seven_a = [
        (5.0, "7a.accept"),
        (15.0, "7a.apologize"),
        (25.0, "7a.acknowledge"),
        (40.0, "7a.analyze"),
        (60.0, "7a.alternatives"),
        (75.0, "7a.agreement"),
        (90.0, "7a.assurance"),
    ];
    let first = day.round("lost-parcel", lightning, &seven_a, 100.0, &[(dolphins, 4), (eagles, 5)]);
    assert_eq!(
        day.apply(SessionEdit::RateRound { round: first, team: lightning, stars: 5 }),
        Err(SessionError::RatesOwnRound)
    );
    assert_eq!(
        day.apply(SessionEdit::StartRound { scenario: Box::new(scenario("lost-parcel")), cast: RoundCast::default() }),
        Err(SessionError::RoundOpen(0)),
        "a second round waits until the first one's points land"
    );
    assert_eq!(day.ok(SessionEdit::AwardRound { round: first }), Applied::Ledger(1));
    assert_eq!(
        day.apply(SessionEdit::AwardRound { round: first }),
        Err(SessionError::RoundAwarded(0)),
        "points land once"
    );

    // Round 2: the eagles apologise, then say a taboo phrase, and nothing else.
    let second =
        day.round("lost-parcel", eagles, &[(10.0, "7a.apologize"), (30.0, "penalty.taboo")], 60.0, &[(lightning, 2)]);
    assert_eq!(day.session.rounds[second].ending, Some(RoundEnding::Ended));
    assert_eq!(day.ok(SessionEdit::AwardRound { round: second }), Applied::Ledger(2));

    // The trainer's bonus for great follow-up, then a mistaken penalty undone.
    assert_eq!(
        day.ok(SessionEdit::Adjust { team: dolphins, points: 3, reason: "主动回访".into() }),
        Applied::Ledger(3)
    );
    assert_eq!(day.ok(SessionEdit::Adjust { team: eagles, points: -2, reason: "记错了".into() }), Applied::Ledger(4));
    day.ok(SessionEdit::Undo(4));

    // A debrief line from the lightning team.
    day.ok(SessionEdit::Debrief {
        team: lightning,
        participant: None,
        part: DebriefPart::Takeaway(0),
        text: "情感第一".into(),
    });
    assert_eq!(day.session.debrief(lightning).unwrap().takeaways, ["情感第一"]);

    let ledger: Vec<(TeamId, i32, PointsSource, bool)> =
        day.session.ledger.iter().map(|e| (e.team, e.points, e.source, e.is_live())).collect();
    assert_eq!(
        ledger,
        [
            (dolphins, 10, PointsSource::Vote, true),
            // Trainer 90 → 18 points, peers (4 + 5) / 2 = 4.5 stars × 2 = 9 points.
            (lightning, 27, PointsSource::Round(1), true),
            // Trainer 0 → 0 points, peers 2 stars × 2 = 4 points.
            (eagles, 4, PointsSource::Round(2), true),
            (dolphins, 3, PointsSource::Bonus, true),
            (eagles, -2, PointsSource::Penalty, false),
        ]
    );
    assert_eq!(day.session.totals(), [27, 13, 4]);
    assert_eq!(day.session.ranking(), [0, 1, 2]);
    assert_eq!(day.session.ledger[1].reason, "第1轮 · 开业物料整箱丢失 · 讲师评分 90 · 同伴 4.5★");
    assert_eq!(day.session.ledger[2].reason, "第2轮 · 开业物料整箱丢失 · 讲师评分 0 · 同伴 2.0★");
}
