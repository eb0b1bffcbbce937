//! Every screen drawn with egui_kittest (no GPU) in both languages and both themes.

use bevy_egui::egui::{self, UiBuilder};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use service_camp::core::countdown::Countdown;
use service_camp::core::lang::Lang;
use service_camp::core::locale::Locales;
use service_camp::core::lrs::settings::LrsSettings;
use service_camp::core::practice::PracticeRun;
use service_camp::core::practice::Progress;
use service_camp::core::room::{JoinRequest, PhoneAction, RoomEdit, RoomStage};
use service_camp::core::round::{Observed, RoundCast, RoundRecord, RoundReview, scoring_pad};
use service_camp::core::session::{EditContext, Session, SessionEdit, Timestamp};
use service_camp::core::settings::Settings;
use service_camp::features::actions::ClockAction;
use service_camp::features::actions::LibraryAction;
use service_camp::features::actions::PracticeAction;
use service_camp::features::actions::RoundAction;
use service_camp::features::actions::{CampAction, LrsAction, UiAction};
use service_camp::features::phones::Phones;
use service_camp::features::practice::PracticeState;
use service_camp::features::quiz::{QuizDesk, QuizShelf};
use service_camp::features::rounds::{RoundDesk, RoundView};
use service_camp::features::scenarios::{LibraryView, LoadedLibrary};
use service_camp::features::screen::Screen;
use service_camp::lrs::worker::Status;
use service_camp::ui::chrome::chrome;
use service_camp::ui::context::{CampView, LrsView, QuizView, UiCx, UiData};
use service_camp::ui::screens::ScreenView;
use service_camp::ui::theme::{self, ThemeKind};

struct Shown {
    locales: Locales,
    shelf: LoadedLibrary,
    library_view: LibraryView,
    settings: Settings,
    session: Session,
    clock: Countdown,
    practice: PracticeState,
    progress: Progress,
    round: RoundDesk,
    phones: Phones,
    lrs_settings: LrsSettings,
    lrs_status: Status,
    quiz_shelf: QuizShelf,
    quiz_desk: QuizDesk,
    screen: Screen,
    actions: Vec<UiAction>,
    styled: bool,
    /// A failed save, as the camp feature reports it.
    save_problem: Option<String>,
    /// On: session edits are applied by core each frame, as the app does, so fields show what
    /// the session now holds.
    apply_edits: bool,
    /// Off: only the chrome is drawn, to tell a screen's own content from the rail and bars.
    draw_screen: bool,
}

impl Shown {
    fn new(screen: Screen, lang: Lang, theme_kind: ThemeKind) -> Shown {
        Shown {
            locales: Locales::builtin(),
            shelf: shelf(),
            library_view: LibraryView::seeded(1),
            settings: Settings { lang, theme: theme_kind, ..Settings::default() },
            session: Session::demo(lang),
            clock: Countdown::new(60.0),
            practice: PracticeState::default(),
            progress: Progress::default(),
            round: RoundDesk::default(),
            phones: Phones::default(),
            lrs_settings: LrsSettings::default(),
            lrs_status: Status::default(),
            quiz_shelf: QuizShelf::load(&[std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("quizzes")]),
            quiz_desk: QuizDesk::default(),
            screen,
            actions: Vec::new(),
            styled: false,
            save_problem: None,
            apply_edits: false,
            draw_screen: true,
        }
    }

    fn data(&self) -> UiData<'_> {
        UiData {
            locales: &self.locales,
            settings: &self.settings,
            session: &self.session,
            clock: &self.clock,
            shelf: &self.shelf,
            library_view: &self.library_view,
            practice: &self.practice,
            progress: &self.progress,
            camp: CampView {
                presenter: 0,
                backup_offered: false,
                recent: &[],
                pick: None,
                exported_to: None,
                save_problem: self.save_problem.as_deref(),
                read_only: false,
                session_path: None,
            },
            round: &self.round,
            phones: &self.phones,
            lrs: LrsView { settings: &self.lrs_settings, status: &self.lrs_status },
            quiz: QuizView { shelf: &self.quiz_shelf, desk: &self.quiz_desk },
        }
    }
}

