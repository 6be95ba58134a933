//! Our part of the URL hash, shared politely with the host page.
//!
//! The hash is read as `&`-separated segments. Ours are `key=value` pairs with
//! our keys (`s` for the section or point being read, prefixed `name.` when the
//! reader has a namespace); a bare segment that is one of our node ids also
//! counts, so a plain `#一是要对标对表带头学` link works. Everything else belongs
//! to the host: its `key=value` pairs are kept as they are, and if it uses the
//! hash any other way (`#/route`, `#top`) we do not write at all.

/// Which hash keys a reader uses.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HashKeys {
    prefix: String,
    /// Bare `#id` links are ours only when we have no namespace.
    bare_ids: bool,
}

impl HashKeys {
    /// Keys for the page's one unnamed reader: `s`, `kw`, and bare ids.
    pub fn unnamed() -> HashKeys {
        HashKeys {
            prefix: String::new(),
            bare_ids: true,
        }
    }

    /// Keys for a reader called `name` (`name.s`, `name.kw`), if the name is
    /// usable: ASCII letters, digits, `-` and `_`, which the URL keeps as they
    /// are. Anything else is `None`: the caller says so rather than falling
    /// back to the unnamed keys, which would clash with an unnamed reader.
    pub fn named(name: &str) -> Option<HashKeys> {
        let usable = !name.is_empty()
            && name
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
        usable.then(|| HashKeys {
            prefix: format!("{name}."),
            bare_ids: false,
        })
    }

    fn node_key(&self) -> String {
        format!("{}s", self.prefix)
    }

    fn keywords_key(&self) -> String {
        format!("{}kw", self.prefix)
    }
}

/// What our part of the hash says.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HashState {
    /// Id of the section or point to show.
    pub node: Option<String>,
    /// Keywords to highlight (`kw=人才,干部`).
    pub keywords: Option<Vec<String>>,
}

enum Segment<'a> {
    Ours,
    HostPair(&'a str),
    HostOther,
}

fn classify<'a>(
    segment: &'a str,
    keys: &HashKeys,
    is_node_id: &dyn Fn(&str) -> bool,
) -> (Segment<'a>, HashState) {
    let mut state = HashState::default();
    match segment.split_once('=') {
        Some((key, value)) if key == keys.node_key() => {
            state.node = Some(decode(value)).filter(|v| !v.is_empty());
            (Segment::Ours, state)
        }
        Some((key, value)) if key == keys.keywords_key() => {
            state.keywords = Some(decode_list(value));
            (Segment::Ours, state)
        }
        Some(_) => (Segment::HostPair(segment), state),
        None if keys.bare_ids && is_node_id(&decode(segment)) => {
            state.node = Some(decode(segment));
            (Segment::Ours, state)
        }
        None => (Segment::HostOther, state),
    }
}

fn segments(hash: &str) -> impl Iterator<Item = &str> {
    hash.strip_prefix('#')
        .unwrap_or(hash)
        .split('&')
        .filter(|s| !s.is_empty())
}

/// Reads our state from `hash` (with or without the leading `#`).
pub fn read(hash: &str, keys: &HashKeys, is_node_id: &dyn Fn(&str) -> bool) -> HashState {
    let mut state = HashState::default();
    for segment in segments(hash) {
        let (kind, found) = classify(segment, keys, is_node_id);
        if matches!(kind, Segment::Ours) {
            state.node = found.node.or(state.node);
            state.keywords = found.keywords.or(state.keywords);
        }
    }
    state
}

/// The new hash (with `#`, or empty for none) carrying `state` and the host's
/// pairs; `None` when the host uses the hash in a way we must leave alone.
pub fn write(
    hash: &str,
    keys: &HashKeys,
    state: &HashState,
    is_node_id: &dyn Fn(&str) -> bool,
) -> Option<String> {
    let mut kept: Vec<String> = Vec::new();
    for segment in segments(hash) {
        match classify(segment, keys, is_node_id).0 {
            Segment::Ours => {}
            Segment::HostPair(pair) => kept.push(pair.to_string()),
            Segment::HostOther => return None,
        }
    }
    if let Some(node) = &state.node {
        kept.push(format!("{}={}", keys.node_key(), encode(node)));
    }
    if let Some(keywords) = state.keywords.as_ref().filter(|k| !k.is_empty()) {
        let list: Vec<String> = keywords.iter().map(|k| encode(k)).collect();
        kept.push(format!("{}={}", keys.keywords_key(), list.join(",")));
    }
    Some(if kept.is_empty() {
        String::new()
    } else {
        format!("#{}", kept.join("&"))
    })
}

/// Percent-encodes what would break our format; other text stays readable.
pub fn encode(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        if c.is_ascii_alphanumeric() || "-_.~!*'()".contains(c) || !c.is_ascii() {
            out.push(c);
        } else {
            let mut buf = [0u8; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        }
    }
    out
}

