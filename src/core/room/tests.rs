use proptest::prelude::*;

use super::*;
use crate::core::lang::Lang;
use crate::core::round::record::{RoundCast, RoundEnding, RoundRecord};
use crate::core::session::{Applied, EditContext, Session, SessionEdit, SessionError, TeamId, Timestamp};

fn cx() -> EditContext<'static> {
    EditContext::new(Timestamp(1_000), Some(crate::core::scoring::shipped_rubrics()))
}

/// Three teams (Alpha with members 小王 and 小李), phones on with room code 4321.
fn room() -> (Session, [TeamId; 3]) {
    let mut session = Session::new("test", Lang::Zh);
    let ids = ["Alpha", "Beta", "Gamma"].map(|name| session.add_team(name, "⭐").unwrap());
    session.team_mut(ids[0]).unwrap().members = vec!["小王".into(), "小李".into()];
    session.apply(&SessionEdit::Room(RoomEdit::NewCode(Some("4321".into()))), &cx()).unwrap();
    (session, ids)
}

fn join(session: &mut Session, team: TeamId, name: &str) -> String {
    let request = JoinRequest { code: "4321".into(), team, name: name.into() };
    session.join_from_phone(&request, &cx()).unwrap().1
}

fn stage(session: &mut Session, stage: RoomStage) {
    session.apply(&SessionEdit::Room(RoomEdit::Stage(stage)), &cx()).unwrap();
}

fn act(session: &mut Session, token: &str, id: &str, action: PhoneAction) -> Result<Applied, PhoneError> {
    session.apply_phone(token, id, &action, &cx())
}

#[test]
fn joining_needs_the_code_and_the_same_name_gets_the_same_seat_back() {
    let (mut session, [alpha, beta, _]) = room();
    let wrong = JoinRequest { code: "1234".into(), team: alpha, name: "小王".into() };
    assert_eq!(session.join_from_phone(&wrong, &cx()), Err(PhoneError::WrongCode));
    let first = join(&mut session, alpha, "  小王 ");
    let again = join(&mut session, alpha, "小王");
    assert_eq!(first, again, "a phone that lost its token gets the same seat");
    assert_eq!(session.room.seats.len(), 1);
    assert_eq!(session.team(alpha).unwrap().members, ["小王", "小李"], "a known member is not added twice");
    join(&mut session, beta, "Ann Lee");
    assert_eq!(session.team(beta).unwrap().members, ["Ann Lee"], "a new name joins the team's members");

    let long = JoinRequest { code: "4321".into(), team: beta, name: "x".repeat(25) };
    assert_eq!(session.join_from_phone(&long, &cx()), Err(PhoneError::NameTooLong));
    let split = JoinRequest { code: "4321".into(), team: beta, name: "Ann, Bob".into() };
    assert_eq!(session.join_from_phone(&split, &cx()), Err(PhoneError::NameSeparator));
    let blank = JoinRequest { code: "4321".into(), team: beta, name: "   ".into() };
    assert_eq!(session.join_from_phone(&blank, &cx()), Err(PhoneError::EmptyName));
    let nowhere = JoinRequest { code: "4321".into(), team: TeamId(99), name: "Zed".into() };
    assert_eq!(session.join_from_phone(&nowhere, &cx()), Err(PhoneError::UnknownTeam));
}

#[test]
fn a_locked_room_lets_only_known_seats_back_in() {
    let (mut session, [alpha, ..]) = room();
    let token = join(&mut session, alpha, "小王");
    session.apply(&SessionEdit::Room(RoomEdit::Lock(true)), &cx()).unwrap();
    let newcomer = JoinRequest { code: "4321".into(), team: alpha, name: "小张".into() };
    assert_eq!(session.join_from_phone(&newcomer, &cx()), Err(PhoneError::JoiningLocked));
    assert_eq!(join(&mut session, alpha, "小王"), token);
}

