//! The outline tree's behaviour, without a browser: which nodes are visible,
//! and where each key of the WAI-ARIA tree pattern moves focus.
//!
//! Collapsing a node hides its children here *and* folds its section in the
//! article: one set, [`Collapsed`], serves both, so they stay in step.
//!
//! Keys (https://www.w3.org/WAI/ARIA/apg/patterns/treeview/):
//! Up/Down move between visible nodes; Right opens a closed node or moves to the
//! first child of an open one; Left closes an open node or moves to the parent;
//! Home/End go to the first/last visible node; Enter goes to the node in the
//! article; `*` opens every sibling; printable characters search by label.

use crate::article::text::{fold, fold_str};
use crate::article::{Document, Node};

/// Nodes whose children are hidden (and whose sections are folded): a sorted
/// list, small to clone and to compile (a `BTreeSet` costs kilobytes of wasm).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Collapsed(Vec<usize>);

impl Collapsed {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn contains(&self, node: &usize) -> bool {
        self.0.binary_search(node).is_ok()
    }

    /// Adds `node`; false if it was there.
    pub fn insert(&mut self, node: usize) -> bool {
        match self.0.binary_search(&node) {
            Ok(_) => false,
            Err(at) => {
                self.0.insert(at, node);
                true
            }
        }
    }

    /// Removes `node`; false if it was not there.
    pub fn remove(&mut self, node: &usize) -> bool {
        match self.0.binary_search(node) {
            Ok(at) => {
                self.0.remove(at);
                true
            }
            Err(_) => false,
        }
    }

    pub fn iter(&self) -> impl Iterator<Item = &usize> {
        self.0.iter()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl FromIterator<usize> for Collapsed {
    fn from_iter<I: IntoIterator<Item = usize>>(nodes: I) -> Self {
        let mut set = Collapsed::new();
        for node in nodes {
            set.insert(node);
        }
        set
    }
}

impl<const N: usize> From<[usize; N]> for Collapsed {
    fn from(nodes: [usize; N]) -> Self {
        nodes.into_iter().collect()
    }
}

/// How long a pause ends a type-ahead word, in milliseconds.
pub const TYPEAHEAD_RESET_MS: f64 = 700.0;

/// A key the tree reacts to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TreeKey {
    Up,
    Down,
    Left,
    Right,
    Home,
    End,
    Enter,
    Star,
    Char(char),
}

impl TreeKey {
    /// Maps a `KeyboardEvent.key` value; `None` for keys the tree leaves alone.
    pub fn from_key(key: &str) -> Option<TreeKey> {
        Some(match key {
            "ArrowUp" => TreeKey::Up,
            "ArrowDown" => TreeKey::Down,
            "ArrowLeft" => TreeKey::Left,
            "ArrowRight" => TreeKey::Right,
            "Home" => TreeKey::Home,
            "End" => TreeKey::End,
            "Enter" => TreeKey::Enter,
            "*" => TreeKey::Star,
            _ => {
                let mut chars = key.chars();
                let c = chars.next()?;
                // `?` and `/` are the reader's own keys (help, the keyword
                // input), which no heading starts with.
                if chars.next().is_some() || c.is_control() || matches!(c, ' ' | '?' | '？' | '/')
                {
                    return None;
                }
                TreeKey::Char(c)
            }
        })
    }
}

/// What a key did to the tree.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TreeEffect {
    /// Focus moved to this node.
    Focus(usize),
    /// These nodes opened (and the focus stays).
    Expanded(Vec<usize>),
    /// This node closed.
    Collapsed(usize),
    /// Go to this node in the article.
    Activate(usize),
}

/// Letters typed in quick succession, for type-ahead.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TypeAhead {
    typed: String,
    last_ms: f64,
}

/// True when `node` has children.
pub fn is_parent(node: &Node) -> bool {
    !node.children.is_empty()
}

/// Visible nodes in order: every listed node whose ancestors are all expanded
/// (`listed` filters the outline, to nodes with matches for instance).
pub fn visible(
    doc: &Document,
    collapsed: &Collapsed,
    listed: &dyn Fn(usize) -> bool,
) -> Vec<usize> {
    let mut out = Vec::with_capacity(doc.nodes.len());
    let mut stack: Vec<usize> = doc.roots().collect();
    stack.reverse();
    while let Some(n) = stack.pop() {
        if !listed(n) {
            continue;
        }
        out.push(n);
        if !collapsed.contains(&n) {
            stack.extend(doc.nodes[n].children.iter().rev());
        }
    }
    out
}

