//! Sound cues: the room clock's chime when one minute is left and buzzer at zero, and a
//! role-play round's ding for each model step, thud for each penalty and falling tones when the
//! customer walks out. The tones are synthesised at start-up (no audio files to ship);
//! `Settings::sound` mutes them.

use bevy::audio::{AudioPlayer, AudioSource, PlaybackSettings};
use bevy::prelude::*;

use crate::features::room_clock::RoomClock;
use crate::features::rounds::{RoundDesk, RoundView};
use crate::features::settings::CurrentSettings;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cue {
    OneMinuteLeft,
    TimeUp,
    StepShown,
    Penalty,
    WalkOut,
}

/// What a round has shown so far, as far as the room hears it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RoundSounds {
    pub round: usize,
    pub steps: usize,
    pub penalties: usize,
    pub walked_out: bool,
}

impl RoundSounds {
    pub fn of(view: &RoundView) -> RoundSounds {
        let review = &view.review;
        RoundSounds {
            round: view.index,
            steps: review.timelines.iter().map(|t| t.shown.len()).sum(),
            penalties: review.penalties.len(),
            walked_out: review.walked_out,
        }
    }
}

/// The cues due when a round moved from `before` to `after`: only news in the same round (an
/// undo, or showing another round, is silent); a walk-out drowns the penalty that caused it.
pub fn round_news(before: RoundSounds, after: RoundSounds) -> Option<Cue> {
    if before.round != after.round {
        return None;
    }
    if after.walked_out && !before.walked_out {
        Some(Cue::WalkOut)
    } else if after.penalties > before.penalties {
        Some(Cue::Penalty)
    } else if after.steps > before.steps {
        Some(Cue::StepShown)
    } else {
        None
    }
}

/// The cues due when the clock moved from `before` to `after` seconds left.
pub fn crossed(before: f64, after: f64) -> Vec<Cue> {
    let mut cues = Vec::new();
    if before > 60.0 && after <= 60.0 {
        cues.push(Cue::OneMinuteLeft);
    }
    if before > 0.0 && after <= 0.0 {
        cues.push(Cue::TimeUp);
    }
    cues
}

const SAMPLE_RATE: u32 = 22_050;

/// A mono 16-bit WAV of `notes` (frequency in Hz, seconds) played one after another, each
/// with a short fade so it does not click; `square` gives the harsher buzzer timbre.
pub fn tones_wav(notes: &[(f32, f32)], square: bool) -> Vec<u8> {
    let mut samples: Vec<i16> = Vec::new();
    for &(hz, secs) in notes {
        let count = (secs * SAMPLE_RATE as f32) as usize;
        let fade = (0.02 * SAMPLE_RATE as f32) as usize;
        for i in 0..count {
            let phase = 2.0 * std::f32::consts::PI * hz * i as f32 / SAMPLE_RATE as f32;
            let wave = if square { phase.sin().signum() * 0.5 } else { phase.sin() };
            let envelope = (i.min(count - i) as f32 / fade as f32).min(1.0);
            samples.push((wave * envelope * 0.6 * f32::from(i16::MAX)) as i16);
        }
    }
    let data_len = (samples.len() * 2) as u32;
    let mut wav = Vec::with_capacity(44 + data_len as usize);
    wav.extend_from_slice(b"RIFF");
    wav.extend_from_slice(&(36 + data_len).to_le_bytes());
    wav.extend_from_slice(b"WAVEfmt ");
    wav.extend_from_slice(&16u32.to_le_bytes()); // fmt chunk size
    wav.extend_from_slice(&1u16.to_le_bytes()); // PCM
    wav.extend_from_slice(&1u16.to_le_bytes()); // mono
    wav.extend_from_slice(&SAMPLE_RATE.to_le_bytes());
    wav.extend_from_slice(&(SAMPLE_RATE * 2).to_le_bytes()); // bytes per second
    wav.extend_from_slice(&2u16.to_le_bytes()); // block align
    wav.extend_from_slice(&16u16.to_le_bytes()); // bits per sample
    wav.extend_from_slice(b"data");
    wav.extend_from_slice(&data_len.to_le_bytes());
    for sample in samples {
        wav.extend_from_slice(&sample.to_le_bytes());
    }
    wav
}

#[derive(Resource)]
struct CueSounds {
    chime: Handle<AudioSource>,
    buzzer: Handle<AudioSource>,
    ding: Handle<AudioSource>,
    thud: Handle<AudioSource>,
    walk_out: Handle<AudioSource>,
}

impl CueSounds {
    fn of(&self, cue: Cue) -> Handle<AudioSource> {
        match cue {
            Cue::OneMinuteLeft => self.chime.clone(),
            Cue::TimeUp => self.buzzer.clone(),
            Cue::StepShown => self.ding.clone(),
            Cue::Penalty => self.thud.clone(),
            Cue::WalkOut => self.walk_out.clone(),
        }
    }
}

