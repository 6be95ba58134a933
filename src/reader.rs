//! The reader's state and the verbs that change it.
//!
//! One state type, one [`Action`] enum and one [`ReaderState::apply`], all plain
//! Rust and tested natively. The Yew root holds it with `use_reducer`; its
//! `Reducible` impl (src/app.rs) only delegates here. Effects (scrolling,
//! storage, the URL) live in hooks that read this state and dispatch actions.

use std::rc::Rc;

use crate::article::{self, Contents, Document, ParseOptions, reading_time, text};
use crate::outline::{self, Collapsed, TreeEffect, TreeKey, TypeAhead};
use crate::saved::{self, Saved};
use crate::source::Problem;

/// A parsed article and what the views derive from it once.
#[derive(Debug, PartialEq, Eq)]
pub struct Article {
    pub document: Document,
    pub contents: Contents,
    pub reading_minutes: u32,
    /// Reading time of each node's span, in seconds, for the outline.
    pub node_seconds: Vec<u32>,
    /// For each node, one past the last node of its subtree (nodes are in
    /// pre-order), so "is X inside N's subtree" is two comparisons.
    pub subtree_end: Vec<usize>,
    /// `zh` or `en`, for the article's `lang` attribute (fonts, indentation, speech).
    pub language: &'static str,
    /// Where this article's memory lives in browser storage.
    pub storage_key: String,
}

impl Article {
    /// Parses article text. Empty text is a [`Problem`], not an empty page.
    pub fn parse(text: &str, options: ParseOptions) -> Result<Article, Problem> {
        if text::trim(text).is_empty() {
            return Err(Problem::EmptyArticle);
        }
        let document = article::parse_with(text, options);
        let node_seconds = document
            .nodes
            .iter()
            .map(|n| reading_time::seconds(document.text(n.span)))
            .collect();
        let mut subtree_end: Vec<usize> = (1..=document.nodes.len()).collect();
        for i in (0..document.nodes.len()).rev() {
            if let Some(&last) = document.nodes[i].children.last() {
                subtree_end[i] = subtree_end[last];
            }
        }
        Ok(Article {
            contents: document.contents(),
            reading_minutes: reading_time::minutes(&document.body),
            language: text::language_tag(&document.body),
            storage_key: saved::storage_key(text),
            node_seconds,
            subtree_end,
            document,
        })
    }

    /// True when `node` lies in the subtree rooted at `root` (or is `root`).
    pub fn in_subtree(&self, root: usize, node: usize) -> bool {
        root <= node && node < self.subtree_end[root]
    }

    /// True when `node` is hidden because an ancestor is collapsed.
    pub fn is_hidden(&self, node: usize, collapsed: &Collapsed) -> bool {
        outline::ancestors(&self.document, node).any(|a| collapsed.contains(&a))
    }
}

/// What the reader is busy with before the article shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Loading {
    /// Turning the text into a document; long for multi-megabyte articles.
    Parsing,
}

/// What the widget shows.
#[derive(Clone, Debug, PartialEq)]
pub enum Status {
    Loading(Loading),
    Failed(Problem),
    Ready(Rc<Article>),
}

/// A request to bring a node into view. `seq` grows with every request, so
/// asking for the same node twice still scrolls twice.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Navigation {
    pub node: usize,
    pub seq: u32,
    /// Animate the scroll (unless the reader prefers reduced motion).
    pub smooth: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ReaderState {
    pub status: Status,
    /// Collapsed outline nodes, which are also the folded sections.
    pub collapsed: Rc<Collapsed>,
    /// The outline node holding the tree's single tab stop.
    pub focused: Option<usize>,
    pub typeahead: TypeAhead,
    /// The node being read (scroll spy); the outline marks it `aria-current`.
    pub active: Option<usize>,
    pub navigation: Option<Navigation>,
    /// Whether the outline panel shows; `None` lets the layout decide (open
    /// beside the text when wide, closed when narrow).
    pub outline_open: Option<bool>,
    /// Whether outline nodes show their reading time.
    pub reading_times: bool,
}

impl Default for ReaderState {
    fn default() -> Self {
        Self {
            status: Status::Loading(Loading::Parsing),
            collapsed: Rc::default(),
            focused: None,
            typeahead: TypeAhead::default(),
            active: None,
            navigation: None,
            outline_open: None,
            reading_times: false,
        }
    }
}

