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

/// `text` read as a `T`; `None` if it is not JSON, not a `T`, or followed by
/// anything but white space.
pub fn from_json<T: DeserializeOwned>(text: &str) -> Option<T> {
    // Unescaped strings are never longer than the text holding them.
    let mut unescaped = vec![0u8; text.len()];
    let (value, read) = serde_json_core::from_str_escaped::<T>(text, &mut unescaped).ok()?;
    text[read..].trim().is_empty().then_some(value)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

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
