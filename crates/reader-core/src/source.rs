//! Where an article comes from, and what can go wrong getting it.
//!
//! The browser side (src/web/fetch.rs) does the fetching and the decoding; the
//! decisions (which format, which encoding, which limit, which message) live
//! here so that they are tested natively.

use crate::article::SourceFormat;

/// Largest article accepted, in bytes (5 MiB). Documented in the README.
pub const MAX_BYTES: u64 = 5 * 1024 * 1024;
/// How long a `src` fetch may take by default, in seconds (`timeout` attribute).
pub const DEFAULT_TIMEOUT_SECONDS: u32 = 20;

/// The article a reader shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ArticleSource {
    /// Text written inside the `<article-reader>` element, with the `format`
    /// attribute if the page gave one.
    Inline {
        text: String,
        format: Option<SourceFormat>,
    },
    /// A `src` URL, with the `format` attribute if the page gave one, and the
    /// `select` attribute: a CSS selector for the article in an HTML page.
    Url {
        url: String,
        format: Option<SourceFormat>,
        timeout_seconds: u32,
        select: Option<String>,
    },
    /// The built-in sample article (the seed), for an element with neither.
    Sample,
}

/// Why an article cannot be shown. Every variant has a message in each language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// The text is empty or only whitespace.
    EmptyArticle,
    /// The server answered with an error status.
    Http { url: String, status: u16 },
    /// No answer at all: offline, blocked, or not allowed (CORS, CSP).
    Network { url: String },
    /// No complete answer within the time limit.
    Timeout { url: String, seconds: u32 },
    /// The answer is an image, a PDF, a program…: not text.
    NotText { url: String, kind: String },
    /// More than [`MAX_BYTES`].
    TooLarge { url: String, bytes: u64 },
    /// The bytes arrived but the browser could not decode them as `encoding`.
    Undecodable { url: String, encoding: Encoding },
}

/// Something a reader should know about how the article is shown, though it
/// is shown: said above the article, in the widget.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Notice {
    /// The Markdown module could not load (blocked, offline): the article is
    /// shown as plain text, its markup visible, rather than not at all.
    MarkdownAsText,
}

/// A text encoding the browser's `TextDecoder` knows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf16Le,
    Utf16Be,
    /// GB18030, a superset of GBK and GB2312.
    Gb18030,
}

impl Encoding {
    /// The `TextDecoder` label.
    pub fn label(self) -> &'static str {
        match self {
            Encoding::Utf8 => "utf-8",
            Encoding::Utf16Le => "utf-16le",
            Encoding::Utf16Be => "utf-16be",
            Encoding::Gb18030 => "gb18030",
        }
    }
}

/// The encoding of `bytes`: a byte-order mark decides; then the `charset` of
/// the content type; then valid UTF-8 is UTF-8; anything else is taken for
/// GB18030, the encoding of Chinese web pages that are not UTF-8.
pub fn detect_encoding(bytes: &[u8], content_type: Option<&str>) -> Encoding {
    match bytes {
        [0xEF, 0xBB, 0xBF, ..] => return Encoding::Utf8,
        [0xFF, 0xFE, ..] => return Encoding::Utf16Le,
        [0xFE, 0xFF, ..] => return Encoding::Utf16Be,
        _ => {}
    }
    let charset = content_type.and_then(|t| {
        t.split(';')
            .filter_map(|p| p.trim().split_once('='))
            .find(|(k, _)| k.trim().eq_ignore_ascii_case("charset"))
            .map(|(_, v)| v.trim().trim_matches('"').to_ascii_lowercase())
    });
    match charset.as_deref() {
        Some("gbk" | "gb2312" | "gb18030" | "x-gbk" | "cp936") => return Encoding::Gb18030,
        Some("utf-16le") => return Encoding::Utf16Le,
        Some("utf-16be") => return Encoding::Utf16Be,
        _ => {}
    }
    if std::str::from_utf8(bytes).is_ok() {
        Encoding::Utf8
    } else {
        Encoding::Gb18030
    }
}

/// True when the bytes look like a binary file rather than text: NUL bytes in
/// the first 8 KiB (text in UTF-16 has a byte-order mark and is let through).
pub fn looks_binary(bytes: &[u8]) -> bool {
    if matches!(bytes, [0xFF, 0xFE, ..] | [0xFE, 0xFF, ..]) {
        return false;
    }
    bytes.iter().take(8192).any(|&b| b == 0)
}

/// What a content type says: `Err` with the kind for types that are surely not
/// text; otherwise the format it names, if any.
pub fn check_content_type(content_type: Option<&str>) -> Result<Option<SourceFormat>, String> {
    let Some(essence) = content_type.map(|t| {
        t.split(';')
            .next()
            .unwrap_or("")
            .trim()
            .to_ascii_lowercase()
    }) else {
        return Ok(None);
    };
    if matches!(essence.as_str(), "text/markdown" | "text/x-markdown") {
        return Ok(Some(SourceFormat::Markdown));
    }
    if essence == "text/plain" {
        return Ok(Some(SourceFormat::PlainText));
    }
    if matches!(essence.as_str(), "text/html" | "application/xhtml+xml") {
        return Ok(Some(SourceFormat::Html));
    }
    let not_text = ["image/", "audio/", "video/", "font/", "model/"]
        .iter()
        .any(|p| essence.starts_with(p))
        || matches!(
            essence.as_str(),
            "application/pdf"
                | "application/zip"
                | "application/gzip"
                | "application/x-tar"
                | "application/wasm"
                | "application/msword"
                | "application/vnd.ms-excel"
                | "application/x-7z-compressed"
        )
        || essence.starts_with("application/vnd.openxmlformats");
    if not_text { Err(essence) } else { Ok(None) }
}

