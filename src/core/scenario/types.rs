//! The shape of a scenario file. Field names are the RON keys trainers write, so they are
//! spelled out in full; unknown keys are rejected to catch typos early.

use serde::{Deserialize, Serialize};

use crate::core::disc::Disc;
use crate::core::lang::{Bilingual, Lang};

/// One role-play or self-study case: what the rep sees, what the customer actor plays, and an
/// optional branching dialogue for self-study.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    /// Stable id, lowercase words joined by `-`; the file is named `<id>.ron`.
    pub id: String,
    pub title: Bilingual,
    pub kind: ScenarioKind,
    pub scene: Scene,
    /// The DISC type of the customer.
    pub disc: Disc,
    /// Trade, e.g. logistics or telecom.
    pub industry: Bilingual,
    /// Where the conversation happens, e.g. a phone hotline or a service counter.
    pub setting: Bilingual,
    pub difficulty: Difficulty,
    pub time_limit_secs: u32,
    /// Rubric models that score this scenario: `7a`, `six_step`, `eoac`.
    pub models: Vec<String>,
    /// What the serving rep may read before the role-play.
    pub rep_brief: Bilingual,
    /// Only for the person playing the customer.
    pub customer: CustomerCard,
    /// What a good answer shows, each tied to the rubric tags it earns.
    pub key_behaviours: Vec<KeyBehaviour>,
    #[serde(default)]
    pub dialogue: Option<Dialogue>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ScenarioKind {
    /// The customer complains about something that went wrong.
    Complaint,
    /// The customer asks for more than the rep may normally give (handled with EOAC).
    OverScope,
}

/// The concrete situation, from the scenes the course material names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Scene {
    LostOrDamagedGoods,
    DisputedBilling,
    LateDelivery,
    CustomsHold,
    Retail,
    Restaurant,
    Telecom,
    Insurance,
    BeyondJobStandard,
    BeyondDepartment,
    BeyondContract,
    UrgentCoordination,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Difficulty {
    Easy,
    Medium,
    Hard,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CustomerCard {
    pub persona: Bilingual,
    pub what_happened: Bilingual,
    /// Needs the customer will not state unless the rep explores.
    pub hidden_needs: Vec<Bilingual>,
    pub escalates_when: Vec<Bilingual>,
    pub calms_when: Vec<Bilingual>,
    pub opening_line: Bilingual,
    /// How this DISC type talks in this situation, with sample lines.
    pub how_to_talk: Bilingual,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KeyBehaviour {
    pub text: Bilingual,
    /// Rubric tags (`model.step`, `bonus.<id>`) this behaviour earns.
    pub tags: Vec<String>,
}

/// A graph of customer lines; at each rep turn the learner picks one of 3–4 responses.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dialogue {
    /// Id of the first node.
    pub start: String,
    /// The customer's mood when the dialogue opens, in [`MOOD_RANGE`].
    pub opening_mood: i8,
    pub nodes: Vec<DialogueNode>,
}

/// Customer mood, from furious (-5) to delighted (5).
pub const MOOD_RANGE: std::ops::RangeInclusive<i8> = -5..=5;
/// How far one response may move the mood.
pub const MOOD_SHIFT_RANGE: std::ops::RangeInclusive<i8> = -3..=3;
/// How many responses a rep turn offers.
pub const OPTIONS_PER_TURN: std::ops::RangeInclusive<usize> = 3..=4;

/// One customer line: either a rep turn (with options) or an ending (without).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DialogueNode {
    pub id: String,
    /// What the customer says (or does) here.
    pub line: Bilingual,
    #[serde(default)]
    pub options: Vec<ResponseOption>,
    #[serde(default)]
    pub ending: Option<Ending>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Ending {
    Resolved,
    Escalated,
    WalkedOut,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ResponseOption {
    /// What the rep says.
    pub text: Bilingual,
    /// Steps, penalties and bonuses this response shows.
    pub tags: Vec<String>,
    /// Effect on the customer's mood, in [`MOOD_SHIFT_RANGE`].
    pub mood: i8,
    /// Id of the node the customer answers with.
    pub next: String,
    /// Feedback shown after the pick: why this works or fails.
    pub why: Bilingual,
    /// The model answer of this turn (exactly one per turn).
    #[serde(default)]
    pub model: bool,
}

impl ScenarioKind {
    pub const ALL: [ScenarioKind; 2] = [ScenarioKind::Complaint, ScenarioKind::OverScope];

    pub fn label(self) -> Bilingual {
        match self {
            ScenarioKind::Complaint => Bilingual::new("客户投诉", "Complaint"),
            ScenarioKind::OverScope => Bilingual::new("超标需求", "Over-scope request"),
        }
    }
}

impl Scene {
    pub const ALL: [Scene; 12] = [
        Scene::LostOrDamagedGoods,
        Scene::DisputedBilling,
        Scene::LateDelivery,
        Scene::CustomsHold,
        Scene::Retail,
        Scene::Restaurant,
        Scene::Telecom,
        Scene::Insurance,
        Scene::BeyondJobStandard,
        Scene::BeyondDepartment,
        Scene::BeyondContract,
        Scene::UrgentCoordination,
    ];

    /// The kind of scenario this scene belongs to.
    pub fn kind(self) -> ScenarioKind {
        match self {
            Scene::BeyondJobStandard | Scene::BeyondDepartment | Scene::BeyondContract | Scene::UrgentCoordination => {
                ScenarioKind::OverScope
            }
            _ => ScenarioKind::Complaint,
        }
    }

    pub fn label(self) -> Bilingual {
        match self {
            Scene::LostOrDamagedGoods => Bilingual::new("货物丢失或破损", "Lost or damaged goods"),
            Scene::DisputedBilling => Bilingual::new("账单结算有疑义", "Disputed billing"),
            Scene::LateDelivery => Bilingual::new("突发状况延误派送", "Late delivery after an emergency"),
            Scene::CustomsHold => Bilingual::new("报关问题货物滞留", "Goods held in customs"),
            Scene::Retail => Bilingual::new("零售门店", "Retail"),
            Scene::Restaurant => Bilingual::new("餐厅", "Restaurant"),
            Scene::Telecom => Bilingual::new("电信服务", "Telecom"),
            Scene::Insurance => Bilingual::new("寿险保险", "Insurance"),
            Scene::BeyondJobStandard => Bilingual::new("超过岗位标准", "Beyond the job's standard"),
            Scene::BeyondDepartment => Bilingual::new("超过部门范围", "Beyond the department's remit"),
            Scene::BeyondContract => Bilingual::new("超过合同范围的应急", "Beyond the contract, in an emergency"),
            Scene::UrgentCoordination => {
                Bilingual::new("需要内部协调的紧急需求", "Urgent, needs internal coordination")
            }
        }
    }
}

impl Difficulty {
    pub const ALL: [Difficulty; 3] = [Difficulty::Easy, Difficulty::Medium, Difficulty::Hard];

    pub fn label(self) -> Bilingual {
        match self {
            Difficulty::Easy => Bilingual::new("入门", "Easy"),
            Difficulty::Medium => Bilingual::new("进阶", "Medium"),
            Difficulty::Hard => Bilingual::new("挑战", "Hard"),
        }
    }
}

impl Ending {
    pub fn label(self) -> Bilingual {
        match self {
            Ending::Resolved => Bilingual::new("圆满解决", "Resolved"),
            Ending::Escalated => Bilingual::new("投诉升级", "Escalated"),
            Ending::WalkedOut => Bilingual::new("客户离开", "Customer walked out"),
        }
    }
}

/// How a keyword value (a kind, scene, ending…) is spelled in scenario files, e.g.
/// `lost_or_damaged_goods`; serde's renaming is the one source of these names.
pub fn spelling<T: Serialize>(value: &T) -> String {
    ron::to_string(value).unwrap_or_else(|e| e.to_string())
}

/// A piece of bilingual text in a scenario with the RON path that locates it
/// (e.g. `dialogue.nodes[2].options[0].why`).
pub struct TextField<'a> {
    pub path: String,
    pub text: &'a Bilingual,
}

/// A rubric tag in a scenario with the RON path of its list.
pub struct TagUse<'a> {
    pub path: String,
    pub tag: &'a str,
}

