//! Which link and image URLs an article keeps (README "HTML articles").
//!
//! Kept: absolute `http:` and `https:` URLs, `mailto:` for links, and relative
//! URLs, which are resolved here against the article's own URL so that they
//! point where the author meant. Everything else (`javascript:`, `vbscript:`,
//! `data:`, `file:`, unknown schemes, relative URLs with no web page to be
//! relative to) is dropped. The browser has already decoded entities; this
//! removes what the URL parser ignores (tabs, newlines, leading controls and
//! spaces) before looking at the scheme, so `jav&#x09;ascript:` is seen for
//! what it is.

/// What the URL is for: links may also write mail.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UrlUse {
    Link,
    Image,
}

/// The URL to keep for `value`, absolute, or `None` to drop it.
pub fn safe_url(value: &str, base: Option<&str>, purpose: UrlUse) -> Option<String> {
    let trimmed = value.trim_matches(|c: char| c <= ' ');
    let cleaned: String = trimmed
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    if cleaned.is_empty() || cleaned.chars().any(|c| c.is_control()) {
        return None;
    }
    let url = match scheme(&cleaned) {
        Some(scheme) => match scheme.as_str() {
            "http" | "https" => cleaned.replace('\\', "/"),
            "mailto" if purpose == UrlUse::Link => cleaned,
            _ => return None,
        },
        None => resolve(&cleaned.replace('\\', "/"), web_base(base?)?),
    };
    let lower = url.get(..8).unwrap_or(&url).to_ascii_lowercase();
    let allowed = lower.starts_with("https://")
        || lower.starts_with("http://")
        || (purpose == UrlUse::Link && lower.starts_with("mailto:"));
    allowed.then_some(url)
}

/// The scheme of an absolute URL, lower-cased: letters, digits, `+ - .`
/// before a colon that comes before any `/ ? #`.
fn scheme(url: &str) -> Option<String> {
    let colon = url.find(':')?;
    let scheme = &url[..colon];
    let valid = scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    valid.then(|| scheme.to_ascii_lowercase())
}

/// An http(s) base URL, split as (scheme, origin `scheme://host`, path with
/// query, no fragment).
fn web_base(base: &str) -> Option<(&str, &str, &str)> {
    let base = base.split('#').next().unwrap_or(base);
    let colon = base.find("://")?;
    let scheme = &base[..colon];
    if !(scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https")) {
        return None;
    }
    let path_at = base[colon + 3..]
        .find(['/', '?'])
        .map_or(base.len(), |i| colon + 3 + i);
    Some((scheme, &base[..path_at], &base[path_at..]))
}

/// Resolves a relative reference against a web base (RFC 3986, section 5.2).
fn resolve(reference: &str, (scheme, origin, path): (&str, &str, &str)) -> String {
    if let Some(rest) = reference.strip_prefix("//") {
        return format!("{scheme}://{rest}");
    }
    let base_path = path.split('?').next().unwrap_or("");
    let base_path = if base_path.is_empty() { "/" } else { base_path };
    let (target, tail) = match reference.find(['?', '#']) {
        Some(i) => reference.split_at(i),
        None => (reference, ""),
    };
    let merged = if target.is_empty() {
        // `?q` keeps the base path; `#f` keeps its query too.
        let keep_query = tail.starts_with('#');
        let base = if keep_query { path } else { base_path };
        return format!("{origin}{base}{tail}");
    } else if target.starts_with('/') {
        target.to_string()
    } else {
        let dir = &base_path[..base_path.rfind('/').map_or(0, |i| i + 1)];
        format!("{dir}{target}")
    };
    format!("{origin}{}{tail}", remove_dot_segments(&merged))
}

/// `/a/b/../c/./d` → `/a/c/d`.
fn remove_dot_segments(path: &str) -> String {
    let mut out: Vec<&str> = Vec::new();
    let segments: Vec<&str> = path.split('/').collect();
    for (i, segment) in segments.iter().enumerate() {
        let last = i + 1 == segments.len();
        match *segment {
            "." => {
                if last {
                    out.push("");
                }
            }
            ".." => {
                if out.len() > 1 {
                    out.pop();
                }
                if last {
                    out.push("");
                }
            }
            s => out.push(s),
        }
    }
    let joined = out.join("/");
    if joined.starts_with('/') {
        joined
    } else {
        format!("/{joined}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const BASE: Option<&str> = Some("https://news.example/2024/03/story.html?id=7#top");

    fn link(value: &str) -> Option<String> {
        safe_url(value, BASE, UrlUse::Link)
    }

    #[test]
    fn web_and_mail_urls_are_kept() {
        assert_eq!(
            link("https://a.example/x").as_deref(),
            Some("https://a.example/x")
        );
        assert_eq!(
            link(" HTTP://a.example ").as_deref(),
            Some("HTTP://a.example")
        );
        assert_eq!(
            link("mailto:me@a.example").as_deref(),
            Some("mailto:me@a.example")
        );
        assert_eq!(safe_url("mailto:me@a.example", BASE, UrlUse::Image), None);
    }

    #[test]
    fn relative_urls_resolve_against_the_article() {
        assert_eq!(
            link("pic.png").as_deref(),
            Some("https://news.example/2024/03/pic.png")
        );
        assert_eq!(
            link("../01/a.html").as_deref(),
            Some("https://news.example/2024/01/a.html")
        );
        assert_eq!(
            link("/about").as_deref(),
            Some("https://news.example/about")
        );
        assert_eq!(
            link("//cdn.example/x.js").as_deref(),
            Some("https://cdn.example/x.js")
        );
        assert_eq!(
            link("?page=2").as_deref(),
            Some("https://news.example/2024/03/story.html?page=2")
        );
        assert_eq!(
            link("#part").as_deref(),
            Some("https://news.example/2024/03/story.html?id=7#part")
        );
        assert_eq!(
            link("./a/./b/../c").as_deref(),
            Some("https://news.example/2024/03/a/c")
        );
        assert_eq!(
            link(r"\\evil.example\x").as_deref(),
            Some("https://evil.example/x")
        );
        // Nothing to be relative to: dropped.
        assert_eq!(safe_url("pic.png", None, UrlUse::Image), None);
        assert_eq!(
            safe_url("pic.png", Some("blob:https://a/b-c"), UrlUse::Image),
            None
        );
    }

    #[test]
    fn script_and_data_urls_are_dropped_however_written() {
        for bad in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            " \u{1}javascript:alert(1)",
            "java\tscript:alert(1)",
            "java\nscript:alert(1)",
            "jav\r\nascript:alert(1)",
            "vbscript:msgbox(1)",
            "data:text/html,<script>alert(1)</script>",
            "DATA:image/svg+xml;base64,PHN2Zz4=",
            "file:///etc/passwd",
            "blob:https://a.example/1",
            "feed:javascript:alert(1)",
            "",
            "   ",
            "http://a\u{0}b",
        ] {
            assert_eq!(link(bad), None, "{bad:?}");
        }
        // Full-width letters are no scheme: a harmless relative path.
        assert_eq!(
            link("ｊavascript:alert(1)").as_deref(),
            Some("https://news.example/2024/03/ｊavascript:alert(1)")
        );
    }
}
