//! The egui layer: fonts and style, the chrome around every screen (the camp-flow rail,
//! the top bar, the hint line) and the overlays (help, blank screen, quit confirmation,
//! content problems). Screens draw into the area the chrome leaves, each from its own
//! system, through [`ScreenUi`].

use std::path::PathBuf;

use bevy::ecs::system::SystemParam;
use bevy::platform::collections::HashMap;
use bevy::prelude::*;
use bevy::window::PrimaryWindow;
use bevy_egui::egui::{self, Align, Align2, Layout, RichText, Ui, UiBuilder};
use bevy_egui::{EguiContexts, EguiInput, EguiPreUpdateSet, EguiPrimaryContextPass};

use crate::camp::{BackupOffer, LastExport, LastPick, Pick, Presenter, Recent};
use crate::content_error::ContentError;
use crate::i18n::Locales;
use crate::lang::Lang;
use crate::navigation::{Overlay, ScreenEnteredAt, UiAction};
use crate::practice::Progress;
use crate::redraw::RedrawPlan;
use crate::room_clock::RoomClock;
use crate::round_play::RoundDesk;
use crate::scenario_library::{LibraryView, ScenarioShelf};
use crate::screens::Screen;
use crate::self_study::{LearnerProgress, PracticeState};
use crate::session::Session;
use crate::settings::Settings;
use crate::theme::{self, Palette, effects, icons, spacing, widgets};
use crate::timer::Countdown;
use crate::workshop::{ContentProblems, CurrentSession, LoadedLocales};

/// The app's state a screen may show, borrowed for one frame.
pub struct UiData<'a> {
    pub locales: &'a Locales,
    pub settings: &'a Settings,
    pub session: &'a Session,
    /// The countdown the room is watching.
    pub clock: &'a Countdown,
    pub shelf: &'a ScenarioShelf,
    pub library_view: &'a LibraryView,
    pub practice: &'a PracticeState,
    pub progress: &'a Progress,
    pub camp: CampView<'a>,
    /// The role-play console and the round on screen.
    pub round: &'a RoundDesk,
}

/// The camp day's state beyond the session itself.
#[derive(Clone, Copy)]
pub struct CampView<'a> {
    /// Which team of the presentation order presents now.
    pub presenter: usize,
    /// A loadable backup of a session file that did not load.
    pub backup_offered: bool,
    pub recent: &'a [PathBuf],
    /// The latest fair draw of a team or member.
    pub pick: Option<&'a Pick>,
    /// Where the last export was written.
    pub exported_to: Option<&'a std::path::Path>,
}

/// Everything a screen needs to draw itself, independent of Bevy so screens can be
/// tested with `egui_kittest`: the app's state ([`UiData`], reached through `Deref`: `cx.session`)
/// and this frame's language, palette and timing. Screens ask for changes by pushing [`UiAction`]s.
pub struct UiCx<'a> {
    data: UiData<'a>,
    pub lang: Lang,
    pub palette: Palette,
    pub screen: Screen,
    /// Seconds since this screen was entered, for entrance animations.
    pub screen_age: f32,
    /// Seconds on the app clock, for running timers.
    pub now: f64,
    pub actions: Vec<UiAction>,
    /// The soonest a screen needs drawing again with no input (a running clock).
    pub redraw_in: Option<f32>,
}

impl<'a> std::ops::Deref for UiCx<'a> {
    type Target = UiData<'a>;

    fn deref(&self) -> &UiData<'a> {
        &self.data
    }
}

impl<'a> UiCx<'a> {
    pub fn new(data: UiData<'a>, screen: Screen) -> Self {
        UiCx {
            lang: data.settings.lang,
            palette: Palette::of(data.settings.theme),
            data,
            screen,
            screen_age: f32::INFINITY,
            now: 0.0,
            actions: Vec::new(),
            redraw_in: None,
        }
    }

    /// The UI string for `key` in the current language.
    pub fn t(&self, key: &str) -> String {
        self.locales.get(self.lang, key)
    }

    pub fn t_args(&self, key: &str, args: &[(&str, fluent_bundle::FluentValue)]) -> String {
        self.locales.get_args(self.lang, key, args)
    }

