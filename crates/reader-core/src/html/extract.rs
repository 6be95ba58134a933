//! Finding the article in a whole web page, as Mozilla's Readability does.
//!
//! 1. Leave out what is never the article: navigation, asides, footers,
//!    headers with navigation, comment threads, share and social widgets,
//!    banners and pop-ups (by tag, `role`, or class and id words), unless the
//!    element holds most of the page's text.
//! 2. A single `<article>` (or else `<main>`) with real text is the article.
//! 3. Otherwise score containers by the paragraphs in them: each paragraph of
//!    25 characters or more gives its parent 1 + its commas + one per 100
//!    characters (up to 3), half of that to the grandparent and a sixth to the
//!    great-grandparent; the best container, discounted by its share of link
//!    text, is the article, with the siblings that score nearly as well.
//!
//! The page's `<title>` and `<meta>` author, date and site name are read from
//! the head; [`clean_title`] takes the site's name off the title.

use super::collapse_spaces;
use super::convert::is_hidden;
use super::markup::{Markup, NodeData};

/// Words in a class or id that mark page furniture.
const UNLIKELY: &[&str] = &[
    "nav",
    "menu",
    "footer",
    "sidebar",
    "comment",
    "share",
    "social",
    "related",
    "breadcrumb",
    "crumb",
    "pagination",
    "pager",
    "banner",
    "advert",
    "sponsor",
    "popup",
    "modal",
    "cookie",
    "subscribe",
    "newsletter",
    "widget",
    "toolbar",
    "masthead",
    "copyright",
    "disqus",
    "login",
    "signup",
    "recommend",
    "hot-news",
    "friendlink",
    "links",
];

/// Words in a class or id that mark the article.
const LIKELY: &[&str] = &[
    "article",
    "content",
    "main",
    "post",
    "entry",
    "story",
    "body",
    "text",
    "detail",
    "zoom",
    "trs_editor",
    "blog",
];

/// ARIA roles of page furniture.
const FURNITURE_ROLES: &[&str] = &[
    "navigation",
    "banner",
    "complementary",
    "contentinfo",
    "menu",
    "menubar",
    "search",
    "dialog",
    "alertdialog",
];

/// An element's class and id, lower-cased: the words that say what it is.
pub fn class_words(markup: &Markup, i: usize) -> String {
    let mut words = String::new();
    for name in ["class", "id"] {
        if let Some(value) = markup.attr(i, name) {
            words.push_str(&value.to_ascii_lowercase());
            words.push(' ');
        }
    }
    words
}

/// Text statistics of every subtree, with skipped subtrees left out.
struct Stats {
    /// Characters of text that are not whitespace.
    chars: Vec<u32>,
    /// Of those, characters inside links.
    link_chars: Vec<u32>,
    commas: Vec<u32>,
    /// Characters of the text nodes directly inside each element.
    own_chars: Vec<u32>,
}

fn stats(markup: &Markup, skip: &[bool]) -> Stats {
    let n = markup.nodes.len();
    let mut s = Stats {
        chars: vec![0; n],
        link_chars: vec![0; n],
        commas: vec![0; n],
        own_chars: vec![0; n],
    };
    for i in (0..n).rev() {
        if skip[i] {
            continue;
        }
        if let NodeData::Text(text) = &markup.nodes[i].data {
            s.chars[i] = text.chars().filter(|c| !c.is_whitespace()).count() as u32;
            s.commas[i] = text
                .chars()
                .filter(|c| matches!(c, ',' | '，' | '、'))
                .count() as u32;
            if let Some(parent) = markup.nodes[i].parent {
                s.own_chars[parent] += s.chars[i];
            }
        }
        if markup.tag(i) == Some("a") {
            s.link_chars[i] = s.chars[i];
        }
        if let Some(parent) = markup.nodes[i].parent {
            s.chars[parent] += s.chars[i];
            s.link_chars[parent] += s.link_chars[i];
            s.commas[parent] += s.commas[i];
        }
    }
    s
}

