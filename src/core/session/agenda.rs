//! The day's agenda and the team-building timings.

use serde::{Deserialize, Serialize};

use crate::core::countdown::Countdown;
use crate::core::lang::Bilingual;

/// What a step of the day opens on the screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum StepKind {
    /// 课堂约定
    Agreement,
    /// 团队建立: design, presentations, vote.
    TeamBuilding,
    /// 十分钟经验分享
    Sharing,
    RolePlay,
    /// 知识测验: a quick quiz on the course's models.
    Quiz,
    /// 5-3-1 总结
    Debrief,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AgendaStep {
    pub kind: StepKind,
    /// Stored in the session so a trainer can rename a step for their course.
    pub title: Bilingual,
    pub minutes: u32,
}

impl AgendaStep {
    /// The camp day of the course (seed 000), with the times the trainer usually plans.
    pub fn default_day() -> Vec<AgendaStep> {
        let step = |kind, zh: &str, en: &str, minutes| AgendaStep { kind, title: Bilingual::new(zh, en), minutes };
        vec![
            step(StepKind::Agreement, "课堂约定", "Classroom agreement", 5),
            step(StepKind::TeamBuilding, "团队建立", "Team building", 20),
            step(StepKind::Sharing, "十分钟经验分享", "Ten-minute experience sharing", 10),
            step(StepKind::RolePlay, "角色扮演", "Role-play rounds", 90),
            step(StepKind::Quiz, "知识测验", "Quiz", 15),
            step(StepKind::Debrief, "5-3-1 总结", "5-3-1 debrief", 30),
        ]
    }
}

/// Timer lengths for team building (seed 000: 10 minutes of design, 1 minute per team to
/// present, the last minute to vote).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Durations {
    pub team_design_secs: u32,
    pub presentation_secs_per_team: u32,
    pub voting_secs: u32,
}

impl Default for Durations {
    fn default() -> Self {
        Durations { team_design_secs: 10 * 60, presentation_secs_per_team: 60, voting_secs: 60 }
    }
}

impl Durations {
    pub fn team_design(&self) -> Countdown {
        Countdown::new(f64::from(self.team_design_secs))
    }

    /// One team's presentation.
    pub fn presentation(&self) -> Countdown {
        Countdown::new(f64::from(self.presentation_secs_per_team))
    }

    pub fn voting(&self) -> Countdown {
        Countdown::new(f64::from(self.voting_secs))
    }
}
