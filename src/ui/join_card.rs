//! The join card on the projector: a large QR code per address of this laptop, the plain link
//! and the room code, who has joined (per team, connected or away), and the trainer's controls
//! (lock joining, a new code). F7 shows and hides it, Esc closes it.

use bevy_egui::egui::{self, Color32, RichText, TextureHandle, TextureOptions, Ui};

use std::collections::BTreeSet;

use crate::core::room::{MAX_NAME_CHARS, RoomEdit, SeatId};
use crate::core::session::SessionEdit;
use crate::features::actions::{PhonesAction, UiAction};
use crate::server::join::qr_modules;
use crate::ui::context::UiCx;
use crate::ui::theme::{fonts, spacing, widgets};

/// Modules of light border around a QR code: the standard's quiet zone, so phones find it.
const QUIET_ZONE: usize = 4;
/// Seconds without a phone before the card suggests the network may keep phones apart.
const NO_PHONE_HINT_AFTER: f64 = 60.0;
/// The roster's height on the card; more names scroll.
const ROSTER_HEIGHT: f32 = 210.0;

pub fn join_card(ctx: &egui::Context, cx: &mut UiCx) {
    let phones = cx.phones;
    if !phones.card_open {
        return;
    }
    let p = cx.palette;
    let room = &cx.session.room;
    let links = phones.links(&room.code);
    let frame = egui::Frame::popup(&ctx.style_of(ctx.theme())).inner_margin(egui::Margin::same(32));
    egui::Modal::new(egui::Id::new("join-card")).frame(frame).show(ctx, |ui| {
        ui.set_width(1480.0_f32.min(ctx.content_rect().width() - 120.0));
        ui.horizontal(|ui| {
            ui.label(RichText::new(cx.t("join-title")).heading());
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if widgets::button(ui, &cx.t("join-close")).clicked() {
                    cx.actions.push(UiAction::Phones(PhonesAction::ToggleCard));
                }
            });
        });
        ui.add_space(spacing::GAP);
        if let Some(problem) = &phones.problem {
            ui.label(RichText::new(format!("{} {problem}", cx.t("join-failed"))).strong().color(p.danger));
            return;
        }
        if !phones.running() {
            ui.label(cx.t("join-off"));
            return;
        }
        ui.horizontal_top(|ui| {
            // Two codes fit side by side; further addresses are listed as links.
            for link in links.iter().take(2) {
                ui.vertical(|ui| {
                    qr_image(ui, link, if links.len() > 1 { 400.0 } else { 520.0 });
                    ui.label(RichText::new(link).monospace().size(26.0).color(p.text));
                });
                ui.add_space(spacing::GAP * 2.0);
            }
            ui.vertical(|ui| {
                ui.label(RichText::new(cx.t("join-code")).color(p.text_muted));
                ui.label(RichText::new(&room.code).family(fonts::bold_family()).size(130.0).color(p.accent));
                for link in links.iter().skip(2) {
                    ui.label(RichText::new(link).monospace().size(24.0));
                }
                ui.add_space(spacing::GAP);
                let connected = phones.online();
                let online = connected.len();
                let joined = room.seats.len();
                ui.label(
                    RichText::new(cx.t_args("join-count", &[("joined", joined.into()), ("online", online.into())]))
                        .strong(),
                );
                if phones.only_loopback() {
                    ui.label(RichText::new(cx.t("join-no-network")).color(p.warning));
                } else if joined == 0 && cx.now - phones.since > NO_PHONE_HINT_AFTER {
                    ui.label(RichText::new(cx.t("join-no-phones")).color(p.warning));
                }
                if room.locked {
                    ui.label(RichText::new(cx.t("join-locked")).strong().color(p.warning));
                }
                ui.add_space(spacing::GAP);
                // A full room (12 teams) scrolls here rather than pushing the card off the screen.
                egui::ScrollArea::vertical()
                    .max_height(ROSTER_HEIGHT)
                    .auto_shrink([false, true])
                    .show(ui, |ui| roster(ui, cx, &connected));
                ui.add_space(spacing::GAP);
                ui.horizontal_wrapped(|ui| {
                    let lock = if room.locked { "join-unlock" } else { "join-lock" };
                    if widgets::button(ui, &cx.t(lock)).clicked() {
                        cx.actions.push(UiAction::Edit(SessionEdit::Room(RoomEdit::Lock(!room.locked))));
                    }
                    let who = if room.any_member_designs { "join-design-anyone" } else { "join-design-captain" };
                    if widgets::button(ui, &cx.t(who)).clicked() {
                        let any = !room.any_member_designs;
                        cx.actions.push(UiAction::Edit(SessionEdit::Room(RoomEdit::AnyMemberDesigns(any))));
                    }
                    if widgets::button(ui, &cx.t("join-new-code")).clicked() {
                        cx.actions.push(UiAction::Edit(SessionEdit::Room(RoomEdit::NewCode(None))));
                    }
                    if widgets::button(ui, &cx.t("join-stop")).clicked() {
                        cx.actions.push(UiAction::Phones(PhonesAction::Toggle));
                    }
                });
            });
        });
    });
}

