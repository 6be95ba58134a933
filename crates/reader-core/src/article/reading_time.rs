//! Estimated reading time: Chinese (and other CJK) text by characters, at about
//! 255 characters a minute; everything else by words, at about 230 words a minute.

use super::text::{is_cjk, is_word_char};

const CJK_CHARS_PER_MINUTE: f64 = 255.0;
const WORDS_PER_MINUTE: f64 = 230.0;

/// The CJK characters and the words of `text`: what its reading time is
/// made of. The counts of texts joined by line breaks (which end words) add up.
pub fn counts(text: &str) -> (u32, u32) {
    let mut cjk = 0u32;
    let mut words = 0u32;
    let mut in_word = false;
    for c in text.chars() {
        if is_cjk(c) {
            cjk += 1;
            in_word = false;
        } else if is_word_char(c) {
            if !in_word {
                words += 1;
            }
            in_word = true;
        } else if c != '\'' && c != '-' {
            in_word = false;
        }
    }
    (cjk, words)
}

/// Minutes a typical reader needs for text of these [`counts`], with the fraction.
fn exact_minutes((cjk, words): (u32, u32)) -> f64 {
    f64::from(cjk) / CJK_CHARS_PER_MINUTE + f64::from(words) / WORDS_PER_MINUTE
}

/// Seconds a typical reader needs for `text`, rounded.
pub fn seconds(text: &str) -> u32 {
    seconds_of(counts(text))
}

/// Seconds a typical reader needs for text of these [`counts`], rounded.
pub fn seconds_of(counts: (u32, u32)) -> u32 {
    (exact_minutes(counts) * 60.0).round() as u32
}

/// What the outline shows for a part that takes `seconds`: whole minutes,
/// rounded up, and 0 for under a minute (worded by the stylesheet, in the
/// reader's language, so that a change of language needs no new rows).
pub fn outline_minutes(seconds: u32) -> u32 {
    match seconds < 60 {
        true => 0,
        false => seconds.div_ceil(60),
    }
}

/// Whole minutes, rounded up, and at least one for any text.
pub fn minutes(text: &str) -> u32 {
    let m = exact_minutes(counts(text));
    if m == 0.0 {
        0
    } else {
        (m.ceil() as u32).max(1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outline_minutes_round_up_and_say_zero_under_a_minute() {
        assert_eq!(outline_minutes(0), 0);
        assert_eq!(outline_minutes(59), 0);
        assert_eq!(outline_minutes(60), 1);
        assert_eq!(outline_minutes(61), 2);
    }

    #[test]
    fn chinese_counts_characters() {
        assert_eq!(minutes(&"字".repeat(255)), 1);
        assert_eq!(minutes(&"字".repeat(256)), 2);
        assert_eq!(seconds(&"字".repeat(510)), 120);
    }

    #[test]
    fn english_counts_words() {
        let text = "word ".repeat(460);
        assert_eq!(minutes(&text), 2);
        assert_eq!(seconds("don't stop-gap"), 1);
    }

    #[test]
    fn empty_text_takes_no_time() {
        assert_eq!(minutes("  "), 0);
        assert_eq!(minutes("。"), 0);
        assert_eq!(minutes("Hi"), 1);
    }
}