    pub fn act(&mut self, action: UiAction) {
        self.actions.push(action);
    }

    /// Asks for a redraw within `secs` even if nothing else happens.
    pub fn redraw_within(&mut self, secs: f32) {
        self.redraw_in = Some(self.redraw_in.map_or(secs, |s| s.min(secs)));
    }

    pub fn reduced_motion(&self) -> bool {
        self.settings.reduced_motion
    }
}

/// Where the current screen draws: what the chrome leaves free this frame.
#[derive(Resource, Clone, Copy)]
pub struct ContentArea(pub egui::Rect);

impl Default for ContentArea {
    fn default() -> Self {
        ContentArea(egui::Rect::NOTHING)
    }
}

#[derive(SystemSet, Debug, Clone, PartialEq, Eq, Hash)]
pub enum UiPass {
    Style,
    Chrome,
    Screen,
    Overlay,
}

/// The resources every UI system reads to build a [`UiCx`].
#[derive(SystemParam)]
pub struct UiSources<'w> {
    settings: Res<'w, Settings>,
    locales: Res<'w, LoadedLocales>,
    session: Res<'w, CurrentSession>,
    clock: Res<'w, RoomClock>,
    shelf: Res<'w, ScenarioShelf>,
    library_view: Res<'w, LibraryView>,
    practice: Res<'w, PracticeState>,
    progress: Res<'w, LearnerProgress>,
    presenter: Res<'w, Presenter>,
    backup_offer: Res<'w, BackupOffer>,
    recent: Res<'w, Recent>,
    last_pick: Res<'w, LastPick>,
    last_export: Res<'w, LastExport>,
    round: Res<'w, RoundDesk>,
    screen: Res<'w, State<Screen>>,
}

impl UiSources<'_> {
    pub(crate) fn cx(&self) -> UiCx<'_> {
        let data = UiData {
            locales: &self.locales.0,
            settings: &self.settings,
            session: &self.session.session,
            clock: &self.clock.0,
            shelf: &self.shelf,
            library_view: &self.library_view,
            practice: &self.practice,
            progress: &self.progress.progress,
            camp: CampView {
                presenter: self.presenter.0,
                backup_offered: self.backup_offer.0.is_some(),
                recent: self.recent.sessions.paths(),
                pick: self.last_pick.0.as_ref(),
                exported_to: self.last_export.0.as_deref(),
            },
            round: &self.round,
        };
        UiCx::new(data, *self.screen.get())
    }
}

/// The common system parameters of every screen-drawing system.
#[derive(SystemParam)]
pub struct ScreenUi<'w, 's> {
    contexts: EguiContexts<'w, 's>,
    sources: UiSources<'w>,
    time: Res<'w, Time>,
    entered: Res<'w, ScreenEnteredAt>,
    area: Res<'w, ContentArea>,
    actions: MessageWriter<'w, UiAction>,
    redraw: ResMut<'w, RedrawPlan>,
}

impl ScreenUi<'_, '_> {
    /// Runs `draw` for the current screen in the content area, with the screen's
    /// entrance fade, then forwards its actions and redraw needs.
    pub fn show(&mut self, draw: impl FnOnce(&mut Ui, &mut UiCx)) -> Result {
        let ctx = self.contexts.ctx_mut()?.clone();
        let mut cx = self.sources.cx();
        let screen = cx.screen;
        cx.now = self.time.elapsed_secs_f64();
        cx.screen_age = (cx.now - self.entered.0) as f32;
        let mut ui = Ui::new(
            ctx,
            egui::Id::new(("screen", screen.slug())),
            UiBuilder::new().layer_id(egui::LayerId::background()).max_rect(self.area.0),
        );
        ui.set_opacity(effects::fade_in_opacity(cx.screen_age, cx.reduced_motion()));
        if effects::transition_running(cx.screen_age, cx.reduced_motion()) {
            ui.ctx().request_repaint();
        }
        egui::ScrollArea::vertical()
            .id_salt(("scroll", screen.slug()))
            .auto_shrink(false)
            .show(&mut ui, |ui| draw(ui, &mut cx));
        self.actions.write_batch(cx.actions.drain(..));
        if let Some(secs) = cx.redraw_in {
            self.redraw.within(secs);
        }
        Ok(())
    }
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<ContentArea>()
        .init_resource::<PrimaryLook>()
        .configure_sets(
            EguiPrimaryContextPass,
            (UiPass::Style, (UiPass::Chrome, UiPass::Screen, UiPass::Overlay).chain().run_if(primary_ready)).chain(),
        )
        .add_systems(
            PreUpdate,
            drop_unchanged_modifiers.after(EguiPreUpdateSet::ProcessInput).before(EguiPreUpdateSet::BeginPass),
        )
        .add_systems(
            EguiPrimaryContextPass,
            (
                prepare_primary_context.in_set(UiPass::Style),
                draw_chrome.in_set(UiPass::Chrome),
                crate::screens::draw_current_screen.in_set(UiPass::Screen),
                draw_overlays.in_set(UiPass::Overlay),
            ),
        );
}