/// The built-in scenario library (tags unchecked: the rubrics are tested elsewhere).
fn shelf() -> LoadedLibrary {
    LoadedLibrary::load(vec![std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios")], Default::default())
}

/// Applies the app's fonts and style on the first frame (as the app does before drawing);
/// returns whether this frame may draw.
fn style_once(ui: &mut egui::Ui, shown: &mut Shown) -> bool {
    if shown.styled {
        return true;
    }
    theme::install_fonts(ui.ctx());
    theme::apply_style(ui.ctx(), shown.settings.theme, shown.settings.reduced_motion);
    shown.styled = true;
    ui.ctx().request_repaint();
    false
}

/// Draws the chrome and `state`'s screen, as the app does, collecting the actions asked for.
fn harness_for(state: Shown) -> Harness<'static, Shown> {
    harness_sized(state, [1920.0, 1080.0])
}

fn harness_sized(state: Shown, size: [f32; 2]) -> Harness<'static, Shown> {
    let mut harness = Harness::builder().with_size(size).build_ui_state(
        |ui, shown: &mut Shown| {
            if !style_once(ui, shown) {
                return;
            }
            let mut cx = UiCx::new(shown.data(), shown.screen);
            let area = chrome(ui, &mut cx, &[]);
            if shown.draw_screen {
                let mut screen_ui = ui.new_child(UiBuilder::new().max_rect(area));
                shown.screen.show(&mut screen_ui, &mut cx);
            }
            // Above the screen, as the app draws it (nothing while phones' card is closed).
            service_camp::ui::join_card::join_card(ui.ctx(), &mut cx);
            let actions = cx.actions;
            if shown.apply_edits {
                let context = EditContext::new(Timestamp(0), None);
                for action in &actions {
                    if let UiAction::Edit(edit) = action {
                        let _ = shown.session.apply(edit, &context);
                    }
                }
            }
            shown.actions.extend(actions);
        },
        state,
    );
    harness.run_steps(3);
    harness
}

fn harness(screen: Screen, lang: Lang, theme_kind: ThemeKind) -> Harness<'static, Shown> {
    harness_for(Shown::new(screen, lang, theme_kind))
}

/// Every label the harness's accessibility tree holds.
fn labels(harness: &Harness<'static, Shown>) -> std::collections::BTreeSet<String> {
    harness
        .query_all(egui_kittest::kittest::By::new().include_labels())
        .filter_map(|node| {
            // Buttons carry their text as a label, plain text as a value.
            let node = node.accesskit_node();
            node.label().or_else(|| node.value()).filter(|text| !text.is_empty())
        })
        .collect()
}

#[test]
fn every_screen_renders_in_both_languages_and_themes_with_no_missing_strings() {
    for lang in Lang::ALL {
        for theme_kind in [ThemeKind::Light, ThemeKind::Dark] {
            for screen in Screen::ALL {
                let harness = harness(screen, lang, theme_kind);
                let chrome = harness_for(Shown { draw_screen: false, ..Shown::new(screen, lang, theme_kind) });
                let chrome_labels = labels(&chrome);
                let own: Vec<String> = labels(&harness).difference(&chrome_labels).cloned().collect();
                assert!(own.len() >= 3, "{screen:?} in {lang:?} draws little of its own beside the chrome: {own:?}");
                let missing = harness.state().locales.missing_keys();
                assert!(missing.is_empty(), "{screen:?} {lang:?} asks for undefined strings: {missing:?}");
            }
        }
    }
}

#[test]
fn the_rail_navigates_by_mouse() {
    let mut harness = harness(Screen::Leaderboard, Lang::Zh, ThemeKind::Light);
    harness.get_by_label("👥  团队").click();
    harness.run_steps(2);
    assert!(harness.state().actions.contains(&UiAction::Go(Screen::Teams)));
}

#[test]
fn the_language_button_offers_the_other_language() {
    let mut harness = harness(Screen::Home, Lang::Zh, ThemeKind::Light);
    harness.get_by_label_contains("English").click();
    harness.run_steps(2);
    assert!(harness.state().actions.contains(&UiAction::SetLang(Lang::En)));
}

#[test]
fn presentation_clock_buttons_drive_the_room_clock() {
    let mut harness = harness(Screen::Presentations, Lang::En, ThemeKind::Light);
    assert!(harness.query_by_label_contains("01:00").is_none(), "digits are painted, not labels");
    harness.get_by_label("▶ Start").click();
    harness.get_by_label("+1 minute").click();
    harness.run_steps(2);
    let actions = &harness.state().actions;
    assert!(actions.contains(&UiAction::Clock(ClockAction::Toggle)));
    assert!(actions.contains(&UiAction::Clock(ClockAction::AddMinute)));
}

fn quit_dialog(shown: Shown) -> Harness<'static, Shown> {
    let mut harness = Harness::builder().with_size([1920.0, 1080.0]).build_ui_state(
        |ui, shown: &mut Shown| {
            if !style_once(ui, shown) {
                return;
            }
            let mut cx = UiCx::new(shown.data(), shown.screen);
            let overlay = service_camp::features::navigation::Overlay { confirm_quit: true, ..Default::default() };
            service_camp::ui::overlays::overlays(ui.ctx(), &mut cx, &overlay);
            let actions = cx.actions;
            shown.actions.extend(actions);
        },
        shown,
    );
    harness.run_steps(2);
    harness
}

