//! Where an article comes from, and what can go wrong getting it.
//!
//! The browser side (src/web/fetch.rs) does the fetching and the decoding; the
//! decisions (which format, which encoding, which limit, which message) live
//! here so that they are tested natively.

use crate::article::SourceFormat;

/// Largest article accepted by default, in bytes (5 MiB). Documented in the README.
pub const MAX_BYTES: u64 = 5 * 1024 * 1024;
/// The most the `max-size` attribute may raise the limit to, in megabytes:
/// what the reader is measured to open without freezing the page (README
/// "Benchmarks").
pub const MAX_SIZE_MB: u64 = 20;
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
        /// The size limit, in bytes (see [`size_limit_from_attribute`]).
        max_bytes: u64,
    },
    /// An article refused before any work started (text inside the element
    /// over the size limit): shown as this problem.
    Refused(Problem),
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
    /// More than `limit` bytes: `bytes` when the size is known (the server
    /// announced it), `None` when reading stopped at the limit.
    TooLarge {
        url: String,
        bytes: Option<u64>,
        limit: u64,
    },
    /// The text inside the element is more than `limit` bytes.
    InlineTooLarge { limit: u64 },
    /// The bytes arrived but the browser could not decode them as `encoding`.
    Undecodable { url: String, encoding: Encoding },
}

/// A text encoding the browser's `TextDecoder` knows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf16Le,
    Utf16Be,
    /// GB18030, a superset of GBK and GB2312.
    Gb18030,
    /// Another encoding the server named (`charset=shift_jis`), by its label.
    /// The browser decides whether it knows it; if not, the bytes are
    /// decoded as if no charset had been given.
    Declared(String),
}

impl Encoding {
    /// The `TextDecoder` label.
    pub fn label(&self) -> &str {
        match self {
            Encoding::Utf8 => "utf-8",
            Encoding::Utf16Le => "utf-16le",
            Encoding::Utf16Be => "utf-16be",
            Encoding::Gb18030 => "gb18030",
            Encoding::Declared(label) => label,
        }
    }

    /// The encoding a `charset` label names (the WHATWG Encoding labels of
    /// the encodings we know; any other plausible label as it is).
    fn from_label(label: &str) -> Option<Encoding> {
        let label = label.trim().trim_matches(['"', '\'']).to_ascii_lowercase();
        Some(match label.as_str() {
            "utf-8" | "utf8" | "unicode-1-1-utf-8" | "unicode11utf8" | "unicode20utf8"
            | "x-unicode20utf8" => Encoding::Utf8,
            "gbk" | "gb2312" | "gb_2312" | "gb_2312-80" | "gb18030" | "x-gbk" | "cp936"
            | "chinese" | "csgb2312" | "iso-ir-58" | "csiso58gb231280" => Encoding::Gb18030,
            "utf-16le" | "utf-16" | "ucs-2" | "unicode" | "csunicode" | "iso-10646-ucs-2"
            | "unicodefeff" => Encoding::Utf16Le,
            "utf-16be" | "unicodefffe" => Encoding::Utf16Be,
            _ if (1..=40).contains(&label.len())
                && label
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b"-_.:".contains(&b)) =>
            {
                Encoding::Declared(label)
            }
            _ => return None,
        })
    }
}

/// The `charset` parameter of a content type, if any.
fn declared_charset(content_type: &str) -> Option<&str> {
    content_type
        .split(';')
        .skip(1)
        .filter_map(|p| p.trim().split_once('='))
        .find(|(k, _)| k.trim().eq_ignore_ascii_case("charset"))
        .map(|(_, v)| v)
}

/// The encoding of `bytes`: a byte-order mark decides; then the `charset` the
/// server declared, honoured as it is (a UTF-8 file with a bad byte stays
/// UTF-8, the byte becomes U+FFFD); without either, the bytes are guessed
/// (see [`guess_encoding`]).
pub fn detect_encoding(bytes: &[u8], content_type: Option<&str>) -> Encoding {
    match bytes {
        [0xEF, 0xBB, 0xBF, ..] => Encoding::Utf8,
        [0xFF, 0xFE, ..] => Encoding::Utf16Le,
        [0xFE, 0xFF, ..] => Encoding::Utf16Be,
        _ => content_type
            .and_then(declared_charset)
            .and_then(Encoding::from_label)
            .unwrap_or_else(|| guess_encoding(bytes)),
    }
}

