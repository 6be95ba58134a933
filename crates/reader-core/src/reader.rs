//! The reader's state and the verbs that change it.
//!
//! One state type, one [`Action`] enum and one [`ReaderState::apply`], all plain
//! Rust and tested natively. The Yew root holds it with `use_reducer`; its
//! `Reducible` impl (src/app.rs) only delegates here. Effects (scrolling,
//! storage, the URL) live in hooks that read this state and dispatch actions.

use std::rc::Rc;

use crate::article::{
    self, Contents, Document, NodeKind, ParseOptions, RichBlocks, SourceFormat, Span, reading_time,
    text::{self, TextMap},
};
use crate::config::Notice;
use crate::html::markup::Markup;
use crate::html::{self, HtmlOptions};
use crate::matcher::{
    self, Folded, Keyword, KeywordProblem, MAX_KEYWORD_CHARS, MAX_KEYWORDS, Matches,
};
use crate::outline::{self, Collapsed, TreeEffect, TreeKey, TypeAhead};
use crate::saved::{self, Saved};
use crate::settings::{ReadingSettings, Setting, SettingChoices};
use crate::source::Problem;
use crate::url_hash::HashState;

mod chrome;

pub use chrome::{FocusRequest, FocusTarget, Surface, focus_after_removal, is_swipe_across};

/// A parsed article and what the views derive from it once.
#[derive(Debug)]
pub struct Article {
    pub document: Document,
    pub contents: Contents,
    /// The body folded for keyword matching.
    pub folded: Folded,
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
    /// What the reader should know about how the article is shown.
    pub notice: Option<Notice>,
    /// Each node's index by its id: links, the URL hash and storage name
    /// nodes by id, as many as they like, each found at once.
    node_ids: TextMap<String, usize>,
}

/// An article equals only itself: the views are handed the one they show,
/// and a new one is a new reading (its state starts afresh). `Rc` compares
/// pointers first anyway; what this saves is the derived comparison of
/// every field, 0.9 KB of code.
impl PartialEq for Article {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

impl Eq for Article {}

impl Article {
    /// Parses article text. Empty text is a [`Problem`], not an empty page.
    pub fn parse(text: &str, options: ParseOptions) -> Result<Article, Problem> {
        let (normalized, format) = Article::normalized(text, options)?;
        let blocks = article::cut(article::classify_lines(&normalized).without_furniture());
        Ok(Article::new(article::parse_rich(blocks, format), text))
    }

    /// The first step of [`Article::parse`]: the text normalized, and its
    /// format. The browser runs the steps in tasks of their own, so that a
    /// long article never holds the page for the whole of it: then
    /// `article::classify_lines`, its `without_furniture`, `article::cut`, `article::clean`, `article::sections`,
    /// `article::points`, `article::ids` and [`Article::new`].
    pub fn normalized(
        text: &str,
        options: ParseOptions,
    ) -> Result<(String, SourceFormat), Problem> {
        if text::trim(text).is_empty() {
            return Err(Problem::EmptyArticle);
        }
        Ok(article::normalized(text, options))
    }

    /// Reads a rich article: `source` as it came (HTML, or Markdown with its
    /// front matter), `flat` the HTML the browser parsed (see [`crate::html`]).
    /// An article without text is a [`Problem`].
    pub fn parse_html(
        source: &str,
        flat: &str,
        format: SourceFormat,
        options: HtmlOptions,
    ) -> Result<Article, Problem> {
        let markup = Markup::parse(flat);
        let found = html::find_article(&markup, options);
        let converted = html::convert_all(&markup, &found, options);
        let front_matter = html::front_matter(source, format);
        let blocks = Article::read_html(front_matter, &markup, &found, converted)?;
        Ok(Article::new(article::parse_rich(blocks, format), source))
    }

    /// The step of [`Article::parse_html`] after [`Markup::parse`],
    /// [`html::find_article`] and the conversion ([`html::converting`]), as
    /// [`Article::normalized`] is the first of [`Article::parse`].
    pub fn read_html(
        front_matter: html::FrontMatter,
        markup: &Markup,
        found: &html::Found,
        converted: RichBlocks,
    ) -> Result<RichBlocks, Problem> {
        html::article_blocks(front_matter, markup, found, converted).ok_or(Problem::EmptyArticle)
    }

