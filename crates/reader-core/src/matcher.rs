//! Keyword matching: which keywords occur where, how often, and what to paint.
//!
//! 1. The article body is *folded* once ([`Folded`]): case, diacritics and
//!    full-width forms fold away (see [`text::fold`]), so Ａ matches A, ， matches ,
//!    and é matches e + U+0301. A short shift list maps folded offsets back to
//!    the body, so every match lands on character boundaries of the original.
//! 2. Each keyword keeps its own leftmost, non-overlapping matches, so a
//!    keyword's count is the number of its own occurrences whatever other
//!    keywords exist. A few keywords are each searched for on their own (the
//!    standard library's substring search); more are found in one
//!    left-to-right pass, where a bitmap of first characters skips most
//!    positions.
//! 3. Chinese matches as substrings; a keyword that begins or ends with a Latin
//!    letter or digit can be restricted to whole words.
//! 4. Matches never cross a paragraph boundary: blocks are joined by `\n`,
//!    which no keyword contains.
//! 5. Painting: where matches overlap, each character takes the colour of the
//!    longest match covering it; between equally long matches, the keyword
//!    added first wins. The current match of the find bar is drawn over both.
//!
//! Why a hand-written scan and not the `aho-corasick` crate: an automaton
//! reports one leftmost, non-overlapping match set for *all* keywords
//! together, so `人才` inside a match of `人才工作` would not be counted, and a
//! keyword's count would depend on the others. Each keyword must count its own
//! occurrences, which needs every keyword tried at every candidate position
//! (`aho-corasick`'s overlapping mode gives that, but only with the larger
//! non-contiguous automaton and without its prefilters). And the crate would
//! add tens of kilobytes to a bundle with a hard size budget. The first-character
//! bitmap skips most positions at once; the benchmark (`cargo bench -p
//! reader-core --bench matcher`) includes the worst case for it, 100 keywords
//! sharing their first character.

use std::rc::Rc;

use crate::article::text::{self, fold, is_cjk, is_word_char};
use crate::article::{Document, NodeKind, Span};

/// Keywords longer than this many characters are refused.
pub const MAX_KEYWORD_CHARS: usize = 64;
/// At most this many keywords at once.
pub const MAX_KEYWORDS: usize = 200;
/// What the keyword input takes, in UTF-16 code units: a paste of megabytes
/// is cut by the browser before it reaches us (anything over
/// [`MAX_KEYWORD_CHARS`] is then refused as too long, with a message).
pub const MAX_KEYWORD_INPUT_CHARS: usize = 1024;

/// A keyword as entered, and as matched.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Keyword {
    /// The text as the reader typed it (trimmed), shown on its chip.
    pub text: String,
    folded: String,
    /// Begins or ends with a Latin letter or digit: whole-word matching applies.
    latin_edges: bool,
}

/// Why a keyword was refused. Each has a message in `i18n`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum KeywordProblem {
    /// Empty, or only spaces.
    Empty,
    /// Only characters that show nothing (zero-width spaces, direction
    /// marks, controls).
    Invisible,
    TooLong,
    /// Already there (perhaps in another case or width).
    Duplicate(String),
    TooMany,
}

fn is_latin_word_char(c: char) -> bool {
    is_word_char(c) && !is_cjk(c)
}

impl Keyword {
    /// Checks and prepares a keyword. Any text is plain text: `<b>` and `.*` are
    /// matched as the characters they are.
    pub fn parse(input: &str) -> Result<Keyword, KeywordProblem> {
        let trimmed = text::trim(input);
        // Measured before anything is copied: a keyword of millions of
        // characters costs no more than counting its first few.
        if trimmed.chars().nth(MAX_KEYWORD_CHARS).is_some() {
            return Err(KeywordProblem::TooLong);
        }
        // Line breaks and tabs become spaces: a keyword is one line.
        let text: String = trimmed
            .chars()
            .map(|c| if c.is_whitespace() { ' ' } else { c })
            .collect();
        let folded: String = text.chars().filter_map(fold).collect();
        if folded.trim().is_empty() {
            return Err(KeywordProblem::Empty);
        }
        // A chip must show something: a keyword of zero-width spaces,
        // direction overrides or NULs would be an empty, or a mirrored, chip.
        if text.chars().all(|c| c == ' ' || text::is_invisible(c)) {
            return Err(KeywordProblem::Invisible);
        }
        let latin_edges = folded.chars().next().is_some_and(is_latin_word_char)
            || folded.chars().last().is_some_and(is_latin_word_char);
        Ok(Keyword {
            text,
            folded,
            latin_edges,
        })
    }