#[test]
fn quit_dialog_confirms_with_its_button() {
    let mut harness = quit_dialog(Shown::new(Screen::Home, Lang::En, ThemeKind::Light));
    assert!(harness.query_by_label_contains("has been saved").is_some());
    harness.get_by_label("Quit").click();
    harness.run_steps(2);
    assert_eq!(harness.state().actions, vec![UiAction::ConfirmQuit]);
}

#[test]
fn the_quit_dialog_never_says_saved_after_a_failed_save_and_offers_a_copy() {
    for lang in Lang::ALL {
        let failed = Shown {
            save_problem: Some("/media/usb/camp.ron: No space left on device".into()),
            ..Shown::new(Screen::Home, lang, ThemeKind::Light)
        };
        let mut harness = quit_dialog(failed);
        let saved_line = harness.state().locales.get(lang, "quit-body");
        assert!(harness.query_by_label_contains(&saved_line).is_none(), "{lang:?} claims everything is saved");
        assert!(harness.query_by_label_contains("No space left on device").is_some(), "{lang:?} names the problem");
        let copy = harness.state().locales.get(lang, "quit-save-copy");
        harness.get_by_label(&copy).click();
        harness.run_steps(2);
        let asked = harness.state().actions.iter().any(
            |a| matches!(a, UiAction::Camp(CampAction::SaveAs(path)) if path.extension().is_some_and(|e| e == "ron")),
        );
        assert!(asked, "{lang:?}: {:?}", harness.state().actions);
    }
}

#[test]
fn library_filters_draws_and_keeps_the_customer_card_hidden_until_asked() {
    let mut filters = harness(Screen::Library, Lang::En, ThemeKind::Light);
    assert!(filters.query_by_label_contains("Opening line").is_none(), "no customer card before a pick");
    filters.get_by_label("🎲 Draw at random").click();
    filters.get_by_label("C").click();
    filters.run_steps(2);
    let actions = &filters.state().actions;
    assert!(actions.contains(&UiAction::Library(LibraryAction::Draw)));
    assert!(actions.contains(&UiAction::Library(LibraryAction::Disc(Some(service_camp::core::disc::Disc::C)))));

    let mut shown = harness(Screen::Library, Lang::Zh, ThemeKind::Light);
    let state = shown.state_mut();
    let lost_parcel = state.shelf.library.get("lost-parcel").unwrap().clone();
    state.library_view.apply(&LibraryAction::Select(lost_parcel.id.clone()), &state.shelf);
    shown.run_steps(2);
    assert!(shown.query_all_by_label_contains(lost_parcel.title.get(Lang::Zh)).count() >= 1);
    assert!(shown.query_by_label_contains(lost_parcel.rep_brief.get(Lang::Zh)).is_some());
    assert!(shown.query_by_label_contains(lost_parcel.customer.opening_line.get(Lang::Zh)).is_none());
    let state = shown.state_mut();
    state.library_view.apply(&LibraryAction::ToggleCustomerCard, &state.shelf);
    shown.run_steps(2);
    assert!(shown.query_by_label_contains(lost_parcel.customer.opening_line.get(Lang::Zh)).is_some());
}

#[test]
fn practice_is_playable_by_mouse_and_keyboard() {
    let mut picker = harness(Screen::Practice, Lang::En, ThemeKind::Light);
    picker.get_by_label("🎲 Surprise me").click();
    picker.run_steps(2);
    assert!(picker.state().actions.contains(&UiAction::Practice(PracticeAction::Surprise)));

    let rubrics = crate::support::rubrics();
    let mut state = Shown::new(Screen::Practice, Lang::Zh, ThemeKind::Light);
    let scenario = state.shelf.library.get("lost-parcel").unwrap().clone();
    state.practice.run = PracticeRun::start(&scenario, rubrics, Lang::Zh);
    let mut talk = harness_for(state);
    assert!(talk.query_by_label_contains(scenario.title.get(Lang::Zh)).is_some());
    talk.key_press(egui::Key::Num2);
    talk.run_steps(2);
    assert!(talk.state().actions.contains(&UiAction::Practice(PracticeAction::Choose(1))), "key 2 picks reply 2");
    let first_reply =
        scenario.dialogue.as_ref().unwrap().start_node().unwrap().options[0].text.get(Lang::Zh).to_owned();
    talk.get_by_label_contains(&first_reply).click();
    talk.run_steps(2);
    assert!(talk.state().actions.contains(&UiAction::Practice(PracticeAction::Choose(0))));
}

