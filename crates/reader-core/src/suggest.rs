//! Keyword suggestions computed from the article itself, with no dictionary.
//!
//! Chinese has no spaces, so words are found statistically (as in new-word
//! discovery): a run of Han characters is a phrase when it is
//! - frequent: it occurs at least [`MIN_FREQUENCY`] times;
//! - free at both ends: many different characters stand before and after it
//!   (left and right neighbour entropy), so 的二十 (always followed by 大) or
//!   二十大 (always after 的) are fragments, not phrases;
//! - cohesive: its parts occur together far more than chance would have it
//!   (the weakest split's pointwise mutual information);
//! - not starting or ending with a function character (的, 和, 是 …), and not
//!   one of the few dozen generic words every official text repeats (工作, 推进 …).
//!
//! Phrases mostly contained in a longer chosen phrase are dropped. English and
//! other spaced text contributes frequent words and word pairs outside a short
//! stop list. Everything is folded first (case, width).

use crate::article::text::{TextMap, fold_str, is_han, is_word_char};

/// How often a phrase must occur to be suggested.
pub const MIN_FREQUENCY: u32 = 3;
/// Longest Chinese phrase considered, in characters.
const MAX_PHRASE: usize = 6;
/// Only this much Han text is examined: statistics settle long before, and a
/// multi-megabyte article must not stall the page (the suggestions are
/// computed in one go, so this bounds the longest task they take).
const MAX_HAN_CHARS: usize = 100_000;
/// Only the start of the text is examined, in bytes (about 85,000 Chinese
/// characters), for the same reason: folding and word counting go no further.
const MAX_TEXT_BYTES: usize = 256 * 1024;
/// Both neighbour entropies must reach this (bits).
const MIN_ENTROPY: f64 = 1.0;
/// The weakest split's pointwise mutual information must reach this (bits).
const MIN_COHESION: f64 = 2.0;

/// Characters that rarely start or end a phrase in Chinese.
const FUNCTION_CHARS: &[char] = &[
    '的', '了', '和', '与', '及', '是', '在', '把', '将', '对', '为', '等', '中', '上', '下', '要',
    '以', '而', '并', '其', '之', '也', '就', '都', '又', '从', '向', '于', '被', '让', '使', '个',
    '这', '那', '有', '不', '各', '到', '来', '着', '过', '得', '地', '所', '或', '即', '如',
];

/// Chinese words too common to be worth a highlight on their own (the verbs and
/// abstractions every official text repeats). Like an English stop list, this is
/// a few lines, not a dictionary; the words still count inside longer phrases.
const GENERIC_WORDS: &[&str] = &[
    "工作",
    "建设",
    "全面",
    "学习",
    "推动",
    "推进",
    "贯彻",
    "落实",
    "加强",
    "持续",
    "坚持",
    "深入",
    "提升",
    "实现",
    "发展",
    "重要",
    "各项",
    "积极",
    "不断",
    "切实",
    "始终",
    "主要",
    "相关",
    "有关",
    "问题",
    "方面",
    "情况",
    "要求",
    "作用",
    "能力",
    "水平",
    "机制",
    "精神",
    "思想",
    "认识",
    "开展",
    "做好",
    "抓好",
    "强化",
    "完善",
    "健全",
    "提高",
    "增强",
    "形成",
    "进行",
    "结合",
    "围绕",
    "服务",
    "保障",
    "促进",
    "支持",
    "我们",
    "他们",
    "自己",
    "一个",
    "没有",
    "已经",
    "可以",
    "需要",
    "通过",
    "按照",
    "根据",
    "作为",
    "成为",
    "同时",
    "以及",
    "其中",
    "目前",
    "当前",
    "进一步",
    "自觉",
    "领导",
];

/// English words too common to suggest.
const STOP_WORDS: &[&str] = &[
    "the", "and", "for", "are", "but", "not", "you", "all", "any", "can", "had", "her", "was",
    "one", "our", "out", "has", "his", "how", "its", "may", "new", "now", "see", "who", "did",
    "she", "use", "way", "many", "that", "this", "with", "have", "from", "they", "will", "would",
    "there", "their", "what", "about", "which", "when", "make", "like", "time", "just", "know",
    "take", "into", "your", "some", "could", "them", "than", "then", "these", "other", "also",
    "more", "most", "only", "over", "such", "even", "were", "been", "being", "each", "very",
    "much", "where", "while", "should", "because", "after", "before", "between", "through",
    "those", "does", "here", "both", "under", "again", "same", "well",
];

/// A candidate and how it scored.
#[derive(Clone, Debug, PartialEq)]
struct Scored {
    phrase: String,
    frequency: u32,
    score: f64,
}