#[test]
fn tokens_of_another_session_forged_ones_and_reset_devices_are_refused() {
    let (mut session, [alpha, ..]) = room();
    let token = join(&mut session, alpha, "小王");
    let seat = session.seat_of_token(&token).unwrap();
    let (mut other, [other_alpha, ..]) = room();
    let foreign = join(&mut other, other_alpha, "小王");
    assert_eq!(foreign.split('.').next(), token.split('.').next(), "the same seat number in both sessions");
    assert_eq!(session.seat_of_token(&foreign), Err(PhoneError::NotSignedIn), "another session's secret");
    assert_eq!(session.seat_of_token("1.0.00000000000000000000000000000000"), Err(PhoneError::NotSignedIn));

    session.apply(&SessionEdit::Room(RoomEdit::NewCode(Some("5555".into()))), &cx()).unwrap();
    assert_eq!(session.seat_of_token(&token), Ok(seat), "a new code keeps people with a token in");
    session.apply(&SessionEdit::Room(RoomEdit::ResetDevice(seat)), &cx()).unwrap();
    assert_eq!(session.seat_of_token(&token), Err(PhoneError::NotSignedIn));
    let rejoin = JoinRequest { code: "5555".into(), team: alpha, name: "小王".into() };
    let (again, new_token) = session.join_from_phone(&rejoin, &cx()).unwrap();
    assert_eq!(again, seat, "the person comes back to their seat with a new token");
    assert_ne!(new_token, token);
}

#[test]
fn a_saved_session_keeps_its_seats_and_tokens() {
    let (mut session, [alpha, ..]) = room();
    let token = join(&mut session, alpha, "小王");
    let text = ron::ser::to_string(&session).unwrap();
    let loaded = Session::parse(std::path::Path::new("s.ron"), &text).unwrap();
    assert_eq!(loaded.room.code, "4321");
    assert_eq!(loaded.seat_of_token(&token), Ok(SeatId(1)));
}

#[test]
fn one_vote_per_participant_never_for_their_own_team_and_changed_until_awarded() {
    let (mut session, [alpha, beta, gamma]) = room();
    let wang = join(&mut session, alpha, "小王");
    let li = join(&mut session, alpha, "小李");
    let ann = join(&mut session, beta, "Ann");
    let vote = |team: TeamId| PhoneAction::Vote { team };
    assert_eq!(act(&mut session, &wang, "r1", vote(beta)), Err(PhoneError::NotNow), "the vote is not open yet");
    stage(&mut session, RoomStage::Vote);
    assert_eq!(act(&mut session, &wang, "r2", vote(alpha)), Err(PhoneError::OwnTeam));
    act(&mut session, &wang, "r3", vote(beta)).unwrap();
    act(&mut session, &wang, "r4", vote(gamma)).unwrap();
    act(&mut session, &li, "r5", vote(gamma)).unwrap();
    act(&mut session, &ann, "r6", vote(alpha)).unwrap();
    assert_eq!(session.ballots.seat_ballots(), 3, "小王's second vote replaced his first");
    let tally = session.ballots.tally(&session.presentation_sequence());
    assert_eq!(tally.votes, vec![(alpha, 1), (beta, 0), (gamma, 2)]);
    assert_eq!(session.apply(&SessionEdit::AwardVote, &cx()), Ok(Applied::Ledger(0)));
    assert_eq!(session.totals(), vec![0, 0, 10]);
    assert_eq!(act(&mut session, &ann, "r7", vote(gamma)), Err(PhoneError::NotNow), "closed once awarded");
}

#[test]
fn a_retried_request_is_applied_once() {
    let (mut session, [alpha, beta, gamma]) = room();
    let wang = join(&mut session, alpha, "小王");
    stage(&mut session, RoomStage::Vote);
    act(&mut session, &wang, "same", PhoneAction::Vote { team: beta }).unwrap();
    act(&mut session, &wang, "next", PhoneAction::Vote { team: gamma }).unwrap();
    // A late retry of the first request must not bring the old choice back.
    assert_eq!(act(&mut session, &wang, "same", PhoneAction::Vote { team: beta }), Ok(Applied::Unchanged));
    assert_eq!(session.ballots.choice_of_seat(SeatId(1)), Some(gamma));
}

