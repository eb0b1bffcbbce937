//! The screenshot tour: drives the real app (real window, real renderer) through every
//! screen with the built-in demo data, saves one PNG per screen and language, and exits.
//! `service-camp tour --out DIR [--lang zh|en]`; under Xvfb with Mesa's lavapipe too.

use std::path::PathBuf;

use bevy::ecs::system::SystemParam;
use bevy::prelude::*;
use bevy::render::view::screenshot::{Screenshot, ScreenshotCaptured};

use crate::features::camp::{LastPick, SaveState};

use crate::core::countdown::Countdown;
use crate::core::lang::Lang;
use crate::core::locale::Locales;
use crate::core::lrs::settings::LrsSettings;
use crate::core::quiz::play::right_choice;
use crate::core::quiz::{Answerer, QuizMode};
use crate::core::room::{JoinRequest, RoomEdit, RoomStage, SeatId};
use crate::core::round::{CustomerPlayer, Observed, RoundCast};
use crate::core::session::{Applied, EditContext, Session, SessionEdit, TeamId, Timestamp};
use crate::features::content::CurrentSession;
use crate::features::content::LoadedRubrics;
use crate::features::lrs::Lrs;
use crate::features::navigation::{Overlay, ScreenEnteredAt};
use crate::features::phones::Phones;
use crate::features::practice::{DemoPlay, PracticeState, demo_state};
use crate::features::quiz::QuizShelf;
use crate::features::room_clock::RoomClock;
use crate::features::rounds::RoundDesk;
use crate::features::scenarios::{LibraryView, LoadedLibrary};
use crate::features::screen::Screen;
use crate::features::settings::{CurrentSettings, LrsConfig};
use crate::lrs::worker::WorkerOptions;
use crate::ui::theme::{ThemeKind, effects};
use std::sync::Arc;

#[derive(Debug, Clone)]
pub struct TourOptions {
    pub out: PathBuf,
    pub langs: Vec<Lang>,
}