/// Whether egui has the bundled fonts: they take effect one pass after being set, and
/// nothing may be drawn before (the heading family would be unknown).
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
enum FontsState {
    #[default]
    NotInstalled,
    Installed,
    Ready,
}

/// How far one egui context (the projector window's, the console window's) has been given the
/// app's fonts and style.
#[derive(Debug, Default, Clone, Copy, PartialEq)]
pub struct ContextLook {
    fonts: FontsState,
    style: Option<(theme::ThemeKind, bool)>,
}

impl ContextLook {
    /// Brings `ctx` to the bundled fonts, the settings' theme and a zoom that keeps the 1080p
    /// type scale on a window `window_height` tall (a 720p projector or a 4K screen alike).
    /// Returns whether the context may draw in this pass.
    pub fn prepare(&mut self, ctx: &egui::Context, settings: &Settings, window_height: f32) -> bool {
        match self.fonts {
            FontsState::NotInstalled => {
                theme::install_fonts(ctx);
                ctx.request_repaint();
                self.fonts = FontsState::Installed;
            }
            FontsState::Installed => self.fonts = FontsState::Ready,
            FontsState::Ready => {}
        }
        let wanted = (settings.theme, settings.reduced_motion);
        if self.style != Some(wanted) {
            theme::apply_style(ctx, wanted.0, wanted.1);
            self.style = Some(wanted);
        }
        let zoom = (window_height / theme::DESIGN_HEIGHT).clamp(0.6, 2.0);
        if (ctx.zoom_factor() - zoom).abs() > 0.01 {
            ctx.set_zoom_factor(zoom);
        }
        self.fonts == FontsState::Ready
    }
}

/// The projector window's look; its drawing waits until the fonts are in.
#[derive(Resource, Debug, Default)]
struct PrimaryLook {
    look: ContextLook,
    ready: bool,
}

/// bevy_egui reports the modifier keys to egui on every frame, and egui repaints at once
/// on any input event, so the app would never go idle. Only real changes are passed on
/// (egui keeps the last modifiers it was told).
fn drop_unchanged_modifiers(
    mut inputs: Query<(Entity, &mut EguiInput)>,
    mut last: Local<HashMap<Entity, egui::Modifiers>>,
) {
    for (entity, mut input) in &mut inputs {
        input.0.events.retain(|event| match event {
            egui::Event::ModifiersChanged(modifiers) => last.insert(entity, *modifiers) != Some(*modifiers),
            _ => true,
        });
    }
}

fn prepare_primary_context(
    mut contexts: EguiContexts,
    settings: Res<Settings>,
    window: Single<&Window, With<PrimaryWindow>>,
    mut primary: ResMut<PrimaryLook>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    primary.ready = primary.look.prepare(ctx, &settings, window.resolution.height());
    Ok(())
}

fn primary_ready(primary: Res<PrimaryLook>) -> bool {
    primary.ready
}

#[derive(SystemParam)]
struct ChromeParams<'w, 's> {
    contexts: EguiContexts<'w, 's>,
    sources: UiSources<'w>,
    overlay: Res<'w, Overlay>,
    problems: Res<'w, ContentProblems>,
    area: ResMut<'w, ContentArea>,
    actions: MessageWriter<'w, UiAction>,
}

