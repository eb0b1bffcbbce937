//! Behaviour of the engine with the shipped rubric files.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use proptest::prelude::*;

use super::rubric::{BONUS_IDS, FIXED_MODELS, PENALTY_IDS};
use super::*;
use crate::core::content_error::ContentError;
use crate::core::disc::Disc;
use crate::core::lang::Lang;

const RUBRIC_DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/rubrics");
const TRANSCRIPT_DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/transcripts");

use super::shipped_rubrics as rubrics;

fn rep(t: f64, text: &str) -> Turn {
    Turn { t, who: Speaker::Rep, text: text.into(), tags: vec![] }
}

fn customer(t: f64, text: &str) -> Turn {
    Turn { t, who: Speaker::Customer, text: text.into(), tags: vec![] }
}

fn tagged(t: f64, tags: &[&str]) -> Turn {
    Turn { t, who: Speaker::Rep, text: String::new(), tags: tags.iter().map(|s| s.to_string()).collect() }
}

fn transcript(lang: Lang, disc: Option<Disc>, turns: Vec<Turn>) -> Transcript {
    Transcript { lang, disc, scenario: None, time_limit: None, customer_name: None, models: vec![], turns }
}

/// The `model.step` tags one rep utterance shows.
fn steps_in(text: &str) -> BTreeSet<String> {
    let mut round = Round::new(rubrics(), RoundSetup::default());
    round.feed(&rep(0.0, text)).steps.iter().map(|s| format!("{}.{}", s.model, s.step)).collect()
}

/// The penalty ids one rep utterance triggers.
fn penalties_in(text: &str) -> BTreeSet<String> {
    let mut round = Round::new(rubrics(), RoundSetup::default());
    round.feed(&rep(0.0, text)).penalties.iter().map(|p| p.id.clone()).collect()
}

fn assert_shows(cases: &[(&str, &str)]) {
    for (tag, text) in cases {
        let found = steps_in(text);
        assert!(found.contains(*tag), "{text:?} should show {tag}, found {found:?}");
    }
}

#[test]
fn shipped_rubrics_define_every_fixed_id() {
    let tags = known_tags(rubrics());
    for (model, steps) in FIXED_MODELS {
        for step in steps {
            assert!(tags.contains(&format!("{model}.{step}")), "{model}.{step}");
        }
    }
    for id in PENALTY_IDS {
        assert!(tags.contains(&format!("penalty.{id}")), "penalty.{id}");
    }
    for id in BONUS_IDS {
        assert!(tags.contains(&format!("bonus.{id}")), "bonus.{id}");
    }
}

#[test]
fn seven_a_in_chinese() {
    assert_shows(&[
        ("7a.accept", "我在听,您慢慢说"),
        ("7a.accept", "您先别急,把情况跟我说说"),
        ("7a.apologize", "实在对不起,给您添麻烦了"),
        ("7a.apologize", "这是我们的疏忽"),
        ("7a.acknowledge", "换成是我也会着急的"),
        ("7a.acknowledge", "我非常理解您现在的心情"),
        ("7a.analyze", "能告诉我您是哪天下的单吗?"),
        ("7a.analyze", "我帮您核实一下物流信息"),
        ("7a.alternatives", "我可以给您补发,或者直接退款"),
        ("7a.alternatives", "有两个办法您可以选"),
        ("7a.agreement", "那我们就这么办,您看可以吗?"),
        ("7a.assurance", "请您放心,我会一直跟进到您收到为止"),
        ("7a.assurance", "我向您保证,不会再发生这种情况"),
    ]);
}

#[test]
fn seven_a_in_english() {
    assert_shows(&[
        ("7a.accept", "Go ahead, I'm listening."),
        ("7a.accept", "Thanks for letting me know about this."),
        ("7a.apologize", "I apologise for the mix-up."),
        ("7a.apologize", "That's on us, we messed up."),
        ("7a.acknowledge", "I can see why that's so frustrating."),
        ("7a.acknowledge", "I'd be upset too if I were in your shoes."),
        ("7a.analyze", "Could you tell me when you placed the order?"),
        ("7a.analyze", "Let me check the tracking for you."),
        ("7a.alternatives", "I can offer you a full refund or a replacement."),
        ("7a.alternatives", "Would you rather have store credit?"),
        ("7a.agreement", "Does that work for you?"),
        ("7a.assurance", "I'll personally make sure it arrives, you have my word."),
        ("7a.assurance", "I'll keep you posted every step of the way."),
    ]);
}

