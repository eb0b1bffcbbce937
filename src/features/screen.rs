//! Which screen of the camp day is showing: a Bevy state, so features react to entering and
//! leaving screens without knowing how they are drawn.

use bevy::prelude::*;

#[derive(States, Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Screen {
    #[default]
    Home,
    Agenda,
    Teams,
    Presentations,
    Stories,
    Quiz,
    Library,
    Round,
    RoundResult,
    Leaderboard,
    Practice,
    Debrief,
    Settings,
}

impl Screen {
    pub const ALL: [Screen; 13] = [
        Screen::Home,
        Screen::Agenda,
        Screen::Teams,
        Screen::Presentations,
        Screen::Stories,
        Screen::Quiz,
        Screen::Library,
        Screen::Round,
        Screen::RoundResult,
        Screen::Leaderboard,
        Screen::Practice,
        Screen::Debrief,
        Screen::Settings,
    ];

    /// The order a presentation clicker walks: the camp day, without settings.
    pub const FLOW: [Screen; 12] = [
        Screen::Home,
        Screen::Agenda,
        Screen::Teams,
        Screen::Presentations,
        Screen::Stories,
        Screen::Quiz,
        Screen::Library,
        Screen::Round,
        Screen::RoundResult,
        Screen::Leaderboard,
        Screen::Practice,
        Screen::Debrief,
    ];

    /// A stable name for files and logs, e.g. `round-result`.
    pub fn slug(self) -> &'static str {
        match self {
            Screen::Home => "home",
            Screen::Agenda => "agenda",
            Screen::Teams => "teams",
            Screen::Presentations => "presentations",
            Screen::Stories => "stories",
            Screen::Quiz => "quiz",
            Screen::Library => "library",
            Screen::Round => "round",
            Screen::RoundResult => "round-result",
            Screen::Leaderboard => "leaderboard",
            Screen::Practice => "practice",
            Screen::Debrief => "debrief",
            Screen::Settings => "settings",
        }
    }

    /// The locale key of the screen's name.
    pub fn title_key(self) -> &'static str {
        match self {
            Screen::Home => "screen-home",
            Screen::Agenda => "screen-agenda",
            Screen::Teams => "screen-teams",
            Screen::Presentations => "screen-presentations",
            Screen::Stories => "screen-stories",
            Screen::Quiz => "screen-quiz",
            Screen::Library => "screen-library",
            Screen::Round => "screen-round",
            Screen::RoundResult => "screen-round-result",
            Screen::Leaderboard => "screen-leaderboard",
            Screen::Practice => "screen-practice",
            Screen::Debrief => "screen-debrief",
            Screen::Settings => "screen-settings",
        }
    }

    /// The next screen in the camp flow; the last one stays put. Settings returns home.
    pub fn next(self) -> Screen {
        match Screen::FLOW.iter().position(|&s| s == self) {
            Some(i) => Screen::FLOW[(i + 1).min(Screen::FLOW.len() - 1)],
            None => Screen::Home,
        }
    }

    /// The previous screen in the camp flow; home stays put. Settings returns home.
    pub fn prev(self) -> Screen {
        match Screen::FLOW.iter().position(|&s| s == self) {
            Some(i) => Screen::FLOW[i.saturating_sub(1)],
            None => Screen::Home,
        }
    }
}

pub fn plugin(app: &mut App) {
    app.init_state::<Screen>();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flow_walks_forward_and_back_and_stops_at_the_ends() {
        assert_eq!(Screen::Home.next(), Screen::Agenda);
        assert_eq!(Screen::Debrief.next(), Screen::Debrief);
        assert_eq!(Screen::Home.prev(), Screen::Home);
        assert_eq!(Screen::Leaderboard.prev(), Screen::RoundResult);
        assert_eq!(Screen::Settings.next(), Screen::Home);
        for pair in Screen::FLOW.windows(2) {
            assert_eq!(pair[0].next(), pair[1]);
            assert_eq!(pair[1].prev(), pair[0]);
        }
    }

    #[test]
    fn slugs_are_unique_file_names() {
        let mut slugs: Vec<_> = Screen::ALL.iter().map(|s| s.slug()).collect();
        slugs.sort();
        slugs.dedup();
        assert_eq!(slugs.len(), Screen::ALL.len());
        assert!(slugs.iter().all(|s| s.chars().all(|c| c.is_ascii_lowercase() || c == '-')));
    }
}
