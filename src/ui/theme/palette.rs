//! Colours: a warm, calm identity in a light and a dark variant, and team colours that
//! stay apart for colour-blind viewers.

use bevy_egui::egui::Color32;

pub use crate::core::settings::ThemeKind;

/// Every colour a screen may use. Screens never invent colours of their own.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Palette {
    pub background: Color32,
    pub surface: Color32,
    pub surface_raised: Color32,
    pub border: Color32,
    pub text: Color32,
    pub text_muted: Color32,
    /// Warm terracotta: primary actions, the selected screen, highlights.
    pub accent: Color32,
    pub on_accent: Color32,
    /// Calm teal: secondary information, progress.
    pub calm: Color32,
    pub success: Color32,
    pub warning: Color32,
    pub danger: Color32,
}

impl Palette {
    pub const fn of(kind: ThemeKind) -> Palette {
        match kind {
            ThemeKind::Light => Palette {
                background: Color32::from_rgb(0xF7, 0xF2, 0xEA),
                surface: Color32::from_rgb(0xFF, 0xFD, 0xF9),
                surface_raised: Color32::from_rgb(0xEF, 0xE6, 0xDA),
                border: Color32::from_rgb(0xCF, 0xC2, 0xB0),
                text: Color32::from_rgb(0x22, 0x1E, 0x1A),
                text_muted: Color32::from_rgb(0x5E, 0x55, 0x4C),
                accent: Color32::from_rgb(0xB4, 0x4A, 0x1C),
                on_accent: Color32::from_rgb(0xFF, 0xFF, 0xFF),
                calm: Color32::from_rgb(0x0E, 0x6B, 0x6B),
                success: Color32::from_rgb(0x1F, 0x6F, 0xB2),
                warning: Color32::from_rgb(0xB3, 0x6B, 0x00),
                danger: Color32::from_rgb(0xB0, 0x1E, 0x3C),
            },
            ThemeKind::Dark => Palette {
                background: Color32::from_rgb(0x1A, 0x18, 0x15),
                surface: Color32::from_rgb(0x26, 0x23, 0x1F),
                surface_raised: Color32::from_rgb(0x34, 0x30, 0x2A),
                border: Color32::from_rgb(0x55, 0x4D, 0x43),
                text: Color32::from_rgb(0xF6, 0xF1, 0xE9),
                text_muted: Color32::from_rgb(0xC4, 0xB9, 0xAB),
                accent: Color32::from_rgb(0xF2, 0x9E, 0x5C),
                on_accent: Color32::from_rgb(0x1A, 0x18, 0x15),
                calm: Color32::from_rgb(0x5F, 0xC9, 0xC4),
                success: Color32::from_rgb(0x6C, 0xB4, 0xF0),
                warning: Color32::from_rgb(0xF5, 0xC2, 0x4C),
                danger: Color32::from_rgb(0xFF, 0x7A, 0x90),
            },
        }
    }
}

/// Team colours, ordered so the first few teams are the most distinct. Chosen so every
/// pair stays apart (CIE ΔE ≥ 15) for normal vision and simulated protanopia,
/// deuteranopia and tritanopia; badges also carry an emoji, so colour is never the only cue.
pub const TEAM_COLORS: [Color32; 12] = [
    Color32::from_rgb(0x1A, 0x85, 0xFF),
    Color32::from_rgb(0xFF, 0xC2, 0x0A),
    Color32::from_rgb(0x66, 0x11, 0x00),
    Color32::from_rgb(0xEE, 0x66, 0x77),
    Color32::from_rgb(0x33, 0x22, 0x88),
    Color32::from_rgb(0x99, 0x99, 0x33),
    Color32::from_rgb(0xAA, 0x44, 0x99),
    Color32::from_rgb(0x66, 0xCC, 0xEE),
    Color32::from_rgb(0x11, 0x77, 0x33),
    Color32::from_rgb(0x88, 0x22, 0x55),
    Color32::from_rgb(0xCC, 0x79, 0xA7),
    Color32::from_rgb(0xDD, 0xCC, 0x77),
];

