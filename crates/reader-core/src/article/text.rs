//! Character classes and small text helpers shared by the article parser.
//!
//! Chinese web text mixes full-width (`，：（`) and ASCII (`,:(`) punctuation freely,
//! so every test here accepts both forms.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// A map keyed by article text (ids, running headers, suggested phrases). Its
/// hash is FNV-1a: built for size, as the reader is, the standard library's
/// SipHash took 245 ms to count 500,000 short lines where this takes 130. It
/// is no weaker against crafted text in the browser, where the standard
/// library has no randomness to key SipHash with.
pub type TextMap<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;

/// The FNV-1a hash (64 bits), for [`TextMap`].
#[derive(Default)]
pub struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        // Kept apart from the offset, so that the default (0) is the start.
        let hash = bytes.iter().fold(self.0 ^ FNV_OFFSET, |hash, &byte| {
            fnv_step(hash, u64::from(byte))
        });
        self.0 = hash ^ FNV_OFFSET;
    }

    /// A character (keys of `[char]`) in one step rather than a step per
    /// byte, as [`hash_of`] does: hashing four bytes per character was most of
    /// the time counting phrases took.
    fn write_u32(&mut self, unit: u32) {
        self.0 = fnv_step(self.0 ^ FNV_OFFSET, u64::from(unit)) ^ FNV_OFFSET;
    }
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

/// One step of FNV-1a: `unit` (a byte, or a whole character) taken in.
fn fnv_step(hash: u64, unit: u64) -> u64 {
    (hash ^ unit).wrapping_mul(0x0100_0000_01b3)
}

/// The hash of a text given as `chars`, for [`groups_of_equals`]: FNV-1a
/// taking a character at a step.
pub fn hash_of(chars: impl IntoIterator<Item = char>) -> u64 {
    chars
        .into_iter()
        .fold(FNV_OFFSET, |hash, c| fnv_step(hash, u64::from(c)))
}

/// The items that share their key with another, grouped, each group's
/// indices in order. `keyed` holds each candidate's index and the hash of its
/// key; `same` says whether two items' keys are equal. Sorting the hashes
/// beats counting in a map when most keys come once, as the lines of a long
/// text do: a map of 500,000 of them misses the cache on nearly every probe.
pub fn groups_of_equals(
    mut keyed: Vec<(u64, usize)>,
    same: impl Fn(usize, usize) -> bool,
) -> Vec<Vec<usize>> {
    keyed.sort_unstable();
    let mut groups = Vec::new();
    for run in keyed
        .chunk_by(|a, b| a.0 == b.0)
        .filter(|run| run.len() > 1)
    {
        // Equal hashes nearly always mean equal keys; a collision splits the run.
        let mut in_run: Vec<Vec<usize>> = Vec::new();
        for &(_, i) in run {
            match in_run.iter_mut().find(|group| same(group[0], i)) {
                Some(group) => group.push(i),
                None => in_run.push(vec![i]),
            }
        }
        groups.extend(in_run.into_iter().filter(|group| group.len() > 1));
    }
    groups
}

/// True for Han ideographs (CJK Unified Ideographs and their extensions A–F).
#[inline]
pub fn is_han(c: char) -> bool {
    matches!(c,
        '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{2EBEF}'
        | '\u{30000}'..='\u{3134F}')
}

/// True for characters of scripts written without spaces between words
/// (Han, kana, Hangul), which we count per character rather than per word.
#[inline]
pub fn is_cjk(c: char) -> bool {
    is_han(c)
        || matches!(c,
            '\u{3040}'..='\u{30FF}'   // Hiragana, Katakana
            | '\u{31F0}'..='\u{31FF}'
            | '\u{AC00}'..='\u{D7AF}') // Hangul syllables
}

/// Ends a sentence: `。！？` and their ASCII forms (`……` does not: it means "and so on").
#[inline]
pub fn is_sentence_end(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '!' | '?' | '．')
}