#[test]
fn phones_of_a_team_replace_its_typed_stars_with_their_average() {
    let (mut session, [alpha, beta, gamma]) = room();
    let ann = join(&mut session, beta, "Ann");
    let bob = join(&mut session, beta, "Bob");
    let wang = join(&mut session, alpha, "小王");
    let rate = |stars: u8| PhoneAction::Rate { round: 1, stars, comment: "好的道歉".into() };
    assert_eq!(act(&mut session, &ann, "a", rate(4)), Err(PhoneError::NoRoundToRate));

    let path = crate::core::paths::scenarios_dir().join("lost-parcel.ron");
    let scenario = crate::core::scenario::load_str(&path, &std::fs::read_to_string(&path).unwrap()).unwrap();
    let cast = RoundCast { team: Some(alpha), ..RoundCast::default() };
    session.rounds.push(RoundRecord::new(1, &scenario, &cast, alpha, Timestamp(0)));
    assert_eq!(act(&mut session, &ann, "b", rate(4)), Err(PhoneError::NoRoundToRate), "not while it runs");
    session.rounds[0].end(60.0, RoundEnding::Ended);
    session.apply(&SessionEdit::RateRound { round: 0, team: beta, stars: 2 }, &cx()).unwrap();
    session.apply(&SessionEdit::RateRound { round: 0, team: gamma, stars: 3 }, &cx()).unwrap();
    assert_eq!(session.rounds[0].peer_average(), Some(2.5));
    act(&mut session, &ann, "c", rate(4)).unwrap();
    act(&mut session, &bob, "d", rate(5)).unwrap();
    assert_eq!(act(&mut session, &wang, "e", rate(5)), Err(PhoneError::OwnTeam));
    assert_eq!(act(&mut session, &bob, "f", rate(6)), Err(PhoneError::StarsOutOfRange));
    // Beta: phones 4 and 5 give 4.5 instead of the typed 2; Gamma's typed 3 stays.
    assert_eq!(session.rounds[0].team_stars(beta), Some(4.5));
    assert_eq!(session.rounds[0].peer_average(), Some(3.75));
    assert_eq!(session.rounds[0].phone_ratings[0].comment, "好的道歉");
    act(&mut session, &bob, "g", rate(0)).unwrap();
    assert_eq!(session.rounds[0].team_stars(beta), Some(4.0), "0 stars takes Bob's rating back");
}

#[test]
fn only_the_captain_designs_once_the_team_has_one_and_only_allowed_logos() {
    let (mut session, [alpha, ..]) = room();
    let wang = join(&mut session, alpha, "小王");
    let li = join(&mut session, alpha, "小李");
    let team = |field, text: &str| PhoneAction::Team { field, text: text.into() };
    assert_eq!(act(&mut session, &wang, "1", team(PhoneTeamField::Name, "火箭队")), Err(PhoneError::NotNow));
    stage(&mut session, RoomStage::TeamDesign);
    act(&mut session, &li, "2", team(PhoneTeamField::Captain, "小王")).unwrap();
    act(&mut session, &wang, "3", team(PhoneTeamField::Name, "火箭队")).unwrap();
    act(&mut session, &wang, "4", team(PhoneTeamField::Logo, "🚀")).unwrap();
    act(&mut session, &wang, "5", team(PhoneTeamField::Slogan, "  使命必达\n")).unwrap();
    assert_eq!(act(&mut session, &li, "6", team(PhoneTeamField::Song, "歌")), Err(PhoneError::CaptainOnly));
    assert_eq!(act(&mut session, &wang, "7", team(PhoneTeamField::Logo, "X")), Err(PhoneError::NotALogo));
    assert_eq!(
        act(&mut session, &wang, "8", team(PhoneTeamField::Slogan, &"长".repeat(201))),
        Err(PhoneError::LineTooLong)
    );
    let alpha_team = session.team(alpha).unwrap();
    assert_eq!((alpha_team.name.as_str(), alpha_team.emoji.as_str()), ("火箭队", "🚀"));
    assert_eq!((alpha_team.slogan.as_str(), alpha_team.captain.as_str()), ("使命必达", "小王"));
    session.apply(&SessionEdit::Room(RoomEdit::AnyMemberDesigns(true)), &cx()).unwrap();
    act(&mut session, &li, "9", team(PhoneTeamField::Song, "我们的歌")).unwrap();
    assert_eq!(session.team(alpha).unwrap().song, "我们的歌");
}

