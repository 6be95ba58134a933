//! The seam between the browser and the core: a parsed HTML tree, flattened.
//!
//! The browser parses HTML inertly (`DOMParser`, `src/web/markup.js`) and walks
//! the result into one string, which crosses into WebAssembly once; here it
//! becomes an arena of nodes in document order. The core never sees the DOM.
//!
//! The flat form: an element opens with [`OPEN`], its lower-case tag name, then
//! for each attribute [`ATTR`] name [`VALUE`] value, then [`OPENED`]; it closes
//! with [`CLOSE`]. Everything else is text. The walker drops these five control
//! characters from text and values, so they can only be markup. Input that
//! breaks the rules (a stray close, an element never closed) is read anyway.

/// Opens an element: `OPEN tag (ATTR name VALUE value)* OPENED`.
pub const OPEN: char = '\u{1}';
/// Starts an attribute name.
pub const ATTR: char = '\u{2}';
/// Separates an attribute name from its value.
pub const VALUE: char = '\u{3}';
/// Ends an element's opening.
pub const OPENED: char = '\u{4}';
/// Closes the innermost open element.
pub const CLOSE: char = '\u{5}';

/// What a node of the tree is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NodeData {
    Element {
        tag: String,
        attrs: Vec<(String, String)>,
    },
    Text(String),
}

/// A node and where its subtree ends.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MarkupNode {
    pub data: NodeData,
    pub parent: Option<usize>,
    /// One past the last node of this node's subtree: its descendants are
    /// `index + 1 .. end`, and its next sibling (if any) is at `end`.
    pub end: usize,
}

/// A tree of elements and text, in document order (parents before children).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Markup {
    pub nodes: Vec<MarkupNode>,
}

impl Markup {
    /// Reads the flat form. Never panics; linear in the input.
    pub fn parse(flat: &str) -> Markup {
        let mut nodes: Vec<MarkupNode> = Vec::new();
        let mut open: Vec<usize> = Vec::new();
        let mut rest = flat;
        while let Some(c) = rest.chars().next() {
            match c {
                OPEN => {
                    let (data, used) = element(&rest[1..]);
                    rest = &rest[1 + used..];
                    open.push(nodes.len());
                    nodes.push(MarkupNode {
                        data,
                        parent: None,
                        end: 0,
                    });
                    let index = nodes.len() - 1;
                    nodes[index].parent = open.iter().rev().nth(1).copied();
                }
                CLOSE => {
                    rest = &rest[1..];
                    if let Some(index) = open.pop() {
                        nodes[index].end = nodes.len();
                    }
                }
                _ => {
                    let len = rest.find(is_markup).unwrap_or(rest.len());
                    let text = &rest[..len.max(c.len_utf8())];
                    rest = &rest[text.len()..];
                    if !is_markup(c) {
                        nodes.push(MarkupNode {
                            data: NodeData::Text(text.to_string()),
                            parent: open.last().copied(),
                            end: nodes.len() + 1,
                        });
                    }
                }
            }
        }
        for index in open {
            nodes[index].end = nodes.len();
        }
        Markup { nodes }
    }

    /// The tag of an element node (`None` for text).
    pub fn tag(&self, index: usize) -> Option<&str> {
        match &self.nodes[index].data {
            NodeData::Element { tag, .. } => Some(tag),
            NodeData::Text(_) => None,
        }
    }

    /// The value of an element's attribute.
    pub fn attr(&self, index: usize, name: &str) -> Option<&str> {
        match &self.nodes[index].data {
            NodeData::Element { attrs, .. } => attrs
                .iter()
                .find(|(n, _)| n == name)
                .map(|(_, v)| v.as_str()),
            NodeData::Text(_) => None,
        }
    }

    /// Direct children of `index`, in order.
    pub fn children(&self, index: usize) -> impl Iterator<Item = usize> + '_ {
        let end = self.nodes[index].end;
        std::iter::successors(Some(index + 1), move |&c| self.nodes.get(c).map(|n| n.end))
            .take_while(move |&c| c < end)
    }

    /// The first element with this tag in document order.
    pub fn find(&self, tag: &str) -> Option<usize> {
        (0..self.nodes.len()).find(|&i| self.tag(i) == Some(tag))
    }

    /// The text of a subtree, as it stands in the source.
    pub fn text(&self, index: usize) -> String {
        let end = self.nodes[index].end.max(index + 1);
        self.nodes[index..end]
            .iter()
            .filter_map(|n| match &n.data {
                NodeData::Text(t) => Some(t.as_str()),
                NodeData::Element { .. } => None,
            })
            .collect()
    }
}

/// True for the characters that are markup in the flat form.
fn is_markup(c: char) -> bool {
    matches!(c, OPEN | ATTR | VALUE | OPENED | CLOSE)
}