#[test]
fn six_steps_in_both_languages() {
    assert_shows(&[
        ("six_step.listen", "您请讲,我在听"),
        ("six_step.listen", "Take your time."),
        ("six_step.apologize", "真不好意思让您白跑一趟"),
        ("six_step.apologize", "So sorry about that!"),
        ("six_step.repeat", "我跟您确认一下,您是说收到的杯子是碎的,对吗?"),
        ("six_step.repeat", "So if I understand correctly, the cup arrived broken?"),
        ("six_step.repeat", "Just to make sure I've got this right: you were charged twice?"),
        ("six_step.understand", "您着急是可以理解的"),
        ("six_step.understand", "That must have been really annoying."),
        ("six_step.compensate", "我们给您全额退款"),
        ("six_step.compensate", "We'll refund the shipping fee."),
        ("six_step.confirm", "这样处理您还满意吗?"),
        ("six_step.confirm", "Is there anything else I can help you with?"),
    ]);
}

#[test]
fn eoac_in_both_languages() {
    assert_shows(&[
        ("eoac.explore", "您最关心的是哪一点?"),
        ("eoac.explore", "What do you need it for, and by when?"),
        ("eoac.offer", "我建议先从本地仓库调两件给您"),
        ("eoac.offer", "What I can do is send the two samples by courier."),
        ("eoac.action", "我今天下班前帮您申请好"),
        ("eoac.action", "I'll call you back within 2 hours."),
        ("eoac.confirm", "这样安排您满意吗?"),
        ("eoac.confirm", "Are you happy with that plan?"),
    ]);
}

#[test]
fn a_phrase_counts_for_its_own_phase_only() {
    let listening = steps_in("Please tell me what happened.");
    assert!(listening.contains("7a.accept") && !listening.contains("7a.analyze"), "{listening:?}");
    let restating = steps_in("So if I understand correctly, it never arrived?");
    assert!(restating.contains("six_step.repeat") && !restating.contains("six_step.understand"), "{restating:?}");
    let sorry = steps_in("I'm so sorry to hear that.");
    assert!(sorry.contains("7a.apologize") && sorry.contains("7a.acknowledge"), "{sorry:?}");
}

#[test]
fn negation_and_penalty_words_earn_nothing() {
    assert!(!steps_in("我不理解您在说什么").contains("7a.acknowledge"));
    assert!(!steps_in("I don't understand what you want").contains("7a.acknowledge"));
    assert!(!penalties_in("It's not your fault at all.").contains("blame_customer"));
    assert!(penalties_in("That's your fault.").contains("blame_customer"));
    // The words of a taboo phrase are used up by the penalty.
    assert!(steps_in("我不知道怎么处理").is_empty());
}

#[test]
fn seed_taboo_phrases_and_paraphrases_are_caught() {
    let taboo = [
        "这问题连小孩子都知道",
        "你要知道,一分钱,一分货",
        "绝对不可能有这种事发生",
        "请你去问物流部,这不关我的事",
        "嗯……我不大清楚",
        "我绝对没有说过那种话",
        "我不知道怎么处理",
        "公司的规定就是这样",
        "你不识字吗?",
        "改天通知你",
        "公司规定就是这样",
        "That's our policy.",
        "Calm down.",
        "Didn't you read it?",
        "I've no idea, honestly.",
        "Sorry, it's company policy.",
    ];
    for text in taboo {
        assert!(penalties_in(text).contains("taboo"), "{text:?} is taboo; found {:?}", penalties_in(text));
    }
}

