//! What every screen draws from: the app's state for one frame ([`UiData`], [`UiCx`]), where it
//! may draw, and the system parameters that gather it.

use std::path::PathBuf;

use bevy::ecs::system::SystemParam;
use bevy::prelude::*;
use bevy_egui::EguiContexts;
use bevy_egui::egui::{self, Ui, UiBuilder};

use crate::core::countdown::Countdown;
use crate::core::lang::Lang;
use crate::core::locale::Locales;
use crate::core::lrs::settings::LrsSettings;
use crate::core::practice::Progress;
use crate::core::session::Session;
use crate::core::settings::Settings;
use crate::features::actions::UiAction;
use crate::features::camp::{BackupOffer, LastExport, LastPick, Pick, Presenter, Recent, SaveState};
use crate::features::content::{CurrentSession, LoadedLocales};
use crate::features::lrs::Lrs;
use crate::features::navigation::ScreenEnteredAt;
use crate::features::phones::Phones;
use crate::features::practice::{LearnerProgress, PracticeState};
use crate::features::quiz::{QuizDesk, QuizShelf};
use crate::features::redraw::RedrawPlan;
use crate::features::room_clock::RoomClock;
use crate::features::rounds::RoundDesk;
use crate::features::scenarios::{LibraryView, LoadedLibrary};
use crate::features::screen::Screen;
use crate::features::settings::{CurrentSettings, LrsConfig};
use crate::lrs::worker::Status;
use crate::ui::theme::{Palette, effects};

/// The app's state a screen may show, borrowed for one frame.
pub struct UiData<'a> {
    pub locales: &'a Locales,
    pub settings: &'a Settings,
    pub session: &'a Session,
    /// The countdown the room is watching.
    pub clock: &'a Countdown,
    pub shelf: &'a LoadedLibrary,
    pub library_view: &'a LibraryView,
    pub practice: &'a PracticeState,
    pub progress: &'a Progress,
    pub camp: CampView<'a>,
    /// The role-play console and the round on screen.
    pub round: &'a RoundDesk,
    pub phones: &'a Phones,
    pub lrs: LrsView<'a>,
    pub quiz: QuizView<'a>,
}

/// The question bank and the quiz builder.
#[derive(Clone, Copy)]
pub struct QuizView<'a> {
    pub shelf: &'a QuizShelf,
    pub desk: &'a QuizDesk,
}

/// The LRS connection and what its worker last reported.
#[derive(Clone, Copy)]
pub struct LrsView<'a> {
    pub settings: &'a LrsSettings,
    pub status: &'a Status,
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
    /// Why the last save failed (the session file misses changes).
    pub save_problem: Option<&'a str>,
    /// Another window holds the session file: this one saves nothing.
    pub read_only: bool,
    /// The session file, for the save-a-copy suggestion.
    pub session_path: Option<&'a std::path::Path>,
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
    settings: Res<'w, CurrentSettings>,
    locales: Res<'w, LoadedLocales>,
    session: Res<'w, CurrentSession>,
    clock: Res<'w, RoomClock>,
    pub(super) shelf: Res<'w, LoadedLibrary>,
    library_view: Res<'w, LibraryView>,
    practice: Res<'w, PracticeState>,
    progress: Res<'w, LearnerProgress>,
    presenter: Res<'w, Presenter>,
    backup_offer: Res<'w, BackupOffer>,
    recent: Res<'w, Recent>,
    last_pick: Res<'w, LastPick>,
    last_export: Res<'w, LastExport>,
    save: Res<'w, SaveState>,
    round: Res<'w, RoundDesk>,
    phones: Res<'w, Phones>,
    lrs_config: Res<'w, LrsConfig>,
    lrs: Res<'w, Lrs>,
    quiz_shelf: Res<'w, QuizShelf>,
    quiz_desk: Res<'w, QuizDesk>,
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
                save_problem: self.save.problem.as_deref(),
                read_only: self.save.read_only,
                session_path: self.session.path.as_deref(),
            },
            round: &self.round,
            phones: &self.phones,
            lrs: LrsView { settings: &self.lrs_config.settings, status: &self.lrs.status },
            quiz: QuizView { shelf: &self.quiz_shelf, desk: &self.quiz_desk },
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