#[test]
fn a_phone_writes_its_own_debrief_within_the_shape() {
    let (mut session, [alpha, ..]) = room();
    let wang = join(&mut session, alpha, "小王");
    stage(&mut session, RoomStage::Debrief);
    let line = |part, index, text: &str| PhoneAction::Debrief { part, index, text: text.into() };
    act(&mut session, &wang, "1", line(PhoneDebriefPart::Takeaway, 1, "先处理情绪")).unwrap();
    act(&mut session, &wang, "2", line(PhoneDebriefPart::ActionByWhen, 0, "周五")).unwrap();
    assert_eq!(act(&mut session, &wang, "3", line(PhoneDebriefPart::Tool, 3, "KANO")), Err(PhoneError::NotNow));
    let mine = session.debrief_of(alpha, Some("小王")).unwrap();
    assert_eq!(mine.takeaways, ["", "先处理情绪"]);
    assert_eq!(mine.actions[0].by_when, "周五");
    assert!(session.debrief(alpha).is_none(), "the team's own debrief is untouched");
}

#[test]
fn moving_a_seat_takes_its_name_and_debrief_along_and_withdraws_its_vote() {
    let (mut session, [alpha, beta, gamma]) = room();
    let wang = join(&mut session, alpha, "小王");
    stage(&mut session, RoomStage::Vote);
    act(&mut session, &wang, "v", PhoneAction::Vote { team: beta }).unwrap();
    session.debrief_of_mut(alpha, Some("小王")).takeaways = vec!["倾听".into()];
    session.apply(&SessionEdit::Room(RoomEdit::MoveSeat(SeatId(1), gamma)), &cx()).unwrap();
    assert_eq!(session.team(alpha).unwrap().members, ["小李"]);
    assert_eq!(session.team(gamma).unwrap().members, ["小王"]);
    assert_eq!(session.debrief_of(gamma, Some("小王")).unwrap().takeaways, ["倾听"]);
    assert_eq!(session.ballots.seat_ballots(), 0);
    assert_eq!(act(&mut session, &wang, "w", PhoneAction::Vote { team: gamma }), Err(PhoneError::OwnTeam));
    let err = session.apply(&SessionEdit::Room(RoomEdit::MoveSeat(SeatId(9), beta)), &cx());
    assert_eq!(err, Err(SessionError::UnknownSeat(SeatId(9))));
}

#[test]
fn a_phones_view_shows_its_seat_and_only_the_parts_that_changed() {
    let (mut session, [alpha, beta, _]) = room();
    let wang = join(&mut session, alpha, "小王");
    let seat = session.seat_of_token(&wang).unwrap();
    let locales = crate::core::locale::Locales::compiled_in();
    let lobby = PhoneView::of(&session, None, locales, None, Timestamp(1_000));
    assert!(lobby.0.get("me").is_none(), "a phone on the join form sees no seat");
    let before = PhoneView::of(&session, Some(seat), locales, None, Timestamp(1_000));
    assert_eq!(before.0["me"]["name"], "小王");
    assert_eq!(before.0["vote"]["of"], 1);
    stage(&mut session, RoomStage::Vote);
    act(&mut session, &wang, "v", PhoneAction::Vote { team: beta }).unwrap();
    let after = PhoneView::of(&session, Some(seat), locales, None, Timestamp(1_000));
    let changed: Vec<String> = after.changes_since(Some(&before)).keys().cloned().collect();
    assert_eq!(changed, ["room", "vote"]);
    assert_eq!(after.0["vote"]["mine"], beta.0);
    assert_eq!(after.0["debrief"]["tool_chips"][0], "7A 投诉处理");
}