/// An encoding for bytes that do not say theirs: UTF-8 when they are mostly
/// UTF-8, else GB18030, the encoding of Chinese pages that are not UTF-8.
///
/// "Mostly": at least [`UTF8_PER_BAD_SEQUENCE`] well-formed multi-byte
/// characters for each malformed sequence. A few bad bytes in a UTF-8 text
/// (a truncated copy, one stray 0xFF) then do not turn it into GB18030
/// gibberish, while GBK text, whose byte pairs only now and then happen to
/// be well-formed UTF-8, is still recognised.
pub fn guess_encoding(bytes: &[u8]) -> Encoding {
    // Valid UTF-8, as nearly every text is, needs no counting: a third
    // quicker on 1 MB than the count below, whose answer it would be.
    if std::str::from_utf8(bytes).is_ok() {
        return Encoding::Utf8;
    }
    let (mut multibyte, mut malformed) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        // Every character of more than one byte has exactly one lead byte.
        multibyte += chunk.valid().bytes().filter(|&b| b >= 0xC0).count();
        malformed += usize::from(!chunk.invalid().is_empty());
    }
    if multibyte >= UTF8_PER_BAD_SEQUENCE * malformed {
        Encoding::Utf8
    } else {
        Encoding::Gb18030
    }
}

/// See [`guess_encoding`]: GBK text has several malformed sequences per
/// accidental UTF-8 character; UTF-8 with a stray byte, hundreds of
/// characters per bad one.
const UTF8_PER_BAD_SEQUENCE: usize = 4;

/// True when the bytes look like a binary file rather than text: in the first
/// 8 KiB, more than one control byte that text does not use (NUL, and the
/// others but tab, line breaks, form feed and escape), and more than 2 % of
/// them. A text with a stray NUL is still text; a PNG, a PDF stream, a
/// program are not. Text in UTF-16 has a byte-order mark and is let through.
pub fn looks_binary(bytes: &[u8]) -> bool {
    if matches!(bytes, [0xFF, 0xFE, ..] | [0xFE, 0xFF, ..]) {
        return false;
    }
    let sample = &bytes[..bytes.len().min(8192)];
    let controls = sample
        .iter()
        .filter(|&&b| matches!(b, 0..=8 | 0x0E..=0x1A | 0x1C..=0x1F))
        .count();
    controls > 1 && controls * 50 > sample.len()
}

/// Whether text of `bytes` UTF-8 bytes written inside the element is within
/// `limit`, the limit that applies to `src` too.
pub fn check_inline_size(bytes: usize, limit: u64) -> Result<(), Problem> {
    if bytes as u64 > limit {
        Err(Problem::InlineTooLarge { limit })
    } else {
        Ok(())
    }
}