pub fn team_color(index: usize) -> Color32 {
    TEAM_COLORS[index % TEAM_COLORS.len()]
}

/// Black or white, whichever reads better on `background`.
pub fn readable_on(background: Color32) -> Color32 {
    if contrast_ratio(background, Color32::BLACK) >= contrast_ratio(background, Color32::WHITE) {
        Color32::BLACK
    } else {
        Color32::WHITE
    }
}

fn linear(channel: u8) -> f32 {
    let c = channel as f32 / 255.0;
    if c <= 0.04045 { c / 12.92 } else { ((c + 0.055) / 1.055).powf(2.4) }
}

/// WCAG relative luminance.
pub fn luminance(c: Color32) -> f32 {
    0.2126 * linear(c.r()) + 0.7152 * linear(c.g()) + 0.0722 * linear(c.b())
}

/// WCAG contrast ratio, from 1 (none) to 21 (black on white).
pub fn contrast_ratio(a: Color32, b: Color32) -> f32 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Machado et al. (2009) full-severity simulation matrices, applied in linear RGB.
    const SIMULATIONS: [[[f32; 3]; 3]; 4] = [
        [[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]],
        [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]],
        [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.011820, 0.042940, 0.968881]],
        [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.303900]],
    ];

    fn lab_under(c: Color32, m: &[[f32; 3]; 3]) -> [f32; 3] {
        let rgb = [linear(c.r()), linear(c.g()), linear(c.b())];
        let s: Vec<f32> =
            m.iter().map(|row| (row[0] * rgb[0] + row[1] * rgb[1] + row[2] * rgb[2]).clamp(0.0, 1.0)).collect();
        let x = (0.4124 * s[0] + 0.3576 * s[1] + 0.1805 * s[2]) / 0.95047;
        let y = 0.2126 * s[0] + 0.7152 * s[1] + 0.0722 * s[2];
        let z = (0.0193 * s[0] + 0.1192 * s[1] + 0.9505 * s[2]) / 1.08883;
        let f = |t: f32| if t > 0.008856 { t.cbrt() } else { 7.787 * t + 16.0 / 116.0 };
        [116.0 * f(y) - 16.0, 500.0 * (f(x) - f(y)), 200.0 * (f(y) - f(z))]
    }

    #[test]
    fn team_colors_stay_distinct_for_colour_blind_viewers() {
        for m in &SIMULATIONS {
            for (i, a) in TEAM_COLORS.iter().enumerate() {
                for b in &TEAM_COLORS[i + 1..] {
                    let (la, lb) = (lab_under(*a, m), lab_under(*b, m));
                    let delta = la.iter().zip(lb).map(|(x, y)| (x - y).powi(2)).sum::<f32>().sqrt();
                    assert!(delta >= 15.0, "{a:?} and {b:?} are only ΔE {delta:.1} apart under {m:?}");
                }
            }
        }
    }

    #[test]
    fn text_has_high_contrast_in_both_themes() {
        for kind in [ThemeKind::Light, ThemeKind::Dark] {
            let p = Palette::of(kind);
            for bg in [p.background, p.surface, p.surface_raised] {
                assert!(contrast_ratio(p.text, bg) >= 10.0, "{kind:?} text on {bg:?}");
                assert!(contrast_ratio(p.text_muted, bg) >= 4.5, "{kind:?} muted text on {bg:?}");
            }
            for colour in [p.accent, p.calm, p.success, p.warning, p.danger] {
                assert!(contrast_ratio(colour, p.surface) >= 3.0, "{kind:?} {colour:?} on surface");
            }
            assert!(contrast_ratio(p.on_accent, p.accent) >= 4.5, "{kind:?} text on accent");
        }
    }

    #[test]
    fn badge_text_is_readable_on_every_team_colour() {
        for c in TEAM_COLORS {
            assert!(contrast_ratio(readable_on(c), c) >= 4.5, "{c:?}");
        }
    }
}