/// Windowed app only: needs Bevy's audio plugin.
pub fn plugin(app: &mut App) {
    app.add_systems(Startup, make_cue_sounds).add_systems(Update, (play_clock_cues, play_round_cues));
}

fn make_cue_sounds(mut commands: Commands, mut sources: ResMut<Assets<AudioSource>>) {
    let chime = tones_wav(&[(880.0, 0.25), (1320.0, 0.45)], false);
    let buzzer = tones_wav(&[(196.0, 0.9)], true);
    let ding = tones_wav(&[(1568.0, 0.12)], false);
    let thud = tones_wav(&[(110.0, 0.3)], true);
    let walk_out = tones_wav(&[(392.0, 0.25), (311.0, 0.25), (233.0, 0.6)], true);
    let mut add = |wav: Vec<u8>| sources.add(AudioSource { bytes: wav.into() });
    commands.insert_resource(CueSounds {
        chime: add(chime),
        buzzer: add(buzzer),
        ding: add(ding),
        thud: add(thud),
        walk_out: add(walk_out),
    });
}

fn play_clock_cues(
    mut commands: Commands,
    clock: Res<RoomClock>,
    time: Res<Time>,
    settings: Res<CurrentSettings>,
    sounds: Option<Res<CueSounds>>,
    mut last_remaining: Local<Option<f64>>,
) {
    let remaining = clock.0.remaining(time.elapsed_secs_f64());
    let before = last_remaining.replace(remaining);
    let (Some(before), Some(sounds)) = (before, sounds) else { return };
    if !settings.sound || !clock.0.is_running() {
        return;
    }
    for cue in crossed(before, remaining) {
        commands.spawn((Name::new("clock cue"), AudioPlayer::new(sounds.of(cue)), PlaybackSettings::DESPAWN));
    }
}

fn play_round_cues(
    mut commands: Commands,
    desk: Res<RoundDesk>,
    settings: Res<CurrentSettings>,
    sounds: Option<Res<CueSounds>>,
    mut heard: Local<Option<RoundSounds>>,
) {
    if !desk.is_changed() {
        return;
    }
    let now = desk.view.as_ref().map(RoundSounds::of);
    let before = std::mem::replace(&mut *heard, now);
    let (Some(before), Some(now), Some(sounds)) = (before, now, sounds) else { return };
    if let Some(cue) = round_news(before, now).filter(|_| settings.sound) {
        commands.spawn((Name::new("round cue"), AudioPlayer::new(sounds.of(cue)), PlaybackSettings::DESPAWN));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cues_fire_once_when_their_moment_passes() {
        assert_eq!(crossed(60.4, 59.9), vec![Cue::OneMinuteLeft]);
        assert_eq!(crossed(0.3, -0.2), vec![Cue::TimeUp]);
        assert!(crossed(59.0, 58.0).is_empty());
        assert!(crossed(-1.0, -2.0).is_empty(), "overtime stays quiet");
        assert_eq!(crossed(61.0, -1.0), vec![Cue::OneMinuteLeft, Cue::TimeUp], "a jump past both plays both");
    }

    #[test]
    fn a_round_sounds_its_news_once_and_undo_or_another_round_stays_quiet() {
        let start = RoundSounds { round: 2, steps: 1, penalties: 0, walked_out: false };
        let step = RoundSounds { steps: 2, ..start };
        let penalty = RoundSounds { penalties: 1, ..step };
        let gone = RoundSounds { penalties: 2, walked_out: true, ..penalty };
        assert_eq!(round_news(start, step), Some(Cue::StepShown));
        assert_eq!(round_news(step, penalty), Some(Cue::Penalty));
        assert_eq!(round_news(penalty, gone), Some(Cue::WalkOut), "the walk-out, not the penalty behind it");
        assert_eq!(round_news(step, step), None);
        assert_eq!(round_news(penalty, step), None, "undo is silent");
        assert_eq!(round_news(gone, RoundSounds { round: 1, ..start }), None, "showing another round is silent");
    }

    #[test]
    fn tones_are_a_valid_wav_of_the_right_length() {
        let wav = tones_wav(&[(440.0, 0.5), (660.0, 0.5)], false);
        assert_eq!(&wav[0..4], b"RIFF");
        assert_eq!(&wav[8..16], b"WAVEfmt ");
        let data_len = u32::from_le_bytes(wav[40..44].try_into().unwrap()) as usize;
        assert_eq!(data_len, SAMPLE_RATE as usize * 2, "one second of 16-bit mono");
        assert_eq!(wav.len(), 44 + data_len);
        let riff_len = u32::from_le_bytes(wav[4..8].try_into().unwrap()) as usize;
        assert_eq!(riff_len, wav.len() - 8);
    }
}
