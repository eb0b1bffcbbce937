//! Motion: screen transitions and celebrations. Every effect has a reduced-motion form
//! (no movement) and ends by itself, so idle screens stop redrawing.

use bevy_egui::egui::{Color32, Painter, Pos2, Rect, Vec2};

use super::palette::TEAM_COLORS;

/// How long a screen takes to fade in.
pub const TRANSITION_SECS: f32 = 0.3;
/// How long confetti falls.
pub const CONFETTI_SECS: f32 = 3.0;

/// Opacity of a screen `age` seconds after it was entered.
pub fn fade_in_opacity(age: f32, reduced_motion: bool) -> f32 {
    if reduced_motion { 1.0 } else { ease_out((age / TRANSITION_SECS).clamp(0.0, 1.0)) }
}

/// Whether a screen of this age is still animating its entrance.
pub fn transition_running(age: f32, reduced_motion: bool) -> bool {
    !reduced_motion && age < TRANSITION_SECS
}

fn ease_out(t: f32) -> f32 {
    1.0 - (1.0 - t).powi(3)
}

/// Draws confetti `elapsed` seconds into a celebration over `area`; returns whether it is
/// still falling (the caller keeps redrawing until then). With reduced motion, a still
/// scatter of stars stands in for the animation.
pub fn confetti(painter: &Painter, area: Rect, elapsed: f32, seed: u64, reduced_motion: bool) -> bool {
    let mut rng = SplitMix(seed);
    let count = 90;
    for i in 0..count {
        let x0 = area.left() + rng.unit() * area.width();
        let speed = 0.35 + rng.unit() * 0.5;
        let sway = (rng.unit() - 0.5) * 80.0;
        let size = 8.0 + rng.unit() * 10.0;
        let color = TEAM_COLORS[i % TEAM_COLORS.len()];
        let progress = if reduced_motion { rng.unit() } else { elapsed / CONFETTI_SECS * speed * 1.6 };
        if progress > 1.0 {
            continue;
        }
        let y = area.top() + progress * area.height();
        let x = x0 + sway * (progress * 6.0 + i as f32).sin();
        let fade = if reduced_motion { 1.0 } else { (1.0 - elapsed / CONFETTI_SECS).clamp(0.0, 1.0) };
        let rect = Rect::from_center_size(Pos2::new(x, y), Vec2::new(size, size * 0.6));
        painter.rect_filled(rect, 2.0, color.gamma_multiply(fade.max(0.2)));
    }
    !reduced_motion && elapsed < CONFETTI_SECS
}

/// A tiny deterministic generator: the same seed gives the same celebration, which keeps
/// screenshots reproducible.
struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn unit(&mut self) -> f32 {
        (self.next() >> 40) as f32 / (1u64 << 24) as f32
    }
}

/// A dimming veil, e.g. behind a dialog.
pub fn veil(painter: &Painter, area: Rect, strength: f32) {
    painter.rect_filled(area, 0.0, Color32::from_black_alpha((strength.clamp(0.0, 1.0) * 200.0) as u8));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fade_completes_and_reduced_motion_skips_it() {
        assert!(fade_in_opacity(0.0, false) < 0.01);
        assert!((fade_in_opacity(TRANSITION_SECS, false) - 1.0).abs() < 1e-6);
        assert_eq!(fade_in_opacity(0.0, true), 1.0);
        assert!(transition_running(0.1, false));
        assert!(!transition_running(0.1, true));
        assert!(!transition_running(TRANSITION_SECS + 0.01, false));
    }

    #[test]
    fn generator_is_deterministic_and_in_unit_range() {
        let (mut a, mut b) = (SplitMix(7), SplitMix(7));
        for _ in 0..1000 {
            let x = a.unit();
            assert_eq!(x, b.unit());
            assert!((0.0..1.0).contains(&x));
        }
    }
}