    /// Adds `input` to `keywords`, refusing overflows and duplicates.
    pub fn add(keywords: &[Keyword], input: &str) -> Result<Keyword, KeywordProblem> {
        if keywords.len() >= MAX_KEYWORDS {
            return Err(KeywordProblem::TooMany);
        }
        let keyword = Keyword::parse(input)?;
        if let Some(existing) = keywords.iter().find(|k| k.folded == keyword.folded) {
            return Err(KeywordProblem::Duplicate(existing.text.clone()));
        }
        Ok(keyword)
    }
}

/// The bytes that may start a character [`fold`] changes: ASCII capitals,
/// the lead bytes of U+00C0–U+017F (Latin), U+0300–U+043F (combining marks,
/// Greek, Cyrillic capitals), U+3000–U+3FFF and U+F000–U+FFFF (the
/// ideographic space, full-width forms). Every other byte starts (or
/// continues) a character that folds to itself.
const MAY_FOLD: [bool; 256] = {
    let mut may = [false; 256];
    let mut b = 0;
    while b < 256 {
        may[b] = matches!(b, 0x41..=0x5A | 0xC3..=0xC5 | 0xCC..=0xD0 | 0xE3 | 0xEF);
        b += 1;
    }
    may
};

/// The body folded for matching, with the way back to body offsets.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Folded {
    text: String,
    /// `(folded offset, body offset)` wherever the two stop moving in step.
    shifts: Vec<(usize, usize)>,
}

impl Folded {
    /// Folds `body`. Runs of characters that fold to themselves (most of a
    /// Chinese text, all but capitals in English) are found by their bytes
    /// and copied whole (a character at a time took twice as long).
    pub fn new(body: &str) -> Folded {
        let mut folded = Folded {
            text: String::with_capacity(body.len()),
            shifts: vec![(0, 0)],
        };
        let bytes = body.as_bytes();
        // The run of characters that fold to themselves, not yet copied, is
        // `run..at`.
        let (mut run, mut at) = (0, 0);
        while let Some(skip) = bytes[at..].iter().position(|&b| MAY_FOLD[usize::from(b)]) {
            at += skip;
            let c = body[at..].chars().next().unwrap_or_default();
            let f = fold(c);
            if f != Some(c) {
                folded.copy(body, run..at);
                if let Some(f) = f {
                    folded.shift_at(at);
                    folded.text.push(f);
                } // else a combining mark: it stays with the letter before it
                run = at + c.len_utf8();
            }
            at += c.len_utf8();
        }
        folded.copy(body, run..body.len());
        folded.shift_at(body.len());
        folded
    }

    /// Copies `body[range]`, which folds to itself.
    fn copy(&mut self, body: &str, range: std::ops::Range<usize>) {
        if !range.is_empty() {
            self.shift_at(range.start);
            self.text.push_str(&body[range]);
        }
    }

    /// Notes a shift if body offset `at`, where the folded text goes on, is
    /// not as far from its end as the last shift says.
    fn shift_at(&mut self, at: usize) {
        let (last_folded, last_body) = self.shifts[self.shifts.len() - 1];
        if at - self.text.len() != last_body - last_folded {
            self.shifts.push((self.text.len(), at));
        }
    }

    /// The body offset of a folded offset: the start of the character there,
    /// so a match's end covers any combining marks after its last letter.
    fn to_body(&self, folded: usize) -> usize {
        let i = self.shifts.partition_point(|&(f, _)| f <= folded) - 1;
        let (f, b) = self.shifts[i];
        b + (folded - f)
    }
}

/// One occurrence of one keyword.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Match {
    pub span: Span,
    pub keyword: usize,
}

/// A stretch of a block painted in one keyword's colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Paint {
    pub span: Span,
    pub keyword: usize,
}

/// A mark on the map of matches beside the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Tick {
    pub permille: u16,
    pub keyword: usize,
    /// Body offset of the block's first match: where a click on the tick goes.
    pub at: usize,
}

/// The ticks drawn as one SVG path per keyword colour (`(colour, path data)`
/// in a 10 × 1000 box, each tick 4 high): a handful of elements however many
/// ticks, where an element per tick made every keyword change on a long
/// article build and lay out a thousand.
pub fn tick_paths(ticks: &[Tick]) -> Vec<(usize, String)> {
    let mut paths: Vec<(usize, String)> = Vec::new();
    for tick in ticks {
        let colour = tick.keyword % crate::dom_ids::PALETTE_SIZE;
        let at = match paths.iter().position(|(c, _)| *c == colour) {
            Some(at) => at,
            None => {
                paths.push((colour, String::new()));
                paths.len() - 1
            }
        };
        let path = &mut paths[at].1;
        path.push_str("M0 ");
        path.push_str(&tick.permille.to_string());
        path.push_str("h10v4H0z");
    }
    paths
}

