//! Keywords for the debrief word cloud. Chinese has no spaces between words: `jieba-rs`
//! segments it, with the course's own terms added to its dictionary so they stay whole;
//! English is split on non-letters.

use std::collections::BTreeMap;

/// Course terms that must stay whole (longest first wins when they overlap).
const TERMS: &[&str] = &[
    "情感第一",
    "情绪银行",
    "主动倾听",
    "立即重复",
    "换位思考",
    "先处理心情",
    "赢在速度",
    "赢在关系",
    "赢在安心",
    "赢在专业",
    "温暖技巧",
    "满意确认",
    "行动承诺",
    "主动提议",
    "探索需求",
    "超标需求",
    "态度红线",
    "服务承诺",
    "倾听",
    "道歉",
    "认同",
    "接受",
    "分析",
    "权宜",
    "协议",
    "保证",
    "禁语",
    "共情",
    "同理心",
    "回访",
    "跟进",
    "投诉",
    "客户",
    "情绪",
    "耐心",
    "微笑",
    "尊重",
    "承诺",
    "方案",
    "补偿",
    "赔偿",
    "感谢",
    "称呼",
    "专业",
    "速度",
    "7A",
    "EOAC",
    "DISC",
    "KANO",
    "SERVQUAL",
    "5W1H",
];

/// Chinese words too common to say anything about a debrief.
const STOP_WORDS_ZH: &[&str] = &[
    "我们", "一个", "一定", "可以", "需要", "时候", "什么", "这个", "那个", "就是", "没有", "自己", "他们", "你们",
    "如果", "因为", "所以", "但是", "然后", "还是", "已经", "这样", "那样", "一下", "一些", "不是", "还有", "进行",
];
const STOP_WORDS: &[&str] = &[
    "the", "and", "for", "with", "that", "this", "from", "our", "are", "not", "you", "your", "they", "their", "was",
    "but", "its", "all", "can", "will", "before", "after", "into", "than", "then", "when", "what", "who", "any",
    "every", "let", "more", "each", "also", "just", "only", "one", "two", "first", "back", "them", "him", "her",
    "said", "say", "says", "about", "has", "have", "had", "nobody", "never", "there", "were", "been", "very", "much",
    "would", "could", "should", "without", "while", "asking", "got", "get", "did", "does", "out", "how", "why",
];

fn is_cjk(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c) || ('\u{3400}'..='\u{4DBF}').contains(&c)
}

/// jieba with its bundled dictionary and the course's terms, built once (the dictionary takes a
/// moment to load).
fn segmenter() -> &'static jieba_rs::Jieba {
    static JIEBA: std::sync::OnceLock<jieba_rs::Jieba> = std::sync::OnceLock::new();
    JIEBA.get_or_init(|| {
        let mut jieba = jieba_rs::Jieba::new();
        for term in TERMS {
            // A high frequency keeps each course term whole.
            jieba.add_word(term, Some(100_000), None);
        }
        jieba
    })
}

/// The words of one text: Chinese words of two or more characters as jieba segments them,
/// English words of three or more letters, lower-cased, without stop words.
pub fn segment(text: &str) -> Vec<String> {
    segmenter()
        .cut(text, false)
        .into_iter()
        .filter_map(|word| {
            let word = word.word.trim();
            if TERMS.contains(&word) {
                return Some(word.to_owned());
            }
            if word.chars().any(is_cjk) {
                let meaningful =
                    word.chars().count() >= 2 && word.chars().all(is_cjk) && !STOP_WORDS_ZH.contains(&word);
                return meaningful.then(|| word.to_owned());
            }
            let lower = word.to_lowercase();
            let meaningful = lower.chars().count() >= 3
                && lower.chars().all(char::is_alphanumeric)
                && !STOP_WORDS.contains(&lower.as_str());
            meaningful.then_some(lower)
        })
        .collect()
}

/// Below this many repeated words, single mentions fill the cloud.
const MIN_CLOUD: usize = 8;

/// The `top` most frequent words across `texts`, most frequent first (ties alphabetical).
pub fn keywords<'a>(texts: impl IntoIterator<Item = &'a str>, top: usize) -> Vec<(String, usize)> {
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for text in texts {
        for word in segment(text) {
            *counts.entry(word).or_default() += 1;
        }
    }
    let mut ranked: Vec<(String, usize)> = counts.into_iter().collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    // Words said only once are mostly segmentation noise; keep them only when little else is there.
    let repeated = ranked.iter().filter(|(_, n)| *n >= 2).count();
    if repeated >= MIN_CLOUD {
        ranked.retain(|(_, n)| *n >= 2);
    }
    ranked.truncate(top);
    ranked
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_segments_into_real_words_not_fragments() {
        let words = segment("要先处理事情，机会瞬间就没了，结束前要回访");
        for fragment in ["先处", "理事", "会瞬", "束前"] {
            assert!(!words.contains(&fragment.to_owned()), "{fragment} is not a word: {words:?}");
        }
        for word in ["处理", "事情", "机会", "瞬间", "结束", "回访"] {
            assert!(words.contains(&word.to_owned()), "{word} missing from {words:?}");
        }
    }

    #[test]
    fn chinese_keeps_course_terms_whole() {
        let words = segment("情感第一,先道歉再解决问题!");
        assert!(words.contains(&"情感第一".to_owned()), "{words:?}");
        assert!(words.contains(&"道歉".to_owned()));
        assert_eq!(words, ["情感第一", "道歉", "解决问题"], "jieba knows 解决问题 as one word");
        assert!(!words.iter().any(|w| w.contains('的') || w.contains(',')));
    }

    #[test]
    fn english_words_are_lowercased_without_stop_words() {
        assert_eq!(segment("LISTEN, and then apologise before the Fix"), ["listen", "apologise", "fix"]);
    }

    #[test]
    fn keywords_rank_by_frequency_across_texts() {
        let texts = ["倾听客户的情绪", "先倾听,再道歉", "道歉要真诚,倾听要耐心"];
        let top = keywords(texts, 3);
        assert_eq!(top[0], ("倾听".to_owned(), 3));
        assert_eq!(top[1], ("道歉".to_owned(), 2));
    }
}
