//! Every screen drawn with egui_kittest (no GPU) in both languages and both themes.

use bevy_egui::egui::{self, UiBuilder};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use service_camp::i18n::Locales;
use service_camp::lang::Lang;
use service_camp::navigation::UiAction;
use service_camp::room_clock::ClockAction;
use service_camp::scenario_library::{LibraryAction, LibraryView, ScenarioShelf};
use service_camp::screens::Screen;
use service_camp::session::Session;
use service_camp::settings::Settings;
use service_camp::theme::{self, ThemeKind};
use service_camp::timer::Countdown;
use service_camp::ui::{self, UiCx};

struct Shown {
    locales: Locales,
    shelf: ScenarioShelf,
    library_view: LibraryView,
    settings: Settings,
    session: Session,
    clock: Countdown,
    screen: Screen,
    actions: Vec<UiAction>,
    styled: bool,
}

/// The built-in scenario library (tags unchecked: the rubrics are tested elsewhere).
fn shelf() -> ScenarioShelf {
    ScenarioShelf::load(vec![std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios")], Default::default())
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

fn harness(screen: Screen, lang: Lang, theme_kind: ThemeKind) -> Harness<'static, Shown> {
    let state = Shown {
        locales: Locales::builtin(),
        shelf: shelf(),
        library_view: LibraryView::seeded(1),
        settings: Settings { lang, theme: theme_kind, ..Settings::default() },
        session: Session::demo(lang),
        clock: Countdown::new(60.0),
        screen,
        actions: Vec::new(),
        styled: false,
    };
    let mut harness = Harness::builder().with_size([1920.0, 1080.0]).build_ui_state(
        |ui, shown: &mut Shown| {
            if !style_once(ui, shown) {
                return;
            }
            let mut cx = UiCx::new(
                &shown.locales,
                &shown.settings,
                &shown.session,
                &shown.clock,
                &shown.shelf,
                &shown.library_view,
                shown.screen,
            );
            let area = ui::chrome(ui, &mut cx, &[]);
            let mut screen_ui = ui.new_child(UiBuilder::new().max_rect(area));
            shown.screen.show(&mut screen_ui, &mut cx);
            shown.actions.extend(cx.actions);
        },
        state,
    );
    harness.run_steps(3);
    harness
}

#[test]
fn every_screen_renders_in_both_languages_and_themes_with_no_missing_strings() {
    for lang in Lang::ALL {
        for theme_kind in [ThemeKind::Light, ThemeKind::Dark] {
            for screen in Screen::ALL {
                let harness = harness(screen, lang, theme_kind);
                let title = harness.state().locales.get(lang, screen.title_key());
                assert!(
                    harness.query_all_by_label_contains(&title).count() >= 1,
                    "{screen:?} in {lang:?} shows no {title:?}"
                );
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

#[test]
fn quit_dialog_confirms_with_its_button() {
    let mut harness = Harness::builder().with_size([1920.0, 1080.0]).build_ui_state(
        |ui, shown: &mut Shown| {
            if !style_once(ui, shown) {
                return;
            }
            let mut cx = UiCx::new(
                &shown.locales,
                &shown.settings,
                &shown.session,
                &shown.clock,
                &shown.shelf,
                &shown.library_view,
                shown.screen,
            );
            let overlay = service_camp::navigation::Overlay { confirm_quit: true, ..Default::default() };
            ui::overlays(ui.ctx(), &mut cx, &overlay);
            shown.actions.extend(cx.actions);
        },
        Shown {
            locales: Locales::builtin(),
            shelf: shelf(),
            library_view: LibraryView::seeded(1),
            settings: Settings { lang: Lang::En, ..Settings::default() },
            session: Session::demo(Lang::En),
            clock: Countdown::new(60.0),
            screen: Screen::Home,
            actions: Vec::new(),
            styled: false,
        },
    );
    harness.run_steps(2);
    harness.get_by_label("Quit").click();
    harness.run_steps(2);
    assert_eq!(harness.state().actions, vec![UiAction::ConfirmQuit]);
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
    assert!(actions.contains(&UiAction::Library(LibraryAction::Disc(Some(service_camp::disc::Disc::C)))));

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