/// Marks page furniture in `skip` (step 1).
pub fn skip_furniture(markup: &Markup, body: usize, skip: &mut [bool]) {
    let text = stats(markup, skip).chars;
    let total = text[body].max(1);
    for i in body + 1..markup.nodes[body].end {
        let Some(tag) = markup.tag(i) else { continue };
        if skip[i] || text[i] * 2 > total {
            continue;
        }
        let words = class_words(markup, i);
        let unlikely =
            UNLIKELY.iter().any(|w| words.contains(w)) && !LIKELY.iter().any(|w| words.contains(w));
        let furniture = match tag {
            "nav" | "aside" | "footer" => true,
            "header" => (i..markup.nodes[i].end).any(|j| markup.tag(j) == Some("nav")),
            _ => markup
                .attr(i, "role")
                .is_some_and(|r| FURNITURE_ROLES.contains(&r.trim())),
        };
        if unlikely || furniture {
            for s in &mut skip[i..markup.nodes[i].end] {
                *s = true;
            }
        }
    }
}

/// The elements that make the article, in document order (steps 2 and 3).
pub fn main_content(markup: &Markup, body: usize, skip: &[bool]) -> Vec<usize> {
    let s = stats(markup, skip);
    let elements = || (body..markup.nodes[body].end).filter(|&i| !skip[i]);
    for tag in ["article", "main"] {
        // The one with the most text, if it has far more than the next.
        let (mut best, mut second): (Option<(u32, usize)>, u32) = (None, 0);
        for i in elements().filter(|&i| markup.tag(i) == Some(tag)) {
            match best {
                Some((chars, _)) if s.chars[i] <= chars => second = second.max(s.chars[i]),
                _ => {
                    second = best.map_or(0, |(chars, _)| chars);
                    best = Some((s.chars[i], i));
                }
            }
        }
        if let Some((chars, best)) = best
            && chars >= 200
            && chars >= second * 2
        {
            return vec![best];
        }
    }

    let n = markup.nodes.len();
    let mut score: Vec<f32> = vec![0.0; n];
    let mut scored = vec![false; n];
    let base_score = |i: usize| -> f32 {
        let by_tag = match markup.tag(i) {
            Some("div" | "article" | "section" | "main") => 5.0,
            Some("pre" | "td" | "blockquote") => 3.0,
            Some("ol" | "ul" | "dl" | "dd" | "dt" | "li" | "address") => -3.0,
            Some("h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th") => -5.0,
            _ => 0.0,
        };
        let words = class_words(markup, i);
        let likely = if LIKELY.iter().any(|w| words.contains(w)) {
            25.0
        } else {
            0.0
        };
        let unlikely = if UNLIKELY.iter().any(|w| words.contains(w)) {
            25.0
        } else {
            0.0
        };
        by_tag + likely - unlikely
    };
    for i in elements() {
        let paragraph_like = matches!(markup.tag(i), Some("p" | "pre" | "td" | "blockquote"))
            || s.own_chars[i] >= 25;
        if !paragraph_like || s.chars[i] < 25 {
            continue;
        }
        let points = 1.0 + s.commas[i] as f32 + (s.chars[i] / 100).min(3) as f32;
        // Text directly in a container (lines between <br>s) scores the container itself.
        let first = if s.own_chars[i] >= 25 && markup.tag(i) != Some("p") {
            Some(i)
        } else {
            markup.nodes[i].parent
        };
        let ancestors = std::iter::successors(first, |&a| markup.nodes[a].parent)
            .take_while(|&a| a >= body)
            .take(3);
        for (level, a) in ancestors.enumerate() {
            if !scored[a] {
                scored[a] = true;
                score[a] = base_score(a);
            }
            let divider = match level {
                0 => 1.0,
                1 => 2.0,
                l => l as f32 * 3.0,
            };
            score[a] += points / divider;
        }
    }
    let final_score = |i: usize| {
        let density = s.link_chars[i] as f32 / s.chars[i].max(1) as f32;
        score[i] * (1.0 - density)
    };
    let best = (0..n)
        .filter(|&i| scored[i])
        .max_by(|&a, &b| final_score(a).total_cmp(&final_score(b)));
    let Some(top) = best.filter(|&t| s.chars[t] >= 100) else {
        return vec![body];
    };
    let Some(parent) = markup.nodes[top].parent else {
        return vec![top];
    };
    // Siblings that belong to the article: nearly as good, or plain paragraphs.
    let threshold = (final_score(top) * 0.2).max(10.0);
    markup
        .children(parent)
        .filter(|&c| !skip[c])
        .filter(|&c| {
            let density = s.link_chars[c] as f32 / s.chars[c].max(1) as f32;
            c == top
                || (scored[c] && final_score(c) >= threshold)
                || (markup.tag(c) == Some("p") && s.chars[c] >= 80 && density < 0.25)
        })
        .collect()
}