/// One picture: a screen in a language, possibly with a variant (theme, dialog).
#[derive(Debug, Clone, PartialEq)]
pub struct Shot {
    pub screen: Screen,
    pub lang: Lang,
    pub variant: Variant,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Variant {
    Plain,
    Dark,
    ConfirmQuit,
    /// The quit dialog after a save failed: what is unsaved, and a copy offered elsewhere.
    QuitUnsaved,
    Help,
    /// The library with the secret customer card opened.
    CustomerCard,
    /// Self-study in the middle of a conversation.
    PracticeTalk,
    /// Self-study's debrief after a finished conversation.
    PracticeDebrief,
    /// Self-study's debrief after a conversation that went wrong.
    PracticeLost,
    /// A role-play round in progress, as the room sees it.
    RoundLive,
    /// The round over, the other teams' stars coming in.
    RoundRating,
    /// The trainer console setting up the next round.
    ConsoleSetup,
    /// The trainer console during the round (single-screen mode, card opened).
    ConsoleLive,
    /// The first team's 5-3-1 debrief open for editing.
    DebriefEditor,
    /// Phones on: the join card with its QR code, and who joined (some connected).
    JoinCard,
    /// The round over, the observers' taps revealed on the console with the consensus to settle.
    ObserversConsole,
    /// The observers' reveal on the projector (the trainer's key).
    ObserversProjector,
    /// Settings with an LRS set that cannot be reached: the outbox fills, the top bar says so.
    LrsOffline,
    /// A quiz question with its countdown, two teams answered.
    QuizQuestion,
    /// The question closed: the room's answers as bars, the right one and the explanation.
    QuizAnswer,
    /// The standings after the question.
    QuizStandings,
}

impl Shot {
    /// The PNG's name: the screen's slug, the variant, the language: `round-result-zh.png`.
    pub fn file_name(&self) -> String {
        let variant = match self.variant {
            Variant::Plain => "",
            Variant::Dark => "-dark",
            Variant::ConfirmQuit => "-quit",
            Variant::QuitUnsaved => "-quit-unsaved",
            Variant::Help => "-help",
            Variant::CustomerCard => "-card",
            Variant::PracticeTalk => "-talk",
            Variant::PracticeDebrief => "-debrief",
            Variant::PracticeLost => "-lost",
            Variant::RoundLive => "-live",
            Variant::RoundRating => "-rating",
            Variant::ConsoleSetup => "-console-setup",
            Variant::ConsoleLive => "-console",
            Variant::DebriefEditor => "-editor",
            Variant::JoinCard => "-join",
            Variant::ObserversConsole => "-observers-console",
            Variant::ObserversProjector => "-observers",
            Variant::LrsOffline => "-lrs-offline",
            Variant::QuizQuestion => "-question",
            Variant::QuizAnswer => "-answer",
            Variant::QuizStandings => "-standings",
        };
        format!("{}{}-{}.png", self.screen.slug(), variant, self.lang.code())
    }
}

/// Every screen in each language, then the dark theme and the dialogs once per language.
pub fn plan(langs: &[Lang]) -> Vec<Shot> {
    let mut shots = Vec::new();
    for &lang in langs {
        shots.extend(Screen::ALL.map(|screen| Shot { screen, lang, variant: Variant::Plain }));
        for (screen, variant) in [
            (Screen::Home, Variant::Dark),
            (Screen::Leaderboard, Variant::Dark),
            (Screen::Home, Variant::Help),
            (Screen::Home, Variant::ConfirmQuit),
            (Screen::Home, Variant::QuitUnsaved),
            (Screen::Library, Variant::CustomerCard),
            (Screen::Practice, Variant::PracticeTalk),
            (Screen::Practice, Variant::PracticeDebrief),
            (Screen::Practice, Variant::PracticeLost),
            (Screen::Round, Variant::RoundLive),
            (Screen::Round, Variant::RoundRating),
            (Screen::Round, Variant::ConsoleSetup),
            (Screen::Round, Variant::ConsoleLive),
            (Screen::Round, Variant::ObserversConsole),
            (Screen::Round, Variant::ObserversProjector),
            (Screen::Debrief, Variant::DebriefEditor),
            (Screen::Teams, Variant::JoinCard),
            (Screen::Settings, Variant::LrsOffline),
            (Screen::Quiz, Variant::QuizQuestion),
            (Screen::Quiz, Variant::QuizAnswer),
            (Screen::Quiz, Variant::QuizStandings),
        ] {
            shots.push(Shot { screen, lang, variant });
        }
    }
    shots
}

#[derive(Resource)]
struct Tour {
    out: PathBuf,
    shots: Vec<Shot>,
    next: usize,
    phase: Phase,
    saved: Vec<PathBuf>,
    failures: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Phase {
    Arrange,
    /// Waiting for fonts, transitions and gauges to settle.
    Settle {
        frames: u32,
        since: f64,
    },
    Capturing {
        since: f64,
    },
    Captured,
}

/// Long enough for the entrance fade and the gauges' swing to finish.
const SETTLE_SECS: f64 = effects::TRANSITION_SECS as f64 + 1.0;
const SETTLE_FRAMES: u32 = 6;
const CAPTURE_TIMEOUT_SECS: f64 = 20.0;

pub fn plugin(options: TourOptions) -> impl Fn(&mut App) {
    move |app: &mut App| {
        app.insert_resource(Tour {
            out: options.out.clone(),
            shots: plan(&options.langs),
            next: 0,
            phase: Phase::Arrange,
            saved: Vec::new(),
            failures: Vec::new(),
        })
        // The LRS shot's statements go (and fail) at once.
        .insert_resource(Lrs::with_options(WorkerOptions {
            settle: std::time::Duration::ZERO,
            ..WorkerOptions::default()
        }))
        .add_systems(Update, drive_tour);
    }
}

/// The parts of the app a shot arranges.
#[derive(SystemParam)]
struct Stage<'w, 's> {
    settings: ResMut<'w, CurrentSettings>,
    session: ResMut<'w, CurrentSession>,
    overlay: ResMut<'w, Overlay>,
    next_screen: ResMut<'w, NextState<Screen>>,
    entered: ResMut<'w, ScreenEnteredAt>,
    library_view: ResMut<'w, LibraryView>,
    practice: ResMut<'w, PracticeState>,
    last_pick: ResMut<'w, LastPick>,
    shelf: Res<'w, LoadedLibrary>,
    rubrics: Option<Res<'w, LoadedRubrics>>,
    desk: ResMut<'w, RoundDesk>,
    clock: ResMut<'w, RoomClock>,
    save: ResMut<'w, SaveState>,
    phones: ResMut<'w, Phones>,
    lrs: ResMut<'w, LrsConfig>,
    quizzes: Res<'w, QuizShelf>,
    /// The LRS shot's session folder, for its outbox.
    lrs_folder: Local<'s, Option<tempfile::TempDir>>,
    /// Phones of the join card's shot, connected for real.
    connected: Local<'s, Vec<std::net::TcpStream>>,
    /// The app clock the room clock runs on.
    time: Res<'w, Time>,
}

/// The scenario the library shots show.
const TOUR_SCENARIO: &str = "lost-parcel";

impl Stage<'_, '_> {
    fn arrange(&mut self, shot: &Shot, now: f64) {
        self.settings.lang = shot.lang;
        self.settings.theme = if shot.variant == Variant::Dark { ThemeKind::Dark } else { ThemeKind::Light };
        *self.overlay = Overlay {
            help: shot.variant == Variant::Help,
            confirm_quit: matches!(shot.variant, Variant::ConfirmQuit | Variant::QuitUnsaved),
            ..Overlay::default()
        };
        self.save.problem = (shot.variant == Variant::QuitUnsaved)
            .then(|| "/media/usb/camp.ron: No space left on device (os error 28)".to_owned());
        if self.session.session.lang != shot.lang || !self.session.session.has_data() {
            self.session.session = Session::demo(shot.lang);
        }
        if shot.screen == Screen::Presentations {
            cast_demo_votes(&mut self.session.session);
        }
        if shot.screen == Screen::Stories {
            share_demo_stories(&mut self.session.session, shot.lang);
        }
        // The teams shot shows a finished draw of the next team.
        self.last_pick.0 = (shot.screen == Screen::Teams)
            .then(|| {
                let session = &mut self.session.session;
                let drawn = session.apply(&SessionEdit::PickTeam, &EditContext::new(Timestamp::now(), None)).ok()?;
                crate::features::camp::pick_shown(session, &drawn, now - 60.0)
            })
            .flatten();
        self.library_view.selected = Some(TOUR_SCENARIO.to_owned());
        self.library_view.show_customer_card = shot.variant == Variant::CustomerCard;
        let play = match shot.variant {
            Variant::PracticeTalk => Some(DemoPlay::Midway),
            Variant::PracticeDebrief => Some(DemoPlay::Recovered),
            Variant::PracticeLost => Some(DemoPlay::Lost),
            _ => None,
        };
        *self.practice = match (play, self.shelf.library.get(TOUR_SCENARIO), self.rubrics.as_deref()) {
            (Some(play), Some(scenario), Some(rubrics)) => demo_state(scenario, &rubrics.0, shot.lang, play, now),
            _ => PracticeState::default(),
        };
        self.arrange_round(shot);
        self.arrange_phones(shot, now);
        self.arrange_lrs(shot);
        self.arrange_quiz(shot);
        self.next_screen.set(shot.screen);
        // Restart the entrance animation even when the screen stays the same.
        self.entered.0 = now;
    }
}

impl Stage<'_, '_> {
    /// The quiz shots: a quiz of the bank's first questions, four teams answered by keys (three
    /// right), at the question, its answer or the standings. Other shots have no quiz.
    fn arrange_quiz(&mut self, shot: &Shot) {
        let session = &mut self.session.session;
        session.quizzes.clear();
        let phase = match shot.variant {
            Variant::QuizQuestion => 0,
            Variant::QuizAnswer => 1,
            Variant::QuizStandings => 2,
            _ => return,
        };
        let Some(set) = self.quizzes.bank.iter().next() else { return };
        let questions: Vec<_> = set.questions.iter().take(3).cloned().collect();
        let cx = EditContext::new(Timestamp::now(), None);
        let title = set.title.clone();
        let start = SessionEdit::StartQuiz { title, questions, mode: QuizMode::Teams, seed: 3 };
        if session.apply(&start, &cx).is_err() {
            return;
        }
        let quiz = &session.quizzes[0];
        let shown = &quiz.shown[0];
        let right: Vec<usize> =
            right_choice(quiz.question()).iter().filter_map(|&c| shown.iter().position(|&s| s == c)).collect();
        let wrong: Vec<usize> =
            if right.len() == 1 { vec![(right[0] + 1) % shown.len()] } else { right.iter().rev().copied().collect() };
        let teams: Vec<TeamId> = session.teams.iter().map(|t| t.id()).collect();
        for (i, &team) in teams.iter().take(4).enumerate() {
            let places = if i == 2 { wrong.clone() } else { right.clone() };
            let at = EditContext::new(Timestamp(Timestamp::now().0 + 2_000 + 1_500 * i as u64), None);
            let _ = session.apply(&SessionEdit::AnswerQuiz { quiz: 0, by: Answerer::Team(team), places }, &at);
        }
        for _ in 0..phase {
            let _ = session.apply(&SessionEdit::AdvanceQuiz { quiz: 0 }, &cx);
        }
    }