    /// What the views derive from `document` (parsed from `source`) once.
    pub fn new(document: Document, source: &str) -> Article {
        Article::keyed(document, saved::storage_key(source))
    }

    /// [`Article::new`] with the key already taken from the source (see
    /// [`saved::storage_key`]), which can then go before the article is made.
    pub fn keyed(document: Document, storage_key: String) -> Article {
        let node_seconds = node_seconds(&document);
        let mut subtree_end: Vec<usize> = (1..=document.nodes.len()).collect();
        for i in (0..document.nodes.len()).rev() {
            if let Some(&last) = document.nodes[i].children.last() {
                subtree_end[i] = subtree_end[last];
            }
        }
        let node_ids = document
            .nodes
            .iter()
            .enumerate()
            .map(|(i, n)| (n.id.clone(), i))
            .collect();
        Article {
            node_ids,
            contents: document.contents(),
            folded: Folded::new(&document.body),
            reading_minutes: reading_time::minutes(&document.body),
            language: text::language_tag(&document.body),
            storage_key,
            node_seconds,
            subtree_end,
            document,
            notice: None,
        }
    }

    /// The same article, shown with `notice` above it.
    pub fn with_notice(self, notice: Notice) -> Article {
        Article {
            notice: Some(notice),
            ..self
        }
    }

    /// The node with this id, if there is one.
    pub fn node_by_id(&self, id: &str) -> Option<usize> {
        self.node_ids.get(id).copied()
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

/// Each node's reading time, in seconds. A section's text is whole blocks
/// joined by line breaks, so its counts are the sum of its blocks': each
/// block is read once, however deep the sections nest.
fn node_seconds(doc: &Document) -> Vec<u32> {
    let mut before = Vec::with_capacity(doc.blocks.len() + 1);
    let mut sum = (0u32, 0u32);
    before.push(sum);
    for block in &doc.blocks {
        let (cjk, words) = reading_time::counts(doc.text(block.span));
        sum = (sum.0 + cjk, sum.1 + words);
        before.push(sum);
    }
    doc.nodes
        .iter()
        .map(|n| match n.kind {
            NodeKind::Section { .. } => {
                let end = doc.blocks.partition_point(|b| b.span.start < n.span.end);
                let (first, last) = (before[n.block], before[end.max(n.block)]);
                reading_time::seconds_of((last.0 - first.0, last.1 - first.1))
            }
            NodeKind::Point => reading_time::seconds(doc.text(n.span)),
        })
        .collect()
}

/// What the reader is busy with before the article shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Loading {
    /// Fetching the `src` URL.
    Fetching,
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

/// What a navigation brings into view.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NavTarget {
    /// A section heading or a point, to the top of the view.
    Node(usize),
    /// The find bar's current match, to the middle of the view.
    Match,
}

/// A request to bring something into view. `seq` grows with every request, so
/// asking for the same thing twice still scrolls twice.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Navigation {
    pub target: NavTarget,
    pub seq: u32,
    /// Animate the scroll (unless the reader prefers reduced motion).
    pub smooth: bool,
}

/// What a reader starts from once the article is parsed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Memory {
    /// What browser storage remembered about this article.
    pub saved: Option<Saved>,
    /// Our part of the URL hash.
    pub link: HashState,
}

