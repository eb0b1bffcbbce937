//! Every character the app shows has a glyph; both locales define the same keys.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use bevy_egui::egui;
use service_camp::core::lang::Lang;
use service_camp::core::locale::{message_ids, parity_gaps};
use service_camp::ui::theme::{fonts, icons};

fn repo(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

/// Every user-facing content file the app ships: locales, rubrics, scenarios, demo data.
fn content_files() -> Vec<PathBuf> {
    let mut files = Vec::new();
    for (dir, ext) in [
        ("assets/locales", "ftl"),
        ("assets/rubrics", "ron"),
        ("scenarios", "ron"),
        ("quizzes", "ron"),
        ("assets/demo", "ron"),
    ] {
        let Ok(entries) = std::fs::read_dir(repo(dir)) else { continue };
        files.extend(
            entries.filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.extension().is_some_and(|x| x == ext)),
        );
    }
    files.sort();
    files
}

struct Fonts {
    faces: Vec<(String, Vec<u8>, u32)>,
}

impl Fonts {
    /// The bundled CJK faces first, then egui's own fonts (emoji and symbols).
    fn bundled() -> Fonts {
        let mut faces = vec![
            ("cjk-regular".to_owned(), fonts::REGULAR.to_vec(), 0),
            ("cjk-bold".to_owned(), fonts::BOLD.to_vec(), 0),
        ];
        for (name, data) in egui::FontDefinitions::default().font_data {
            faces.push((name, data.font.to_vec(), data.index));
        }
        Fonts { faces }
    }

    fn face(&self, i: usize) -> ttf_parser::Face<'_> {
        let (name, bytes, index) = &self.faces[i];
        ttf_parser::Face::parse(bytes, *index).unwrap_or_else(|e| panic!("font {name} does not parse: {e}"))
    }

    fn covered_by_any(&self, c: char) -> bool {
        (0..self.faces.len()).any(|i| self.face(i).glyph_index(c).is_some())
    }
}

fn renders_without_glyph(c: char) -> bool {
    c.is_control() || c.is_whitespace() || matches!(c, '\u{200B}'..='\u{200F}' | '\u{FE0F}' | '\u{FEFF}')
}

#[test]
fn every_character_in_shipped_content_has_a_glyph() {
    let fonts = Fonts::bundled();
    let files = content_files();
    assert!(files.len() >= 4, "content files not found: {files:?}");
    let mut missing = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap();
        for (line_no, line) in text.lines().enumerate() {
            for c in line.chars().filter(|&c| !renders_without_glyph(c)) {
                if !fonts.covered_by_any(c) {
                    missing.push(format!("{}:{}: {c:?} (U+{:04X})", file.display(), line_no + 1, c as u32));
                }
            }
        }
    }
    for icon in icons::ALL.iter().chain(&icons::TEAM_LOGOS) {
        for c in icon.chars().filter(|&c| !renders_without_glyph(c)) {
            if !fonts.covered_by_any(c) {
                missing.push(format!("icon {icon}: U+{:04X}", c as u32));
            }
        }
    }
    assert!(missing.is_empty(), "characters without a glyph (re-run assets/fonts/subset.py):\n{}", missing.join("\n"));
}

#[test]
fn every_gb2312_character_is_in_both_bundled_weights() {
    let fonts = Fonts::bundled();
    let (regular, bold) = (fonts.face(0), fonts.face(1));
    let mut checked = 0;
    for hi in 0xB0u8..=0xF7 {
        for lo in 0xA1u8..=0xFE {
            let bytes = [hi, lo];
            let (text, had_errors) = encoding_rs::GBK.decode_without_bom_handling(&bytes);
            // GBK maps GB 2312's five unassigned cells to the private use area: not characters.
            let Some(c) = text.chars().next().filter(|c| !had_errors && !('\u{E000}'..='\u{F8FF}').contains(c)) else {
                continue;
            };
            assert!(regular.glyph_index(c).is_some(), "regular lacks {c} (U+{:04X})", c as u32);
            assert!(bold.glyph_index(c).is_some(), "bold lacks {c} (U+{:04X})", c as u32);
            checked += 1;
        }
    }
    // GB 2312 has 6763 hanzi in rows 16–87 (plus five unassigned cells at the end of row 55).
    assert!(checked >= 6763, "only {checked} GB 2312 hanzi checked");
}

#[test]
fn bundled_fonts_are_under_ten_megabytes_with_licence() {
    for font in [fonts::REGULAR, fonts::BOLD] {
        assert!(font.len() < 10_000_000, "{} bytes", font.len());
    }
    let licence = std::fs::read_to_string(repo("assets/fonts/OFL.txt")).unwrap();
    assert!(
        licence.contains("SIL OPEN FONT LICENSE Version 1.1") || licence.contains("SIL Open Font License, Version 1.1")
    );
}

fn keys_of(file: &str) -> Vec<String> {
    let path = repo(file);
    let source = std::fs::read_to_string(&path).unwrap();
    let resource = service_camp::core::locale::parse_ftl(&path, source).unwrap_or_else(|e| panic!("{e:?}"));
    message_ids(&resource)
}

#[test]
fn both_locales_define_the_same_keys_once() {
    let zh = keys_of("assets/locales/zh-CN.ftl");
    let en = keys_of("assets/locales/en.ftl");
    for (name, keys) in [("zh-CN", &zh), ("en", &en)] {
        let unique: BTreeSet<_> = keys.iter().collect();
        assert_eq!(unique.len(), keys.len(), "{name}.ftl defines a key twice");
    }
    let zh: BTreeSet<String> = zh.into_iter().collect();
    let en: BTreeSet<String> = en.into_iter().collect();
    let gaps = parity_gaps((Lang::Zh, &zh), (Lang::En, &en));
    assert!(gaps.is_empty(), "keys missing from a locale: {gaps:?}");
    assert!(zh.len() > 50);
}