fn draw_chrome(mut p: ChromeParams) -> Result {
    let ctx = p.contexts.ctx_mut()?.clone();
    let mut cx = p.sources.cx();
    let mut root = Ui::new(
        ctx.clone(),
        egui::Id::new("root"),
        UiBuilder::new().layer_id(egui::LayerId::background()).max_rect(ctx.content_rect()),
    );
    p.area.0 = if p.overlay.blank {
        // Nothing but black: the room looks at the trainer, not the screen.
        root.painter().rect_filled(ctx.content_rect(), 0.0, egui::Color32::BLACK);
        egui::Rect::NOTHING
    } else {
        let problems: Vec<ContentError> = p.problems.0.iter().chain(&p.sources.shelf.problems).cloned().collect();
        chrome(&mut root, &mut cx, &problems)
    };
    p.actions.write_batch(cx.actions);
    Ok(())
}

/// Draws the rail, the top bar, the hint line and any problem banner; returns the area
/// left for the screen.
pub fn chrome(root: &mut Ui, cx: &mut UiCx, problems: &[ContentError]) -> egui::Rect {
    let p = cx.palette;
    root.painter().rect_filled(root.max_rect(), 0.0, p.background);
    egui::Panel::top("top-bar")
        .frame(egui::Frame::new().fill(p.surface).inner_margin(egui::Margin::symmetric(32, 12)))
        .show(root, |ui| top_bar(ui, cx));
    egui::Panel::bottom("hint-line")
        .frame(egui::Frame::new().fill(p.surface).inner_margin(egui::Margin::symmetric(32, 8)))
        .show(root, |ui| {
            ui.label(RichText::new(cx.t("hint-keys")).small().color(p.text_muted));
        });
    egui::Panel::left("flow-rail")
        .exact_size(300.0)
        .resizable(false)
        .frame(egui::Frame::new().fill(p.surface_raised).inner_margin(egui::Margin::symmetric(16, 24)))
        .show(root, |ui| flow_rail(ui, cx));
    let mut area = root.available_rect_before_wrap().shrink(spacing::MARGIN);
    if !problems.is_empty() {
        let banner = egui::Rect::from_min_size(area.min, egui::vec2(area.width(), 0.0));
        let mut ui = root.new_child(UiBuilder::new().max_rect(banner.with_max_y(area.max.y)));
        problem_banner(&mut ui, cx, problems);
        area.min.y = ui.min_rect().max.y + spacing::GAP;
    }
    area
}

fn top_bar(ui: &mut Ui, cx: &mut UiCx) {
    let p = cx.palette;
    ui.horizontal(|ui| {
        ui.label(RichText::new(cx.t("app-title")).heading().color(p.accent));
        if !cx.session.name.is_empty() {
            ui.add_space(spacing::GAP);
            ui.label(RichText::new(&cx.session.name).color(p.text_muted));
        }
        ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
            let other = cx.lang.other();
            let switch = format!("{} {}", icons::LANGUAGE, cx.locales.get(other, "language-name"));
            if widgets::button(ui, &switch).on_hover_text(cx.t("switch-language")).clicked() {
                cx.act(UiAction::SetLang(other));
            }
            let theme_label = match cx.settings.theme {
                theme::ThemeKind::Light => cx.t("theme-dark"),
                theme::ThemeKind::Dark => cx.t("theme-light"),
            };
            if widgets::button(ui, &theme_label).clicked() {
                cx.act(UiAction::ToggleTheme);
            }
        });
    });
}

fn flow_rail(ui: &mut Ui, cx: &mut UiCx) {
    let p = cx.palette;
    for screen in Screen::ALL {
        if screen == Screen::Settings {
            ui.add_space(spacing::SECTION);
        }
        let selected = screen == cx.screen;
        let label = format!("{}  {}", screen.icon(), cx.t(screen.title_key()));
        let text =
            RichText::new(label).size(theme::text_size::SMALL).color(if selected { p.on_accent } else { p.text });
        let button = egui::Button::new(text)
            .fill(if selected { p.accent } else { egui::Color32::TRANSPARENT })
            .stroke(egui::Stroke::NONE)
            .min_size(egui::vec2(ui.available_width(), 52.0));
        if ui.add(button).clicked() {
            cx.act(UiAction::Go(screen));
        }
    }
}