/// Ends a clause inside a sentence, or the sentence itself.
#[inline]
pub fn is_clause_end(c: char) -> bool {
    is_sentence_end(c) || matches!(c, '，' | ',' | '；' | ';' | '：' | ':' | '.')
}

/// Closing quotes and brackets that belong to the sentence they follow (`。”`).
#[inline]
pub fn is_closing_mark(c: char) -> bool {
    matches!(
        c,
        '”' | '’' | '」' | '』' | '》' | '）' | ')' | '"' | '\'' | '】' | ']'
    )
}

/// The words of a space-separated list. (Word lists are single strings: a table
/// of string pointers costs the WebAssembly more than the words themselves.)
pub fn words(list: &'static str) -> std::str::Split<'static, char> {
    list.split(' ')
}

/// Whitespace including the ideographic space U+3000 and no-break spaces.
#[inline]
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{3000}' || c == '\u{00A0}' || c == '\u{FEFF}'
}

/// Characters that draw nothing: controls (NUL…), soft hyphens, zero-width
/// spaces and joiners, direction marks, embeddings and overrides, invisible
/// operators, fillers, variation selectors and tags.
pub fn is_invisible(c: char) -> bool {
    c.is_control()
        || matches!(c as u32,
            0xAD | 0x34F | 0x61C | 0x115F | 0x1160 | 0x17B4 | 0x17B5 | 0x180B..=0x180F
            | 0x200B..=0x200F | 0x202A..=0x202E | 0x2060..=0x206F | 0x3164
            | 0xFE00..=0xFE0F | 0xFEFF | 0xFFA0 | 0xFFF9..=0xFFFB
            | 0x1D173..=0x1D17A | 0xE0000..=0xE0FFF)
}

/// Trims all kinds of whitespace, including the ideographic space.
pub fn trim(s: &str) -> &str {
    s.trim_matches(is_space)
}

/// Number of characters (Unicode scalar values) in `s`.
pub fn char_len(s: &str) -> usize {
    s.chars().count()
}

/// The byte index just after the first `n` characters of `s` (or `s.len()`).
pub fn byte_index_after_chars(s: &str, n: usize) -> usize {
    s.char_indices().nth(n).map_or(s.len(), |(i, _)| i)
}

/// The value of an ASCII or full-width decimal digit.
pub fn digit_value(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    }
}

/// Parses a leading run of decimal digits (ASCII or full-width).
/// Returns the value and the number of bytes consumed; `None` when there is
/// no digit or the number is implausibly long for a heading.
pub fn leading_number(s: &str) -> Option<(u32, usize)> {
    let mut value: u32 = 0;
    let mut end = 0;
    for (i, c) in s.char_indices() {
        match digit_value(c) {
            Some(d) => {
                value = value.checked_mul(10)?.checked_add(d)?;
                end = i + c.len_utf8();
                if end > 12 {
                    return None;
                }
            }
            None => break,
        }
    }
    (end > 0).then_some((value, end))
}

/// Parses a leading Chinese numeral such as 一, 十二, 二十三, 一百零五 or 两.
/// Returns the value and the number of bytes consumed.
pub fn leading_chinese_numeral(s: &str) -> Option<(u32, usize)> {
    let mut total: u32 = 0;
    let mut pending: Option<u32> = None;
    let mut end = 0;
    let mut seen_any = false;
    for (i, c) in s.char_indices() {
        let digit = match c {
            '零' | '〇' => Some(0),
            '一' | '壹' => Some(1),
            '二' | '两' | '贰' => Some(2),
            '三' | '叁' => Some(3),
            '四' | '肆' => Some(4),
            '五' | '伍' => Some(5),
            '六' | '陆' => Some(6),
            '七' | '柒' => Some(7),
            '八' | '捌' => Some(8),
            '九' | '玖' => Some(9),
            _ => None,
        };
        let unit = match c {
            '十' | '拾' => Some(10),
            '百' | '佰' => Some(100),
            '千' | '仟' => Some(1000),
            _ => None,
        };
        if let Some(d) = digit {
            if pending.is_some_and(|p| p != 0) && d != 0 {
                // Two digits in a row (一二) is not a numeral we understand.
                break;
            }
            pending = Some(d);
        } else if let Some(u) = unit {
            total += pending.unwrap_or(1) * u;
            pending = None;
        } else {
            break;
        }
        seen_any = true;
        end = i + c.len_utf8();
        if end > 24 {
            return None;
        }
    }
    if !seen_any {
        return None;
    }
    total += pending.unwrap_or(0);
    (total > 0).then_some((total, end))
}