/// The tick a click at `permille` of the map means: the nearest one, if it is
/// within [`TICK_REACH`] thousandths (ticks are in ascending order).
pub fn tick_near(ticks: &[Tick], permille: i32) -> Option<&Tick> {
    let after = ticks.partition_point(|t| i32::from(t.permille) + 2 < permille);
    [after.checked_sub(1), Some(after)]
        .into_iter()
        .flatten()
        .filter_map(|i| ticks.get(i))
        .map(|t| (t, (i32::from(t.permille) + 2 - permille).abs()))
        .filter(|&(_, distance)| distance <= TICK_REACH)
        .min_by_key(|&(_, distance)| distance)
        .map(|(t, _)| t)
}

/// How far from a tick's middle a click still takes it, in thousandths of
/// the map: a tick is 4 high, and a few more make it easy to hit.
pub const TICK_REACH: i32 = 8;

/// Everything the views and the API need about the current keywords.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Matches {
    /// All matches of all keywords, by start (then keyword).
    pub all: Vec<Match>,
    /// Per keyword, its number of matches.
    pub counts: Vec<usize>,
    /// Per node, per keyword (`node * keywords + keyword`): matches inside the
    /// node's span, so a section counts its subsections and points too.
    node_counts: Vec<u32>,
    keywords: usize,
    /// Per block, what to paint; blocks without matches share one empty slice.
    pub paint: Vec<Rc<[Paint]>>,
    /// Per keyword, the indexes in `all` of its matches, so the find bar can
    /// step through one keyword's matches without copying them.
    by_keyword: Vec<Vec<u32>>,
}

/// The matches the find bar steps through: everyone's, or one keyword's. A
/// view into [`Matches`], so asking for it (every render) copies nothing.
#[derive(Clone, Copy, Debug)]
pub struct Targets<'a> {
    all: &'a [Match],
    /// The indexes into `all` of one keyword's matches; `None` for all of them.
    picked: Option<&'a [u32]>,
}

impl Targets<'_> {
    pub fn len(&self) -> usize {
        self.picked.map_or(self.all.len(), <[u32]>::len)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The `index`th match, in document order.
    pub fn get(&self, index: usize) -> Option<Match> {
        match self.picked {
            None => self.all.get(index).copied(),
            Some(picked) => picked.get(index).map(|&i| self.all[i as usize]),
        }
    }

    /// How many matches start before `offset`: the index of the first match
    /// at or after it.
    pub fn count_before(&self, offset: usize) -> usize {
        match self.picked {
            None => self.all.partition_point(|m| m.span.start < offset),
            Some(picked) => picked.partition_point(|&i| self.all[i as usize].span.start < offset),
        }
    }
}

impl Matches {
    /// Matches of node `node` for keyword `keyword`.
    pub fn node_count(&self, node: usize, keyword: usize) -> u32 {
        self.node_counts
            .get(node * self.keywords + keyword)
            .copied()
            .unwrap_or(0)
    }

    /// Matches of all keywords inside node `node`.
    pub fn node_total(&self, node: usize) -> u32 {
        let start = node * self.keywords;
        self.node_counts
            .get(start..start + self.keywords)
            .map_or(0, |c| c.iter().sum())
    }

    /// Whether the outline lists `node` when it shows `only_with_matches`:
    /// with no keywords, every node is listed, so the filter never empties it.
    pub fn lists(&self, node: usize, only_with_matches: bool) -> bool {
        !only_with_matches || self.keywords == 0 || self.node_total(node) > 0
    }

    /// What to paint in block `block` (nothing for a block out of range).
    pub fn paint_of(&self, block: usize) -> Rc<[Paint]> {
        self.paint.get(block).cloned().unwrap_or_default()
    }

    /// One tick per block with matches, for the map beside the text: where the
    /// block starts, in thousandths of the body (by text, not layout: measuring
    /// the layout of a long article would cost more than it shows), the colour
    /// of its first mark, and the body offset of its first match. Blocks in
    /// the same thousandth share the first one's tick: the map cannot show
    /// them apart, and a long article would otherwise draw tens of thousands
    /// of ticks on every keyword change.
    pub fn ticks(&self, body_len: usize) -> Vec<Tick> {
        let mut ticks: Vec<Tick> = Vec::new();
        for first in self.paint.iter().filter_map(|paint| paint.first()) {
            let permille = (first.span.start * 1000 / body_len.max(1)).min(996) as u16;
            if ticks.last().is_none_or(|t| t.permille != permille) {
                ticks.push(Tick {
                    permille,
                    keyword: first.keyword,
                    at: first.span.start,
                });
            }
        }
        ticks
    }