/// Reads an element's opening after [`OPEN`]: its data and the bytes used.
fn element(s: &str) -> (NodeData, usize) {
    let end = s.find([OPENED, CLOSE, OPEN]).unwrap_or(s.len());
    let used = end + usize::from(s[end..].starts_with(OPENED));
    let mut parts = s[..end].split(ATTR);
    let tag = parts.next().unwrap_or("").to_ascii_lowercase();
    let attrs = parts
        .map(|part| {
            let (name, value) = part.split_once(VALUE).unwrap_or((part, ""));
            (name.to_ascii_lowercase(), value.replace(is_markup, ""))
        })
        .collect();
    (NodeData::Element { tag, attrs }, used)
}

/// The flat form of simple, well-formed HTML: `<tag a="v">`, `</tag>`, void
/// elements, the five escapes a Markdown converter writes. For native tests
/// and benchmarks only: real HTML is parsed by the browser, which knows implied
/// tags, every entity and every error.
pub fn from_simple_html(html: &str) -> String {
    const VOID: &[&str] = &[
        "br", "img", "hr", "meta", "link", "input", "wbr", "source", "embed", "area", "col",
        "param", "track", "base",
    ];
    let decode = |s: &str| {
        s.replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&nbsp;", "\u{a0}")
            .replace("&#39;", "'")
            .replace("&amp;", "&")
    };
    let mut out = String::new();
    let mut rest = html;
    while !rest.is_empty() {
        let Some(lt) = rest.find('<') else {
            out.push_str(&decode(rest));
            break;
        };
        out.push_str(&decode(&rest[..lt]));
        let gt = rest[lt..].find('>').map_or(rest.len(), |g| lt + g);
        let inner = &rest[lt + 1..gt];
        rest = rest.get(gt + 1..).unwrap_or("");
        if let Some(_closing) = inner.strip_prefix('/') {
            out.push(CLOSE);
            continue;
        }
        let inner = inner.trim_end_matches('/');
        let (tag, mut attrs) = inner.split_once(' ').unwrap_or((inner, ""));
        out.push(OPEN);
        out.push_str(tag);
        loop {
            attrs = attrs.trim_start();
            if attrs.is_empty() {
                break;
            }
            let name_end = attrs.find(['=', ' ']).unwrap_or(attrs.len());
            out.push(ATTR);
            out.push_str(&attrs[..name_end]);
            out.push(VALUE);
            attrs = &attrs[name_end..];
            if let Some(value) = attrs.strip_prefix('=') {
                let quote = value.chars().next().filter(|q| *q == '"' || *q == '\'');
                let (v, after) = match quote {
                    Some(q) => {
                        let close = value[1..].find(q).map_or(value.len(), |i| i + 1);
                        (&value[1..close], value.get(close + 1..).unwrap_or(""))
                    }
                    None => value.split_at(value.find(' ').unwrap_or(value.len())),
                };
                out.push_str(&decode(v));
                attrs = after;
            }
        }
        out.push(OPENED);
        if VOID.contains(&tag) {
            out.push(CLOSE);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_flat_form_becomes_a_tree() {
        let markup = Markup::parse(&from_simple_html(
            r#"<div id="a"><p>one <b>two</b></p>three</div>"#,
        ));
        let tags: Vec<Option<&str>> = (0..markup.nodes.len()).map(|i| markup.tag(i)).collect();
        assert_eq!(tags, [Some("div"), Some("p"), None, Some("b"), None, None]);
        assert_eq!(markup.attr(0, "id"), Some("a"));
        assert_eq!(markup.children(0).collect::<Vec<_>>(), [1, 5]);
        assert_eq!(markup.children(1).collect::<Vec<_>>(), [2, 3]);
        assert_eq!(markup.nodes[4].parent, Some(3));
        assert_eq!(markup.text(0), "one twothree");
    }

    #[test]
    fn broken_flat_input_is_still_read() {
        let broken = format!("{CLOSE}text{OPEN}P{ATTR}CLASS{VALUE}x{OPENED}inside{OPEN}b");
        let markup = Markup::parse(&broken);
        assert_eq!(markup.tag(1), Some("p"));
        assert_eq!(markup.attr(1, "class"), Some("x"));
        assert_eq!(markup.text(1), "inside");
        assert!(markup.nodes.iter().all(|n| n.end <= markup.nodes.len()));
        // Stray separators are never text.
        let stray = Markup::parse(&format!("a{ATTR}b{VALUE}c{OPENED}d"));
        let all: String = (0..stray.nodes.len()).map(|i| stray.text(i)).collect();
        assert_eq!(all, "abcd");
    }
}
