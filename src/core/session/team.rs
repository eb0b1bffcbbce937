//! A team of the camp and how many a camp holds.

use serde::{Deserialize, Serialize};

use crate::core::ids::TeamId;

/// A camp needs at least two teams to compete; the screen and the palette hold twelve.
pub const MIN_TEAMS: usize = 2;
pub const MAX_TEAMS: usize = 12;
/// What separates names on a team's member list.
pub const NAME_SEPARATORS: [char; 3] = [',', '，', '、'];

/// The logos a team can pick: only emoji the bundled fonts really draw (a test checks each),
/// so no team card, and no phone, shows an empty box.
pub const TEAM_LOGOS: [&str; 34] = [
    "⭐", "⚡", "🔥", "🌻", "🐬", "🚀", "🌟", "🐯", "🐼", "🐻", "🐺", "🐝", "🐢", "🐳", "🐉", "🌈", "🌊", "🌙", "☀",
    "🍀", "🌸", "🌵", "🎯", "🏆", "💎", "🎵", "⚓", "🔔", "💡", "🎈", "🍎", "✈", "🎨", "❤",
];

/// Number of colours in the team palette; `Team::color` indexes it.
pub const TEAM_PALETTE_SIZE: usize = 12;

/// A team. Its id is private so a team can only be created through [`Session::add_team`],
/// which hands out a fresh id.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Team {
    pub(super) id: TeamId,
    #[serde(default)]
    pub name: String,
    /// The team's logo: an emoji drawn on its colour.
    #[serde(default)]
    pub emoji: String,
    /// Index into the colour-blind-safe team palette (`TEAM_PALETTE_SIZE` colours).
    #[serde(default)]
    pub color: usize,
    #[serde(default)]
    pub slogan: String,
    #[serde(default)]
    pub song: String,
    #[serde(default)]
    pub captain: String,
    #[serde(default)]
    pub members: Vec<String>,
}

impl Team {
    pub fn id(&self) -> TeamId {
        self.id
    }
}