/// Who joined, per team: ● connected now, ○ away (their phone will rejoin the same seat). A
/// name opens the trainer's menu: rename the person, move them to another team, or sign their
/// phone out.
fn roster(ui: &mut Ui, cx: &mut UiCx, online: &BTreeSet<SeatId>) {
    let p = cx.palette;
    for team in &cx.session.teams {
        let seats: Vec<_> = cx.session.room.seats_of(team.id()).collect();
        if seats.is_empty() {
            continue;
        }
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(format!("{} {}", team.emoji, team.name)).strong().color(p.text));
            for seat in seats {
                let online = online.contains(&seat.id);
                let (mark, color) = if online { ("●", p.success) } else { ("○", p.text_muted) };
                ui.menu_button(RichText::new(format!("{mark} {}", seat.name)).color(color), |ui| {
                    let id = egui::Id::new(("rename-seat", seat.id));
                    let mut name = ui.data_mut(|d| d.get_temp::<String>(id)).unwrap_or_else(|| seat.name.clone());
                    ui.horizontal(|ui| {
                        ui.add(egui::TextEdit::singleline(&mut name).char_limit(MAX_NAME_CHARS).desired_width(220.0));
                        if ui.button(cx.t("join-rename")).clicked() && name.trim() != seat.name {
                            cx.actions
                                .push(UiAction::Edit(SessionEdit::Room(RoomEdit::RenameSeat(seat.id, name.clone()))));
                        }
                    });
                    ui.data_mut(|d| d.insert_temp(id, name));
                    ui.separator();
                    ui.label(RichText::new(cx.t("join-move-to")).small().color(p.text_muted));
                    for other in cx.session.teams.iter().filter(|t| t.id() != seat.team) {
                        if ui.button(format!("{} {}", other.emoji, other.name)).clicked() {
                            cx.actions.push(UiAction::Edit(SessionEdit::Room(RoomEdit::MoveSeat(seat.id, other.id()))));
                        }
                    }
                    ui.separator();
                    if ui.button(cx.t("join-reset-device")).clicked() {
                        cx.actions.push(UiAction::Edit(SessionEdit::Room(RoomEdit::ResetDevice(seat.id))));
                    }
                });
            }
        });
    }
}

/// The QR code of `link`, drawn from a texture with nearest filtering so its modules stay
/// sharp at any size.
fn qr_image(ui: &mut Ui, link: &str, size: f32) {
    let id = egui::Id::new(("join-qr", link));
    let texture = ui.ctx().data(|d| d.get_temp::<TextureHandle>(id)).or_else(|| {
        let (width, modules) = qr_modules(link)?;
        let side = width + 2 * QUIET_ZONE;
        let mut pixels = vec![Color32::WHITE; side * side];
        for (i, dark) in modules.into_iter().enumerate() {
            if dark {
                pixels[(i / width + QUIET_ZONE) * side + i % width + QUIET_ZONE] = Color32::BLACK;
            }
        }
        let image = egui::ColorImage::new([side, side], pixels);
        let texture = ui.ctx().load_texture(format!("qr {link}"), image, TextureOptions::NEAREST);
        ui.ctx().data_mut(|d| d.insert_temp(id, texture.clone()));
        Some(texture)
    });
    if let Some(texture) = texture {
        ui.add(egui::Image::new(&texture).fit_to_exact_size(egui::vec2(size, size)));
    }
}
