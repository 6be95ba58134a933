//! Character classes and small text helpers shared by the article parser.
//!
//! Chinese web text mixes full-width (`，：（`) and ASCII (`,:(`) punctuation freely,
//! so every test here accepts both forms.

/// True for Han ideographs (CJK Unified Ideographs and their extensions A–F).
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
pub fn is_cjk(c: char) -> bool {
    is_han(c)
        || matches!(c,
            '\u{3040}'..='\u{30FF}'   // Hiragana, Katakana
            | '\u{31F0}'..='\u{31FF}'
            | '\u{AC00}'..='\u{D7AF}') // Hangul syllables
}

/// Ends a sentence: `。！？` and their ASCII forms (`……` does not: it means "and so on").
pub fn is_sentence_end(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '!' | '?' | '．')
}

/// Ends a clause inside a sentence, or the sentence itself.
pub fn is_clause_end(c: char) -> bool {
    is_sentence_end(c) || matches!(c, '，' | ',' | '；' | ';' | '：' | ':' | '.')
}

/// Closing quotes and brackets that belong to the sentence they follow (`。”`).
pub fn is_closing_mark(c: char) -> bool {
    matches!(
        c,
        '”' | '’' | '」' | '』' | '》' | '）' | ')' | '"' | '\'' | '】' | ']'
    )
}

/// Whitespace including the ideographic space U+3000 and no-break spaces.
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{3000}' || c == '\u{00A0}' || c == '\u{FEFF}'
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
    fn language_by_dominant_script() {
        assert_eq!(language_tag("组织工作 ICP"), "zh");
        assert_eq!(language_tag("Reading Rust with 中文"), "en");
    }

    #[test]
    fn trimming_removes_ideographic_spaces() {
        assert_eq!(trim("\u{3000} 标题\u{3000}"), "标题");
    }
}
