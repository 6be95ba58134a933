//! Generated articles of any size with realistic structure, for benchmarks and
//! stress tests: Chinese official numbering (一、 （一） 1.), enumerations
//! (一是…二是…三是…) and parallel runs (坚持…), built from the seed article's own
//! sentences so that character frequencies and sentence lengths are natural.
//!
//! Deterministic: the same size and seed give the same text.

use crate::sample::SEED_ARTICLE;

/// A small xorshift generator: reproducible without a dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const NUMERALS: [&str; 10] = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

/// The Chinese numeral for 1..=99.
fn numeral(n: usize) -> String {
    match n {
        0 => "零".to_string(),
        1..=10 => NUMERALS[n - 1].to_string(),
        11..=19 => format!("十{}", NUMERALS[n - 11]),
        _ => {
            let tens = NUMERALS[n / 10 - 1];
            match n % 10 {
                0 => format!("{tens}十"),
                ones => format!("{tens}十{}", NUMERALS[ones - 1]),
            }
        }
    }
}

/// Sentences of the seed article's body (ending in 。).
fn seed_sentences() -> Vec<&'static str> {
    SEED_ARTICLE
        .lines()
        .filter(|l| l.chars().count() > 80)
        .flat_map(|l| l.split_inclusive('。'))
        .filter(|s| s.ends_with('。') && s.chars().count() > 12)
        .collect()
}

/// A Chinese article of about `bytes` bytes (UTF-8), with sections, subsections,
/// numbered items, enumerations and parallel runs.
pub fn chinese_article(bytes: usize, seed: u64) -> String {
    let sentences = seed_sentences();
    let leads = [
        "坚持人民至上,",
        "坚持守正创新,",
        "坚持问题导向,",
        "坚持系统观念,",
        "坚持胸怀天下,",
    ];
    let mut rng = Rng(seed | 1);
    let mut out = String::with_capacity(bytes + 4096);
    out.push_str(
        "在新征程中书写组织工作新答卷（生成）\n\n文章来源: 生成器  时间: 2024-01-01 08:00\n\n",
    );
    let paragraph = |rng: &mut Rng, out: &mut String, min_sentences: usize, extra: usize| {
        for _ in 0..min_sentences + rng.below(extra) {
            out.push_str(rng.pick(&sentences));
        }
        out.push_str("\n\n");
    };
    let mut section = 0;
    while out.len() < bytes {
        section += 1;
        out.push_str(&format!(
            "{}、深入学习贯彻党的二十大精神第{}部分的要求\n\n",
            // Long articles restart the numbering, as multi-part documents do.
            numeral((section - 1) % 99 + 1),
            section
        ));
        paragraph(&mut rng, &mut out, 2, 3);
        for sub in 1..=2 + rng.below(3) {
            out.push_str(&format!("（{}）扎实推进基层党组织建设\n\n", numeral(sub)));
            // An enumeration inside one paragraph.
            for point in 1..=3 {
                out.push_str(&format!("{}是要{}", numeral(point), rng.pick(&sentences)));
                out.push_str(rng.pick(&sentences));
            }
            out.push_str("\n\n");
            // A parallel run.
            for _ in 0..3 + rng.below(3) {
                out.push_str(rng.pick(&leads));
                out.push_str(rng.pick(&sentences));
            }
            out.push_str("\n\n");
            for item in 1..=2 + rng.below(2) {
                out.push_str(&format!("{item}. 加强干部队伍建设\n\n"));
                paragraph(&mut rng, &mut out, 3, 4);
            }
        }
        if out.len() >= bytes {
            break;
        }
    }
    out.push_str("(生成器 署名)\n\n主办单位:示例\nICP备案号:示例ICP备00000000号\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numerals() {
        assert_eq!(numeral(1), "一");
        assert_eq!(numeral(10), "十");
        assert_eq!(numeral(14), "十四");
        assert_eq!(numeral(20), "二十");
        assert_eq!(numeral(37), "三十七");
    }

    #[test]
    fn generated_articles_have_the_requested_size_and_structure() {
        let text = chinese_article(200_000, 7);
        assert!(text.len() >= 200_000 && text.len() < 220_000);
        assert_eq!(text, chinese_article(200_000, 7));
        let doc = crate::article::parse(&text);
        let top = doc.roots().count();
        assert!(top >= 10, "{top} top-level sections");
        assert!(doc.nodes.iter().any(|n| n.label.starts_with("坚持")));
        assert!(doc.nodes.iter().any(|n| n.label.starts_with("二是要")));
        assert!(!doc.body.contains("ICP"));
    }
}
