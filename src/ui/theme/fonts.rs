//! The bundled fonts. egui ships no CJK glyphs, so Noto Sans CJK SC (OFL, subset by
//! `assets/fonts/subset.py`) comes first in every family; egui's own fonts follow for emoji.

use std::sync::Arc;

use bevy_egui::egui::{FontData, FontDefinitions, FontFamily};

pub const REGULAR: &[u8] = include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/fonts/NotoSansSC-Regular.otf"));
pub const BOLD: &[u8] = include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/fonts/NotoSansSC-Bold.otf"));

/// The family for headings, titles and big numbers.
pub fn bold_family() -> FontFamily {
    FontFamily::Name("bold".into())
}

/// egui's defaults with the CJK faces put first.
pub fn definitions() -> FontDefinitions {
    let mut fonts = FontDefinitions::default();
    fonts.font_data.insert("cjk-regular".into(), Arc::new(FontData::from_static(REGULAR)));
    fonts.font_data.insert("cjk-bold".into(), Arc::new(FontData::from_static(BOLD)));
    let fallbacks = fonts.families.get(&FontFamily::Proportional).cloned().unwrap_or_default();
    for family in [FontFamily::Proportional, FontFamily::Monospace] {
        fonts.families.entry(family).or_default().insert(0, "cjk-regular".into());
    }
    let mut bold = vec!["cjk-bold".to_owned(), "cjk-regular".to_owned()];
    bold.extend(fallbacks);
    fonts.families.insert(bold_family(), bold);
    fonts
}