#[test]
fn wrong_ways_and_red_lines() {
    let cases = [
        ("blame_customer", "是您自己填错了地址"),
        ("blame_customer", "You should have checked the address."),
        ("dodge_responsibility", "这是快递公司的问题,跟我们没关系"),
        ("dodge_responsibility", "It's out of my hands, I just work here."),
        ("interrogate", "你为什么不早说?"),
        ("rude", "闭嘴"),
        ("nonverbal_rejection", "(叹气)"),
        ("nonverbal_rejection", "*rolls her eyes*"),
        ("contempt", "就你这样还想退货?"),
        ("impatience", "我已经说了好几遍了"),
        ("impatience", "As I said, it's been shipped."),
        ("refusal", "这个肯定不行"),
        ("refusal", "That's out of the question."),
        ("doubt", "您是不是搞错了?"),
        ("doubt", "Are you sure you didn't receive it?"),
        ("casualness", "无所谓,差不多就行"),
        ("casualness", "It's no big deal."),
        ("avoid_word", "你必须先填表"),
        ("avoid_word", "You have to fill in the form first."),
    ];
    for (id, text) in cases {
        let found = penalties_in(text);
        assert!(found.contains(id), "{text:?} should trigger {id}; found {found:?}");
    }
    assert!(penalties_in("您看行不行?").is_empty(), "asking consent is no refusal");
    assert!(penalties_in("请您稍等一下,我马上查").is_empty());
}

#[test]
fn apology_without_action_is_penalised() {
    let only_sorry =
        transcript(Lang::Zh, None, vec![customer(0.0, "包裹呢?"), rep(5.0, "对不起"), rep(10.0, "真的很抱歉")]);
    let report = score(rubrics(), &only_sorry);
    let hit = report.penalties.iter().find(|p| p.id == "apology_without_action").expect("penalised");
    assert_eq!(hit.turn, 2, "attributed to the last apology");
    let with_action =
        transcript(Lang::Zh, None, vec![customer(0.0, "包裹呢?"), rep(5.0, "对不起"), rep(10.0, "我马上给您补发")]);
    assert!(score(rubrics(), &with_action).penalties.iter().all(|p| p.id != "apology_without_action"));
}

#[test]
fn solution_before_empathy_lowers_the_order_score() {
    let in_order = ["7a.accept", "7a.apologize", "7a.analyze", "7a.alternatives", "7a.agreement"];
    let turns = |tags: &[&str]| tags.iter().enumerate().map(|(i, t)| tagged(i as f64 * 5.0, &[t])).collect::<Vec<_>>();
    let good = score(rubrics(), &transcript(Lang::En, None, turns(&in_order)));
    let reversed: Vec<&str> = in_order.iter().rev().copied().collect();
    let bad = score(rubrics(), &transcript(Lang::En, None, turns(&reversed)));
    assert_eq!(good.models["7a"].order, 1.0);
    assert!(bad.models["7a"].order < 0.5, "{}", bad.models["7a"].order);
    assert!(bad.models["7a"].score < good.models["7a"].score);
    assert!(bad.items.iter().any(|i| i.rule == "order.7a" && i.points < 0.0));
}

#[test]
fn an_early_apology_counts_more_and_overtime_counts_less() {
    let at = |t: f64, limit: Option<f64>| {
        let mut tr = transcript(Lang::Zh, None, vec![customer(0.0, "怎么回事"), rep(t, "非常抱歉")]);
        tr.time_limit = limit;
        score(rubrics(), &tr).models["7a"].score
    };
    assert!(at(5.0, None) > at(100.0, None));
    assert!(at(100.0, None) > at(100.0, Some(60.0)));
}

#[test]
fn the_transcript_chooses_the_judging_model() {
    let mut tr = example("en_exemplary.ron");
    assert_ne!(score(rubrics(), &tr).judged_by, "eoac");
    tr.models = vec!["eoac".into()];
    let report = score(rubrics(), &tr);
    assert_eq!(report.judged_by, "eoac");
    assert!(report.items.iter().any(|i| i.rule.starts_with("eoac.")));
    tr.models = vec!["8a".into()];
    assert_eq!(score(rubrics(), &tr).warnings.len(), 1);
}