#[test]
fn votes_are_typed_as_two_numbers_voter_then_choice() {
    let mut vote = harness(Screen::Presentations, Lang::Zh, ThemeKind::Light);
    vote.key_press(egui::Key::Num2);
    vote.run_steps(1);
    vote.key_press(egui::Key::Num1);
    vote.run_steps(2);
    let order = vote.state().session.presentation_sequence();
    let expected = UiAction::Edit(SessionEdit::Vote { voter: order[1], choice: order[0] });
    assert!(vote.state().actions.contains(&expected), "{:?}", vote.state().actions);
}

#[test]
fn phone_votes_show_only_their_count_until_the_trainer_reveals_them() {
    let mut shown = Shown::new(Screen::Presentations, Lang::En, ThemeKind::Light);
    shown.session = Session::demo_before_the_vote(Lang::En);
    let session = &mut shown.session;
    let cx = service_camp::core::session::EditContext::new(service_camp::core::session::Timestamp(1), None);
    session.apply(&SessionEdit::Room(RoomEdit::NewCode(Some("1234".into()))), &cx).unwrap();
    session.apply(&SessionEdit::Room(RoomEdit::Stage(RoomStage::Vote)), &cx).unwrap();
    let [first, second, third] = [0, 1, 2].map(|i| session.teams[i].id());
    let mut tokens = Vec::new();
    for (team, name) in [(first, "Ann"), (first, "Bob"), (second, "Cy")] {
        let join = JoinRequest { code: "1234".into(), team, name: name.into() };
        tokens.push(session.join_from_phone(&join, &cx).unwrap().1);
    }
    for (token, choice) in tokens.iter().take(2).zip([third, third]) {
        session.apply_phone(token, token, &PhoneAction::Vote { team: choice }, &cx).unwrap();
    }
    let mut vote = harness_for(shown);
    vote.run_steps(3);
    assert!(vote.query_by_label_contains("📱 2 of 3 voted").is_some());
    assert!(vote.query_by_label_contains("Leading:").is_none(), "no leader before the reveal");
    vote.get_by_label_contains("Reveal the result").click();
    vote.run_steps(2);
    assert!(vote.state().actions.contains(&UiAction::Edit(SessionEdit::AwardVote)));
}

#[test]
fn the_join_card_shows_the_code_the_roster_and_the_trainers_controls() {
    let mut shown = Shown::new(Screen::Teams, Lang::En, ThemeKind::Light);
    shown.session = Session::demo_before_the_vote(Lang::En);
    let locales = std::sync::Arc::new(Locales::builtin());
    shown.phones.start(&mut shown.session, RoomStage::TeamDesign, locales, Box::new(|| {}), Some(0), 0.0);
    let session = &mut shown.session;
    let cx = service_camp::core::session::EditContext::new(service_camp::core::session::Timestamp(1), None);
    session.apply(&SessionEdit::Room(RoomEdit::NewCode(Some("8642".into()))), &cx).unwrap();
    let team = session.teams[0].id();
    for name in ["Ann", "Bob"] {
        let join = JoinRequest { code: "8642".into(), team, name: name.into() };
        session.join_from_phone(&join, &cx).unwrap();
    }
    let ann = session.room.seats[0].id;
    let mut card = harness_for(shown);
    card.run_steps(3);
    assert!(card.query_by_label("8642").is_some(), "the room code, large");
    assert!(card.query_by_label_contains("?code=8642").is_some(), "the plain link");
    assert!(card.query_by_label("2 joined · 0 online").is_some());
    card.get_by_label("🔒 Lock joining").click();
    card.get_by_label("○ Ann").click();
    card.run_steps(3);
    card.get_by_label("Sign this phone out (they join again)").click();
    card.run_steps(2);
    let actions = &card.state().actions;
    assert!(actions.contains(&UiAction::Edit(SessionEdit::Room(RoomEdit::Lock(true)))), "{actions:?}");
    assert!(actions.contains(&UiAction::Edit(SessionEdit::Room(RoomEdit::ResetDevice(ann)))), "{actions:?}");
}

/// The round screen with a live lost-parcel round served by the first demo team.
fn live_round(lang: Lang) -> Shown {
    let rubrics = crate::support::rubrics();
    let mut shown = Shown::new(Screen::Round, lang, ThemeKind::Light);
    let scenario = shown.shelf.library.get("lost-parcel").unwrap().clone();
    let team = shown.session.teams[0].id();
    let cast = RoundCast { team: Some(team), rep: "小王".into(), ..RoundCast::default() };
    let mut record = RoundRecord::new(99, &scenario, &cast, team, service_camp::core::session::Timestamp(0));
    for (t, tag) in [(5.0, "7a.accept"), (12.0, "7a.apologize"), (20.0, "penalty.taboo")] {
        record.observe(rubrics, lang, t, Observed::Tag(tag.into()));
    }
    shown.clock = Countdown::new(f64::from(record.time_limit_secs));
    shown.session.rounds.push(record);
    let index = shown.session.rounds.len() - 1;
    let record = &shown.session.rounds[index];
    shown.round.shown = Some(index);
    shown.round.view = Some(RoundView {
        index,
        review: RoundReview::of(record, rubrics, lang),
        pad: scoring_pad(rubrics, &record.models),
        best_gain: None,
        calibration: None,
    });
    shown
}