proptest! {
    /// Whatever phones send, in whatever order and with retries: one ballot per seat, none for
    /// the voter's own team, and a retried request id never changes anything.
    #[test]
    fn phone_votes_keep_the_rules(
        moves in prop::collection::vec((0..4usize, 0..4u32, 0..6u32), 1..60),
    ) {
        let (mut session, teams) = room();
        let people = [(teams[0], "小王"), (teams[0], "小李"), (teams[1], "Ann"), (teams[2], "Zoe")];
        let tokens: Vec<String> = people.iter().map(|&(team, name)| join(&mut session, team, name)).collect();
        stage(&mut session, RoomStage::Vote);
        for (person, choice, request) in moves {
            let before = session.ballots.clone();
            let id = format!("{person}-{request}");
            let repeat = session.room.already_applied(SeatId(person as u32 + 1), &id);
            let _ = act(&mut session, &tokens[person], &id, PhoneAction::Vote { team: TeamId(choice) });
            if repeat {
                prop_assert_eq!(&session.ballots, &before);
            }
        }
        for seat in &session.room.seats {
            let ballots: Vec<_> = session.ballots.ballots().iter().filter(|b| b.seat == Some(seat.id)).collect();
            prop_assert!(ballots.len() <= 1);
            prop_assert!(ballots.iter().all(|b| b.choice != seat.team && b.voter == seat.team));
        }
    }
}

#[test]
fn a_story_is_one_per_person_replaced_when_edited_and_only_while_sharing() {
    let (mut session, [alpha, beta, _]) = room();
    let wang = join(&mut session, alpha, "小王");
    let ann = join(&mut session, beta, "Ann");
    let story = |place: &str, good: &str| PhoneAction::Story {
        place: place.into(),
        good: good.into(),
        bad: "排队太久".into(),
        come_back: Some(true),
        recommend: None,
    };
    assert_eq!(act(&mut session, &wang, "1", story("海底捞", "服务员记得我的名字")), Err(PhoneError::NotNow));
    stage(&mut session, RoomStage::Stories);
    act(&mut session, &wang, "2", story("海底捞", "服务员记得我的名字")).unwrap();
    act(&mut session, &ann, "3", story("IKEA", "easy returns")).unwrap();
    act(&mut session, &wang, "4", story("海底捞火锅", "主动送了长寿面")).unwrap();
    let empty =
        PhoneAction::Story { place: " ".into(), good: "".into(), bad: "".into(), come_back: None, recommend: None };
    assert_eq!(act(&mut session, &ann, "5", empty), Err(PhoneError::EmptyStory));
    assert_eq!(session.stories.len(), 2, "小王's second story replaced his first");
    assert_eq!((session.stories[0].place.as_str(), session.stories[0].name.as_str()), ("海底捞火锅", "小王"));
    assert_eq!(session.stories[0].good, "主动送了长寿面");
    assert_eq!((session.stories[0].come_back, session.stories[0].recommend), (Some(true), None));
    assert_eq!(session.stories[1].team, Some(beta));
    let view = PhoneView::of(
        &session,
        session.seat_of_token(&ann).ok(),
        crate::core::locale::Locales::compiled_in(),
        None,
        Timestamp(1_000),
    );
    assert_eq!(view.0["story"]["good"], "easy returns");
    assert_eq!(view.0["stories"], 2);
    assert_eq!(session.apply(&SessionEdit::FeatureStory(Some(1)), &cx()), Ok(Applied::Changed));
    assert_eq!(session.apply(&SessionEdit::FeatureStory(Some(2)), &cx()), Err(SessionError::NoStory(2)));
}