/// The siblings of `node` (its parent's children, or the roots), in order.
pub fn siblings(doc: &Document, node: usize) -> Vec<usize> {
    match doc.nodes[node].parent {
        Some(parent) => doc.nodes[parent].children.clone(),
        None => doc.roots().collect(),
    }
}

/// `node` and its ancestors, nearest first.
pub fn ancestors(doc: &Document, node: usize) -> impl Iterator<Item = usize> + '_ {
    std::iter::successors(doc.nodes[node].parent, move |&n| doc.nodes[n].parent)
}

/// Every node that has children: what "collapse all" collapses.
pub fn all_parents(doc: &Document) -> Collapsed {
    doc.nodes
        .iter()
        .enumerate()
        .filter(|(_, n)| is_parent(n))
        .map(|(i, _)| i)
        .collect()
}

/// A label without its leading numbering (一、 （一） 1. 第一章), for type-ahead,
/// so that typing 深 finds "一、深刻感悟…".
fn without_numbering(label: &str) -> &str {
    let first_text = label
        .char_indices()
        .find(|&(_, c)| {
            !(c.is_ascii_digit()
                || c.is_whitespace()
                || "一二三四五六七八九十百零〇（）()、.．第章节条编部分".contains(c))
        })
        .map_or(label.len(), |(i, _)| i);
    &label[first_text..]
}

/// The label with a leading Chinese numeral written in digits (三、… → 3、…,
/// （二）… → 2…, 第十章 → 10章), so Chinese numbering can be typed on any keyboard:
/// a tree item is not a text field, so no input method helps there.
fn with_digits(label: &str) -> Option<String> {
    let rest = label.trim_start_matches(['（', '(', '第']);
    let (n, used) = crate::article::text::leading_chinese_numeral(rest)?;
    Some(format!(
        "{n}{}",
        rest[used..].trim_start_matches(['）', ')'])
    ))
}

fn label_starts_with(label: &str, typed: &str) -> bool {
    let matches = |s: &str| fold_str(s).starts_with(typed);
    matches(label)
        || matches(without_numbering(label))
        || with_digits(label).is_some_and(|l| matches(&l))
}