/// Everything that can happen to a reader.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    Progress(Loading),
    /// The article is ready, with what was remembered about it and the node the
    /// URL points to: applied together, so no half-restored state is ever seen.
    Loaded {
        article: Rc<Article>,
        saved: Option<Saved>,
        deep_link: Option<String>,
    },
    Failed(Problem),
    /// Open or close a node (and fold or unfold its section).
    Toggle(usize),
    ExpandAll,
    CollapseAll,
    /// Unfold a node and its ancestors (the browser found text inside it).
    Reveal(usize),
    /// A key pressed in the outline tree, with a clock for type-ahead.
    OutlineKey {
        key: TreeKey,
        now_ms: f64,
    },
    /// Move the outline's tab stop (a click on a node).
    Focus(usize),
    /// Bring a node into view, unfolding its path.
    GoTo {
        node: usize,
        smooth: bool,
    },
    /// Go to the node with this id, if there is one (a link or the URL).
    GoToId {
        id: String,
        smooth: bool,
    },
    /// The scroll spy saw a new node being read.
    SetActive(Option<usize>),
    SetOutlineOpen(bool),
    ToggleReadingTimes,
}

impl ReaderState {
    pub fn apply(&mut self, action: Action) {
        match action {
            Action::Progress(loading) => self.status = Status::Loading(loading),
            Action::Loaded {
                article,
                saved,
                deep_link,
            } => {
                *self = ReaderState {
                    status: Status::Ready(article),
                    outline_open: self.outline_open,
                    ..ReaderState::default()
                };
                self.restore(saved, deep_link);
            }
            Action::Failed(problem) => self.status = Status::Failed(problem),
            Action::Toggle(node) => {
                let collapsed = Rc::make_mut(&mut self.collapsed);
                if !collapsed.remove(&node) {
                    collapsed.insert(node);
                }
            }
            Action::ExpandAll => self.collapsed = Rc::default(),
            Action::CollapseAll => {
                if let Some(article) = self.article() {
                    self.collapsed = Rc::new(outline::all_parents(&article.document));
                }
            }
            Action::Reveal(node) => self.reveal(node),
            Action::OutlineKey { key, now_ms } => self.outline_key(key, now_ms),
            Action::Focus(node) => self.focused = Some(node),
            Action::GoTo { node, smooth } => self.go_to(node, smooth),
            Action::GoToId { id, smooth } => {
                if let Some(node) = self.article().and_then(|a| a.document.node_by_id(&id)) {
                    self.go_to(node, smooth);
                }
            }
            Action::SetActive(node) => self.active = node,
            Action::SetOutlineOpen(open) => self.outline_open = Some(open),
            Action::ToggleReadingTimes => self.reading_times = !self.reading_times,
        }
    }

    /// The article, once shown.
    pub fn article(&self) -> Option<&Rc<Article>> {
        match &self.status {
            Status::Ready(article) => Some(article),
            _ => None,
        }
    }

    /// The outline node holding the tab stop: the focused one, else the one
    /// being read, else the first.
    pub fn tab_stop(&self) -> Option<usize> {
        let article = self.article()?;
        let usable = |n: &usize| !article.is_hidden(*n, &self.collapsed);
        self.focused
            .filter(usable)
            .or(self.active.filter(usable))
            .or_else(|| article.document.roots().next())
    }

    /// What to remember about this article.
    pub fn saved(&self) -> Option<Saved> {
        let doc = &self.article()?.document;
        Some(Saved {
            collapsed: self
                .collapsed
                .iter()
                .map(|&n| doc.nodes[n].id.clone())
                .collect(),
            position: self.active.map(|n| doc.nodes[n].id.clone()),
            reading_times: self.reading_times,
        })
    }

    fn restore(&mut self, saved: Option<Saved>, deep_link: Option<String>) {
        let Some(article) = self.article().cloned() else {
            return;
        };
        let doc = &article.document;
        let saved = saved.unwrap_or_default();
        // Ids that no longer exist (the article changed) are simply skipped.
        self.collapsed = Rc::new(
            saved
                .collapsed
                .iter()
                .filter_map(|id| doc.node_by_id(id))
                .filter(|&n| outline::is_parent(&doc.nodes[n]))
                .collect(),
        );
        self.reading_times = saved.reading_times;
        let target = deep_link
            .and_then(|id| doc.node_by_id(&id))
            .or_else(|| saved.position.and_then(|id| doc.node_by_id(&id)));
        if let Some(node) = target {
            self.go_to(node, false);
        }
    }

