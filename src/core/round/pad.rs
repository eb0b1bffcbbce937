//! The trainer's scoring buttons for a round: each step of the round's models, each penalty and
//! each bonus of the rubrics, with one key each so a round can be scored without the mouse.
//! Keys follow keyboard rows: the first model on the digits, the second on Q–P, penalties on
//! A–L and Z–M, bonuses on what is left. B, L, S and R are kept out: they stay the clicker's.

use crate::core::lang::Bilingual;
use crate::core::scoring::Rubrics;
use crate::core::scoring::rubric::PenaltyKind;

const DIGITS: &str = "1234567890";
const TOP_ROW: &str = "QWETYUIOP";
const HOME_ROW: &str = "ADFGHJK";
const BOTTOM_ROW: &str = "ZXCVNM";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PadKind {
    Step,
    Penalty(PenaltyKind),
    Bonus,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PadButton {
    /// The observer tag it records: `7a.apologize`, `penalty.taboo`, `bonus.name`.
    pub tag: String,
    pub name: Bilingual,
    pub kind: PadKind,
    /// The key that presses it (an upper-case letter or a digit), if the rows had one left.
    pub key: Option<char>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PadGroup {
    pub title: Bilingual,
    pub buttons: Vec<PadButton>,
}

/// The buttons for a round judged by `models`, grouped: each model, then penalties, then bonuses.
pub fn scoring_pad(rubrics: &Rubrics, models: &[String]) -> Vec<PadGroup> {
    let mut free: Vec<Vec<char>> = [DIGITS, TOP_ROW, HOME_ROW, BOTTOM_ROW].map(|r| r.chars().collect()).to_vec();
    let mut take = |rows: &[usize]| rows.iter().find_map(|&r| (!free[r].is_empty()).then(|| free[r].remove(0)));

    let mut groups = Vec::new();
    for (i, model) in models.iter().filter_map(|id| rubrics.model(id)).enumerate() {
        let rows: &[usize] = if i == 0 { &[0, 1] } else { &[1, 0] };
        let buttons = model
            .steps
            .iter()
            .map(|step| PadButton {
                tag: format!("{}.{}", model.id, step.id),
                name: step.name.clone(),
                kind: PadKind::Step,
                key: take(rows),
            })
            .collect();
        groups.push(PadGroup { title: model.name.clone(), buttons });
    }
    let penalties = rubrics
        .penalties
        .iter()
        .map(|p| PadButton {
            tag: format!("penalty.{}", p.id),
            name: p.name.clone(),
            kind: PadKind::Penalty(p.kind),
            key: take(&[2, 3, 1]),
        })
        .collect();
    groups.push(PadGroup { title: Bilingual::new("扣分", "Penalties"), buttons: penalties });
    let bonuses = rubrics
        .bonuses
        .iter()
        .map(|b| PadButton {
            tag: format!("bonus.{}", b.id),
            name: b.name.clone(),
            kind: PadKind::Bonus,
            key: take(&[1, 0, 3]),
        })
        .collect();
    groups.push(PadGroup { title: Bilingual::new("加分", "Bonuses"), buttons: bonuses });
    groups
}

/// The button a key presses.
pub fn button_for_key(groups: &[PadGroup], key: char) -> Option<&PadButton> {
    groups.iter().flat_map(|g| &g.buttons).find(|b| b.key == Some(key))
}
