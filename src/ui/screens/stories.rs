//! Experience sharing: everyone tells, from their phone, a service they met — where, what was
//! good, what was bad, would they go back, would they recommend it. The wall fills live; the
//! word cloud shows what the room talks about, and a word picks the stories that use it; any
//! story can be put up large for the room to discuss.

use bevy_egui::egui::{self, RichText, Ui};

use crate::core::session::SessionEdit;
use crate::core::session::story::Story;
use crate::core::wordcloud;
use crate::features::actions::UiAction;
use crate::ui::context::UiCx;
use crate::ui::theme::palette::team_color;
use crate::ui::theme::{fonts, icons, spacing, text_size, widgets};

/// The word the trainer picked in the cloud (kept in egui's memory).
fn picked_word_id() -> egui::Id {
    egui::Id::new("stories-picked-word")
}

pub(super) fn show(ui: &mut Ui, cx: &mut UiCx) {
    let p = cx.palette;
    let stories = &cx.session.stories;
    let subtitle = cx.t_args("stories-subtitle", &[("count", stories.len().into())]);
    widgets::screen_title(ui, &p, icons::STORIES, &cx.t("screen-stories"), Some(&subtitle));
    if stories.is_empty() {
        let hint = if cx.phones.running() { "stories-empty" } else { "stories-phones-off" };
        ui.label(RichText::new(cx.t(hint)).size(text_size::BODY).color(p.text_muted));
        return;
    }
    if let Some(story) = cx.session.featured_story.and_then(|i| stories.get(i)) {
        widgets::card(ui, &p, |ui| {
            ui.set_width(ui.available_width());
            story_lines(ui, cx, story, text_size::HEADING);
            if widgets::button(ui, &cx.t("stories-back")).clicked() {
                cx.act(UiAction::Edit(SessionEdit::FeatureStory(None)));
            }
        });
        return;
    }
    let mut picked: Option<String> = ui.data_mut(|d| d.get_temp(picked_word_id())).unwrap_or(None);
    let words =
        wordcloud::keywords(stories.iter().map(|s| s.good.as_str()).chain(stories.iter().map(|s| s.bad.as_str())), 20);
    if !words.is_empty() {
        let most = words[0].1.max(1) as f32;
        ui.horizontal_wrapped(|ui| {
            for (i, (word, count)) in words.iter().enumerate() {
                let size = text_size::SMALL + 26.0 * (*count as f32 / most);
                let chosen = picked.as_ref() == Some(word);
                let text = RichText::new(word).size(size).family(fonts::bold_family()).color(team_color(i));
                if ui.add(egui::Button::new(text).frame(chosen)).clicked() {
                    picked = if chosen { None } else { Some(word.clone()) };
                }
            }
        });
        ui.data_mut(|d| d.insert_temp(picked_word_id(), picked.clone()));
        ui.add_space(spacing::GAP * 0.5);
    }
    let shown: Vec<(usize, &Story)> = stories
        .iter()
        .enumerate()
        .filter(|(_, s)| picked.as_ref().is_none_or(|word| s.text().contains(word.as_str())))
        .collect();
    widgets::columns(ui, 3, |column, ui| {
        for &(index, story) in shown.iter().skip(column).step_by(3) {
            widgets::card(ui, &p, |ui| {
                ui.set_width(ui.available_width());
                story_lines(ui, cx, story, text_size::SMALL);
                if ui.button(RichText::new(cx.t("stories-feature")).size(text_size::SMALL)).clicked() {
                    cx.act(UiAction::Edit(SessionEdit::FeatureStory(Some(index))));
                }
            });
            ui.add_space(spacing::GAP * 0.5);
        }
    });
}

/// A story as the wall shows it: who, where, the good and the bad, and the two answers.
fn story_lines(ui: &mut Ui, cx: &UiCx, story: &Story, size: f32) {
    let p = cx.palette;
    let team = story.team.and_then(|id| cx.session.team(id));
    let who = match team {
        Some(team) => format!("{} {} · {}", team.emoji, story.name, team.name),
        None => story.name.clone(),
    };
    ui.add(egui::Label::new(RichText::new(who).strong().size(size).color(p.text)).truncate());
    let line = |ui: &mut Ui, mark: &str, text: &str, color| {
        if !text.is_empty() {
            ui.label(RichText::new(format!("{mark} {text}")).size(size).color(color));
        }
    };
    line(ui, "📍", &story.place, p.text);
    line(ui, "👍", &story.good, p.success);
    line(ui, "👎", &story.bad, p.danger);
    let answer = |question: &str, value: Option<bool>| {
        value.map(|yes| cx.t(&format!("stories-{question}-{}", if yes { "yes" } else { "no" })))
    };
    let answers: Vec<String> =
        [answer("come-back", story.come_back), answer("recommend", story.recommend)].into_iter().flatten().collect();
    if !answers.is_empty() {
        ui.label(RichText::new(answers.join(" · ")).size(size).color(p.text_muted));
    }
}
