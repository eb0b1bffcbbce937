//! What covers the screen: the shortcut help and the quit confirmation.

use bevy::ecs::system::SystemParam;
use bevy::prelude::*;
use bevy_egui::EguiContexts;
use bevy_egui::egui::{self, Align2, RichText, Ui};

use crate::features::actions::{CampAction, UiAction};
use crate::features::navigation::Overlay;
use crate::ui::context::{UiCx, UiSources};
use crate::ui::theme::{spacing, widgets};

#[derive(SystemParam)]
pub struct OverlayParams<'w, 's> {
    contexts: EguiContexts<'w, 's>,
    sources: UiSources<'w>,
    overlay: Res<'w, Overlay>,
    actions: MessageWriter<'w, UiAction>,
}

pub fn draw_overlays(mut p: OverlayParams) -> Result {
    let ctx = p.contexts.ctx_mut()?.clone();
    let mut cx = p.sources.cx();
    overlays(&ctx, &mut cx, &p.overlay);
    crate::ui::join_card::join_card(&ctx, &mut cx);
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
                        ("F6", "help-phones"),
                        ("F7", "help-join-card"),
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
            match crate::ui::chrome::save_warning(cx) {
                None => {
                    ui.label(cx.t("quit-body"));
                }
                Some(warning) => {
                    // Never claim the day is saved when it is not: say what is missing and
                    // offer a copy elsewhere.
                    ui.label(RichText::new(warning).strong().color(p.danger));
                    ui.label(cx.t("quit-unsaved"));
                    save_copy_row(ui, cx);
                }
            }
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

/// A path to save a copy to (suggested: the documents folder), and the button that does it.
fn save_copy_row(ui: &mut Ui, cx: &mut UiCx) {
    let id = egui::Id::new("save-copy-path");
    let suggested = || {
        let name = cx.camp.session_path.and_then(|p| p.file_name()).map_or_else(
            || format!("{}.ron", crate::core::export::safe_file_name(&cx.session.name, "camp")),
            |n| n.to_string_lossy().into_owned(),
        );
        crate::core::paths::documents_dir().join(name).display().to_string()
    };
    let mut path: String = ui.data_mut(|d| d.get_temp(id)).unwrap_or_else(suggested);
    ui.add_space(spacing::GAP * 0.5);
    ui.horizontal(|ui| {
        ui.add(egui::TextEdit::singleline(&mut path).desired_width(520.0));
        if widgets::button(ui, &cx.t("quit-save-copy")).clicked() && !path.trim().is_empty() {
            cx.act(UiAction::Camp(CampAction::SaveAs(std::path::PathBuf::from(path.trim()))));
        }
    });
    ui.data_mut(|d| d.insert_temp(id, path));
}