    /// The LRS shot: a real outbox worker for the demo day, sending to a loopback port nobody
    /// listens on, so the top bar and the settings show the venue offline for real.
    fn arrange_lrs(&mut self, shot: &Shot) {
        if shot.variant != Variant::LrsOffline {
            if self.lrs.settings.is_complete() {
                self.lrs.settings = LrsSettings::default();
                self.session.path = None;
            }
            return;
        }
        if self.lrs_folder.is_none() {
            *self.lrs_folder = tempfile::tempdir().ok();
        }
        let Some(folder) = self.lrs_folder.as_ref() else { return };
        let closed = std::net::TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).map_or(9, |a| a.port());
        self.lrs.settings = LrsSettings {
            enabled: true,
            endpoint: format!("http://127.0.0.1:{closed}/xAPI"),
            user: "camp-trainer".into(),
            password: "correct horse battery".into(),
            home_page: "https://learning.example.com".into(),
        };
        self.session.path = Some(folder.path().join("camp.ron"));
    }

    /// The round shots: a round of the tour scenario played by the first team, live (a taboo
    /// phrase just said), being rated, or finished with its points on the board.
    fn arrange_round(&mut self, shot: &Shot) {
        let session = &mut self.session.session;
        session.rounds.retain(|r| r.scenario != TOUR_SCENARIO || r.ledger_entry.is_some());
        *self.desk = RoundDesk { console_window: false, ..RoundDesk::default() };
        self.desk.shown = session.rounds.len().checked_sub(1);
        let stage = match (shot.screen, shot.variant) {
            (Screen::Round, Variant::RoundLive | Variant::ConsoleLive) => TourRound::Live,
            (Screen::Round, Variant::RoundRating) => TourRound::Rating,
            (Screen::Round, Variant::ObserversConsole | Variant::ObserversProjector) => TourRound::Observed,
            (Screen::RoundResult, _) => TourRound::Awarded,
            (Screen::Round, Variant::ConsoleSetup) => TourRound::Setup,
            _ => return,
        };
        let (Some(scenario), Some(rubrics), Some(team)) =
            (self.shelf.library.get(TOUR_SCENARIO), self.rubrics.as_deref(), session.teams.first())
        else {
            return;
        };
        let team = team.id();
        let rep = session.team(team).and_then(|t| t.members.first().cloned()).unwrap_or_default();
        let cast = RoundCast { team: Some(team), rep, customer: CustomerPlayer::Trainer, models: Vec::new() };
        self.desk.console_shown =
            matches!(shot.variant, Variant::ConsoleSetup | Variant::ConsoleLive | Variant::ObserversConsole);
        self.desk.reveal_on_projector = shot.variant == Variant::ObserversProjector;
        self.desk.card_shown = shot.variant == Variant::ConsoleLive;
        if stage == TourRound::Setup {
            self.desk.cast = cast;
            return;
        }
        let lang = shot.lang;
        let context = EditContext::new(Timestamp::now(), Some(&rubrics.0));
        let start = SessionEdit::StartRound { scenario: Box::new(scenario.clone()), cast };
        let Ok(Applied::RoundStarted(round)) = session.apply(&start, &context) else { return };
        let quote = |zh: &str, en: &str| Observed::Quote(if lang == Lang::Zh { zh } else { en }.to_owned());
        let tag = |t: &str| Observed::Tag(t.to_owned());
        let mut script = vec![
            (6.0, tag("7a.accept")),
            (14.0, quote("非常抱歉让您着急了", "I'm so sorry for the worry this has caused")),
            (31.0, tag("six_step.repeat")),
            (44.0, tag("7a.acknowledge")),
            (63.0, tag("7a.analyze")),
            (88.0, quote("这是公司的规定", "That's company policy")),
        ];
        if stage != TourRound::Live {
            script.extend([
                (104.0, tag("7a.alternatives")),
                (131.0, tag("7a.agreement")),
                (140.0, tag("bonus.thanks")),
            ]);
        }
        let mut edits: Vec<SessionEdit> =
            script.into_iter().map(|(t, what)| SessionEdit::Observe { round, t, what }).collect();
        let played = 140.5;
        let now = self.time.elapsed_secs_f64();
        self.clock.0 = Countdown::new(f64::from(scenario.time_limit_secs));
        if stage == TourRound::Live {
            self.clock.0.start(now - 88.5);
        } else {
            self.clock.0.start(now - played);
            self.clock.0.pause(now);
            if stage == TourRound::Observed {
                edits.extend(tour_observer_taps(session, round, team));
            }
            edits.push(SessionEdit::EndRound { round, t: played + 10.0 });
            let others: Vec<TeamId> = session.team_ids().into_iter().filter(|&id| id != team).collect();
            let rated = if stage == TourRound::Awarded { 5 } else { 3 };
            edits.extend(
                others.iter().zip([4, 5, 3, 4, 4]).take(rated).map(|(&other, stars)| SessionEdit::RateRound {
                    round,
                    team: other,
                    stars,
                }),
            );
            if stage == TourRound::Awarded {
                edits.push(SessionEdit::AwardRound { round });
            }
            if stage == TourRound::Observed {
                edits.push(SessionEdit::RevealObservers { round });
            }
        }
        for edit in &edits {
            if let Err(e) = session.apply(edit, &context) {
                warn!("tour round: {e}");
            }
        }
        self.desk.shown = Some(round);
    }
}

impl Stage<'_, '_> {
    /// The join card's shot: phones on, seven people joined, five of them connected now
    /// through the real server.
    fn arrange_phones(&mut self, shot: &Shot, now: f64) {
        self.connected.clear();
        if shot.variant != Variant::JoinCard {
            self.phones.stop();
            return;
        }
        let session = &mut self.session.session;
        // Any free port: the default one stays free for a trainer's app (and the tests' own).
        let locales = Arc::new(Locales::builtin());
        self.phones.start(session, RoomStage::TeamDesign, locales, Box::new(|| {}), Some(0), now);
        let cx = EditContext::new(Timestamp::now(), None);
        let _ = session.apply(&SessionEdit::Room(RoomEdit::NewCode(Some("2046".into()))), &cx);
        let people: Vec<(TeamId, String)> = session
            .teams
            .iter()
            .take(3)
            .flat_map(|t| t.members.iter().take(3).map(|m| (t.id(), m.clone())))
            .take(7)
            .collect();
        let mut tokens = Vec::new();
        for (team, name) in people {
            let request = JoinRequest { code: "2046".into(), team, name };
            if let Ok((_, token)) = session.join_from_phone(&request, &cx) {
                tokens.push(token);
            }
        }
        self.phones.publish(session);
        for token in tokens.iter().take(5) {
            if let Ok(mut stream) = std::net::TcpStream::connect(("127.0.0.1", self.phones.port())) {
                use std::io::Write;
                let _ = write!(stream, "GET /api/events?token={token} HTTP/1.1\r\nHost: tour\r\n\r\n");
                self.connected.push(stream);
            }
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum TourRound {
    Setup,
    Live,
    Rating,
    /// Rated, with observers' taps revealed.
    Observed,
    Awarded,
}

/// Five observers of the other teams (the demo's seats) tapped what they saw: most saw the
/// apology the trainer only typed in words, four saw Acknowledge early, and one tapped a taboo
/// phrase nobody else heard.
fn tour_observer_taps(session: &Session, round: usize, serving: TeamId) -> Vec<SessionEdit> {
    let seats: Vec<SeatId> = session.room.seats.iter().filter(|s| s.team != serving).map(|s| s.id).take(5).collect();
    let taps: [&[(f64, &str)]; 5] = [
        &[
            (7.0, "7a.accept"),
            (15.0, "7a.apologize"),
            (33.0, "six_step.repeat"),
            (40.0, "7a.acknowledge"),
            (65.0, "7a.analyze"),
            (105.0, "7a.alternatives"),
            (133.0, "7a.agreement"),
            (137.0, "7a.assurance"),
        ],
        &[
            (8.0, "7a.accept"),
            (16.0, "7a.apologize"),
            (42.0, "7a.acknowledge"),
            (66.0, "7a.analyze"),
            (107.0, "7a.alternatives"),
            (138.0, "7a.assurance"),
            (141.0, "bonus.thanks"),
        ],
        &[
            (15.0, "7a.apologize"),
            (45.0, "7a.acknowledge"),
            (90.0, "penalty.taboo"),
            (110.0, "7a.alternatives"),
            (135.0, "7a.agreement"),
        ],
        &[
            (6.0, "7a.accept"),
            (17.0, "7a.apologize"),
            (44.0, "7a.acknowledge"),
            (64.0, "7a.analyze"),
            (104.0, "7a.alternatives"),
            (132.0, "7a.agreement"),
            (138.0, "7a.assurance"),
        ],
        &[
            (9.0, "7a.accept"),
            (30.0, "six_step.repeat"),
            (70.0, "7a.analyze"),
            (106.0, "7a.alternatives"),
            (134.0, "7a.agreement"),
            (139.0, "7a.assurance"),
        ],
    ];
    seats
        .into_iter()
        .zip(taps)
        .flat_map(|(seat, taps)| {
            taps.iter().map(move |&(t, tag)| SessionEdit::SeatObserve { round, seat, tag: tag.to_owned(), t })
        })
        .collect()
}

/// Five members tell a service they met, from their phones.
fn share_demo_stories(session: &mut Session, lang: Lang) {
    let stories: [(&str, &str, &str, bool, bool); 5] = match lang {
        Lang::Zh => [
            ("楼下的便利店", "店员记得我常买的咖啡,提前帮我准备好", "高峰期排队没人招呼", true, true),
            ("某快递网点", "", "包裹丢了,客服只说“这是公司规定”", false, false),
            ("海底捞", "排队时送小吃,还主动给孩子拿了玩具", "等位太久", true, true),
            ("银行柜台", "柜员耐心解释每一项费用", "叫号系统坏了也没人说明", true, false),
            ("手机维修店", "当场检测,价格透明", "修好后没有主动告知保修期", true, true),
        ],
        Lang::En => [
            (
                "The corner shop",
                "The clerk remembers my usual coffee and has it ready",
                "Nobody greets you at rush hour",
                true,
                true,
            ),
            ("A parcel depot", "", "Lost my parcel; all they said was \"that's company policy\"", false, false),
            (
                "A hotpot restaurant",
                "Snacks while we queued, a toy for my child without asking",
                "The wait was long",
                true,
                true,
            ),
            (
                "The bank counter",
                "The clerk explained every fee patiently",
                "The ticket system broke and nobody said why",
                true,
                false,
            ),
            ("A phone repair shop", "Tested on the spot, clear prices", "Never told me about the warranty", true, true),
        ],
    };
    let cx = EditContext::new(Timestamp::now(), None);
    let _ = session.apply(&SessionEdit::Room(RoomEdit::Open), &cx);
    let people: Vec<(TeamId, String)> =
        session.teams.iter().flat_map(|t| t.members.first().map(|m| (t.id(), m.clone()))).collect();
    for ((team, name), (place, good, bad, come_back, recommend)) in people.into_iter().zip(stories) {
        let Ok(Applied::Joined(seat)) = session.apply(&SessionEdit::Join { team, name }, &cx) else { continue };
        let story = SessionEdit::ShareStory {
            seat,
            place: place.into(),
            good: good.into(),
            bad: bad.into(),
            come_back: Some(come_back),
            recommend: Some(recommend),
        };
        let _ = session.apply(&story, &cx);
    }
}

/// Most teams vote for the second presenter, who votes for the first: a vote in progress.
fn cast_demo_votes(session: &mut Session) {
    let order = session.presentation_sequence();
    let (Some(&first), Some(&second)) = (order.first(), order.get(1)) else { return };
    for &voter in order.iter().take(order.len() - 1) {
        let choice = if voter == second { first } else { second };
        let _ = session.apply(&SessionEdit::Vote { voter, choice }, &EditContext::new(Timestamp::now(), None));
    }
}

fn drive_tour(
    mut commands: Commands,
    mut tour: ResMut<Tour>,
    time: Res<Time<Real>>,
    mut stage: Stage,
    mut contexts: bevy_egui::EguiContexts,
    mut exit: MessageWriter<AppExit>,
) {
    let now = time.elapsed_secs_f64();
    let Some(shot) = tour.shots.get(tour.next).cloned() else {
        for path in &tour.saved {
            println!("{}", path.display());
        }
        for failure in &tour.failures {
            eprintln!("tour: {failure}");
        }
        exit.write(if tour.failures.is_empty() { AppExit::Success } else { AppExit::error() });
        return;
    };
    match tour.phase {
        Phase::Arrange => {
            stage.arrange(&shot, now);
            // The debrief editor's team lives in egui's memory: the first team, or the gallery.
            let team = (shot.variant == Variant::DebriefEditor).then_some(0usize);
            if let Ok(ctx) = contexts.ctx_mut() {
                ctx.data_mut(|d| d.insert_temp(crate::ui::screens::debrief::selected_id(), team));
            }
            tour.phase = Phase::Settle { frames: 0, since: now };
        }
        Phase::Settle { frames, since } => {
            tour.phase = if frames >= SETTLE_FRAMES && now - since >= SETTLE_SECS {
                let path = tour.out.join(shot.file_name());
                commands.spawn((Name::new("tour screenshot"), Screenshot::primary_window())).observe(
                    move |captured: On<ScreenshotCaptured>, mut tour: ResMut<Tour>| {
                        let result = captured
                            .image
                            .clone()
                            .try_into_dynamic()
                            .map_err(|e| e.to_string())
                            .and_then(|image| image.to_rgb8().save(&path).map_err(|e| e.to_string()));
                        match result {
                            Ok(()) => tour.saved.push(path.clone()),
                            Err(e) => tour.failures.push(format!("{}: {e}", path.display())),
                        }
                        tour.phase = Phase::Captured;
                    },
                );
                Phase::Capturing { since: now }
            } else {
                Phase::Settle { frames: frames + 1, since }
            };
        }
        Phase::Capturing { since } => {
            if now - since > CAPTURE_TIMEOUT_SECS {
                let name = shot.file_name();
                tour.failures.push(format!("{name}: no frame was captured within {CAPTURE_TIMEOUT_SECS} s"));
                tour.phase = Phase::Captured;
            }
        }
        Phase::Captured => {
            tour.next += 1;
            tour.phase = Phase::Arrange;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plan_covers_every_screen_in_each_language_with_unique_names() {
        let shots = plan(&Lang::ALL);
        for lang in Lang::ALL {
            for screen in Screen::ALL {
                assert!(shots.iter().any(|s| s.screen == screen && s.lang == lang && s.variant == Variant::Plain));
            }
        }
        let mut names: Vec<_> = shots.iter().map(Shot::file_name).collect();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), shots.len());
        assert!(names.contains(&"round-result-zh.png".to_owned()));
    }
}
