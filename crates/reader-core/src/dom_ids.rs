//! Every DOM id the reader gives an element, and every class derived from a
//! keyword's place in the list, built in one place so that no two can collide.
//!
//! The scheme: an id derived from an outline node is `ar-` + a kind + `_` +
//! the node id. Node ids hold only letters, digits and `-` (see
//! [`crate::article::slugify`]), never `_`, so the kind is whatever lies
//! between `ar-` and the first `_`: a heading "O-ring failures" (`ar-n_o-ring-failures`)
//! can never take the id of the outline row of "Ring failures"
//! (`ar-o_ring-failures`). The reader's fixed ids hold no `_` at all, so no
//! heading can take one of them either (a heading "Outline" is `ar-n_outline`,
//! the outline panel `ar-outline`).

use crate::reader::Surface;

/// What an id derived from a node names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    /// The node's place in the article: a section's heading or a point's anchor.
    Node,
    /// The node's row in the outline tree.
    OutlineRow,
    /// The foldable body of a section, below its heading.
    SectionBody,
}

impl Kind {
    fn tag(self) -> &'static str {
        match self {
            Kind::Node => "n",
            Kind::OutlineRow => "o",
            Kind::SectionBody => "b",
        }
    }
}

fn derived(kind: Kind, node_id: &str) -> String {
    debug_assert!(!node_id.contains('_'), "node ids never hold `_`");
    format!("ar-{}_{node_id}", kind.tag())
}

/// The id of a node's place in the article (a heading or a point): what
/// "go to" scrolls to and the scroll spy watches.
pub fn node(node_id: &str) -> String {
    derived(Kind::Node, node_id)
}

/// The id of a node's row in the outline tree.
pub fn outline_row(node_id: &str) -> String {
    derived(Kind::OutlineRow, node_id)
}

/// The id of a section's foldable body.
pub fn section_body(node_id: &str) -> String {
    derived(Kind::SectionBody, node_id)
}

/// The outline panel, which the outline button controls.
pub const OUTLINE: &str = "ar-outline";
/// The outline's heading, which names the tree.
pub const OUTLINE_TITLE: &str = "ar-outline-title";
/// The list of suggested keywords.
pub const SUGGESTIONS: &str = "ar-suggestions";
/// Why the last keyword was refused.
pub const KEYWORD_PROBLEM: &str = "ar-keyword-problem";
/// The find bar's current match where matches are `<mark>`s.
pub const CURRENT_MATCH: &str = "ar-current-match";

/// The keyword bar (a search landmark), which the search button controls.
pub const KEYWORD_BAR: &str = "ar-keyword-bar";
/// The keyword input, where `/` puts the cursor.
pub const KEYWORD_INPUT: &str = "ar-keyword-input";
/// The reading settings sheet, and its title.
pub const SETTINGS: &str = "ar-settings";
pub const SETTINGS_TITLE: &str = "ar-settings-title";
/// The keyboard help sheet, and its title.
pub const HELP: &str = "ar-help";
pub const HELP_TITLE: &str = "ar-help-title";
/// The buttons that open the drawer, the keyword bar, the settings and the suggestions.
pub const OUTLINE_TOGGLE: &str = "ar-outline-toggle";
pub const SEARCH_TOGGLE: &str = "ar-search-toggle";
pub const SETTINGS_TOGGLE: &str = "ar-settings-toggle";
pub const SUGGESTIONS_TOGGLE: &str = "ar-suggestions-toggle";

/// Every fixed id, for the tests that prove no derived id can equal one.
pub const FIXED: [&str; 15] = [
    OUTLINE,
    OUTLINE_TITLE,
    SUGGESTIONS,
    KEYWORD_PROBLEM,
    CURRENT_MATCH,
    KEYWORD_BAR,
    KEYWORD_INPUT,
    SETTINGS,
    SETTINGS_TITLE,
    HELP,
    HELP_TITLE,
    OUTLINE_TOGGLE,
    SEARCH_TOGGLE,
    SETTINGS_TOGGLE,
    SUGGESTIONS_TOGGLE,
];

