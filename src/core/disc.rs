//! DISC customer personality types (seed 001, mapped to the standard letters).

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Disc {
    /// Dominance: says it once, wants control; won with speed (赢在速度).
    D,
    /// Influence: talks non-stop, emotional; won with relationship (赢在关系).
    I,
    /// Steadiness: slow, asks again and again; won with reassurance (赢在安心).
    S,
    /// Conscientiousness: interrogates details; won with professionalism (赢在专业).
    C,
}

impl Disc {
    pub const ALL: [Disc; 4] = [Disc::D, Disc::I, Disc::S, Disc::C];

    pub fn letter(self) -> char {
        match self {
            Disc::D => 'D',
            Disc::I => 'I',
            Disc::S => 'S',
            Disc::C => 'C',
        }
    }

    pub fn from_letter(c: char) -> Option<Disc> {
        Disc::ALL.into_iter().find(|d| d.letter() == c.to_ascii_uppercase())
    }
}
