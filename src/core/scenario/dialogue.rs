//! Walking a self-study dialogue: the graph queries the self-study mode and the validator share.

use std::collections::{BTreeSet, HashMap, HashSet, VecDeque};

use super::types::{Dialogue, DialogueNode, Ending, MOOD_RANGE, ResponseOption};

impl Dialogue {
    pub fn node(&self, id: &str) -> Option<&DialogueNode> {
        self.nodes.iter().find(|n| n.id == id)
    }

    pub fn start_node(&self) -> Option<&DialogueNode> {
        self.node(&self.start)
    }

    /// The responses offered at a node (none at an ending or an unknown id).
    pub fn options(&self, node_id: &str) -> &[ResponseOption] {
        self.node(node_id).map_or(&[], |n| &n.options)
    }

    /// The node the customer answers with after response `option` at `node_id`.
    pub fn follow(&self, node_id: &str, option: usize) -> Option<&DialogueNode> {
        self.options(node_id).get(option).and_then(|o| self.node(&o.next))
    }

    /// The kinds of ending this dialogue has.
    pub fn ending_kinds(&self) -> BTreeSet<Ending> {
        self.nodes.iter().filter_map(|n| n.ending).collect()
    }

    /// Ids of the nodes reachable from the start (empty if the start does not exist).
    pub fn reachable(&self) -> BTreeSet<&str> {
        let index: HashMap<&str, &DialogueNode> = self.nodes.iter().map(|n| (n.id.as_str(), n)).collect();
        let mut seen = BTreeSet::new();
        let mut queue: VecDeque<&str> = index.get(self.start.as_str()).map(|n| n.id.as_str()).into_iter().collect();
        while let Some(id) = queue.pop_front() {
            if !seen.insert(id) {
                continue;
            }
            for option in index.get(id).map_or(&[][..], |n| &n.options) {
                if let Some(next) = index.get(option.next.as_str()) {
                    queue.push_back(next.id.as_str());
                }
            }
        }
        seen
    }

    /// Ids of the nodes from which some ending can still be reached.
    pub fn can_reach_ending(&self) -> BTreeSet<&str> {
        // Walk backwards from the endings along each option, once: linear in the dialogue's size
        // (a fixpoint over all nodes took minutes on a 20,000-node file).
        let mut comes_from: HashMap<&str, Vec<&str>> = HashMap::new();
        for node in &self.nodes {
            for option in &node.options {
                comes_from.entry(option.next.as_str()).or_default().push(node.id.as_str());
            }
        }
        let mut good: BTreeSet<&str> = BTreeSet::new();
        let mut queue: VecDeque<&str> =
            self.nodes.iter().filter(|n| n.ending.is_some()).map(|n| n.id.as_str()).collect();
        while let Some(id) = queue.pop_front() {
            if good.insert(id) {
                queue.extend(comes_from.get(id).into_iter().flatten().copied());
            }
        }
        good
    }

    /// The nodes visited when the learner always picks the model answer, from the start to an
    /// ending (or until a node repeats or a turn has no model answer).
    pub fn model_path(&self) -> Vec<&DialogueNode> {
        let index: HashMap<&str, &DialogueNode> = self.nodes.iter().map(|n| (n.id.as_str(), n)).collect();
        let mut path: Vec<&DialogueNode> = Vec::new();
        let mut seen: HashSet<&str> = HashSet::new();
        let mut current = self.start_node();
        while let Some(node) = current {
            if !seen.insert(node.id.as_str()) {
                break;
            }
            path.push(node);
            current = node.options.iter().find(|o| o.model).and_then(|o| index.get(o.next.as_str()).copied());
        }
        path
    }
}

/// Moves a mood by a response's effect, staying within [`MOOD_RANGE`].
pub fn shift_mood(mood: i8, delta: i8) -> i8 {
    mood.saturating_add(delta).clamp(*MOOD_RANGE.start(), *MOOD_RANGE.end())
}

/// A learner's way through a dialogue: where they are, the customer's mood, what they picked.
#[derive(Debug, Clone)]
pub struct Walk<'a> {
    dialogue: &'a Dialogue,
    node: &'a DialogueNode,
    mood: i8,
    picks: Vec<(&'a DialogueNode, &'a ResponseOption)>,
}