    /// The matches the find bar steps through: one keyword's, or everyone's
    /// (also for a keyword out of range, which the reader state never keeps).
    pub fn of_target(&self, keyword: Option<usize>) -> Targets<'_> {
        Targets {
            all: &self.all,
            picked: keyword
                .and_then(|k| self.by_keyword.get(k))
                .map(Vec::as_slice),
        }
    }
}

/// Finds every keyword in the document. `whole_words` restricts keywords with
/// Latin edges to whole words.
pub fn find(doc: &Document, folded: &Folded, keywords: &[Keyword], whole_words: bool) -> Matches {
    let all = scan(folded, keywords, whole_words);
    let mut by_keyword = vec![Vec::new(); keywords.len()];
    for (i, m) in all.iter().enumerate() {
        by_keyword[m.keyword].push(i as u32);
    }
    let counts = by_keyword.iter().map(Vec::len).collect();
    Matches {
        by_keyword,
        node_counts: count_per_node(doc, &all, keywords.len()),
        paint: paint_blocks(doc, &all),
        counts,
        keywords: keywords.len(),
        all,
    }
}

/// How often one keyword occurs: the live count while a keyword is typed, so
/// it must be quick. The same rules as [`find`].
pub fn count(folded: &Folded, keyword: &Keyword, whole_words: bool) -> usize {
    occurrences(&folded.text, keyword, whole_words).count()
}

/// Where one keyword occurs in `text` (start and end offsets), leftmost first
/// and not overlapping, by the standard library's substring search: it skips
/// through text with a keyword's bytes, where the pass for all keywords looks
/// at every character (see [`SEARCHED_ONE_BY_ONE`]).
fn occurrences<'a>(
    text: &'a str,
    keyword: &'a Keyword,
    whole_words: bool,
) -> impl Iterator<Item = (usize, usize)> + 'a {
    let needle = keyword.folded.as_str();
    let mut from = 0;
    std::iter::from_fn(move || {
        while let Some(found) = text.get(from..)?.find(needle) {
            let at = from + found;
            let end = at + needle.len();
            if whole_words && keyword.latin_edges && !is_whole_word(text, at, end) {
                from = at + text[at..].chars().next().map_or(1, char::len_utf8);
                continue;
            }
            from = end;
            return Some((at, end));
        }
        None
    })
}

/// No Latin letter or digit touches `text[at..end]` on either side.
fn is_whole_word(text: &str, at: usize, end: usize) -> bool {
    !text[..at]
        .chars()
        .next_back()
        .is_some_and(is_latin_word_char)
        && !text[end..].chars().next().is_some_and(is_latin_word_char)
}

/// Up to this many keywords are each searched for on their own
/// ([`occurrences`]); more are found in one pass ([`scan_all`]), whose cost
/// hardly grows with their number. Natively on 10 MB of Chinese, one
/// keyword takes 7 ms against 17, three 21 against 24, four 31 against 28.
const SEARCHED_ONE_BY_ONE: usize = 3;

/// Every keyword's matches, in text order (keyword order at one offset).
fn scan(folded: &Folded, keywords: &[Keyword], whole_words: bool) -> Vec<Match> {
    if keywords.len() > SEARCHED_ONE_BY_ONE {
        return scan_all(folded, keywords, whole_words);
    }
    let mut each: Vec<_> = keywords
        .iter()
        .map(|k| occurrences(&folded.text, k, whole_words).peekable())
        .collect();
    let mut out = Vec::new();
    // Merged by start; `min_by_key` keeps the first of equal starts, which
    // is the keyword added first.
    while let Some((keyword, next)) = each
        .iter_mut()
        .enumerate()
        .filter_map(|(k, found)| Some((k, *found.peek()?)))
        .min_by_key(|&(_, (start, _))| start)
    {
        each[keyword].next();
        out.push(Match {
            span: Span::new(folded.to_body(next.0), folded.to_body(next.1)),
            keyword,
        });
    }
    out
}

