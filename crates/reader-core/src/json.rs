//! JSON text for the serde types the reader stores ([`crate::saved`]) and
//! hands to JavaScript ([`crate::api`]); the browser turns the text into
//! values with its own, fast `JSON.parse`.
//!
//! Through `serde-json-core` rather than `serde_json`, for the bundle: its
//! errors carry no message, so a value that fails to read never formats one
//! (serde's messages would bring float formatting into the wasm), and it
//! brings no float parser. Our types have no floats.

use serde::Serialize;
use serde::de::DeserializeOwned;

/// `value` as JSON text.
pub fn to_json<T: Serialize>(value: &T) -> String {
    // The writer fills a slice; grow it until the value fits.
    let mut buffer = vec![0u8; 256];
    loop {
        match serde_json_core::to_slice(value, &mut buffer) {
            Ok(written) => {
                buffer.truncate(written);
                // The serialiser writes UTF-8: strings as given, the rest ASCII.
                return String::from_utf8(buffer).unwrap_or_default();
            }
            Err(serde_json_core::ser::Error::BufferFull) => {
                let larger = buffer.len() * 2;
                buffer.resize(larger, 0);
            }
            Err(_) => return String::new(),
        }
    }
}

/// Deepest nesting of arrays and objects read. Our values nest three deep;
/// the parser recurses once per level, so a stored value of a million `[`
/// (storage is the page's, and anyone's on the same site) would overflow the
/// WebAssembly stack and stop the reader. Checked before parsing starts.
pub const MAX_DEPTH: usize = 16;

/// Whether arrays and objects in `text` nest deeper than [`MAX_DEPTH`]; one
/// pass, brackets inside strings not counted.
fn too_deep(text: &str) -> bool {
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    for byte in text.bytes() {
        match (in_string, byte) {
            (true, _) if escaped => escaped = false,
            (true, b'\\') => escaped = true,
            (true, b'"') | (false, b'"') => in_string = !in_string,
            (false, b'[' | b'{') => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return true;
                }
            }
            (false, b']' | b'}') => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    false
}

/// `text` read as a `T`; `None` if it is not JSON, not a `T`, nested deeper
/// than [`MAX_DEPTH`], or followed by anything but white space.
pub fn from_json<T: DeserializeOwned>(text: &str) -> Option<T> {
    if too_deep(text) {
        return None;
    }
    // Unescaped strings are never longer than the text holding them.
    let mut unescaped = vec![0u8; text.len()];
    let (value, read) = serde_json_core::from_str_escaped::<T>(text, &mut unescaped).ok()?;
    text[read..].trim().is_empty().then_some(value)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[test]
    fn deep_nesting_is_refused_before_parsing() {
        #[derive(Debug, Deserialize)]
        struct Open {
            #[allow(dead_code)]
            future: Option<serde::de::IgnoredAny>,
        }
        let nested = |depth: usize| {
            format!(
                "{{\"future\": {}1{}}}",
                "[".repeat(depth),
                "]".repeat(depth)
            )
        };
        assert!(from_json::<Open>(&nested(MAX_DEPTH - 1)).is_some());
        // A million levels would overflow the stack of any parser that recurses.
        let deep = nested(1_000_000);
        let read = std::thread::Builder::new()
            .stack_size(256 * 1024)
            .spawn(move || from_json::<Open>(&deep).is_none())
            .unwrap()
            .join();
        assert_eq!(read.ok(), Some(true));
        // Brackets inside strings are text, not nesting.
        let in_strings = format!(
            "{{\"future\": \"{}\\\"{}\"}}",
            "[".repeat(100),
            "{".repeat(100)
        );
        assert!(from_json::<Open>(&in_strings).is_some());
    }

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    #[serde(default)]
    struct Sample {
        text: String,
        list: Vec<String>,
        maybe: Option<String>,
        flag: bool,
        count: u32,
    }

    impl Default for Sample {
        fn default() -> Self {
            Sample {
                text: String::new(),
                list: Vec::new(),
                maybe: None,
                flag: false,
                count: 7,
            }
        }
    }

    #[test]
    fn values_round_trip_with_any_text() {
        let sample = Sample {
            text: "引号\" 反斜杠\\ 换行\n 控制\u{1} <b>&</b> 😀".repeat(40),
            list: vec!["".into(), "人才".into(), "\u{202E}".into()],
            maybe: Some("x".into()),
            flag: true,
            count: 42,
        };
        let json = to_json(&sample);
        assert!(json.len() > 256, "the buffer grew");
        assert_eq!(from_json::<Sample>(&json), Some(sample));
    }

    #[test]
    fn the_text_is_standard_json() {
        let json = to_json(&Sample::default());
        let parsed: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(parsed["count"], 7);
        assert!(parsed["maybe"].is_null());
    }

    #[test]
    fn missing_fields_take_defaults_and_unknown_ones_are_skipped() {
        assert_eq!(
            from_json::<Sample>(r#"{"flag": true, "future": {"a": [1, 2.5, null]}}"#),
            Some(Sample {
                flag: true,
                ..Sample::default()
            })
        );
    }

    #[test]
    fn anything_else_reads_as_none() {
        for text in [
            "",
            "{",
            "[]",
            "null",
            r#"{"count": "many"}"#,
            r#"{"count": 1.5}"#,
            "{} trailing",
        ] {
            assert_eq!(from_json::<Sample>(text), None, "{text}");
        }
    }
}