    fn reveal(&mut self, node: usize) {
        let Some(article) = self.article().cloned() else {
            return;
        };
        let collapsed = Rc::make_mut(&mut self.collapsed);
        collapsed.remove(&node);
        for ancestor in outline::ancestors(&article.document, node) {
            collapsed.remove(&ancestor);
        }
    }

    fn go_to(&mut self, node: usize, smooth: bool) {
        if let Some(parent) = self
            .article()
            .and_then(|a| a.document.nodes.get(node))
            .and_then(|n| n.parent)
        {
            self.reveal(parent);
        }
        let seq = self.navigation.map_or(0, |n| n.seq.wrapping_add(1));
        self.navigation = Some(Navigation { node, seq, smooth });
        self.active = Some(node);
        self.focused = Some(node);
    }

    fn outline_key(&mut self, key: TreeKey, now_ms: f64) {
        let (Some(article), Some(focused)) = (self.article().cloned(), self.tab_stop()) else {
            return;
        };
        let effect = outline::press(
            &article.document,
            &self.collapsed,
            focused,
            key,
            &mut self.typeahead,
            now_ms,
        );
        match effect {
            Some(TreeEffect::Focus(node)) => self.focused = Some(node),
            Some(TreeEffect::Expanded(nodes)) => {
                let collapsed = Rc::make_mut(&mut self.collapsed);
                for node in nodes {
                    collapsed.remove(&node);
                }
            }
            Some(TreeEffect::Collapsed(node)) => {
                Rc::make_mut(&mut self.collapsed).insert(node);
            }
            Some(TreeEffect::Activate(node)) => self.go_to(node, true),
            None => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SEED: &str = include_str!("../static/articles/seed.txt");

    fn loaded() -> (ReaderState, Rc<Article>) {
        let article = Rc::new(Article::parse(SEED, ParseOptions::default()).unwrap());
        let mut state = ReaderState::default();
        state.apply(loaded_action(&article, None, None));
        (state, article)
    }

    fn loaded_action(
        article: &Rc<Article>,
        saved: Option<Saved>,
        deep_link: Option<&str>,
    ) -> Action {
        Action::Loaded {
            article: article.clone(),
            saved,
            deep_link: deep_link.map(String::from),
        }
    }

    fn node(article: &Article, label: &str) -> usize {
        article
            .document
            .nodes
            .iter()
            .position(|n| n.label.starts_with(label))
            .unwrap()
    }

    #[test]
    fn blank_text_is_a_problem_not_an_empty_page() {
        assert_eq!(
            Article::parse(" \n\u{3000}", ParseOptions::default()),
            Err(Problem::EmptyArticle)
        );
    }

    #[test]
    fn loading_then_ready() {
        let mut state = ReaderState::default();
        assert!(state.article().is_none());
        let article = Rc::new(Article::parse("标题\n正文。", ParseOptions::default()).unwrap());
        state.apply(loaded_action(&article, None, None));
        assert_eq!(state.article(), Some(&article));
        assert_eq!(article.language, "zh");
        assert_eq!(article.reading_minutes, 1);
    }

    #[test]
    fn subtrees_and_reading_times_per_node() {
        let (_, article) = loaded();
        let first = node(&article, "一、");
        let point = node(&article, "二是要持之以恒");
        let second = node(&article, "二、");
        assert!(article.in_subtree(first, point));
        assert!(!article.in_subtree(first, second));
        assert!(article.node_seconds[first] > article.node_seconds[point]);
        let total: u32 = article
            .document
            .roots()
            .map(|r| article.node_seconds[r])
            .sum();
        assert!(total / 60 <= article.reading_minutes);
    }

    #[test]
    fn toggling_folds_and_unfolds_one_section() {
        let (mut state, article) = loaded();
        let first = node(&article, "一、");
        state.apply(Action::Toggle(first));
        assert!(state.collapsed.contains(&first));
        assert!(article.is_hidden(node(&article, "一是要"), &state.collapsed));
        state.apply(Action::Toggle(first));
        assert!(state.collapsed.is_empty());
        state.apply(Action::CollapseAll);
        assert_eq!(state.collapsed.len(), 4);
        state.apply(Action::ExpandAll);
        assert!(state.collapsed.is_empty());
    }

    #[test]
    fn going_to_a_node_unfolds_its_path_and_asks_for_a_scroll() {
        let (mut state, article) = loaded();
        state.apply(Action::CollapseAll);
        let point = node(&article, "坚持胸怀天下");
        state.apply(Action::GoTo {
            node: point,
            smooth: true,
        });
        assert!(!article.is_hidden(point, &state.collapsed));
        assert_eq!(state.collapsed.len(), 3);
        let nav = state.navigation.unwrap();
        assert_eq!((nav.node, nav.smooth), (point, true));
        assert_eq!(state.active, Some(point));
        state.apply(Action::GoTo {
            node: point,
            smooth: true,
        });
        assert_ne!(
            state.navigation.unwrap().seq,
            nav.seq,
            "a second request is a new request"
        );
        state.apply(Action::GoToId {
            id: "no-such-id".into(),
            smooth: false,
        });
        assert_eq!(state.navigation.unwrap().node, point);
    }

    #[test]
    fn the_browser_finding_folded_text_unfolds_it() {
        let (mut state, article) = loaded();
        state.apply(Action::CollapseAll);
        let third = node(&article, "三、");
        state.apply(Action::Reveal(third));
        assert!(!state.collapsed.contains(&third));
        assert_eq!(state.collapsed.len(), 3);
    }

    #[test]
    fn outline_keys_move_the_tab_stop_and_enter_navigates() {
        let (mut state, article) = loaded();
        assert_eq!(state.tab_stop(), Some(node(&article, "一、")));
        state.apply(Action::OutlineKey {
            key: TreeKey::Down,
            now_ms: 0.0,
        });
        assert_eq!(state.tab_stop(), Some(node(&article, "一是要对标")));
        state.apply(Action::OutlineKey {
            key: TreeKey::Left,
            now_ms: 0.0,
        });
        state.apply(Action::OutlineKey {
            key: TreeKey::Left,
            now_ms: 0.0,
        });
        assert!(state.collapsed.contains(&node(&article, "一、")));
        state.apply(Action::OutlineKey {
            key: TreeKey::End,
            now_ms: 0.0,
        });
        state.apply(Action::OutlineKey {
            key: TreeKey::Enter,
            now_ms: 0.0,
        });
        assert_eq!(
            state.navigation.map(|n| n.node),
            Some(article.document.nodes.len() - 1)
        );
    }

    #[test]
    fn a_hidden_focus_falls_back_to_a_visible_tab_stop() {
        let (mut state, article) = loaded();
        state.apply(Action::Focus(node(&article, "坚持守正创新")));
        state.apply(Action::Toggle(node(&article, "二、")));
        assert_eq!(state.tab_stop(), Some(node(&article, "一、")));
    }

    #[test]
    fn memory_round_trip_and_deep_links_win_over_the_saved_position() {
        let (mut state, article) = loaded();
        let second = node(&article, "二、");
        state.apply(Action::Toggle(second));
        state.apply(Action::SetActive(Some(node(&article, "三、"))));
        state.apply(Action::ToggleReadingTimes);
        let saved = state.saved().unwrap();

        let mut fresh = ReaderState::default();
        fresh.apply(loaded_action(&article, Some(saved.clone()), None));
        assert_eq!(*fresh.collapsed, Collapsed::from([second]));
        assert!(fresh.reading_times);
        assert_eq!(
            fresh.navigation.map(|n| (n.node, n.smooth)),
            Some((node(&article, "三、"), false))
        );

        let mut linked = ReaderState::default();
        let target = article.document.nodes[node(&article, "坚持人民至上")]
            .id
            .clone();
        linked.apply(loaded_action(&article, Some(saved), Some(&target)));
        assert_eq!(
            linked.navigation.map(|n| n.node),
            Some(node(&article, "坚持人民至上"))
        );
        assert!(
            !linked.collapsed.contains(&second),
            "the link's path unfolds"
        );
    }

    #[test]
    fn memory_from_another_version_of_the_article_is_skipped() {
        let (mut state, article) = loaded();
        let saved = Saved {
            collapsed: vec!["gone".into()],
            position: Some("also-gone".into()),
            reading_times: false,
        };
        state.apply(loaded_action(&article, Some(saved), Some("nope")));
        assert!(state.collapsed.is_empty());
        assert_eq!(state.navigation, None);
    }
}