/// Who set the keywords: only the reader's own choice is remembered, so a
/// shared link or the host page can show keywords without erasing the list
/// the reader keeps for this article.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeywordsBy {
    /// The reader, in the widget (the clear button, for instance).
    Reader,
    /// A link the reader followed (the URL hash).
    Link,
    /// The host page, through the JavaScript API.
    Host,
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
    /// The reader is phone-sized: the outline is a drawer over the text, which
    /// going somewhere closes.
    pub narrow: bool,
    /// The list of suggested keywords is open.
    pub suggestions_open: bool,
    /// Whether the keyword bar shows; `None` lets the layout decide (in the
    /// toolbar when wide, behind the search button when narrow).
    pub search_open: Option<bool>,
    /// The reading settings panel is open.
    pub settings_open: bool,
    /// The keyboard help is open.
    pub help_open: bool,
    /// Where keyboard focus should go after something closed (see [`FocusRequest`]).
    pub focus_request: Option<FocusRequest>,
    /// The reading settings shown: the reader's own choices over the page's
    /// presets over the defaults (see [`crate::settings`]).
    pub settings: ReadingSettings,
    /// The reader's own choices, remembered for the whole site.
    pub own_settings: SettingChoices,
    /// The page's presets (the element's attributes).
    pub settings_preset: SettingChoices,
    /// Whether outline nodes show their reading time.
    pub reading_times: bool,
    pub keywords: Rc<Vec<Keyword>>,
    /// Restrict keywords with Latin edges to whole words.
    pub whole_words: bool,
    pub matches: Rc<Matches>,
    /// The keyword the find bar steps through; `None` for all of them.
    pub find_target: Option<usize>,
    /// Position of the current match among the target's matches.
    pub current_match: Option<usize>,
    /// Why the last keyword was refused (with what was typed), until the next try.
    pub keyword_problem: Option<(String, KeywordProblem)>,
    /// The outline shows only nodes with matches.
    pub only_with_matches: bool,
    /// Suggested keywords, once computed (after the article shows).
    pub suggestions: Option<Rc<Vec<String>>>,
    /// The page's keywords (the `keywords` attribute), shown until the reader
    /// chooses their own.
    pub preset: Rc<Vec<String>>,
    /// The reader's own keyword list for this article, once they have edited
    /// the keywords (even to none): the one that is remembered. Keywords from
    /// a link, the preset or the host's API are shown without changing it, so
    /// an editor's new preset still reaches readers who never chose.
    pub own_keywords: Option<Rc<Vec<String>>>,
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
            narrow: false,
            suggestions_open: false,
            search_open: None,
            settings_open: false,
            help_open: false,
            focus_request: None,
            settings: ReadingSettings::default(),
            own_settings: SettingChoices::default(),
            settings_preset: SettingChoices::default(),
            reading_times: false,
            keywords: Rc::default(),
            whole_words: false,
            matches: Rc::default(),
            find_target: None,
            current_match: None,
            keyword_problem: None,
            only_with_matches: false,
            suggestions: None,
            preset: Rc::default(),
            own_keywords: None,
        }
    }
}

/// Everything that can happen to a reader.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    Progress(Loading),
    /// The article is ready, with what was remembered and what the URL says:
    /// applied together, so no half-restored state is ever seen.
    Loaded {
        article: Rc<Article>,
        memory: Memory,
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
    /// The layout became narrow (the outline is a drawer) or wide.
    SetNarrow(bool),
    /// Open or close the list of suggested keywords.
    ToggleSuggestions,
    /// Escape: closes what is open, innermost first (the help, the settings,
    /// the suggestions, the outline drawer, the keyword bar on phones).
    Escape,
    /// The search button: show or hide the keyword bar.
    ToggleSearch,
    /// The `/` key: show the keyword bar and put the cursor in its input.
    FocusKeywordInput,
    ToggleSettings,
    /// Open or close the keyboard help.
    ToggleHelp,
    /// A press (mouse, pen or finger) anywhere on the page: the sheets it
    /// did not land in close. `inside` is the one it landed in, if any.
    PressOutside {
        inside: Option<Surface>,
    },
    /// Close one thing (a swipe across the drawer, a close button).
    Dismiss(Surface),
    /// The reader changed a setting: shown at once and remembered.
    ChangeSetting(Setting),
    /// Forget the reader's own settings: the page's presets and the defaults show.
    ResetSettings,
    /// The page's presets, at start or changed later (see [`SettingChoices::apply_changes`]).
    SetSettingsPreset(SettingChoices),
    /// The reader's own settings, as remembered for this site.
    RestoreSettings(SettingChoices),
    ToggleReadingTimes,
    /// Add what the reader typed as a keyword (or say why not).
    AddKeyword(String),
    RemoveKeyword(usize),
    /// Backspace in the empty keyword input.
    RemoveLastKeyword,
    /// Replace all keywords; refused ones are reported.
    SetKeywords {
        list: Vec<String>,
        by: KeywordsBy,
    },
    /// The page's `keywords` attribute, at start or changed later: shown at
    /// once if the article is, and on load unless the reader has their own.
    SetPreset(Vec<String>),
    /// The page's `outline` attribute: open, closed, or `None` for the layout's choice.
    SetOutlinePreset(Option<bool>),
    ToggleWholeWords,
    /// Step through `None` (all keywords) or one keyword's matches.
    SetFindTarget(Option<usize>),
    /// Go to the next (or previous) match, wrapping around.
    StepMatch {
        forward: bool,
    },
    /// Go to the first match at or after this body offset (a tick was clicked).
    JumpToMatch {
        at: usize,
    },
    DismissKeywordProblem,
    ToggleOnlyWithMatches,
    Suggested(Rc<Vec<String>>),
}