/// Parses a leading Roman numeral (I to XXXIX is all headings ever need).
pub fn leading_roman_numeral(s: &str) -> Option<(u32, usize)> {
    let end = s
        .char_indices()
        .find(|(_, c)| !matches!(c.to_ascii_uppercase(), 'I' | 'V' | 'X'))
        .map_or(s.len(), |(i, _)| i);
    let word = &s[..end];
    if word.is_empty() || word.len() > 6 {
        return None;
    }
    let upper = word.to_ascii_uppercase();
    let value = |c: char| match c {
        'I' => 1,
        'V' => 5,
        _ => 10,
    };
    let values: Vec<i64> = upper.chars().map(value).collect();
    // Subtractive notation: a smaller numeral before a larger one counts negative (IV = 4).
    let total: i64 = values
        .iter()
        .enumerate()
        .map(|(i, v)| {
            if values.get(i + 1).is_some_and(|next| next > v) {
                -v
            } else {
                *v
            }
        })
        .sum();
    let total = u32::try_from(total).ok()?;
    (total > 0).then_some((total, end))
}

/// Parses an English ordinal or cardinal word used in headings ("One", "Third").
pub fn english_number_word(word: &str) -> Option<u32> {
    const CARDINALS: [&str; 12] = [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
        "twelve",
    ];
    const ORDINALS: [&str; 12] = [
        "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
        "tenth", "eleventh", "twelfth",
    ];
    let lower = word.to_ascii_lowercase();
    let lower = lower.strip_suffix("ly").unwrap_or(&lower);
    CARDINALS
        .iter()
        .position(|w| *w == lower)
        .or_else(|| ORDINALS.iter().position(|w| *w == lower))
        .map(|i| i as u32 + 1)
}

/// Latin-1 Supplement U+00C0..=U+00FF: the base letter of each, `*` for a
/// capital without one (Æ Ð Þ: lower-cased), `=` for what stays as it is.
const LATIN1_BASE: &[u8; 64] = b"aaaaaa*ceeeeiiii*nooooo=ouuuuy*=aaaaaa=ceeeeiiii=nooooo=ouuuuy=y";
/// Latin Extended-A U+0100..=U+017F: the base letter of each (one character,
/// so folding never changes the number of characters).
const LATIN_EXT_A_BASE: &[u8; 128] =
    b"aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiiiijjkkkllllllllllnnnnnnnnnoooooooorrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";

/// Folds a character for matching and comparing: lower-case for Latin, Greek
/// and Cyrillic; Latin letters without diacritics (é, É and e + U+0301 all
/// become e, as in the browser's find); full-width ASCII as ASCII (Ａ→a, ，→,);
/// the ideographic space as a space. Combining marks fold to `None`: they are
/// dropped. Everything else is itself.
///
/// Written out by hand instead of using Unicode tables, which would double the
/// size of the WebAssembly for little gain in the scripts articles use.
pub fn fold(c: char) -> Option<char> {
    let code = c as u32;
    let folded = match code {
        0x41..=0x5A => code + 0x20,
        0xC0..=0xFF => match LATIN1_BASE[(code - 0xC0) as usize] {
            b'*' => code + 0x20,
            b'=' => code,
            base => u32::from(base),
        },
        0x100..=0x17F => u32::from(LATIN_EXT_A_BASE[(code - 0x100) as usize]),
        0x300..=0x36F => return None,
        0x391..=0x3A1 | 0x3A3..=0x3A9 => code + 0x20,
        0x3C2 => 0x3C3, // final sigma
        0x400..=0x40F => code + 0x50,
        0x410..=0x42F => code + 0x20,
        0x3000 => 0x20,
        0xFF01..=0xFF5E => return fold(char::from_u32(code - 0xFEE0).unwrap_or(c)),
        _ => code,
    };
    Some(char::from_u32(folded).unwrap_or(c))
}

