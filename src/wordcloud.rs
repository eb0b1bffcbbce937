//! Keywords for the debrief word cloud. Chinese has no spaces between words, so text is
//! segmented with the course's own vocabulary first (longest match), and the rest of a
//! Chinese run is read as overlapping two-character words; English is split on non-letters.

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

/// Two-character pieces that carry no meaning on their own.
const STOP_PAIRS: &[&str] =
    &["我们", "一个", "一定", "可以", "需要", "时候", "什么", "这个", "那个", "就是", "没有", "自己"];
const STOP_WORDS: &[&str] = &[
    "the", "and", "for", "with", "that", "this", "from", "our", "are", "not", "you", "your", "they", "their", "was",
    "but", "its", "all", "can", "will", "before", "after", "into", "than", "then", "when", "what", "who", "any",
    "every", "let", "more", "each", "also", "just", "only", "one", "two", "first", "back", "them", "him", "her",
];
/// Function characters: a pair containing one is not a word.
const PARTICLES: &str = "的了是在和与及或就也都要把被让给对于很再又还吗呢吧啊嘛着过得地个这那";

fn is_cjk(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c) || ('\u{3400}'..='\u{4DBF}').contains(&c)
}

/// The words of one text.
pub fn segment(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut words = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let rest: String = chars[i..].iter().collect();
        if let Some(term) = TERMS.iter().filter(|t| rest.starts_with(**t)).max_by_key(|t| t.chars().count()) {
            words.push((*term).to_owned());
            i += term.chars().count();
        } else if is_cjk(chars[i]) {
            let run_end = (i..chars.len())
                .find(|&j| {
                    !is_cjk(chars[j]) || TERMS.iter().any(|t| chars[j..].iter().collect::<String>().starts_with(t))
                })
                .unwrap_or(chars.len());
            for pair in chars[i..run_end].windows(2) {
                let pair: String = pair.iter().collect();
                if !pair.chars().any(|c| PARTICLES.contains(c)) && !STOP_PAIRS.contains(&pair.as_str()) {
                    words.push(pair);
                }
            }
            i = run_end.max(i + 1);
        } else if chars[i].is_alphanumeric() {
            let end =
                (i..chars.len()).find(|&j| !chars[j].is_alphanumeric() || is_cjk(chars[j])).unwrap_or(chars.len());
            let word: String = chars[i..end].iter().collect::<String>().to_lowercase();
            if word.chars().count() >= 3 && !STOP_WORDS.contains(&word.as_str()) {
                words.push(word);
            }
            i = end;
        } else {
            i += 1;
        }
    }
    words
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
    fn chinese_is_segmented_by_course_terms_then_pairs() {
        let words = segment("情感第一,先道歉再解决问题!");
        assert!(words.contains(&"情感第一".to_owned()), "{words:?}");
        assert!(words.contains(&"道歉".to_owned()));
        assert!(words.contains(&"解决".to_owned()) && words.contains(&"问题".to_owned()));
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