/// The id of the button that opens `surface` (where focus returns when it
/// closes); the help has none, as a key opens it.
pub fn opener(surface: Surface) -> Option<&'static str> {
    match surface {
        Surface::Drawer => Some(OUTLINE_TOGGLE),
        Surface::SearchBar => Some(SEARCH_TOGGLE),
        Surface::Settings => Some(SETTINGS_TOGGLE),
        Surface::Suggestions => Some(SUGGESTIONS_TOGGLE),
        Surface::Help => None,
    }
}

/// The surface an element with this id is part of (the surface itself or its
/// opener), for telling a press inside a sheet from one outside it.
pub fn surface_of(id: &str) -> Option<Surface> {
    [
        Surface::Help,
        Surface::Settings,
        Surface::Suggestions,
        Surface::Drawer,
        Surface::SearchBar,
    ]
    .into_iter()
    .find(|&s| opener(s) == Some(id) || container(s) == id)
}

/// The id of the element that is `surface`.
fn container(surface: Surface) -> &'static str {
    match surface {
        Surface::Help => HELP,
        Surface::Settings => SETTINGS,
        Surface::Suggestions => SUGGESTIONS,
        Surface::Drawer => OUTLINE,
        Surface::SearchBar => KEYWORD_BAR,
    }
}

/// How many keyword colours the palette has; keyword `i` takes colour `i % PALETTE_SIZE`.
pub const PALETTE_SIZE: usize = 10;

/// The class (and highlight name) of keyword `index`'s colour.
pub fn keyword_colour(index: usize) -> &'static str {
    const CLASSES: [&str; PALETTE_SIZE] = [
        "ar-kw-0", "ar-kw-1", "ar-kw-2", "ar-kw-3", "ar-kw-4", "ar-kw-5", "ar-kw-6", "ar-kw-7",
        "ar-kw-8", "ar-kw-9",
    ];
    CLASSES[index % PALETTE_SIZE]
}

/// The names of one reader's highlights in the page's highlight registry
/// (`CSS.highlights`, one per page, shared with the host's own scripts and
/// styles). Each reader's names hold a random part: a host rule on
/// `::highlight(…)` or a script's highlight of the same name cannot meet
/// them by accident, and two readers never share one. They are styled by
/// [`HighlightNames::stylesheet`], adopted inside the reader's shadow root.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HighlightNames {
    prefix: String,
}

impl HighlightNames {
    /// Names made from `nonce`, a random number.
    pub fn new(nonce: u64) -> HighlightNames {
        HighlightNames {
            prefix: format!("ar-hl-{nonce:x}"),
        }
    }

    /// The highlight of keyword colour `colour` (of [`PALETTE_SIZE`]).
    pub fn keyword(&self, colour: usize) -> String {
        format!("{}-{}", self.prefix, colour % PALETTE_SIZE)
    }

    /// The highlight of the find bar's current match.
    pub fn current(&self) -> String {
        format!("{}-current", self.prefix)
    }

    /// Every name, keyword colours first, then the current match.
    pub fn all(&self) -> Vec<String> {
        (0..PALETTE_SIZE)
            .map(|colour| self.keyword(colour))
            .chain([self.current()])
            .collect()
    }