impl Scenario {
    /// Every bilingual text, so translation checks and language lists cover all of them.
    pub fn texts(&self) -> Vec<TextField<'_>> {
        let mut texts = Vec::new();
        let mut push = |path: String, text| texts.push(TextField { path, text });
        push("title".into(), &self.title);
        push("industry".into(), &self.industry);
        push("setting".into(), &self.setting);
        push("rep_brief".into(), &self.rep_brief);
        let card = &self.customer;
        push("customer.persona".into(), &card.persona);
        push("customer.what_happened".into(), &card.what_happened);
        for (list, items) in [
            ("hidden_needs", &card.hidden_needs),
            ("escalates_when", &card.escalates_when),
            ("calms_when", &card.calms_when),
        ] {
            for (i, text) in items.iter().enumerate() {
                push(format!("customer.{list}[{i}]"), text);
            }
        }
        push("customer.opening_line".into(), &card.opening_line);
        push("customer.how_to_talk".into(), &card.how_to_talk);
        for (i, behaviour) in self.key_behaviours.iter().enumerate() {
            push(format!("key_behaviours[{i}].text"), &behaviour.text);
        }
        for (n, node) in self.dialogue.iter().flat_map(|d| d.nodes.iter().enumerate()) {
            push(format!("dialogue.nodes[{n}].line"), &node.line);
            for (o, option) in node.options.iter().enumerate() {
                push(format!("dialogue.nodes[{n}].options[{o}].text"), &option.text);
                push(format!("dialogue.nodes[{n}].options[{o}].why"), &option.why);
            }
        }
        texts
    }

    /// Every rubric tag used by key behaviours and dialogue options.
    pub fn tags(&self) -> Vec<TagUse<'_>> {
        let behaviour_tags =
            self.key_behaviours.iter().enumerate().flat_map(|(i, b)| {
                b.tags.iter().map(move |tag| TagUse { path: format!("key_behaviours[{i}].tags"), tag })
            });
        let option_tags = self.dialogue.iter().flat_map(|d| d.nodes.iter().enumerate()).flat_map(|(n, node)| {
            node.options.iter().enumerate().flat_map(move |(o, option)| {
                option
                    .tags
                    .iter()
                    .map(move |tag| TagUse { path: format!("dialogue.nodes[{n}].options[{o}].tags"), tag })
            })
        });
        behaviour_tags.chain(option_tags).collect()
    }

    /// The languages in which every text of the scenario is written.
    pub fn complete_langs(&self) -> Vec<Lang> {
        let texts = self.texts();
        Lang::ALL.into_iter().filter(|lang| texts.iter().all(|t| !t.text.missing().contains(lang))).collect()
    }

    /// Number of nodes in the self-study dialogue (0 without one).
    pub fn dialogue_len(&self) -> usize {
        self.dialogue.as_ref().map_or(0, |d| d.nodes.len())
    }
}
