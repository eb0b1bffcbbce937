//! The closing 5-3-1 (or 3-2-1), per team or per participant.

use serde::{Deserialize, Serialize};

use crate::core::ids::{TeamId, Timestamp};

/// The closing summary (seed 001): takeaways, tools to apply, an action plan to start now.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Debrief {
    pub team: Option<TeamId>,
    /// A member of the team when the debrief is one participant's, not the whole team's.
    pub participant: Option<String>,
    pub takeaways: Vec<String>,
    /// Tools from the course (7A, six steps, EOAC, DISC, KANO, SERVQUAL, warmth…) or written in.
    pub tools: Vec<String>,
    pub actions: Vec<ActionPlan>,
    /// When it was last written (older files have none).
    pub written_at: Option<Timestamp>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ActionPlan {
    pub what: String,
    pub by_when: String,
    /// Who checks that it happened.
    pub checker: String,
}

/// The course's tools (locale keys) offered as chips instead of writing one in, on the
/// projector and on phones.
pub const COURSE_TOOLS: [&str; 9] = [
    "tool-7a",
    "tool-six-step",
    "tool-eoac",
    "tool-disc",
    "tool-kano",
    "tool-servqual",
    "tool-warmth",
    "tool-emotional-bank",
    "tool-5w1h",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct DebriefShape {
    pub takeaways: usize,
    pub tools: usize,
    pub actions: usize,
}

impl Default for DebriefShape {
    /// The course's 5-3-1.
    fn default() -> Self {
        DebriefShape { takeaways: 5, tools: 3, actions: 1 }
    }
}

impl DebriefShape {
    /// The 3-2-1 variant some courses use.
    pub const SHORT: DebriefShape = DebriefShape { takeaways: 3, tools: 2, actions: 1 };
}