#[test]
fn observer_tags_add_and_remove() {
    let mut turn = rep(3.0, "非常抱歉");
    turn.tags =
        vec!["-7a.apologize".into(), "7a.alternatives".into(), "penalty.nonverbal_rejection".into(), "7a.bogus".into()];
    let report = score(rubrics(), &transcript(Lang::Zh, None, vec![turn]));
    assert_eq!(report.models["7a"].found, vec!["alternatives"]);
    assert!(report.penalties.iter().any(|p| p.id == "nonverbal_rejection" && p.turn == 0));
    assert_eq!(report.warnings.len(), 1, "{:?}", report.warnings);
}

#[test]
fn mood_rises_with_empathy_falls_with_taboo_and_walks_out_at_zero() {
    let mut round = Round::new(rubrics(), RoundSetup { disc: Some(Disc::D), ..Default::default() });
    let start = round.mood();
    assert!(round.feed(&rep(0.0, "非常抱歉,换成是我也会着急")).mood > start);
    let before = round.mood();
    assert!(round.feed(&rep(1.0, "公司的规定就是这样")).mood < before);
    for i in 0..5 {
        round.feed(&rep(2.0 + f64::from(i), "你不识字吗?这不关我的事"));
    }
    assert_eq!(round.mood(), 0.0);
    let walked_out = round.walked_out().expect("walked out");
    assert!(round.outcomes()[walked_out].walked_out);
    assert!(round.report().items.iter().any(|i| i.rule == "walk_out"));
}

#[test]
fn a_dominant_customer_loses_patience_faster() {
    let waited = |disc| {
        let mut round = Round::new(rubrics(), RoundSetup { disc: Some(disc), ..Default::default() });
        round.feed(&customer(0.0, "我的退款呢?"));
        round.feed(&customer(120.0, "还有人吗?"));
        round.mood()
    };
    let start = |disc| rubrics().mood_profile(Some(disc)).start;
    assert!(start(Disc::D) - waited(Disc::D) > start(Disc::S) - waited(Disc::S));
}

#[test]
fn disc_fit_rewards_what_each_type_values() {
    let fit = |disc, turns: Vec<Turn>| {
        score(rubrics(), &transcript(Lang::En, Some(disc), turns)).disc_fit.map_or(0.0, |f| f.fit)
    };
    let fast = vec![customer(0.0, "Fix it."), rep(10.0, "I can send a replacement today.")];
    let slow = vec![customer(0.0, "Fix it."), rep(200.0, "I can send a replacement today.")];
    assert!(fit(Disc::D, fast) > fit(Disc::D, slow));
    let facts = vec![rep(
        5.0,
        "Because the scanner failed, it was delayed 2 days. The tracking shows it left at 9 am. According to our records it arrives on the 28th.",
    )];
    let vague = vec![rep(5.0, "It will come soon.")];
    assert!(fit(Disc::C, facts) > fit(Disc::C, vague));
    let warm = vec![rep(5.0, "Thank you so much, Mrs Chen. I understand, and great question! Are you okay?")];
    assert!(fit(Disc::I, warm) > fit(Disc::I, vec![rep(5.0, "Order number.")]));
}

#[test]
fn feeding_turns_one_by_one_matches_scoring_the_transcript() {
    let tr = example("zh_exemplary.ron");
    let mut round = Round::new(rubrics(), RoundSetup::from_transcript(&tr));
    let moods: Vec<f64> = tr.turns.iter().map(|t| round.feed(t).mood).collect();
    let report = score(rubrics(), &tr);
    assert_eq!(moods, report.mood);
    assert_eq!(round.report(), report);
}

#[test]
fn items_add_up_to_the_total() {
    for name in ["zh_exemplary.ron", "en_out_of_order.ron", "zh_rude.ron", "en_apology_only.ron"] {
        let report = score(rubrics(), &example(name));
        let sum: f64 = report.items.iter().map(|i| i.points).sum();
        assert!((sum - report.total).abs() < 0.05, "{name}: items {sum} vs total {}", report.total);
    }
}