#[test]
fn renaming_a_seat_renames_the_member_the_captain_and_their_debrief() {
    let (mut session, [alpha, ..]) = room();
    let token = join(&mut session, alpha, "小王");
    session.team_mut(alpha).unwrap().captain = "小王".into();
    session.debrief_of_mut(alpha, Some("小王")).takeaways = vec!["倾听".into()];
    let seat = session.seat_of_token(&token).unwrap();
    let rename = |name: &str| SessionEdit::Room(RoomEdit::RenameSeat(seat, name.into()));
    assert_eq!(session.apply(&rename("小李"), &cx()), Err(SessionError::NameTaken("小李".into())));
    session.apply(&rename(" 王小明 "), &cx()).unwrap();
    let team = session.team(alpha).unwrap();
    assert_eq!(team.members, ["王小明", "小李"]);
    assert_eq!(team.captain, "王小明");
    assert_eq!(session.debrief_of(alpha, Some("王小明")).unwrap().takeaways, ["倾听"]);
    assert_eq!(session.seat_of_token(&token), Ok(seat), "the phone keeps its seat");
    assert_eq!(session.room.seat(seat).unwrap().name, "王小明");
}

#[test]
fn joining_and_renaming_read_names_alike() {
    let (mut session, [alpha, ..]) = room();
    let token = join(&mut session, alpha, "小王");
    let seat = session.seat_of_token(&token).unwrap();
    let rename = |name: &str| SessionEdit::Room(RoomEdit::RenameSeat(seat, name.into()));
    let join_as = |name: &str| SessionEdit::Join { team: alpha, name: name.into() };
    for edit in [rename("王, 李"), join_as("王、李")] {
        assert_eq!(session.apply(&edit, &cx()), Err(SessionError::BadName(seat::NameProblem::Separator)));
    }
    assert_eq!(session.apply(&rename("  "), &cx()), Err(SessionError::BadName(seat::NameProblem::Empty)));
    assert_eq!(
        session.apply(&join_as(&"长".repeat(25)), &cx()),
        Err(SessionError::BadName(seat::NameProblem::TooLong))
    );
    assert_eq!(session.apply(&join_as("  小王 "), &cx()), Ok(Applied::Joined(seat)), "the same seat, trimmed");
}

#[test]
fn observers_tap_only_a_live_round_of_another_team_once_a_second_until_the_reveal() {
    let (mut session, [alpha, beta, _]) = room();
    let cast = RoundCast { team: Some(alpha), rep: "小王".into(), ..RoundCast::default() };
    let scenario = crate::core::scenario::load_str(
        std::path::Path::new("lost-parcel.ron"),
        &std::fs::read_to_string(crate::core::paths::scenarios_dir().join("lost-parcel.ron")).unwrap(),
    )
    .unwrap();
    session.rounds.push(RoundRecord::new(1, &scenario, &cast, alpha, Timestamp(0)));
    let observer = join(&mut session, beta, "阿明");
    let server = join(&mut session, alpha, "小李");
    let tap = |tag: &str| PhoneAction::Observe { round: 1, tag: tag.into() };
    let clock = |t: f64| cx().with_round_time(Some(t));
    let observe = |session: &mut Session, token: &str, id: &str, action: PhoneAction, t: Option<f64>| {
        session.apply_phone(token, id, &action, &cx().with_round_time(t))
    };
    assert_eq!(
        observe(&mut session, &observer, "o1", tap("7a.accept"), Some(3.0)),
        Err(PhoneError::NoRoundToObserve),
        "not while the projector shows something else"
    );
    stage(&mut session, RoomStage::Round);
    assert_eq!(
        observe(&mut session, &observer, "o1", tap("7a.accept"), None),
        Err(PhoneError::NotNow),
        "no clock, no time to stamp"
    );
    assert_eq!(observe(&mut session, &observer, "o1", tap("7a.accept"), Some(3.0)), Ok(Applied::Changed));
    assert_eq!(observe(&mut session, &observer, "o2", tap("7a.accept"), Some(3.6)), Err(PhoneError::TooSoon));
    assert_eq!(
        observe(&mut session, &server, "s1", tap("7a.accept"), Some(4.0)),
        Err(PhoneError::OwnTeam),
        "the serving team is observed, not observing"
    );
    let not_on_pad = observe(&mut session, &observer, "o3", tap("eoac.explore"), Some(5.0));
    assert!(matches!(not_on_pad, Err(PhoneError::Refused(SessionError::NotOnThePad(_)))), "{not_on_pad:?}");
    assert_eq!(
        observe(&mut session, &observer, "o4", PhoneAction::Observe { round: 2, tag: "7a.accept".into() }, Some(6.0)),
        Err(PhoneError::NoRoundToObserve)
    );
    assert_eq!(observe(&mut session, &observer, "o5", tap("penalty.taboo"), Some(8.0)), Ok(Applied::Changed));
    assert_eq!(
        observe(&mut session, &observer, "o6", PhoneAction::Unobserve { round: 1 }, Some(9.0)),
        Ok(Applied::Changed)
    );
    // A dropped phone comes back to the same seat with its taps, and may tap on in the grace.
    let again = join(&mut session, beta, "阿明");
    session.apply(&SessionEdit::EndRound { round: 0, t: 120.0 }, &clock(120.0)).unwrap();
    assert_eq!(observe(&mut session, &again, "o7", tap("7a.apologize"), None), Ok(Applied::Changed));
    let marks: Vec<(f64, &str)> = session.rounds[0].observer_marks.iter().map(|m| (m.t, m.tag.as_str())).collect();
    assert_eq!(marks, [(3.0, "7a.accept"), (120.0, "7a.apologize")], "the grace's taps count at the end");
    session.apply(&SessionEdit::RevealObservers { round: 0 }, &cx()).unwrap();
    assert_eq!(
        observe(&mut session, &again, "o8", tap("7a.analyze"), None),
        Err(PhoneError::NoRoundToObserve),
        "closed after the reveal"
    );
    assert_eq!(session.round_to_observe(), None);
}