/// Pieces of the secret customer card (each field's first characters).
fn card_pieces(shown: &Shown, lang: Lang) -> Vec<String> {
    let card = &shown.shelf.library.get("lost-parcel").unwrap().customer;
    [&card.opening_line, &card.persona, &card.what_happened, &card.how_to_talk]
        .iter()
        .map(|text| text.get(lang).chars().take(12).collect())
        .collect()
}

#[test]
fn the_customer_card_never_reaches_the_audience_view_but_the_console_window_shows_it() {
    for lang in Lang::ALL {
        let audience = harness_for(live_round(lang));
        let pieces = card_pieces(audience.state(), lang);
        let scored = audience.state().locales.get(lang, "round-mood");
        assert!(audience.query_all_by_label_contains(&scored).count() >= 1, "the live audience view is drawn");
        for piece in &pieces {
            assert_eq!(audience.query_all_by_label_contains(piece).count(), 0, "{piece:?} is on the projector");
        }

        // Single-screen console: the card stays closed until the trainer opens it.
        let mut state = live_round(lang);
        state.round.console_shown = true;
        let console = harness_for(state);
        let title = console.state().locales.get(lang, "console-title");
        assert!(console.query_all_by_label_contains(&title).count() >= 1);
        for piece in &pieces {
            assert_eq!(console.query_all_by_label_contains(piece).count(), 0, "{piece:?} shown before asking");
        }

        // The console's own window (the trainer's laptop) shows it.
        let own_window = Harness::builder().with_size([1280.0, 800.0]).build_ui_state(
            |ui, shown: &mut Shown| {
                if !style_once(ui, shown) {
                    return;
                }
                let mut cx = UiCx::new(shown.data(), shown.screen);
                service_camp::ui::screens::round_console::show(ui, &mut cx, true);
            },
            live_round(lang),
        );
        let mut own_window = own_window;
        own_window.run_steps(3);
        assert!(pieces.iter().all(|piece| own_window.query_all_by_label_contains(piece).count() >= 1));
    }
}

#[test]
fn the_console_shows_each_scoring_key_on_its_button_and_presses_it_by_mouse() {
    let mut state = live_round(Lang::En);
    state.round.console_shown = true;
    let mut console = harness_for(state);
    console.get_by_label_contains("[1] Accept").click();
    console.get_by_label_contains("[A] Taboo phrase").click();
    console.run_steps(2);
    let actions = &console.state().actions;
    assert!(actions.contains(&UiAction::Round(RoundAction::Press("7a.accept".into()))));
    assert!(actions.contains(&UiAction::Round(RoundAction::Press("penalty.taboo".into()))));
}

/// Like `harness_for` on a screen tall enough for the whole debrief editor, chips included.
fn tall_harness_for(state: Shown) -> Harness<'static, Shown> {
    harness_sized(state, [1920.0, 2400.0])
}

/// The debrief screen with each demo team's weakest steps from its demo rounds, as the app keeps them.
fn debrief_with_weak_steps(lang: Lang) -> Shown {
    let rubrics = crate::support::rubrics();
    let mut shown = Shown::new(Screen::Debrief, lang, ThemeKind::Light);
    for team in shown.session.team_ids() {
        let weak =
            service_camp::core::round::weakest_steps(&shown.session.rounds, shown.session.lang, rubrics, team, 3);
        shown.round.weakest_steps.insert(team, weak);
    }
    shown
}