impl ReaderState {
    pub fn apply(&mut self, action: Action) {
        match action {
            Action::Progress(loading) => self.status = Status::Loading(loading),
            Action::Loaded { article, memory } => {
                *self = ReaderState {
                    status: Status::Ready(article),
                    outline_open: self.outline_open,
                    narrow: self.narrow,
                    preset: self.preset.clone(),
                    search_open: self.search_open,
                    settings: self.settings,
                    own_settings: self.own_settings,
                    settings_preset: self.settings_preset,
                    ..ReaderState::default()
                };
                self.restore(memory);
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
            Action::GoTo { node, smooth } => {
                self.go_to(node, smooth);
                self.leave_drawer();
            }
            Action::GoToId { id, smooth } => {
                if let Some(node) = self.article().and_then(|a| a.node_by_id(&id)) {
                    self.go_to(node, smooth);
                }
            }
            Action::SetActive(node) => self.active = node,
            Action::SetOutlineOpen(open) => self.set_outline_open(open),
            Action::SetNarrow(narrow) => self.narrow = narrow,
            Action::ToggleSuggestions => self.toggle(Surface::Suggestions),
            Action::Escape => self.escape(),
            Action::ToggleSearch => self.toggle(Surface::SearchBar),
            Action::FocusKeywordInput => self.focus_keyword_input(),
            Action::ToggleSettings => self.toggle(Surface::Settings),
            Action::ToggleHelp => self.toggle(Surface::Help),
            Action::PressOutside { inside } => self.press_outside(inside),
            Action::Dismiss(surface) => self.dismiss(surface),
            Action::ChangeSetting(setting) => {
                self.settings.set(setting);
                self.own_settings.set(setting);
            }
            Action::ResetSettings => {
                self.own_settings = SettingChoices::default();
                self.settings = self.settings_preset.over(ReadingSettings::default());
            }
            Action::SetSettingsPreset(preset) => {
                let fallback = self.own_settings.over(ReadingSettings::default());
                preset.apply_changes(&self.settings_preset, fallback, &mut self.settings);
                self.settings_preset = preset;
            }
            Action::RestoreSettings(own) => {
                self.own_settings = own;
                self.settings = own.over(self.settings_preset.over(ReadingSettings::default()));
            }
            Action::ToggleReadingTimes => self.reading_times = !self.reading_times,
            Action::AddKeyword(input) => match Keyword::add(&self.keywords, &input) {
                Ok(keyword) => {
                    Rc::make_mut(&mut self.keywords).push(keyword);
                    self.keyword_problem = None;
                    self.keep_own_keywords();
                    self.rematch();
                }
                Err(problem) => self.keyword_problem = Some((shortened(&input), problem)),
            },
            Action::RemoveKeyword(index) => {
                if index < self.keywords.len() {
                    Rc::make_mut(&mut self.keywords).remove(index);
                    self.keep_own_keywords();
                    self.find_target = match self.find_target {
                        Some(t) if t == index => None,
                        Some(t) if t > index => Some(t - 1),
                        other => other,
                    };
                    self.rematch();
                }
            }
            Action::RemoveLastKeyword => {
                if let Some(last) = self.keywords.len().checked_sub(1) {
                    self.apply(Action::RemoveKeyword(last));
                }
            }
            Action::SetKeywords { list, by } => {
                self.set_keywords(&list);
                if by == KeywordsBy::Reader {
                    self.keep_own_keywords();
                }
            }
            Action::SetPreset(list) => {
                self.preset = Rc::new(list);
                if self.article().is_some() {
                    let preset = self.preset.clone();
                    self.set_keywords(&preset);
                }
            }
            Action::SetOutlinePreset(open) => self.outline_open = open,
            Action::ToggleWholeWords => {
                self.whole_words = !self.whole_words;
                self.rematch();
            }
            Action::SetFindTarget(target) => {
                self.find_target = target.filter(|&t| t < self.keywords.len());
                self.current_match = None;
            }
            Action::StepMatch { forward } => self.step_match(forward),
            Action::JumpToMatch { at } => {
                let matches = self.target_matches();
                if !matches.is_empty() {
                    let index = matches.count_before(at);
                    self.select_match(if index < matches.len() { index } else { 0 });
                }
            }
            Action::DismissKeywordProblem => self.keyword_problem = None,
            Action::ToggleOnlyWithMatches => self.only_with_matches = !self.only_with_matches,
            Action::Suggested(list) => self.suggestions = Some(list),
        }
    }

    /// The article, once shown.
    pub fn article(&self) -> Option<&Rc<Article>> {
        match &self.status {
            Status::Ready(article) => Some(article),
            _ => None,
        }
    }

    /// Whether the outline shows: as set, else open when wide and closed when narrow.
    pub fn outline_shown(&self) -> bool {
        self.outline_open.unwrap_or(!self.narrow)
    }

    /// Whether the outline lists `node` (see [`Matches::lists`]).
    pub fn listed(&self, node: usize) -> bool {
        self.matches.lists(node, self.only_with_matches)
    }

    /// The outline node holding the tab stop: the focused one, else the one
    /// being read, else the first listed.
    pub fn tab_stop(&self) -> Option<usize> {
        let article = self.article()?;
        let usable = |n: &usize| !article.is_hidden(*n, &self.collapsed) && self.listed(*n);
        self.focused
            .filter(usable)
            .or(self.active.filter(usable))
            .or_else(|| article.document.roots().find(usable))
    }

    /// The matches the find bar steps through.
    pub fn target_matches(&self) -> matcher::Targets<'_> {
        self.matches.of_target(self.find_target)
    }