/// One pass over the folded text for all keywords.
fn scan_all(folded: &Folded, keywords: &[Keyword], whole_words: bool) -> Vec<Match> {
    // First characters: a bitmap for the Basic Multilingual Plane, then a list
    // sorted by character (in keyword order within one character).
    let mut starts: Vec<(char, usize)> = Vec::with_capacity(keywords.len());
    let mut bitmap = vec![0u64; 1024];
    for (k, keyword) in keywords.iter().enumerate() {
        if let Some(first) = keyword.folded.chars().next() {
            let at = starts.partition_point(|&(c, _)| c <= first);
            starts.insert(at, (first, k));
            if let Some(word) = bitmap.get_mut(first as usize / 64) {
                *word |= 1 << (first as usize % 64);
            }
        }
    }
    let text = folded.text.as_str();
    let mut taken_until = vec![0usize; keywords.len()];
    let mut out = Vec::new();
    for (at, c) in text.char_indices() {
        let maybe = bitmap
            .get(c as usize / 64)
            .is_none_or(|w| w & (1 << (c as usize % 64)) != 0);
        if maybe {
            let first = starts.partition_point(|&(s, _)| s < c);
            for &(_, k) in starts[first..].iter().take_while(|&&(s, _)| s == c) {
                let keyword = &keywords[k];
                let end = at + keyword.folded.len();
                if at < taken_until[k] || !text[at..].starts_with(keyword.folded.as_str()) {
                    continue;
                }
                if whole_words && keyword.latin_edges && !is_whole_word(text, at, end) {
                    continue;
                }
                taken_until[k] = end;
                out.push(Match {
                    span: Span::new(folded.to_body(at), folded.to_body(end)),
                    keyword: k,
                });
            }
        }
    }
    out
}

/// Counts matches per node, including descendants (nodes are in pre-order).
fn count_per_node(doc: &Document, all: &[Match], keywords: usize) -> Vec<u32> {
    let mut counts = vec![0u32; doc.nodes.len() * keywords];
    for m in all {
        let mut node = doc.node_at(m.span.start);
        while let Some(n) = node {
            counts[n * keywords + m.keyword] += 1;
            node = doc.nodes[n].parent;
        }
    }
    counts
}

/// Applies the paint rule block by block.
fn paint_blocks(doc: &Document, all: &[Match]) -> Vec<Rc<[Paint]>> {
    let empty: Rc<[Paint]> = Rc::from(Vec::new());
    let mut out = vec![empty; doc.blocks.len()];
    let mut rest = all;
    for (b, block) in doc.blocks.iter().enumerate() {
        let inside = rest.partition_point(|m| m.span.start < block.span.end);
        let (here, later) = rest.split_at(inside);
        rest = later;
        if !here.is_empty() {
            out[b] = Rc::from(paint(here));
        }
    }
    out
}

/// The longest covering match paints each character; ties go to the earlier
/// keyword. A sweep over the matches (in start order) with the set of matches
/// covering the current position: no sorting, so no sort code in the wasm.
fn paint(matches: &[Match]) -> Vec<Paint> {
    let mut out: Vec<Paint> = Vec::new();
    let mut covering: Vec<usize> = Vec::new();
    let mut next = 0;
    let mut at = match matches.first() {
        Some(m) => m.span.start,
        None => return out,
    };
    let mut last_winner = None;
    loop {
        while matches.get(next).is_some_and(|m| m.span.start == at) {
            covering.push(next);
            next += 1;
        }
        covering.retain(|&i| matches[i].span.end > at);
        let Some(&winner) = covering
            .iter()
            .max_by_key(|&&i| (matches[i].span.len(), std::cmp::Reverse(matches[i].keyword)))
        else {
            match matches.get(next) {
                Some(m) => {
                    at = m.span.start;
                    last_winner = None;
                    continue;
                }
                None => return out,
            }
        };
        let until = covering
            .iter()
            .map(|&i| matches[i].span.end)
            .chain(matches.get(next).map(|m| m.span.start))
            .min()
            .unwrap_or(at);
        // Pieces of the same match join; two matches side by side stay two marks.
        match out.last_mut() {
            Some(last) if last_winner == Some(winner) && last.span.end == at => {
                last.span.end = until
            }
            _ => out.push(Paint {
                span: Span::new(at, until),
                keyword: matches[winner].keyword,
            }),
        }
        last_winner = Some(winner);
        at = until;
    }
}

/// Pieces of `range` for rendering: each with the keyword painting it (if any)
/// and whether it belongs to the current match. `paint` is in text order and
/// does not overlap, so one walk along it cuts the range.
pub fn pieces(
    range: Span,
    paint: &[Paint],
    current: Option<Span>,
) -> Vec<(Span, Option<usize>, bool)> {
    let mut painted: Vec<(Span, Option<usize>)> = Vec::new();
    let mut at = range.start;
    for p in paint
        .iter()
        .filter(|p| p.span.start < range.end && range.start < p.span.end)
    {
        let span = Span::new(p.span.start.max(range.start), p.span.end.min(range.end));
        if at < span.start {
            painted.push((Span::new(at, span.start), None));
        }
        painted.push((span, Some(p.keyword)));
        at = span.end;
    }
    if at < range.end {
        painted.push((Span::new(at, range.end), None));
    }
    // Cut again where the current match begins and ends.
    let mut out = Vec::with_capacity(painted.len() + 2);
    for (span, keyword) in painted {
        let cuts = current.map_or([span.start; 2], |c| {
            [
                c.start.clamp(span.start, span.end),
                c.end.clamp(span.start, span.end),
            ]
        });
        let mut from = span.start;
        for cut in cuts.into_iter().chain([span.end]) {
            if cut > from {
                let piece = Span::new(from, cut);
                out.push((piece, keyword, current.is_some_and(|c| c.contains(piece))));
                from = cut;
            }
        }
    }
    out
}