    /// The rules that paint these highlights, in the colours and underline
    /// styles reader.css gives keyword `i` (`--ar-kw-fill-i`, `--ar-kw-line-i`,
    /// `--ar-kw-style-i`); the current match paints over them.
    pub fn stylesheet(&self) -> String {
        let mut css = String::new();
        for i in 0..PALETTE_SIZE {
            css.push_str(&format!(
                "::highlight({}) {{ background-color: var(--ar-kw-fill-{i}); \
                 text-decoration: underline var(--ar-kw-style-{i}) var(--ar-kw-line-{i}) 2px; }}\n",
                self.keyword(i)
            ));
        }
        css.push_str(&format!(
            "::highlight({}) {{ background-color: var(--ar-accent); color: var(--ar-bg); }}\n",
            self.current()
        ));
        css
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;
    use crate::article;

    /// Headings chosen to collide under a scheme of plain prefixes
    /// (`ar-`, `ar-o-`, `ar-body-`), and ids that look like our own.
    const ADVERSARIAL: &str = "Adversarial headings\n\n\
        1. O-ring failures\n\nText.\n\n\
        2. Ring failures\n\nText.\n\n\
        3. Body text\n\nText.\n\n\
        4. Text\n\nText.\n\n\
        5. Outline\n\nText.\n\n\
        6. ar-o-ring\n\nText.\n\n\
        7. N_ring\n\nText.\n\n\
        8. Current match\n\nText.\n";

    #[test]
    fn every_derived_id_is_unique_and_never_a_fixed_one() {
        let doc = article::parse(ADVERSARIAL);
        assert!(doc.nodes.len() >= 8, "{:?}", doc.nodes);
        let mut seen: HashSet<String> = FIXED.iter().map(|s| s.to_string()).collect();
        for node_id in doc.nodes.iter().map(|n| n.id.as_str()) {
            for id in [node(node_id), outline_row(node_id), section_body(node_id)] {
                assert!(seen.insert(id.clone()), "{id} given twice");
            }
        }
    }

    #[test]
    fn the_kind_is_read_back_from_the_id() {
        // "o-ring" as a node and "ring" as an outline row: once `ar-o-ring` both.
        assert_eq!(node("o-ring"), "ar-n_o-ring");
        assert_eq!(outline_row("ring"), "ar-o_ring");
        assert_ne!(node("o-ring"), outline_row("ring"));
        assert_ne!(node("body-text"), section_body("text"));
    }

    #[test]
    fn node_ids_never_hold_the_separator() {
        let doc =
            article::parse("Title\n\n1. snake_case and ＿wide＿\n\nText.\n\n2. __init__\n\nText.");
        for n in &doc.nodes {
            assert!(!n.id.contains('_'), "{}", n.id);
        }
    }

    #[test]
    fn each_surface_is_found_by_itself_and_its_opener() {
        assert_eq!(surface_of(OUTLINE), Some(Surface::Drawer));
        assert_eq!(surface_of(OUTLINE_TOGGLE), Some(Surface::Drawer));
        assert_eq!(surface_of(SETTINGS_TOGGLE), Some(Surface::Settings));
        assert_eq!(surface_of(SUGGESTIONS), Some(Surface::Suggestions));
        assert_eq!(surface_of(HELP), Some(Surface::Help));
        assert_eq!(surface_of(KEYWORD_BAR), Some(Surface::SearchBar));
        assert_eq!(surface_of(&node("settings")), None);
        assert_eq!(opener(Surface::Help), None);
    }

    #[test]
    fn highlight_names_are_the_readers_own_and_styled() {
        let one = HighlightNames::new(0x5eed);
        let other = HighlightNames::new(0xbeef);
        assert_eq!(one.keyword(0), "ar-hl-5eed-0");
        assert_eq!(one.keyword(12), "ar-hl-5eed-2");
        assert_eq!(one.current(), "ar-hl-5eed-current");
        let names: HashSet<String> = one.all().into_iter().chain(other.all()).collect();
        assert_eq!(names.len(), 2 * (PALETTE_SIZE + 1), "no name shared");
        // Never the class names a host could see in our markup, nor each other's.
        assert!(!names.contains(keyword_colour(0)));
        let css = one.stylesheet();
        for name in one.all() {
            assert!(css.contains(&format!("::highlight({name})")), "{name}");
        }
        assert!(css.contains("var(--ar-kw-style-9)"));
        assert!(!css.contains("beef"));
    }

    #[test]
    fn keyword_colours_cycle_through_the_palette() {
        assert_eq!(keyword_colour(0), "ar-kw-0");
        assert_eq!(keyword_colour(9), "ar-kw-9");
        assert_eq!(keyword_colour(10), "ar-kw-0");
    }
}