/// Up to `limit` suggested keywords for `text`, best first.
pub fn suggest(text: &str, limit: usize) -> Vec<String> {
    let mut end = text.len().min(MAX_TEXT_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let folded = fold_str(&text[..end]);
    let mut scored = chinese_phrases(&folded);
    scored.extend(spaced_words(&folded));
    let mut chosen: Vec<Scored> = Vec::new();
    for candidate in ranked(scored) {
        // A phrase mostly seen inside a longer chosen one is a fragment of it.
        let fragment = chosen.iter().any(|c| {
            (within(&candidate.phrase, &c.phrase)
                && f64::from(candidate.frequency) < 1.5 * f64::from(c.frequency))
                || (within(&c.phrase, &candidate.phrase)
                    && f64::from(c.frequency) < 1.5 * f64::from(candidate.frequency))
        });
        if !fragment {
            chosen.push(candidate);
        }
        if chosen.len() == limit {
            break;
        }
    }
    chosen.into_iter().map(|s| s.phrase).collect()
}

/// `scored` best first; equal scores in code-point order of their phrases, so
/// that the counting map's order never decides. A hand-written insertion
/// keeps the WebAssembly small.
fn ranked(scored: Vec<Scored>) -> Vec<Scored> {
    let mut ranked: Vec<Scored> = Vec::new();
    for candidate in scored {
        let at = ranked.partition_point(|r| {
            r.score > candidate.score
                || (r.score == candidate.score && r.phrase <= candidate.phrase)
        });
        ranked.insert(at, candidate);
    }
    ranked
}

/// Whether `part` occurs in `phrase`. Phrases are a few characters long, for
/// which comparing at each byte beats `str::contains`, whose set-up per
/// search was most of ranking; a match of whole UTF-8 text is always at
/// character boundaries.
fn within(part: &str, phrase: &str) -> bool {
    phrase
        .as_bytes()
        .windows(part.len().max(1))
        .any(|w| w == part.as_bytes())
}

/// Runs of Han characters, as character vectors (at most [`MAX_HAN_CHARS`] in all).
fn han_runs(text: &str) -> Vec<Vec<char>> {
    let mut runs = Vec::new();
    let mut current = Vec::new();
    let mut total = 0;
    for c in text.chars() {
        if is_han(c) {
            current.push(c);
            total += 1;
            if total >= MAX_HAN_CHARS {
                break;
            }
        } else if !current.is_empty() {
            runs.push(std::mem::take(&mut current));
        }
    }
    if !current.is_empty() {
        runs.push(current);
    }
    runs
}

/// Counts of the characters seen on one side of a phrase. A short list: a side
/// rarely has more than a few dozen distinct neighbours.
#[derive(Default)]
struct Side {
    counts: Vec<(char, u32)>,
    /// Run edges (punctuation, the start or end of a line), each a neighbour of its own.
    edges: u32,
}

impl Side {
    fn add(&mut self, neighbour: Option<char>) {
        let Some(c) = neighbour else {
            self.edges += 1;
            return;
        };
        match self.counts.iter_mut().find(|(x, _)| *x == c) {
            Some((_, n)) => *n += 1,
            None => self.counts.push((c, 1)),
        }
    }

    /// Shannon entropy of the neighbours, in bits.
    fn entropy(&self) -> f64 {
        let total = f64::from(self.counts.iter().map(|&(_, n)| n).sum::<u32>() + self.edges);
        if total == 0.0 {
            return 0.0;
        }
        let term = |n: u32| {
            let p = f64::from(n) / total;
            -p * p.log2()
        };
        self.counts.iter().map(|&(_, n)| term(n)).sum::<f64>() + f64::from(self.edges) * term(1)
    }
}

/// What stands before and after one phrase.
#[derive(Default)]
struct Neighbours {
    left: Side,
    right: Side,
}

fn chinese_phrases(text: &str) -> Vec<Scored> {
    let runs = han_runs(text);
    let total: usize = runs.iter().map(Vec::len).sum();
    if total == 0 {
        return Vec::new();
    }
    let mut frequency: TextMap<&[char], u32> = TextMap::default();
    for run in &runs {
        for n in 1..=MAX_PHRASE {
            for gram in run.windows(n) {
                *frequency.entry(gram).or_default() += 1;
            }
        }
    }
    let candidate = |gram: &[char]| {
        gram.len() >= 2
            && !FUNCTION_CHARS.contains(&gram[0])
            && !FUNCTION_CHARS.contains(&gram[gram.len() - 1])
            && frequency.get(gram).is_some_and(|&f| f >= MIN_FREQUENCY)
    };
    let mut neighbours: TextMap<&[char], Neighbours> = TextMap::default();
    for run in &runs {
        for n in 2..=MAX_PHRASE.min(run.len()) {
            for start in 0..=run.len() - n {
                let gram = &run[start..start + n];
                if !candidate(gram) {
                    continue;
                }
                let entry = neighbours.entry(gram).or_default();
                entry.left.add(start.checked_sub(1).map(|i| run[i]));
                entry.right.add(run.get(start + n).copied());
            }
        }
    }
    let n_total = total as f64;
    neighbours
        .into_iter()
        .filter_map(|(gram, sides)| {
            let f = f64::from(frequency[gram]);
            let freedom = sides.left.entropy().min(sides.right.entropy());
            let cohesion = (1..gram.len())
                .map(|k| {
                    let a = f64::from(frequency[&gram[..k]]);
                    let b = f64::from(frequency[&gram[k..]]);
                    (f * n_total / (a * b)).log2()
                })
                .fold(f64::INFINITY, f64::min);
            let phrase: String = gram.iter().collect();
            let generic = GENERIC_WORDS.contains(&phrase.as_str());
            (freedom >= MIN_ENTROPY && cohesion >= MIN_COHESION && !generic).then(|| Scored {
                phrase,
                frequency: frequency[gram],
                score: f * freedom * (gram.len() as f64).sqrt(),
            })
        })
        .collect()
}

/// Frequent words and word pairs of spaced scripts (English and the like).
fn spaced_words(text: &str) -> Vec<Scored> {
    let words: Vec<&str> = text
        .split(|c: char| !is_word_char(c) || is_han(c))
        .filter(|w| !w.is_empty())
        .collect();
    let useful = |w: &str| {
        w.chars().count() >= 3 && !w.chars().all(|c| c.is_ascii_digit()) && !STOP_WORDS.contains(&w)
    };
    let mut frequency: TextMap<String, u32> = TextMap::default();
    for (i, word) in words.iter().enumerate() {
        if !useful(word) {
            continue;
        }
        *frequency.entry((*word).to_string()).or_default() += 1;
        if let Some(next) = words.get(i + 1).filter(|w| useful(w)) {
            *frequency.entry(format!("{word} {next}")).or_default() += 1;
        }
    }
    frequency
        .into_iter()
        .filter(|&(_, f)| f >= MIN_FREQUENCY)
        .map(|(phrase, f)| {
            let weight = if phrase.contains(' ') { 2.5 } else { 1.0 };
            Scored {
                score: f64::from(f) * weight * 1.5,
                frequency: f,
                phrase,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::parse;

    const SEED: &str = crate::sample::SEED_ARTICLE;

    #[test]
    fn seed_suggestions_are_phrases_not_fragments() {
        let doc = parse(SEED);
        let suggested = suggest(&doc.body, 12);
        println!("{suggested:?}");
        for wanted in ["党的二十大", "组织工作", "基层党组织", "干部", "人才"] {
            assert!(
                suggested.iter().any(|s| s == wanted),
                "{wanted} missing from {suggested:?}"
            );
        }
        for fragment in ["的二十", "党的二", "二十大", "的二十大"] {
            assert!(
                !suggested.iter().any(|s| s == fragment),
                "{fragment} suggested: {suggested:?}"
            );
        }
        let top5: Vec<&String> = suggested.iter().take(8).collect();
        assert!(
            top5.iter().any(|s| *s == "党的二十大"),
            "党的二十大 ranks high: {suggested:?}"
        );
    }

    #[test]
    fn english_suggestions_skip_stop_words() {
        let text = "Rivers shape cities. The river trade made river cities rich. River trade grew, and river trade lasted. Cities grew along the rivers.";
        let suggested = suggest(text, 5);
        assert!(
            suggested.contains(&"river trade".to_string()),
            "{suggested:?}"
        );
        assert!(!suggested.iter().any(|s| s == "the" || s == "and"));
    }

    #[test]
    fn nothing_to_suggest_in_short_or_empty_text() {
        assert!(suggest("", 10).is_empty());
        assert!(suggest("只有一句话。", 10).is_empty());
    }

    #[test]
    fn equal_scores_rank_in_code_point_order_whatever_order_they_come_in() {
        let scored = |list: &[(&str, f64)]| {
            list.iter()
                .map(|&(phrase, score)| Scored {
                    phrase: phrase.to_string(),
                    frequency: 3,
                    score,
                })
                .collect::<Vec<_>>()
        };
        let phrases =
            |ranked: Vec<Scored>| ranked.into_iter().map(|s| s.phrase).collect::<Vec<_>>();
        let want = ["人才", "干部", "甲乙", "组织", "基层"];
        for list in [
            [
                ("组织", 2.0),
                ("甲乙", 3.0),
                ("干部", 3.0),
                ("人才", 3.0),
                ("基层", 1.0),
            ],
            [
                ("人才", 3.0),
                ("干部", 3.0),
                ("甲乙", 3.0),
                ("基层", 1.0),
                ("组织", 2.0),
            ],
        ] {
            assert_eq!(phrases(ranked(scored(&list))), want);
        }
    }
}