/// Applies a key to the tree. `focused` is the node with the roving tab stop;
/// `now_ms` is a clock for type-ahead (passed in, so this stays testable).
pub fn press(
    doc: &Document,
    collapsed: &Collapsed,
    listed: &dyn Fn(usize) -> bool,
    focused: usize,
    key: TreeKey,
    typeahead: &mut TypeAhead,
    now_ms: f64,
) -> Option<TreeEffect> {
    let visible = visible(doc, collapsed, listed);
    let at = visible.iter().position(|&n| n == focused)?;
    let node = &doc.nodes[focused];
    let open = is_parent(node) && !collapsed.contains(&focused);
    match key {
        TreeKey::Up => at.checked_sub(1).map(|i| TreeEffect::Focus(visible[i])),
        TreeKey::Down => visible.get(at + 1).map(|&n| TreeEffect::Focus(n)),
        TreeKey::Home => visible.first().map(|&n| TreeEffect::Focus(n)),
        TreeKey::End => visible.last().map(|&n| TreeEffect::Focus(n)),
        TreeKey::Right if open => node
            .children
            .iter()
            .find(|&&c| listed(c))
            .map(|&c| TreeEffect::Focus(c)),
        TreeKey::Right if is_parent(node) => Some(TreeEffect::Expanded(vec![focused])),
        TreeKey::Right => None,
        TreeKey::Left if open => Some(TreeEffect::Collapsed(focused)),
        TreeKey::Left => node.parent.map(TreeEffect::Focus),
        TreeKey::Enter => Some(TreeEffect::Activate(focused)),
        TreeKey::Star => {
            let closed: Vec<usize> = siblings(doc, focused)
                .into_iter()
                .filter(|&s| is_parent(&doc.nodes[s]) && collapsed.contains(&s))
                .collect();
            (!closed.is_empty()).then_some(TreeEffect::Expanded(closed))
        }
        TreeKey::Char(c) => {
            if now_ms - typeahead.last_ms > TYPEAHEAD_RESET_MS {
                typeahead.typed.clear();
            }
            typeahead.last_ms = now_ms;
            typeahead.typed.extend(fold(c));
            // A first letter looks past the current node; a longer word may stay on it.
            let start = if typeahead.typed.chars().count() == 1 {
                at + 1
            } else {
                at
            };
            let typed = typeahead.typed.as_str();
            (0..visible.len())
                .map(|k| visible[(start + k) % visible.len()])
                .find(|&n| label_starts_with(&doc.nodes[n].label, typed))
                .filter(|&n| n != focused)
                .map(TreeEffect::Focus)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::parse;

    const SEED: &str = crate::sample::SEED_ARTICLE;

    /// Every node listed (no outline filter).
    const ALL: fn(usize) -> bool = |_| true;

    fn label(doc: &Document, n: usize) -> &str {
        &doc.nodes[n].label
    }

    fn id(doc: &Document, text: &str) -> usize {
        doc.nodes
            .iter()
            .position(|n| n.label.starts_with(text))
            .unwrap()
    }

    #[test]
    fn all_nodes_are_visible_until_something_collapses() {
        let doc = parse(SEED);
        assert_eq!(visible(&doc, &Collapsed::new(), &ALL).len(), 19);
        let first = id(&doc, "一、");
        let collapsed = Collapsed::from([first]);
        let shown = visible(&doc, &collapsed, &ALL);
        assert_eq!(shown.len(), 16);
        assert!(!shown.contains(&id(&doc, "一是要对标")));
        assert_eq!(visible(&doc, &all_parents(&doc), &ALL).len(), 4);
    }

    #[test]
    fn up_and_down_walk_visible_nodes() {
        let doc = parse(SEED);
        let mut ta = TypeAhead::default();
        let first = id(&doc, "一、");
        let open = Collapsed::new();
        assert_eq!(
            press(&doc, &open, &ALL, first, TreeKey::Down, &mut ta, 0.0),
            Some(TreeEffect::Focus(id(&doc, "一是要对标")))
        );
        let closed = Collapsed::from([first]);
        assert_eq!(
            press(&doc, &closed, &ALL, first, TreeKey::Down, &mut ta, 0.0),
            Some(TreeEffect::Focus(id(&doc, "二、")))
        );
        assert_eq!(
            press(&doc, &open, &ALL, first, TreeKey::Up, &mut ta, 0.0),
            None
        );
    }

    #[test]
    fn right_opens_then_enters_and_left_closes_then_climbs() {
        let doc = parse(SEED);
        let mut ta = TypeAhead::default();
        let second = id(&doc, "二、");
        let closed = Collapsed::from([second]);
        assert_eq!(
            press(&doc, &closed, &ALL, second, TreeKey::Right, &mut ta, 0.0),
            Some(TreeEffect::Expanded(vec![second]))
        );
        let open = Collapsed::new();
        let people = id(&doc, "坚持人民至上");
        assert_eq!(
            press(&doc, &open, &ALL, second, TreeKey::Right, &mut ta, 0.0),
            Some(TreeEffect::Focus(people))
        );
        assert_eq!(
            press(&doc, &open, &ALL, people, TreeKey::Right, &mut ta, 0.0),
            None
        );
        assert_eq!(
            press(&doc, &open, &ALL, people, TreeKey::Left, &mut ta, 0.0),
            Some(TreeEffect::Focus(second))
        );
        assert_eq!(
            press(&doc, &open, &ALL, second, TreeKey::Left, &mut ta, 0.0),
            Some(TreeEffect::Collapsed(second))
        );
        assert_eq!(
            press(&doc, &closed, &ALL, second, TreeKey::Left, &mut ta, 0.0),
            None
        );
    }

    #[test]
    fn home_end_enter_and_star() {
        let doc = parse(SEED);
        let mut ta = TypeAhead::default();
        let people = id(&doc, "坚持人民至上");
        let open = Collapsed::new();
        assert_eq!(
            press(&doc, &open, &ALL, people, TreeKey::Home, &mut ta, 0.0),
            Some(TreeEffect::Focus(0))
        );
        let last = doc.nodes.len() - 1;
        assert_eq!(
            press(&doc, &open, &ALL, people, TreeKey::End, &mut ta, 0.0),
            Some(TreeEffect::Focus(last))
        );
        assert_eq!(
            press(&doc, &open, &ALL, people, TreeKey::Enter, &mut ta, 0.0),
            Some(TreeEffect::Activate(people))
        );
        let all = all_parents(&doc);
        let first = id(&doc, "一、");
        match press(&doc, &all, &ALL, first, TreeKey::Star, &mut ta, 0.0) {
            Some(TreeEffect::Expanded(opened)) => assert_eq!(opened.len(), 4),
            other => panic!("{other:?}"),
        }
        assert_eq!(
            press(&doc, &open, &ALL, first, TreeKey::Star, &mut ta, 0.0),
            None
        );
    }

    #[test]
    fn typeahead_finds_labels_by_their_first_characters() {
        let doc = parse(SEED);
        let mut ta = TypeAhead::default();
        let open = Collapsed::new();
        let first = id(&doc, "一、");
        // 坚 then 持 then 系, typed quickly: 坚持系统观念.
        let found = press(&doc, &open, &ALL, first, TreeKey::Char('坚'), &mut ta, 0.0);
        assert_eq!(found, Some(TreeEffect::Focus(id(&doc, "坚持人民至上"))));
        let at = id(&doc, "坚持人民至上");
        press(&doc, &open, &ALL, at, TreeKey::Char('持'), &mut ta, 100.0);
        let found = press(&doc, &open, &ALL, at, TreeKey::Char('系'), &mut ta, 200.0);
        assert_eq!(found, Some(TreeEffect::Focus(id(&doc, "坚持系统观念"))));
        // After a pause a new word starts; the numbering is skipped: 深 finds 一、深刻….
        let found = press(&doc, &open, &ALL, at, TreeKey::Char('深'), &mut ta, 2000.0);
        let target = found.map(|e| match e {
            TreeEffect::Focus(n) => label(&doc, n).to_string(),
            other => format!("{other:?}"),
        });
        assert_eq!(target.as_deref().map(|l| &l[..9]), Some("三、深"));
    }

    #[test]
    fn digits_find_chinese_numbering() {
        let doc = parse(SEED);
        let mut ta = TypeAhead::default();
        let open = Collapsed::new();
        let first = id(&doc, "一、");
        let found = press(&doc, &open, &ALL, first, TreeKey::Char('3'), &mut ta, 0.0);
        assert_eq!(
            found,
            Some(TreeEffect::Focus(id(&doc, "三是要坚持不懈引领学")))
        );
        let at = id(&doc, "三是要坚持不懈引领学");
        let found = press(&doc, &open, &ALL, at, TreeKey::Char('3'), &mut ta, 5000.0);
        assert_eq!(found, Some(TreeEffect::Focus(id(&doc, "三、"))));
        assert_eq!(with_digits("（二）扎实推进").as_deref(), Some("2扎实推进"));
        assert_eq!(with_digits("第十二章 总则").as_deref(), Some("12章 总则"));
        assert_eq!(with_digits("Chapter"), None);
    }

    #[test]
    fn a_filtered_outline_skips_unlisted_nodes() {
        let doc = parse(SEED);
        let mut ta = TypeAhead::default();
        let second = id(&doc, "二、");
        let listed = |n: usize| n != second && doc.nodes[n].parent != Some(second);
        let shown = visible(&doc, &Collapsed::new(), &listed);
        assert_eq!(shown.len(), 19 - 7);
        let before = id(&doc, "三是要坚持不懈引领学");
        assert_eq!(
            press(
                &doc,
                &Collapsed::new(),
                &listed,
                before,
                TreeKey::Down,
                &mut ta,
                0.0
            ),
            Some(TreeEffect::Focus(id(&doc, "三、")))
        );
    }

    #[test]
    fn keys_from_keyboard_events() {
        assert_eq!(TreeKey::from_key("ArrowDown"), Some(TreeKey::Down));
        assert_eq!(TreeKey::from_key("*"), Some(TreeKey::Star));
        assert_eq!(TreeKey::from_key("a"), Some(TreeKey::Char('a')));
        assert_eq!(TreeKey::from_key("Tab"), None);
        assert_eq!(TreeKey::from_key(" "), None);
        assert_eq!(TreeKey::from_key("?"), None, "the reader's help key");
        assert_eq!(TreeKey::from_key("/"), None, "the reader's search key");
    }
}