/// Section id → keyword → count, for the embedding API.
pub fn section_counts<'a>(
    doc: &'a Document,
    keywords: &'a [Keyword],
    matches: &'a Matches,
) -> impl Iterator<Item = (&'a str, Vec<(&'a str, u32)>)> + 'a {
    doc.nodes
        .iter()
        .enumerate()
        .filter(|(_, n)| matches!(n.kind, NodeKind::Section { .. }))
        .map(move |(i, n)| {
            let per_keyword = keywords
                .iter()
                .enumerate()
                .map(|(k, kw)| (kw.text.as_str(), matches.node_count(i, k)))
                .collect();
            (n.id.as_str(), per_keyword)
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::parse;

    const SEED: &str = crate::sample::SEED_ARTICLE;

    fn keywords(list: &[&str]) -> Vec<Keyword> {
        list.iter().map(|k| Keyword::parse(k).unwrap()).collect()
    }

    fn run(text: &str, list: &[&str], whole: bool) -> (Document, Matches) {
        let doc = parse(text);
        let matches = find(&doc, &Folded::new(&doc.body), &keywords(list), whole);
        (doc, matches)
    }

    fn texts<'a>(doc: &'a Document, matches: &Matches) -> Vec<&'a str> {
        matches.all.iter().map(|m| doc.text(m.span)).collect()
    }

    #[test]
    fn refused_keywords_say_why() {
        assert_eq!(Keyword::parse("   "), Err(KeywordProblem::Empty));
        assert_eq!(Keyword::parse("\u{3000}\t\n"), Err(KeywordProblem::Empty));
        assert_eq!(
            Keyword::parse(&"长".repeat(65)),
            Err(KeywordProblem::TooLong)
        );
        let have = keywords(&["Party"]);
        assert_eq!(
            Keyword::add(&have, "ＰＡＲＴＹ"),
            Err(KeywordProblem::Duplicate("Party".into()))
        );
        assert_eq!(Keyword::parse(" 人才 ").unwrap().text, "人才");
    }

    #[test]
    fn invisible_keywords_are_refused_and_visible_ones_keep_them() {
        for invisible in [
            "\u{200B}",
            "\u{202E}",
            "\0",
            "\u{200B}\u{200D} \u{2060}",
            "\u{E0041}",
        ] {
            assert_eq!(
                Keyword::parse(invisible),
                Err(KeywordProblem::Invisible),
                "{invisible:?}"
            );
        }
        assert_eq!(Keyword::parse("\u{200B}人才").unwrap().text, "\u{200B}人才");
    }

    #[test]
    fn huge_keywords_are_refused_before_they_are_copied() {
        let huge = "长".repeat(5_000_000);
        assert_eq!(Keyword::parse(&huge), Err(KeywordProblem::TooLong));
        // Long runs of space around a short keyword are only trimmed.
        let padded = format!("{}人才{}", " ".repeat(10_000), "\n".repeat(10_000));
        assert_eq!(Keyword::parse(&padded).unwrap().text, "人才");
        let full: Vec<Keyword> = (0..MAX_KEYWORDS)
            .map(|i| Keyword::parse(&format!("k{i}")).unwrap())
            .collect();
        assert_eq!(Keyword::add(&full, &huge), Err(KeywordProblem::TooMany));
    }

    #[test]
    fn html_and_regex_characters_are_plain_text() {
        let (doc, m) = run(
            "T\n\na <img src=x onerror=alert(1)> b .* c (x+)",
            &["<img src=x onerror=alert(1)>", ".*", "(x+)"],
            false,
        );
        assert_eq!(
            texts(&doc, &m),
            ["<img src=x onerror=alert(1)>", ".*", "(x+)"]
        );
    }

    #[test]
    fn case_width_and_accents_fold() {
        let (doc, m) = run(
            "T\n\nＡＢＣ abc Abc，café cafe\u{301}",
            &["abc", ",", "CAFÉ"],
            false,
        );
        assert_eq!(
            texts(&doc, &m),
            ["ＡＢＣ", "abc", "Abc", "，", "café", "cafe\u{301}"]
        );
    }

    #[test]
    fn whole_words_apply_to_latin_only() {
        let (doc, m) = run("T\n\ncat category cat. 人才人才库", &["cat", "人才"], true);
        assert_eq!(texts(&doc, &m), ["cat", "cat", "人才", "人才"]);
        let (_, m) = run("T\n\ncat category", &["cat"], false);
        assert_eq!(m.counts, [2]);
    }

    #[test]
    fn counts_ignore_other_keywords_and_overlaps_paint_by_length() {
        let (doc, m) = run(
            "T\n\n基层党组织和党组织",
            &["党组织", "基层党组织", "组织"],
            false,
        );
        assert_eq!(m.counts, [2, 1, 2]);
        let block = doc
            .blocks
            .iter()
            .position(|b| doc.text(b.span).starts_with("基层"))
            .unwrap();
        let painted: Vec<(&str, usize)> = m.paint[block]
            .iter()
            .map(|p| (doc.text(p.span), p.keyword))
            .collect();
        assert_eq!(painted, [("基层党组织", 1), ("党组织", 0)]);
    }

    #[test]
    fn ties_go_to_the_keyword_added_first() {
        let (doc, m) = run("T\n\nabcd", &["abc", "bcd"], false);
        let block = doc.blocks.len() - 1;
        let painted: Vec<(&str, usize)> = m.paint[block]
            .iter()
            .map(|p| (doc.text(p.span), p.keyword))
            .collect();
        assert_eq!(painted, [("abc", 0), ("d", 1)]);
    }

    #[test]
    fn a_few_keywords_searched_one_by_one_match_as_the_one_pass_does() {
        let body = "Ｃat cat category CAT. 基层党组织和党组织，组织 aaaa aaa é e\u{301}té";
        let folded = Folded::new(body);
        let pool = [
            "cat",
            "党组织",
            "组织",
            "基层党组织",
            "aa",
            "aaa",
            "e",
            "té",
            "a",
        ];
        for a in pool {
            for b in pool {
                for c in pool {
                    let list: Vec<&str> = [a, b, c]
                        .into_iter()
                        .enumerate()
                        .filter(|&(i, k)| ![a, b, c][..i].contains(&k))
                        .map(|(_, k)| k)
                        .collect();
                    for whole_words in [false, true] {
                        let keywords = keywords(&list);
                        assert!(keywords.len() <= SEARCHED_ONE_BY_ONE);
                        assert_eq!(
                            scan(&folded, &keywords, whole_words),
                            scan_all(&folded, &keywords, whole_words),
                            "{list:?}, whole words {whole_words}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn a_keyword_never_matches_across_paragraphs() {
        let (_, m) = run(
            "T\n\n第一段结尾\n第二段开头",
            &["结尾第二", "结尾\n第二"],
            false,
        );
        assert_eq!(m.counts, [0, 0]);
    }

    #[test]
    fn per_section_counts_on_the_seed() {
        let (doc, m) = run(SEED, &["人才", "干部", "基层党组织"], false);
        let naive = |k: &str| doc.body.matches(k).count();
        assert_eq!(
            m.counts,
            [naive("人才"), naive("干部"), naive("基层党组织")]
        );
        let sections: Vec<usize> = doc.sections().collect();
        let fourth = sections[3];
        let in_fourth = doc.text(doc.nodes[fourth].span).matches("人才").count() as u32;
        assert!(in_fourth >= 5);
        assert_eq!(m.node_count(fourth, 0), in_fourth);
        let in_sections: u32 = sections.iter().map(|&s| m.node_count(s, 0)).sum();
        let outside = doc.body[..doc.nodes[sections[0]].span.start]
            .matches("人才")
            .count() as u32;
        assert_eq!(in_sections + outside, m.counts[0] as u32);
        let list = keywords(&["人才", "干部", "基层党组织"]);
        let api: Vec<_> = section_counts(&doc, &list, &m).collect();
        assert_eq!(api.len(), 4);
        assert_eq!(api[3].1[0], ("人才", in_fourth));
    }

    #[test]
    fn ticks_are_one_path_per_colour_and_a_click_takes_the_nearest() {
        let tick = |permille, keyword, at| Tick {
            permille,
            keyword,
            at,
        };
        let ticks = [
            tick(10, 0, 5),
            tick(20, 1, 9),
            tick(30, 10, 12),
            tick(600, 0, 80),
        ];
        assert_eq!(
            tick_paths(&ticks),
            vec![
                (0, "M0 10h10v4H0zM0 30h10v4H0zM0 600h10v4H0z".to_string()),
                (1, "M0 20h10v4H0z".to_string()),
            ]
        );
        assert_eq!(tick_near(&ticks, 12).map(|t| t.at), Some(5));
        assert_eq!(tick_near(&ticks, 20).map(|t| t.at), Some(9));
        assert_eq!(tick_near(&ticks, 27).map(|t| t.at), Some(9));
        assert_eq!(tick_near(&ticks, 29).map(|t| t.at), Some(12));
        assert_eq!(tick_near(&ticks, 300), None);
        assert_eq!(tick_near(&ticks, 1000), None);
        assert_eq!(tick_near(&[], 10), None);
    }

    #[test]
    fn a_long_article_has_at_most_one_tick_per_thousandth() {
        let text = format!("标题\n\n{}", "人才是第一资源。\n\n".repeat(5000));
        let (doc, m) = run(&text, &["人才"], false);
        let ticks = m.ticks(doc.body.len());
        assert!(m.paint.iter().filter(|p| !p.is_empty()).count() >= 5000);
        assert!((990..=1000).contains(&ticks.len()), "{} ticks", ticks.len());
        assert!(ticks.windows(2).all(|w| w[0].permille < w[1].permille));
        // Each tick goes to the first match of its thousandth.
        assert_eq!(ticks[0].at, doc.body.find("人才").unwrap());
    }

    #[test]
    fn ticks_mark_blocks_with_matches_in_text_order() {
        let (doc, m) = run(SEED, &["人才强县", "基层党组织"], false);
        let ticks = m.ticks(doc.body.len());
        let blocks_with_matches = m.paint.iter().filter(|p| !p.is_empty()).count();
        assert_eq!(ticks.len(), blocks_with_matches);
        assert!(
            ticks
                .windows(2)
                .all(|w| w[0].permille <= w[1].permille && w[0].at < w[1].at)
        );
        let last = ticks.last().unwrap();
        let first_of_block = doc.text(Span::new(last.at, doc.body.len()));
        assert!(first_of_block.starts_with("基层党组织") || first_of_block.starts_with("人才强县"));
        assert!(
            last.permille > 800,
            "the last block with matches is near the end"
        );
    }

    #[test]
    fn pieces_split_at_paint_and_current_match() {
        let paint = [Paint {
            span: Span::new(2, 5),
            keyword: 0,
        }];
        let got = pieces(Span::new(0, 8), &paint, Some(Span::new(4, 6)));
        assert_eq!(
            got,
            [
                (Span::new(0, 2), None, false),
                (Span::new(2, 4), Some(0), false),
                (Span::new(4, 5), Some(0), true),
                (Span::new(5, 6), None, true),
                (Span::new(6, 8), None, false),
            ]
        );
    }

    #[test]
    fn folding_keeps_offsets_on_the_original_text() {
        let body = "Ａé\u{301}x，y";
        let folded = Folded::new(body);
        assert_eq!(folded.text, "aex,y");
        assert_eq!(folded.to_body(0), 0);
        assert_eq!(folded.to_body(1), 3);
        assert_eq!(folded.to_body(2), body.find('x').unwrap());
        assert_eq!(folded.to_body(5), body.len());
    }

    #[test]
    fn every_character_that_folds_to_another_starts_with_a_byte_marked_so() {
        let mut lead = [0; 4];
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            if fold(c) != Some(c) {
                let first = c.encode_utf8(&mut lead).as_bytes()[0];
                assert!(
                    MAY_FOLD[usize::from(first)],
                    "{c:?} folds, {first:#x} unmarked"
                );
            }
        }
    }

    #[test]
    fn a_fold_by_runs_is_a_fold_by_characters() {
        // The plain definition: every character folded and pushed alone.
        fn by_characters(body: &str) -> Folded {
            let (mut text, mut shifts, mut delta) = (String::new(), vec![(0, 0)], 0);
            for (offset, c) in body.char_indices() {
                let Some(f) = fold(c) else { continue };
                if offset - text.len() != delta {
                    delta = offset - text.len();
                    shifts.push((text.len(), offset));
                }
                text.push(f);
            }
            if body.len() - text.len() != delta {
                shifts.push((text.len(), body.len()));
            }
            Folded { text, shifts }
        }
        for body in [
            "",
            "人才",
            "ＡＢＣ",
            "一是，二是，三是。",
            "e\u{301}té Été\u{300}",
            "\u{301}starts with a mark",
            "ends changed Ｚ",
            "Ωμέγα Москва\u{3000}全角，ａｂｃ，，x",
        ] {
            assert_eq!(Folded::new(body), by_characters(body), "{body:?}");
        }
        let mixed = "Ａ人，e\u{301}Ωx\u{3000}。ß".repeat(50);
        for body in [SEED, mixed.as_str()] {
            assert_eq!(Folded::new(body), by_characters(body));
        }
    }
}