#[test]
fn the_debrief_suggests_the_teams_weakest_steps_as_tools_and_actions() {
    for lang in Lang::ALL {
        let mut state = debrief_with_weak_steps(lang);
        let index = state.session.teams.iter().position(|t| !state.round.weakest_steps[&t.id()].is_empty()).unwrap();
        let team = state.session.teams[index].clone();
        let weak = state.round.weakest_steps[&team.id()].clone();
        // One tool already written in: the chip fills the next line; the action plan is still empty.
        state.session.debriefs.retain(|d| d.team != Some(team.id()));
        state.session.debrief_mut(team.id()).tools = vec!["Own tool".into()];
        let chip = format!("{} · {}", weak[0].model_name.get(lang), weak[0].step_name.get(lang));

        let mut harness = tall_harness_for(state);
        assert_eq!(harness.query_all_by_label(&chip).count(), 0, "the gallery shows no chips");
        harness.get_by_label(&format!("{} {}", team.emoji, team.name)).click();
        harness.run_steps(2);
        for step in &weak {
            let chip = format!("{} · {}", step.model_name.get(lang), step.step_name.get(lang));
            assert_eq!(harness.query_all_by_label(&chip).count(), 2, "{chip:?} under the tools and the action plan");
        }
        harness.query_all_by_label(&chip).next().unwrap().click();
        harness.run_steps(2);
        let tool = UiAction::Edit(SessionEdit::Debrief {
            team: team.id(),
            participant: None,
            part: service_camp::core::session::DebriefPart::Tool(1),
            text: chip.clone(),
        });
        assert!(harness.state().actions.contains(&tool), "{:?}", harness.state().actions);
        harness.query_all_by_label(&chip).nth(1).unwrap().click();
        harness.run_steps(2);
        let action = UiAction::Edit(SessionEdit::Debrief {
            team: team.id(),
            participant: None,
            part: service_camp::core::session::DebriefPart::ActionWhat(0),
            text: weak[0].explain.get(lang).to_owned(),
        });
        assert!(harness.state().actions.contains(&action), "{:?}", harness.state().actions);

        // A participant's debrief suggests their team's steps.
        let member = team.members[0].clone();
        harness.get_by_label(&member).click();
        harness.run_steps(2);
        harness.state_mut().actions.clear();
        harness.query_all_by_label(&chip).next().unwrap().click();
        harness.run_steps(2);
        let tool = UiAction::Edit(SessionEdit::Debrief {
            team: team.id(),
            participant: Some(member),
            part: service_camp::core::session::DebriefPart::Tool(0),
            text: chip.clone(),
        });
        assert_eq!(harness.state().actions, vec![tool]);
        let missing = harness.state().locales.missing_keys();
        assert!(missing.is_empty(), "{lang:?} asks for undefined strings: {missing:?}");

        // No finished rounds, no chips.
        harness.state_mut().round.weakest_steps.clear();
        harness.run_steps(2);
        assert_eq!(harness.query_all_by_label(&chip).count(), 0);
    }
    let locales = Locales::builtin();
    let hint = |missed: usize, order: usize, rounds: usize| {
        let args = [("missed", missed.into()), ("order", order.into()), ("rounds", rounds.into())];
        (
            locales.get_args(Lang::En, "debrief-weak-step-hint", &args),
            locales.get_args(Lang::Zh, "debrief-weak-step-hint", &args),
        )
    };
    assert_eq!(
        hint(2, 1, 3),
        ("Missed in 2 of 3 rounds, out of order in 1".into(), "3 轮中有 2 轮漏掉,1 轮顺序不对".into())
    );
    assert_eq!(hint(1, 0, 1), ("Missed in 1 of 1 round".into(), "1 轮中有 1 轮漏掉".into()));
    assert_eq!(hint(0, 2, 2), ("Out of order in 2 of 2 rounds".into(), "2 轮中有 2 轮顺序不对".into()));
}

#[test]
fn a_quote_typed_on_the_console_is_sent_for_scoring_with_enter() {
    let mut state = live_round(Lang::Zh);
    state.round.console_shown = true;
    let mut console = harness_for(state);
    let field = console.get_by_role(egui::accesskit::Role::TextInput);
    field.focus();
    field.type_text("非常抱歉");
    console.run_steps(2);
    console.key_press(egui::Key::Enter);
    console.run_steps(2);
    let actions = &console.state().actions;
    assert!(actions.contains(&UiAction::Round(RoundAction::QuoteDraft("非常抱歉".into()))), "{actions:?}");
    assert!(actions.contains(&UiAction::Round(RoundAction::Quote)), "{actions:?}");
}

/// Typed at normal speed, one character a frame, a list of members keeps its separators: the
/// field once parsed each keystroke and ate the "、" just typed.
#[test]
fn members_typed_one_key_at_a_time_become_separate_names() {
    let mut session = Session::new("训练营", Lang::Zh);
    session.add_team("闪电队", "⚡").unwrap();
    let mut harness =
        harness_for(Shown { session, apply_edits: true, ..Shown::new(Screen::Teams, Lang::Zh, ThemeKind::Light) });
    let field = || egui_kittest::kittest::By::new().role(egui::accesskit::Role::TextInput);
    harness.query_all(field()).last().expect("the members field").focus();
    harness.run_steps(1);
    for c in "刘洋、赵丽，孙浩".chars() {
        harness.query_all(field()).last().unwrap().type_text(&c.to_string());
        harness.run_steps(1);
    }
    assert_eq!(
        harness.query_all(field()).last().unwrap().value().as_deref(),
        Some("刘洋、赵丽，孙浩"),
        "nothing eaten while typing"
    );
    harness.key_press(egui::Key::Enter);
    harness.run_steps(2);
    assert_eq!(harness.state().session.teams[0].members, ["刘洋", "赵丽", "孙浩"]);
}