impl<'a> Walk<'a> {
    /// Starts at the dialogue's start node; `None` if it does not exist.
    pub fn start(dialogue: &'a Dialogue) -> Option<Self> {
        Some(Self {
            dialogue,
            node: dialogue.start_node()?,
            mood: shift_mood(dialogue.opening_mood, 0),
            picks: Vec::new(),
        })
    }

    pub fn node(&self) -> &'a DialogueNode {
        self.node
    }

    pub fn mood(&self) -> i8 {
        self.mood
    }

    /// The ending reached, if the walk is over.
    pub fn ending(&self) -> Option<Ending> {
        self.node.ending
    }

    /// Each rep turn so far with the response picked there, for the debrief.
    pub fn picks(&self) -> &[(&'a DialogueNode, &'a ResponseOption)] {
        &self.picks
    }

    /// Picks response `index` at the current node and moves on; returns the picked response,
    /// or `None` (and stays put) if there is no such response or it leads nowhere.
    pub fn choose(&mut self, index: usize) -> Option<&'a ResponseOption> {
        let option = self.node.options.get(index)?;
        let next = self.dialogue.node(&option.next)?;
        self.picks.push((self.node, option));
        self.mood = shift_mood(self.mood, option.mood);
        self.node = next;
        Some(option)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::lang::Bilingual;

    fn option(next: &str, mood: i8, model: bool) -> ResponseOption {
        ResponseOption {
            text: Bilingual::new("说", "say"),
            tags: vec!["7a.accept".into()],
            mood,
            next: next.into(),
            why: Bilingual::new("因为", "because"),
            model,
        }
    }

    fn node(id: &str, options: Vec<ResponseOption>, ending: Option<Ending>) -> DialogueNode {
        DialogueNode { id: id.into(), line: Bilingual::new("话", "line"), options, ending }
    }

    fn sample() -> Dialogue {
        Dialogue {
            start: "a".into(),
            opening_mood: -4,
            nodes: vec![
                node("a", vec![option("b", 2, true), option("angry", -3, false), option("a", 0, false)], None),
                node("b", vec![option("ok", 3, true), option("angry", -3, false), option("nowhere", 0, false)], None),
                node("ok", vec![], Some(Ending::Resolved)),
                node("angry", vec![], Some(Ending::Escalated)),
                node("island", vec![option("island", 0, true)], None),
            ],
        }
    }

    #[test]
    fn graph_queries() {
        let d = sample();
        assert_eq!(d.start_node().map(|n| n.id.as_str()), Some("a"));
        assert_eq!(d.options("a").len(), 3);
        assert!(d.options("ok").is_empty());
        assert_eq!(d.follow("a", 1).map(|n| n.id.as_str()), Some("angry"));
        assert!(d.follow("b", 2).is_none(), "a link to a missing node leads nowhere");
        assert_eq!(d.ending_kinds(), BTreeSet::from([Ending::Resolved, Ending::Escalated]));
        assert_eq!(d.reachable(), BTreeSet::from(["a", "b", "ok", "angry"]));
        assert!(!d.can_reach_ending().contains("island"));
        let model: Vec<&str> = d.model_path().iter().map(|n| n.id.as_str()).collect();
        assert_eq!(model, ["a", "b", "ok"]);
    }

    #[test]
    fn walk_tracks_mood_and_picks_and_clamps() {
        let d = sample();
        let mut walk = Walk::start(&d).unwrap();
        assert_eq!(walk.mood(), -4);
        assert!(walk.choose(7).is_none());
        walk.choose(1).unwrap();
        assert_eq!(walk.mood(), -5, "mood never drops below the range");
        assert_eq!(walk.ending(), Some(Ending::Escalated));
        assert_eq!(walk.picks().len(), 1);

        let mut walk = Walk::start(&d).unwrap();
        walk.choose(0).unwrap();
        assert!(walk.choose(2).is_none(), "a dangling link does not move the walk");
        assert_eq!(walk.node().id, "b");
        walk.choose(0).unwrap();
        assert_eq!((walk.mood(), walk.ending()), (1, Some(Ending::Resolved)));
    }
}