fn problem_banner(ui: &mut Ui, cx: &UiCx, problems: &[ContentError]) {
    let p = cx.palette;
    egui::Frame::new()
        .fill(p.warning.gamma_multiply(0.18))
        .stroke(egui::Stroke::new(2.0, p.warning))
        .corner_radius(egui::CornerRadius::same(spacing::ROUNDING))
        .inner_margin(egui::Margin::same(16))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(RichText::new(format!("{} {}", icons::WARNING, cx.t("problems-title"))).strong().color(p.text));
            for problem in problems.iter().take(3) {
                ui.label(RichText::new(problem.to_string()).small().color(p.text));
            }
            if problems.len() > 3 {
                ui.label(RichText::new(cx.t_args("problems-more", &[("count", (problems.len() - 3).into())])).small());
            }
        });
}

#[derive(SystemParam)]
struct OverlayParams<'w, 's> {
    contexts: EguiContexts<'w, 's>,
    sources: UiSources<'w>,
    overlay: Res<'w, Overlay>,
    actions: MessageWriter<'w, UiAction>,
}

fn draw_overlays(mut p: OverlayParams) -> Result {
    let ctx = p.contexts.ctx_mut()?.clone();
    let mut cx = p.sources.cx();
    overlays(&ctx, &mut cx, &p.overlay);
    p.actions.write_batch(cx.actions);
    Ok(())
}

/// The help card and the quit confirmation, above everything else.
pub fn overlays(ctx: &egui::Context, cx: &mut UiCx, overlay: &Overlay) {
    let p = cx.palette;
    if overlay.help && !overlay.blank {
        egui::Window::new(cx.t("help-title"))
            .collapsible(false)
            .resizable(false)
            .min_width(640.0)
            .anchor(Align2::CENTER_CENTER, egui::vec2(0.0, 0.0))
            .show(ctx, |ui| {
                egui::Grid::new("shortcuts").num_columns(2).spacing([40.0, 14.0]).show(ui, |ui| {
                    for (keys, what) in [
                        ("PgDn  →  ↓", "help-next"),
                        ("PgUp  ←  ↑", "help-prev"),
                        ("B  .", "help-blank"),
                        ("F11", "help-fullscreen"),
                        ("L", "help-language"),
                        ("S  F5", "help-clock-toggle"),
                        ("R", "help-clock-reset"),
                        ("+", "help-clock-minute"),
                        ("Space", "help-round-start"),
                        ("1–0  Q–P  A–M", "help-round-pad"),
                        ("Backspace", "help-round-undo"),
                        ("End", "help-round-end"),
                        ("F2", "help-round-console"),
                        ("Home", "help-home"),
                        ("F1", "help-help"),
                        ("Esc", "help-close"),
                    ] {
                        ui.label(RichText::new(keys).strong().color(p.accent));
                        ui.label(cx.t(what));
                        ui.end_row();
                    }
                });
            });
    }
    if overlay.confirm_quit {
        let frame = egui::Frame::popup(&ctx.style_of(ctx.theme())).inner_margin(egui::Margin::same(28));
        egui::Modal::new(egui::Id::new("confirm-quit")).frame(frame).show(ctx, |ui| {
            ui.set_width(720.0);
            ui.label(RichText::new(cx.t("quit-title")).heading());
            ui.add_space(spacing::GAP);
            ui.label(cx.t("quit-body"));
            ui.add_space(spacing::GAP);
            ui.horizontal(|ui| {
                if widgets::primary_button(ui, &p, &cx.t("quit-confirm")).clicked() {
                    cx.act(UiAction::ConfirmQuit);
                }
                if widgets::button(ui, &cx.t("quit-cancel")).clicked() {
                    cx.act(UiAction::CancelQuit);
                }
            });
        });
    }
}