/// `s` folded character by character (see [`fold`]).
pub fn fold_str(s: &str) -> String {
    s.chars().filter_map(fold).collect()
}

/// True for letters and digits of any script: what ids and words are made of.
/// Rather than Unicode's tables, everything outside ASCII counts except
/// whitespace, controls, combining marks and the punctuation and symbol blocks.
pub fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    !(is_space(c)
        || c.is_control()
        || matches!(c as u32,
            0x80..=0xBF | 0xD7 | 0xF7          // Latin-1 punctuation and signs
            | 0x300..=0x36F                    // combining marks
            | 0x2000..=0x2BFF                  // punctuation, symbols, arrows, maths, boxes
            | 0x2E00..=0x2E7F                  // supplemental punctuation
            | 0x3000..=0x303F                  // CJK symbols and punctuation
            | 0xFE10..=0xFE6F                  // vertical and small forms
            | 0xFF00..=0xFF0F | 0xFF1A..=0xFF20 | 0xFF3B..=0xFF40 | 0xFF5B..=0xFF65
            | 0xFFF0..=0xFFFF
            | 0x1F000..=0x1FAFF)) // emoji and pictographs
}

/// UTF-16 offsets (what the DOM counts in) of ascending byte offsets into
/// `text`. Offsets past the end map to the end; one pass over the text, up to
/// the last offset. Counted by bytes, not decoded characters (twice as quick):
/// every byte but a continuation byte starts a unit, and a four-byte
/// character's first byte starts two.
pub fn utf16_offsets(text: &str, ascending_bytes: &[usize]) -> Vec<u32> {
    let bytes = text.as_bytes();
    let (mut at, mut units) = (0, 0u32);
    ascending_bytes
        .iter()
        .map(|&offset| {
            let to = offset.clamp(at, bytes.len());
            units += bytes[at..to]
                .iter()
                .map(|&b| u32::from(b & 0xC0 != 0x80) + u32::from(b >= 0xF0))
                .sum::<u32>();
            at = to;
            units
        })
        .collect()
}