/// The award is given once: after the click the button gives way to the awarded state and an
/// undo (a second click used to add another 10 points).
#[test]
fn the_vote_award_button_gives_way_to_the_awarded_state() {
    let mut session = Session::new("训练营", Lang::En);
    let a = session.add_team("Lightning", "⚡").unwrap();
    let b = session.add_team("Dolphins", "🐬").unwrap();
    session.apply(&SessionEdit::Vote { voter: a, choice: b }, &EditContext::new(Timestamp(0), None)).unwrap();
    let mut harness = harness_for(Shown {
        session,
        apply_edits: true,
        ..Shown::new(Screen::Presentations, Lang::En, ThemeKind::Light)
    });
    harness.get_by_label_contains("Award (+10 points)").click();
    harness.run_steps(3);
    assert_eq!(harness.state().session.totals(), [0, 10]);
    assert!(harness.query_by_label_contains("Award (+10 points)").is_none(), "no second award to click");
    assert!(harness.query_by_label_contains("Awarded: 10 points").is_some());
    harness.get_by_label("Undo the award").click();
    harness.run_steps(3);
    assert_eq!(harness.state().session.totals(), [0, 0]);
    assert!(harness.query_by_label_contains("Award (+10 points)").is_some(), "after an undo it can be given again");
}

/// Discarding a round sits next to End: it asks once more before it happens.
#[test]
fn discarding_a_round_asks_for_a_confirmation() {
    let mut state = live_round(Lang::En);
    state.round.console_shown = true;
    let mut console = harness_for(state);
    console.get_by_label("Discard round").click();
    console.run_steps(2);
    assert!(!console.state().actions.contains(&UiAction::Round(RoundAction::Abandon)), "one click does not discard");
    assert!(console.query_by_label("Discard this round?").is_some());
    console.get_by_label("Yes, discard it").click();
    console.run_steps(2);
    assert!(console.state().actions.contains(&UiAction::Round(RoundAction::Abandon)));
}

/// The logo is picked, not typed: the button opens the emoji the fonts draw.
#[test]
fn a_team_logo_is_picked_from_emoji_that_render() {
    let mut harness = harness_for(Shown { apply_edits: true, ..Shown::new(Screen::Teams, Lang::En, ThemeKind::Light) });
    let first = harness.state().session.teams[0].emoji.clone();
    harness.query_all_by_label_contains("Logo ▼").next().expect("a logo button per team").click();
    harness.run_steps(2);
    harness.get_by_label("🐳").click();
    harness.run_steps(3);
    assert_ne!(first, "🐳");
    assert_eq!(harness.state().session.teams[0].emoji, "🐳");
    for label in ["Name", "Slogan", "Song", "Captain", "Members"] {
        assert!(harness.query_all_by_label(label).count() >= 6, "every card labels its {label} field");
    }
}

/// While the customer's line types out and "understood as option 1" appears, the replies and the
/// text field stay where they are (a click aimed at the field once landed on a reply and sent it).
#[test]
fn self_study_replies_do_not_move_while_the_line_types_out() {
    let rubrics = crate::support::rubrics();
    let start = |typed_out: bool| {
        let mut state = Shown::new(Screen::Practice, Lang::En, ThemeKind::Light);
        let scenario = state.shelf.library.get("lost-parcel").unwrap().clone();
        state.practice.run = PracticeRun::start(&scenario, rubrics, Lang::En);
        if typed_out {
            state.practice.line_shown_at = -600.0;
            state.practice.typed_match = Some(0);
        }
        let reply = scenario.dialogue.as_ref().unwrap().start_node().unwrap().options[0].text.get(Lang::En).to_owned();
        (harness_for(state), reply)
    };
    let ((typing, reply), (typed, _)) = (start(false), start(true));
    let rect = |harness: &Harness<'static, Shown>| harness.get_by_label_contains(&reply).rect();
    assert_eq!(rect(&typing), rect(&typed));
    let field = |harness: &Harness<'static, Shown>| {
        harness
            .query_all(egui_kittest::kittest::By::new().role(egui::accesskit::Role::TextInput))
            .last()
            .unwrap()
            .rect()
    };
    assert_eq!(field(&typing), field(&typed));
}