/// The format a URL's file extension names (`.md`, `.markdown`, `.txt`, `.html`).
pub fn format_from_url(url: &str) -> Option<SourceFormat> {
    let path = url.split(['?', '#']).next().unwrap_or("");
    let extension = path.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase())?;
    match extension.as_str() {
        "md" | "markdown" | "mdown" | "mkd" => Some(SourceFormat::Markdown),
        "txt" | "text" => Some(SourceFormat::PlainText),
        "html" | "htm" | "xhtml" | "shtml" => Some(SourceFormat::Html),
        _ => None,
    }
}

/// The `format` attribute: `markdown` / `md`, `html`, or `text` / `plain`.
pub fn format_from_attribute(value: &str) -> Option<SourceFormat> {
    match value.trim().to_ascii_lowercase().as_str() {
        "markdown" | "md" => Some(SourceFormat::Markdown),
        "text" | "plain" | "txt" => Some(SourceFormat::PlainText),
        "html" | "htm" => Some(SourceFormat::Html),
        _ => None,
    }
}

/// The `timeout` attribute, in seconds: a positive number up to ten minutes.
pub fn timeout_from_attribute(value: Option<&str>) -> u32 {
    value
        .and_then(|v| v.trim().parse::<u32>().ok())
        .filter(|s| (1..=600).contains(s))
        .unwrap_or(DEFAULT_TIMEOUT_SECONDS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodings_by_mark_charset_then_validity() {
        assert_eq!(detect_encoding(b"\xEF\xBB\xBFtext", None), Encoding::Utf8);
        assert_eq!(detect_encoding(b"\xFF\xFEt\0", None), Encoding::Utf16Le);
        assert_eq!(detect_encoding("中文".as_bytes(), None), Encoding::Utf8);
        // 中文 in GBK is not valid UTF-8.
        assert_eq!(
            detect_encoding(&[0xD6, 0xD0, 0xCE, 0xC4], None),
            Encoding::Gb18030
        );
        assert_eq!(
            detect_encoding(b"ascii", Some("text/plain; charset=GBK")),
            Encoding::Gb18030
        );
        assert_eq!(
            detect_encoding(b"ascii", Some("text/plain;charset=\"utf-8\"")),
            Encoding::Utf8
        );
    }

    #[test]
    fn binary_files_are_recognised() {
        assert!(looks_binary(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"));
        assert!(!looks_binary("正文".as_bytes()));
        assert!(!looks_binary(b"\xFF\xFEa\0b\0"));
    }

    #[test]
    fn content_types() {
        assert_eq!(
            check_content_type(Some("text/markdown; charset=utf-8")),
            Ok(Some(SourceFormat::Markdown))
        );
        assert_eq!(
            check_content_type(Some("text/plain")),
            Ok(Some(SourceFormat::PlainText))
        );
        assert_eq!(
            check_content_type(Some("text/html; charset=gbk")),
            Ok(Some(SourceFormat::Html))
        );
        assert_eq!(check_content_type(None), Ok(None));
        assert_eq!(
            check_content_type(Some("image/png")),
            Err("image/png".to_string())
        );
        assert_eq!(
            check_content_type(Some("application/pdf")),
            Err("application/pdf".to_string())
        );
    }

    #[test]
    fn formats_from_urls_and_attributes() {
        assert_eq!(
            format_from_url("docs/a.md?v=2#top"),
            Some(SourceFormat::Markdown)
        );
        assert_eq!(
            format_from_url("https://x.y/article.TXT"),
            Some(SourceFormat::PlainText)
        );
        assert_eq!(format_from_url("https://x.y/article"), None);
        assert_eq!(
            format_from_url("https://x.y/a.htm"),
            Some(SourceFormat::Html)
        );
        assert_eq!(
            format_from_attribute(" Markdown "),
            Some(SourceFormat::Markdown)
        );
        assert_eq!(format_from_attribute("HTML"), Some(SourceFormat::Html));
        assert_eq!(format_from_attribute("pdf"), None);
    }

    #[test]
    fn timeouts_are_sane() {
        assert_eq!(timeout_from_attribute(Some("3")), 3);
        assert_eq!(timeout_from_attribute(Some("0")), DEFAULT_TIMEOUT_SECONDS);
        assert_eq!(
            timeout_from_attribute(Some("soon")),
            DEFAULT_TIMEOUT_SECONDS
        );
        assert_eq!(timeout_from_attribute(None), DEFAULT_TIMEOUT_SECONDS);
    }
}