    /// The span of the find bar's current match.
    pub fn current_match_span(&self) -> Option<Span> {
        let index = self.current_match?;
        self.target_matches().get(index).map(|m| m.span)
    }

    /// Keywords as their texts, in order.
    pub fn keyword_texts(&self) -> Vec<String> {
        self.keywords.iter().map(|k| k.text.clone()).collect()
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
            keywords: self.own_keywords.as_ref().map(|own| own.to_vec()),
            whole_words: self.whole_words,
            only_with_matches: self.only_with_matches,
        })
    }

    /// Our part of the URL hash: the node being read and the keywords.
    pub fn link(&self) -> Option<HashState> {
        let doc = &self.article()?.document;
        Some(HashState {
            node: self.active.map(|n| doc.nodes[n].id.clone()),
            keywords: Some(self.keyword_texts()),
        })
    }

    fn restore(&mut self, memory: Memory) {
        let Some(article) = self.article().cloned() else {
            return;
        };
        let doc = &article.document;
        let saved = memory.saved.unwrap_or_default();
        // Ids that no longer exist (the article changed) are simply skipped.
        self.collapsed = Rc::new(
            saved
                .collapsed
                .iter()
                .filter_map(|id| article.node_by_id(id))
                .filter(|&n| outline::is_parent(&doc.nodes[n]))
                .collect(),
        );
        self.reading_times = saved.reading_times;
        self.whole_words = saved.whole_words;
        self.only_with_matches = saved.only_with_matches;
        // A shared link wins, then the reader's own last choice, then the page's
        // preset; only the reader's own choice is kept as theirs.
        self.own_keywords = saved.keywords.clone().map(Rc::new);
        let shown = memory.link.keywords.or(saved.keywords);
        let preset = self.preset.clone();
        self.set_keywords(shown.as_deref().unwrap_or(&preset));
        // A keyword of a link or of memory that cannot be taken is left out
        // quietly; a list too long to take whole says that the rest was.
        if !matches!(self.keyword_problem, Some((_, KeywordProblem::TooMany))) {
            self.keyword_problem = None;
        }
        let target = memory
            .link
            .node
            .and_then(|id| article.node_by_id(&id))
            .or_else(|| saved.position.and_then(|id| article.node_by_id(&id)));
        if let Some(node) = target {
            self.go_to(node, false);
        }
    }

    /// The keywords shown are the reader's own choice from now on.
    fn keep_own_keywords(&mut self) {
        self.own_keywords = Some(Rc::new(self.keyword_texts()));
    }

    /// Shows `list` as the keywords. Only its first [`MAX_KEYWORDS`] entries
    /// are looked at (a longer list, from a link or an attribute, is reported
    /// as too many), so the work is bounded whatever arrives.
    fn set_keywords(&mut self, list: &[String]) {
        let mut keywords = Vec::new();
        self.keyword_problem = None;
        for input in list.iter().take(MAX_KEYWORDS) {
            match Keyword::add(&keywords, input) {
                Ok(keyword) => keywords.push(keyword),
                Err(problem) => self.keyword_problem = Some((shortened(input), problem)),
            }
        }
        if let Some(first_left_out) = list.get(MAX_KEYWORDS) {
            self.keyword_problem = Some((shortened(first_left_out), KeywordProblem::TooMany));
        }
        self.keywords = Rc::new(keywords);
        self.find_target = None;
        self.rematch();
    }

    /// Finds the keywords again; the find bar starts over.
    fn rematch(&mut self) {
        self.current_match = None;
        self.matches = match self.article() {
            Some(article) => Rc::new(matcher::find(
                &article.document,
                &article.folded,
                &self.keywords,
                self.whole_words,
            )),
            None => Rc::default(),
        };
    }

    fn step_match(&mut self, forward: bool) {
        let count = self.target_matches().len();
        if count == 0 {
            self.current_match = None;
            return;
        }
        let next = match (self.current_match, forward) {
            (None, true) => self.first_match_after_reading_place(),
            (None, false) => self
                .first_match_after_reading_place()
                .checked_sub(1)
                .unwrap_or(count - 1),
            (Some(i), true) => (i + 1) % count,
            (Some(i), false) => i.checked_sub(1).unwrap_or(count - 1),
        };
        self.select_match(next);
    }

    /// Makes the target's match `index` current, unfolds its section, and asks
    /// for it to be brought into view.
    fn select_match(&mut self, index: usize) {
        let Some(span) = self.target_matches().get(index).map(|m| m.span) else {
            return;
        };
        self.current_match = Some(index);
        // A match in a folded section unfolds it.
        if let Some(node) = self.article().and_then(|a| a.document.node_at(span.start)) {
            self.reveal(node);
        }
        self.request(NavTarget::Match, true);
    }

    /// Where the first step goes: the first match at or after the node being
    /// read, so a reader deep in the article does not jump back to the top.
    fn first_match_after_reading_place(&self) -> usize {
        let matches = self.target_matches();
        let from = self
            .active
            .zip(self.article())
            .map_or(0, |(n, a)| a.document.nodes[n].span.start);
        let index = matches.count_before(from);
        if index < matches.len() { index } else { 0 }
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

    fn request(&mut self, target: NavTarget, smooth: bool) {
        let seq = self.navigation.map_or(0, |n| n.seq.wrapping_add(1));
        self.navigation = Some(Navigation {
            target,
            seq,
            smooth,
        });
    }

    fn go_to(&mut self, node: usize, smooth: bool) {
        if let Some(parent) = self
            .article()
            .and_then(|a| a.document.nodes.get(node))
            .and_then(|n| n.parent)
        {
            self.reveal(parent);
        }
        self.request(NavTarget::Node(node), smooth);
        self.active = Some(node);
        self.focused = Some(node);
    }

    fn outline_key(&mut self, key: TreeKey, now_ms: f64) {
        let (Some(article), Some(focused)) = (self.article().cloned(), self.tab_stop()) else {
            return;
        };
        let mut typeahead = std::mem::take(&mut self.typeahead);
        let listed = |n: usize| self.listed(n);
        let effect = outline::press(
            &article.document,
            &self.collapsed,
            &listed,
            focused,
            key,
            &mut typeahead,
            now_ms,
        );
        self.typeahead = typeahead;
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
            Some(TreeEffect::Activate(node)) => {
                self.go_to(node, true);
                self.leave_drawer();
            }
            None => {}
        }
    }
}

/// A refused keyword as kept beside its problem: enough of it to name it,
/// never a copy of a huge one.
fn shortened(input: &str) -> String {
    input.chars().take(MAX_KEYWORD_CHARS + 1).collect()
}

#[cfg(test)]
mod tests;