/// The console's log says what each typed quote scored.
#[test]
fn the_console_log_shows_what_each_quote_scored() {
    let rubrics = crate::support::rubrics();
    let mut state = live_round(Lang::Zh);
    state.round.console_shown = true;
    let index = state.round.shown.unwrap();
    let record = &mut state.session.rounds[index];
    record.observe(rubrics, Lang::Zh, 30.0, Observed::Quote("非常抱歉让您着急了".into()));
    record.observe(rubrics, Lang::Zh, 40.0, Observed::Quote("今天天气不错".into()));
    let record = &state.session.rounds[index];
    state.round.view = Some(RoundView {
        index,
        review: RoundReview::of(record, rubrics, Lang::Zh),
        pad: scoring_pad(rubrics, &record.models),
        best_gain: None,
        calibration: None,
    });
    let console = harness_for(state);
    assert!(console.query_by_label_contains("“非常抱歉让您着急了” → ✔ 道歉").is_some(), "the apology is named");
    assert!(console.query_by_label_contains("“今天天气不错” → 未计分").is_some(), "and an idle line says so");
}

/// At a 960 px window the agenda's step controls no longer cover the step titles.
#[test]
fn agenda_controls_never_cover_the_step_titles_on_a_narrow_window() {
    for lang in Lang::ALL {
        let harness = harness_sized(Shown::new(Screen::Agenda, lang, ThemeKind::Light), [960.0, 1080.0]);
        let session = &harness.state().session;
        let buttons: Vec<egui::Rect> = ["+5", "−5", "↑", "↓"]
            .iter()
            .flat_map(|label| harness.query_all_by_label(label).map(|b| b.rect()).collect::<Vec<_>>())
            .collect();
        assert!(!buttons.is_empty());
        for step in &session.agenda {
            let title = harness.get_by_label(step.title.get(lang)).rect();
            for button in &buttons {
                assert!(!title.intersects(*button), "{lang:?}: {} is covered at {button:?}", step.title.get(lang));
            }
        }
    }
}

/// An LRS set, 312 statements sent and 14 waiting since the network dropped at 10:42 local time.
fn with_lrs_offline(screen: Screen, lang: Lang) -> Shown {
    let since = service_camp::core::session::Timestamp(1_764_060_120_000);
    Shown {
        lrs_settings: LrsSettings {
            enabled: true,
            endpoint: "https://lrs.example.com/xAPI".into(),
            user: "camp-trainer".into(),
            password: "correct horse battery".into(),
            home_page: "https://learning.example.com".into(),
        },
        lrs_status: Status { sending: true, sent: 312, waiting: 14, offline_since: Some(since), ..Status::default() },
        ..Shown::new(screen, lang, ThemeKind::Light)
    }
}

#[test]
fn the_top_bar_says_how_sending_goes_and_opens_the_lrs_settings() {
    let since = service_camp::core::time::clock_in(
        service_camp::core::session::Timestamp(1_764_060_120_000),
        &service_camp::core::time::local_zone(),
    );
    let mut english = harness_for(with_lrs_offline(Screen::Leaderboard, Lang::En));
    let line = format!("LRS: 312 sent, 14 waiting (offline since {since})");
    english.get_by_label(&line).click();
    english.run_steps(2);
    assert!(english.state().actions.contains(&UiAction::Go(Screen::Settings)));
    let chinese = harness_for(with_lrs_offline(Screen::Leaderboard, Lang::Zh));
    assert!(chinese.query_by_label(&format!("LRS:已发送 312 条,待发送 14 条({since} 起离线)")).is_some());
    // No LRS set: no line at all.
    let none = harness(Screen::Leaderboard, Lang::En, ThemeKind::Light);
    assert!(none.query_by_label_contains("LRS:").is_none());
}

#[test]
fn the_lrs_settings_never_show_the_password_and_save_what_was_typed() {
    // Tall enough for the whole settings page, as its scroll area would show it.
    let mut harness = harness_sized(with_lrs_offline(Screen::Settings, Lang::En), [1920.0, 2000.0]);
    assert!(labels(&harness).iter().all(|l| !l.contains("correct horse")), "the password is not in any text shown");
    assert!(harness.query_by_label("Save").is_some());
    // A refused statement: the reason, and what the trainer can do.
    let refused = service_camp::core::lrs::delivery::Stop::Refused {
        status: 400,
        message: "invalid verb".into(),
        id: "abc".into(),
    };
    harness.state_mut().lrs_status.stopped = Some(refused);
    harness.run_steps(2);
    let stopped = "LRS stopped: the LRS refused a statement (HTTP 400): invalid verb";
    assert_eq!(harness.query_all_by_label(stopped).count(), 2, "on the top bar and in the settings");
    harness.get_by_label("Set it aside, send the rest").click();
    harness.run_steps(2);
    assert!(harness.state().actions.contains(&UiAction::Lrs(LrsAction::SetAside)));
}