/// The size limit in bytes from the `max-size` attribute: whole megabytes
/// from 1 to [`MAX_SIZE_MB`]; anything else is the default, [`MAX_BYTES`].
pub fn size_limit_from_attribute(value: Option<&str>) -> u64 {
    value
        .and_then(|v| v.trim().parse::<u64>().ok())
        .filter(|mb| (1..=MAX_SIZE_MB).contains(mb))
        .map_or(MAX_BYTES, |mb| mb * 1024 * 1024)
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
    fn encodings_by_mark_then_declared_charset() {
        assert_eq!(detect_encoding(b"\xEF\xBB\xBFtext", None), Encoding::Utf8);
        assert_eq!(detect_encoding(b"\xFF\xFEt\0", None), Encoding::Utf16Le);
        // A mark wins over what the server says.
        assert_eq!(
            detect_encoding(b"\xEF\xBB\xBFtext", Some("text/plain; charset=gbk")),
            Encoding::Utf8
        );
        assert_eq!(
            detect_encoding(b"ascii", Some("text/plain; charset=GBK")),
            Encoding::Gb18030
        );
        assert_eq!(
            detect_encoding(b"ascii", Some("text/plain;charset=\"utf-8\"")),
            Encoding::Utf8
        );
        assert_eq!(
            detect_encoding(b"x", Some("text/plain; format=flowed; Charset = Shift_JIS")),
            Encoding::Declared("shift_jis".into())
        );
        assert_eq!(
            detect_encoding(b"x", Some("text/plain; charset=utf-16")),
            Encoding::Utf16Le
        );
    }

    #[test]
    fn a_declared_utf8_is_kept_whatever_the_bytes() {
        // One 0xFF in a UTF-8 notice served as UTF-8: not GB18030 gibberish.
        let mut bytes = "关于测试的通知".as_bytes().to_vec();
        bytes.insert(3, 0xFF);
        assert_eq!(
            detect_encoding(&bytes, Some("text/plain; charset=utf-8")),
            Encoding::Utf8
        );
        // GBK bytes declared UTF-8 are decoded as UTF-8 too: the server said so.
        let gbk = include_bytes!("../../../examples/host-page/articles/notice-gbk.txt");
        assert_eq!(
            detect_encoding(gbk, Some("text/plain; charset=utf-8")),
            Encoding::Utf8
        );
    }

    #[test]
    fn without_a_charset_mostly_utf8_stays_utf8() {
        assert_eq!(detect_encoding("中文".as_bytes(), None), Encoding::Utf8);
        assert_eq!(detect_encoding(b"plain ascii", None), Encoding::Utf8);
        let text = crate::sample::SEED_ARTICLE.as_bytes();
        for bad in [&[0xFF][..], &[0xC3], &[0xE4, 0xB8], &[0x80, 0x80, 0x80]] {
            let mut bytes = text[..3000].to_vec();
            // After a newline, so the bad bytes do not cut a character in two.
            let at = bytes.iter().position(|&b| b == b'\n').unwrap() + 1;
            bytes.splice(at..at, bad.iter().copied());
            assert_eq!(guess_encoding(&bytes), Encoding::Utf8, "{bad:?}");
        }
        // Two stray bytes in one UTF-8 sentence: still UTF-8.
        let mut line = "关于做好测试工作的通知：请各单位认真组织学习。"
            .as_bytes()
            .to_vec();
        line.insert(6, 0xFF);
        line.insert(20, 0xFE);
        assert_eq!(guess_encoding(&line), Encoding::Utf8);
    }

    #[test]
    fn without_a_charset_gbk_is_recognised() {
        // 中文 in GBK is not valid UTF-8.
        assert_eq!(
            detect_encoding(&[0xD6, 0xD0, 0xCE, 0xC4], None),
            Encoding::Gb18030
        );
        let gbk = include_bytes!("../../../examples/host-page/articles/notice-gbk.txt");
        assert_eq!(detect_encoding(gbk, None), Encoding::Gb18030);
        assert_eq!(detect_encoding(gbk, Some("text/plain")), Encoding::Gb18030);
        // A charset no decoder could know is as good as none.
        assert_eq!(
            detect_encoding(gbk, Some("text/plain; charset=\"<b>\"")),
            Encoding::Gb18030
        );
    }

    #[test]
    fn binary_files_are_recognised_and_a_stray_nul_is_not_one() {
        assert!(looks_binary(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"));
        assert!(looks_binary(&[0x7f, 0x45, 0x4c, 0x46, 0, 1, 2]));
        assert!(!looks_binary("正文".as_bytes()));
        assert!(!looks_binary(b"\xFF\xFEa\0b\0"));
        assert!(!looks_binary(b"Title\n\nOne NUL\0 in the text.\n"));
        let mut long = crate::sample::SEED_ARTICLE.as_bytes().to_vec();
        for at in [10, 400, 4000] {
            long[at] = 0;
        }
        assert!(!looks_binary(&long), "three NULs in 8 KiB of text");
        assert!(!looks_binary(
            b"tabs\tand\r\nform\x0cfeeds and \x1b[1m escapes"
        ));
    }

    #[test]
    fn inline_text_has_the_same_limit_as_src() {
        assert_eq!(check_inline_size(MAX_BYTES as usize, MAX_BYTES), Ok(()));
        assert_eq!(
            check_inline_size(MAX_BYTES as usize + 1, MAX_BYTES),
            Err(Problem::InlineTooLarge { limit: MAX_BYTES })
        );
    }

    #[test]
    fn max_size_raises_the_limit_within_bounds() {
        assert_eq!(size_limit_from_attribute(None), MAX_BYTES);
        assert_eq!(size_limit_from_attribute(Some(" 12 ")), 12 * 1024 * 1024);
        assert_eq!(size_limit_from_attribute(Some("1")), 1024 * 1024);
        for refused in ["0", "21", "1e9", "-3", "big", "2.5"] {
            assert_eq!(
                size_limit_from_attribute(Some(refused)),
                MAX_BYTES,
                "{refused}"
            );
        }
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