/// Elements and subtrees never shown: dropped tags and hidden elements,
/// except a hidden element that holds most of the page's text: that is the
/// article of a page that hides it until a script shows it (WeChat's
/// articles come saved so), not something the page keeps out of sight.
pub fn never_shown(markup: &Markup, dropped: impl Fn(&str) -> bool) -> Vec<bool> {
    let mut skip = vec![false; markup.nodes.len()];
    let mut i = 0;
    while i < markup.nodes.len() {
        let end = markup.nodes[i].end.max(i + 1);
        if markup.tag(i).is_some_and(&dropped) {
            skip[i..end].fill(true);
            i = end;
        } else {
            i += 1;
        }
    }
    let hidden: Vec<usize> = (0..markup.nodes.len())
        .filter(|&i| !skip[i] && is_hidden(markup, i))
        .collect();
    if !hidden.is_empty() {
        let chars = stats(markup, &skip).chars;
        let total: u32 = (0..markup.nodes.len())
            .filter(|&i| markup.nodes[i].parent.is_none())
            .map(|i| chars[i])
            .sum();
        // Outer first: one inside a hidden part already skipped stays so.
        for i in hidden {
            if !skip[i] && chars[i] * 2 <= total {
                skip[i..markup.nodes[i].end.max(i + 1)].fill(true);
            }
        }
    }
    skip
}

/// What parts a page title from the site's name (`标题_网站`, `Title | Site`).
pub const TITLE_SEPARATORS: [&str; 8] = [" | ", " - ", " – ", " — ", "_", "｜", " :: ", " · "];

/// The page title without the site's name: `标题_网站`, `Title | Site` and
/// `Title - Site` give their first part, unless another part is more than
/// twice as long (`BBC - A long headline`).
pub fn clean_title(title: &str) -> String {
    let mut best = title;
    for separator in TITLE_SEPARATORS {
        if title.contains(separator) {
            let first = title.split(separator).next().unwrap_or(title);
            let longest = title
                .split(separator)
                .max_by_key(|part| part.chars().count())
                .unwrap_or(title);
            best = if longest.chars().count() > 2 * first.chars().count() {
                longest
            } else {
                first
            };
            break;
        }
    }
    collapse_spaces(best)
}

/// What the head says: (title as written, [(field, value)]) with fields
/// `author`, `date` and `source`, as the metadata step knows them.
pub fn head_info(markup: &Markup) -> (Option<String>, Vec<(&'static str, String)>) {
    let Some(head) = markup.find("head") else {
        return (None, Vec::new());
    };
    let mut title = None;
    let mut og_title = None;
    let mut fields: Vec<(&'static str, String)> = Vec::new();
    for i in head..markup.nodes[head].end {
        match markup.tag(i) {
            Some("title") if title.is_none() => {
                title = Some(collapse_spaces(&markup.text(i)));
            }
            Some("meta") => {
                let key = markup
                    .attr(i, "name")
                    .or_else(|| markup.attr(i, "property"))
                    .unwrap_or("")
                    .to_ascii_lowercase();
                let value = markup.attr(i, "content").unwrap_or("").trim().to_string();
                let field = match key.as_str() {
                    "author" | "byline" => "author",
                    "article:published_time" | "pubdate" | "publishdate" | "date" | "dc.date" => {
                        "date"
                    }
                    "og:site_name" | "contentsource" | "sitename" => "source",
                    "og:title" => {
                        og_title = Some(value);
                        continue;
                    }
                    _ => continue,
                };
                let value = if field == "date" {
                    readable_date(&value)
                } else {
                    value
                };
                if !value.is_empty()
                    && !value.contains("://")
                    && fields.iter().all(|(f, _)| *f != field)
                {
                    fields.push((field, value));
                }
            }
            _ => {}
        }
    }
    let title = title
        .filter(|t| !t.is_empty())
        .or(og_title.filter(|t| !t.is_empty()));
    (title, fields)
}

/// `2024-03-05T10:30:00+08:00` → `2024-03-05 10:30`; other forms as they are.
fn readable_date(value: &str) -> String {
    match value.split_once('T') {
        Some((date, time)) if date.len() == 10 && time.get(..5).is_some() => {
            format!("{date} {}", &time[..5])
        }
        _ => value.to_string(),
    }
}