#[test]
fn an_observers_view_holds_their_own_taps_only_and_their_result_after_the_reveal() {
    let (mut session, [alpha, beta, gamma]) = room();
    let path = crate::core::paths::scenarios_dir().join("lost-parcel.ron");
    let scenario = crate::core::scenario::load_str(&path, &std::fs::read_to_string(&path).unwrap()).unwrap();
    let cast = RoundCast { team: Some(alpha), ..RoundCast::default() };
    session.rounds.push(RoundRecord::new(1, &scenario, &cast, alpha, Timestamp(0)));
    stage(&mut session, RoomStage::Round);
    let (ming, liu) = (join(&mut session, beta, "阿明"), join(&mut session, gamma, "大刘"));
    let server = join(&mut session, alpha, "小王");
    let clock = cx().with_round_time(Some(12.0));
    for (token, tag) in [(&ming, "7a.accept"), (&liu, "7a.apologize")] {
        session.apply_phone(token, tag, &PhoneAction::Observe { round: 1, tag: tag.into() }, &clock).unwrap();
    }
    let rubrics = crate::core::scoring::shipped_rubrics();
    let round = Some(view::RoundContext { rubrics, clock: None, calibration: None });
    let view_of = |session: &Session, token: &str| {
        PhoneView::of(
            session,
            session.seat_of_token(token).ok(),
            crate::core::locale::Locales::compiled_in(),
            round,
            Timestamp(1_000),
        )
    };
    let observe = view_of(&session, &ming).0["observe"].clone();
    assert_eq!(observe["mine"], serde_json::json!([["7a.accept", 12.0]]), "阿明 sees his tap, not 大刘's");
    assert_eq!(observe["observers"], 2);
    assert_eq!(observe["open"], true);
    assert!(observe["result"].is_null());
    assert_eq!(view_of(&session, &server).0["observe"]["own"], true, "the serving team has no pad");
    session.apply(&SessionEdit::EndRound { round: 0, t: 60.0 }, &cx()).unwrap();
    session.apply(&SessionEdit::RevealObservers { round: 0 }, &cx()).unwrap();
    let observe = view_of(&session, &ming).0["observe"].clone();
    assert_eq!(observe["open"], false);
    // 阿明 agreed on the 12 untapped steps of 7A and the six steps (nothing recorded, nothing
    // tapped) and saw Accept, which the trainer did not record: 12 of 13 items.
    assert_eq!(observe["result"]["points"], 120);
    assert_eq!(observe["result"]["agreement"], 92.0);
}