fn example(name: &str) -> Transcript {
    let path = PathBuf::from(TRANSCRIPT_DIR).join(name);
    let src = std::fs::read_to_string(&path).expect("example transcript exists");
    Transcript::parse(&path, &src).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn examples_rank_exemplary_above_out_of_order_above_apology_only_above_rude() {
    for lang in ["zh", "en"] {
        let totals: Vec<f64> = ["exemplary", "out_of_order", "apology_only", "rude"]
            .iter()
            .map(|kind| score(rubrics(), &example(&format!("{lang}_{kind}.ron"))).total)
            .collect();
        assert!(totals.windows(2).all(|w| w[0] > w[1]), "{lang}: {totals:?}");
    }
}

#[test]
fn every_example_transcript_parses_and_uses_known_tags() {
    let entries = std::fs::read_dir(TRANSCRIPT_DIR).expect("transcript folder");
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let report = score(rubrics(), &example(&name));
        assert!(report.warnings.is_empty(), "{name}: {:?}", report.warnings);
    }
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("service-camp-scoring-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

/// A copy of the shipped rubrics with one file's text replaced.
fn rubrics_with(name: &str, file: &str, edit: impl Fn(&str) -> String) -> Result<Rubrics, Vec<ContentError>> {
    let dir = temp_dir(name);
    for entry in std::fs::read_dir(RUBRIC_DIR).expect("rubric dir").flatten() {
        let text = std::fs::read_to_string(entry.path()).expect("rubric file");
        let text = if entry.file_name() == file { edit(&text) } else { text };
        std::fs::write(dir.join(entry.file_name()), text).expect("copy");
    }
    Rubrics::load_dir(&dir)
}

#[test]
fn rubric_errors_are_located_and_clear() {
    let errors = rubrics_with("dup", "7a.ron", |s| s.replacen("id: \"agreement\"", "id: \"analyze\"", 1)).unwrap_err();
    let dup = errors.iter().find(|e| e.message.contains("duplicate step id \"analyze\"")).expect("duplicate reported");
    assert!(dup.line > 0 && dup.file.ends_with("7a.ron"), "{dup}");

    let errors = rubrics_with("cue", "eoac.ron", |s| s.replacen("\"commitment\"", "\"comitment\"", 1)).unwrap_err();
    assert!(errors.iter().any(|e| e.message.contains("unknown cue set \"comitment\"") && e.line > 0), "{errors:?}");

    let errors = rubrics_with("pattern", "cues.ron", |s| s.replacen("\"我在听\"", "\"我在[听\"", 1)).unwrap_err();
    assert!(errors.iter().any(|e| e.message.contains("without a closing") && e.line > 0), "{errors:?}");

    let errors =
        rubrics_with("syntax", "penalties.ron", |s| s.replacen("points: 8.0", "points: eight", 1)).unwrap_err();
    assert!(errors.iter().any(|e| e.file.ends_with("penalties.ron") && e.line > 0), "{errors:?}");

    let errors =
        rubrics_with("unknown-penalty", "penalties.ron", |s| s.replacen("id: \"rude\"", "id: \"impolite\"", 1))
            .unwrap_err();
    assert!(errors.iter().any(|e| e.message.contains("unknown penalty id \"impolite\"")), "{errors:?}");
}

#[test]
fn a_missing_rubric_folder_is_an_error_not_a_panic() {
    let errors = Rubrics::load_dir(Path::new("/nonexistent/rubrics")).unwrap_err();
    assert!(!errors.is_empty());
}

// ---- property tests ----

/// Rep utterances, good and neutral, for generated transcripts.
const PHRASES: &[&str] = &[
    "非常抱歉让您久等了",
    "我在听,您慢慢说",
    "换成是我也会着急的",
    "能告诉我订单号吗?",
    "我可以给您补发或者退款",
    "那我们就这么办,您看可以吗?",
    "请您放心,我会跟进到底",
    "这样处理您还满意吗?",
    "谢谢您的耐心",
    "好的",
    "I'm so sorry about this.",
    "Take your time.",
    "I can see why that's frustrating.",
    "Could you tell me the order number?",
    "I can offer a refund or a replacement.",
    "Does that work for you?",
    "I'll follow up tomorrow, you have my word.",
    "Is there anything else I can help with?",
    "Thank you.",
    "OK.",
];

const TABOO: &[&str] = &[
    "这问题连小孩子都知道",
    "你要知道,一分钱,一分货",
    "绝对不可能有这种事发生",
    "这不关我的事",
    "嗯……我不大清楚",
    "我绝对没有说过那种话",
    "我不知道怎么处理",
    "公司的规定就是这样",
    "你不识字吗?",
    "改天通知你",
    "That's our policy.",
    "Calm down.",
    "Didn't you read it?",
];

fn any_disc() -> impl Strategy<Value = Option<Disc>> {
    prop_oneof![Just(None), Just(Some(Disc::D)), Just(Some(Disc::I)), Just(Some(Disc::S)), Just(Some(Disc::C))]
}

fn any_transcript() -> impl Strategy<Value = Transcript> {
    let turn = (any::<bool>(), 0..PHRASES.len(), 0.0f64..40.0);
    (any_disc(), prop::collection::vec(turn, 1..14)).prop_map(|(disc, turns)| {
        let mut t = 0.0;
        let turns = turns
            .into_iter()
            .map(|(is_rep, phrase, gap)| {
                t += gap;
                let who = if is_rep { Speaker::Rep } else { Speaker::Customer };
                Turn { t, who, text: PHRASES[phrase].into(), tags: vec![] }
            })
            .collect();
        transcript(Lang::Zh, disc, turns)
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn adding_a_taboo_phrase_never_raises_the_total(
        base in any_transcript(),
        taboo in 0..TABOO.len(),
        target in any::<prop::sample::Index>(),
        as_new_turn in any::<bool>(),
    ) {
        let before = score(rubrics(), &base).total;
        let mut worse = base.clone();
        let reps: Vec<usize> = (0..worse.turns.len()).filter(|&i| worse.turns[i].who == Speaker::Rep).collect();
        if as_new_turn || reps.is_empty() {
            let t = worse.turns.last().map_or(0.0, |l| l.t) + 1.0;
            worse.turns.push(rep(t, TABOO[taboo]));
        } else {
            let i = reps[target.index(reps.len())];
            worse.turns[i].text.push_str(TABOO[taboo]);
        }
        let after = score(rubrics(), &worse).total;
        prop_assert!(after <= before, "{before} -> {after} adding {:?}", TABOO[taboo]);
    }

    #[test]
    fn putting_steps_in_the_model_order_never_lowers_the_order_score(
        picks in prop::collection::vec((0usize..3, 0usize..7), 1..12),
    ) {
        let rubrics = rubrics();
        for (m, model) in rubrics.models.iter().enumerate() {
            let steps: Vec<usize> = picks.iter().filter(|(pm, _)| *pm == m % 3).map(|(_, s)| s % model.steps.len()).collect();
            let as_transcript = |order: &[usize]| {
                let turns = order.iter().enumerate().map(|(i, &s)| tagged(i as f64, &[&format!("{}.{}", model.id, model.steps[s].id)])).collect();
                score(rubrics, &transcript(Lang::En, None, turns)).models[&model.id].order
            };
            let mut sorted = steps.clone();
            sorted.sort_by_key(|&s| model.rank(s));
            prop_assert!(as_transcript(&sorted) >= as_transcript(&steps));
        }
    }

    #[test]
    fn totals_and_scores_stay_in_range(tr in any_transcript()) {
        let report = score(rubrics(), &tr);
        prop_assert!((0.0..=100.0).contains(&report.total));
        for result in report.models.values() {
            prop_assert!((0.0..=100.0).contains(&result.score));
            prop_assert!((0.0..=1.0).contains(&result.order));
        }
        prop_assert!(report.mood.iter().all(|m| (0.0..=100.0).contains(m)));
    }

    #[test]
    fn arbitrary_text_never_panics(text in any::<String>(), t in any::<f64>(), tag in any::<String>(), disc in any_disc()) {
        let turns = vec![
            Turn { t, who: Speaker::Rep, text: text.clone(), tags: vec![tag.clone()] },
            Turn { t: -t, who: Speaker::Customer, text: text.clone(), tags: vec![] },
            rep(f64::NAN, &text),
        ];
        let report = score(rubrics(), &transcript(Lang::En, disc, turns));
        prop_assert!((0.0..=100.0).contains(&report.total));
        let _ = report.render(rubrics(), crate::core::locale::Locales::compiled_in(), Some(&text));
        let _ = Transcript::parse(Path::new("x.ron"), &text);
    }
}