/// The language tag of a text by its dominant script: `zh` when Han characters
/// outnumber Latin letters in the first 20,000 characters, else `en`.
pub fn language_tag(text: &str) -> &'static str {
    let (mut han, mut latin) = (0usize, 0usize);
    for c in text.chars().take(20_000) {
        if is_han(c) {
            han += 1;
        } else if c.is_ascii_alphabetic() {
            latin += 1;
        }
    }
    if han >= latin { "zh" } else { "en" }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_keys_are_grouped_and_a_hash_collision_is_not_a_repeat() {
        let keys = ["上一篇", "下一篇", "正文", "上一篇", "下一篇", "上一篇"];
        // 0 and 1 given the same hash, as a collision would: still apart.
        let keyed = vec![(7, 0), (7, 1), (9, 2), (7, 3), (7, 4), (7, 5)];
        let mut groups = groups_of_equals(keyed, |a, b| keys[a] == keys[b]);
        groups.sort();
        assert_eq!(groups, [vec![0, 3, 5], vec![1, 4]]);
        let hashed = (0..keys.len())
            .map(|i| (hash_of(keys[i].chars()), i))
            .collect();
        let mut groups = groups_of_equals(hashed, |a, b| keys[a] == keys[b]);
        groups.sort();
        assert_eq!(groups, [vec![0, 3, 5], vec![1, 4]]);
    }

    #[test]
    fn chinese_numerals_cover_official_numbering() {
        assert_eq!(leading_chinese_numeral("一、"), Some((1, 3)));
        assert_eq!(leading_chinese_numeral("十、").map(|v| v.0), Some(10));
        assert_eq!(leading_chinese_numeral("十二是").map(|v| v.0), Some(12));
        assert_eq!(leading_chinese_numeral("二十三条").map(|v| v.0), Some(23));
        assert_eq!(leading_chinese_numeral("一百零五").map(|v| v.0), Some(105));
        assert_eq!(leading_chinese_numeral("两"), Some((2, 3)));
        assert_eq!(leading_chinese_numeral("深刻"), None);
        assert_eq!(leading_chinese_numeral("零"), None);
    }

    #[test]
    fn arabic_numbers_accept_full_width_digits() {
        assert_eq!(leading_number("12."), Some((12, 2)));
        assert_eq!(leading_number("１２．"), Some((12, 6)));
        assert_eq!(leading_number("x1"), None);
        assert_eq!(leading_number("99999999999999"), None);
    }

    #[test]
    fn roman_numerals_for_english_parts() {
        assert_eq!(leading_roman_numeral("IV."), Some((4, 2)));
        assert_eq!(leading_roman_numeral("xii"), Some((12, 3)));
        assert_eq!(leading_roman_numeral("IX"), Some((9, 2)));
        assert_eq!(leading_roman_numeral("Hello"), None);
    }

    #[test]
    fn english_number_words() {
        assert_eq!(english_number_word("Three"), Some(3));
        assert_eq!(english_number_word("Secondly"), Some(2));
        assert_eq!(english_number_word("apple"), None);
    }

    #[test]
    fn folding_for_matching() {
        assert_eq!(fold_str("ＡＢｃ，Hello"), "abc,hello");
        assert_eq!(fold_str("Café CAFÉ cafe\u{301}"), "cafe cafe cafe");
        assert_eq!(fold_str("ŁÓDŹ Straße"), "lodz straße");
        assert_eq!(fold_str("ΣΟΦΙΑ σοφίας"), "σοφια σοφίασ");
        assert_eq!(fold_str("МОСКВА Ёж"), "москва ёж");
        assert_eq!(fold_str("人才\u{3000}干部"), "人才 干部");
        assert_eq!(fold('×'), Some('×'));
        for c in '\u{0}'..='\u{2FFF}' {
            if let Some(f) = fold(c) {
                assert_eq!(fold(f), Some(f), "folding {c:?} twice changes it");
            }
        }
    }

    #[test]
    fn word_characters() {
        for c in ['a', 'Z', '7', '中', 'é', 'Ж', 'ش', 'ก', '한', 'Ａ'] {
            assert!(is_word_char(c), "{c:?}");
        }
        for c in [
            ' ', '-', '、', '，', '。', '“', '…', '\u{3000}', '©', '→', '😀', '\u{301}',
        ] {
            assert!(!is_word_char(c), "{c:?}");
        }
    }

    #[test]
    fn utf16_offsets_count_surrogate_pairs() {
        let text = "a中𠀀b"; // 𠀀 is outside the BMP: two UTF-16 units
        let bytes = [0, 1, 4, 8, 9, 99];
        assert_eq!(utf16_offsets(text, &bytes), [0, 1, 2, 4, 5, 5]);
        let mixed = "é中𠀀\u{301}Ωa，😀".repeat(3);
        let boundaries: Vec<usize> = (0..=mixed.len())
            .filter(|&b| mixed.is_char_boundary(b))
            .collect();
        let expected: Vec<u32> = boundaries
            .iter()
            .map(|&b| mixed[..b].encode_utf16().count() as u32)
            .collect();
        assert_eq!(utf16_offsets(&mixed, &boundaries), expected);
    }

    #[test]
    fn language_by_dominant_script() {
        assert_eq!(language_tag("组织工作 ICP"), "zh");
        assert_eq!(language_tag("Reading Rust with 中文"), "en");
    }

    #[test]
    fn trimming_removes_ideographic_spaces() {
        assert_eq!(trim("\u{3000} 标题\u{3000}"), "标题");
    }
}