/// A comma-separated list of encoded values (commas inside values are escaped).
pub fn decode_list(value: &str) -> Vec<String> {
    value
        .split(',')
        .map(decode)
        .filter(|v| !v.trim().is_empty())
        .collect()
}

/// Decodes `%XX` escapes (the browser escapes non-ASCII in the hash); invalid
/// escapes stay as they are, invalid UTF-8 becomes U+FFFD.
pub fn decode(value: &str) -> String {
    let bytes = value.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16).map(|d| d as u8);
        if bytes[i] == b'%'
            && let (Some(hi), Some(lo)) = (
                bytes.get(i + 1).copied().and_then(hex),
                bytes.get(i + 2).copied().and_then(hex),
            )
        {
            out.push(hi << 4 | lo);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(id: &str) -> bool {
        ["一是要对标对表带头学", "intro"].contains(&id)
    }

    fn node(id: &str) -> HashState {
        HashState {
            node: Some(id.to_string()),
            keywords: None,
        }
    }

    #[test]
    fn reads_pairs_bare_ids_and_escapes() {
        let keys = HashKeys::unnamed();
        assert_eq!(read("#s=intro", &keys, &ids), node("intro"));
        assert_eq!(
            read("#一是要对标对表带头学", &keys, &ids),
            node("一是要对标对表带头学")
        );
        let escaped = "#s=%E4%B8%80%E6%98%AF";
        assert_eq!(read(escaped, &keys, &ids), node("一是"));
        assert_eq!(read("#top", &keys, &ids), HashState::default());
        assert_eq!(read("", &keys, &ids), HashState::default());
    }

    #[test]
    fn namespaces_keep_readers_apart() {
        let a = HashKeys::named("a").unwrap();
        let b = HashKeys::named("b").unwrap();
        let hash = "#a.s=intro&b.s=other";
        assert_eq!(read(hash, &a, &ids), node("intro"));
        assert_eq!(read(hash, &b, &ids), node("other"));
        // A namespaced reader ignores bare ids; they belong to the default reader.
        assert_eq!(read("#intro", &a, &ids), HashState::default());
        let written = write(hash, &a, &node("next"), &ids).unwrap();
        assert_eq!(written, "#b.s=other&a.s=next");
        for bad in ["bad key&", "a.b", "左", "x=y", "#top", ""] {
            assert_eq!(HashKeys::named(bad), None, "{bad}");
        }
        assert!(HashKeys::named("Left_2-b").is_some());
    }

    #[test]
    fn writing_keeps_the_hosts_pairs_and_leaves_other_hashes_alone() {
        let keys = HashKeys::unnamed();
        assert_eq!(
            write("#tab=2", &keys, &node("intro"), &ids).as_deref(),
            Some("#tab=2&s=intro")
        );
        assert_eq!(
            write("#intro", &keys, &node("一是要对标对表带头学"), &ids).as_deref(),
            Some("#s=一是要对标对表带头学")
        );
        assert_eq!(write("#/route/page", &keys, &node("intro"), &ids), None);
        assert_eq!(write("#top", &keys, &node("intro"), &ids), None);
        assert_eq!(
            write("#s=intro", &keys, &HashState::default(), &ids).as_deref(),
            Some("")
        );
    }

    #[test]
    fn keywords_share_the_hash_with_the_node() {
        let keys = HashKeys::unnamed();
        let state = HashState {
            node: Some("intro".into()),
            keywords: Some(vec!["人才".into(), "干部".into(), "a,b&c".into()]),
        };
        let hash = write("#tab=1", &keys, &state, &ids).unwrap();
        assert_eq!(hash, "#tab=1&s=intro&kw=人才,干部,a%2Cb%26c");
        assert_eq!(read(&hash, &keys, &ids), state);
        let ns = HashKeys::named("left").unwrap();
        assert_eq!(
            read("#left.kw=x&kw=y", &ns, &ids).keywords,
            Some(vec!["x".to_string()])
        );
        let cleared = HashState {
            node: None,
            keywords: Some(Vec::new()),
        };
        assert_eq!(
            write(&hash, &keys, &cleared, &ids).as_deref(),
            Some("#tab=1")
        );
    }

    #[test]
    fn values_round_trip_through_encoding() {
        for value in ["a b", "x&y=z", "100%", "逗号,分隔", "#hash"] {
            assert_eq!(decode(&encode(value)), value);
            assert!(!encode(value).contains(['&', '=', '#', ' ', ',']));
        }
        assert_eq!(decode("%zz%4"), "%zz%4");
        assert_eq!(decode("%FF"), "\u{FFFD}");
    }
}
