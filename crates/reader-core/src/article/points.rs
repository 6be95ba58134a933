//! Step 6 of parsing: points inside the paragraphs of each section.
//!
//! Two shapes make points:
//!
//! - **Enumerations**: markers of one family that count up from one at the start of
//!   a sentence (or after a colon): 一是…二是…三是…, 一要…二要…, 第一，…第二，…,
//!   首先…其次…最后…, ①②③, （1）（2）, First, … Second, … Finally, …
//!   A family needs two markers in sequence, so a lone 一是 is text.
//!   (also after a `；`: 一是…；二是…；三是…, and 一是 after a `，`)
//!   第一条主线是…第二条主线是… counts too: 第X条 glued to a word is no law article.
//! - **Parallel runs**: three or more adjacent sentences opening with the same lead
//!   (the first two Han characters, a dash `——`, or the first English word; after a
//!   pronoun, the first two words, since "I …" opens half the sentences of a story):
//!   坚持人民至上，… 坚持自信自立，… 坚持守正创新，…
//!   Adjacent means the next sentence, or the opening sentences of consecutive
//!   paragraphs. A lone sentence with the same opening is not a run.
//! - **Lead sentences**: three or more consecutive paragraphs that each open with
//!   a short statement of a few words, then explain it (the bold lead-ins of
//!   reports): 坚守初心使命的本质要求。党章开宗明义…
//!
//! A point runs from its marker to the next point in its paragraph, or to the end
//! of its paragraph (enumerations) or sentence (runs). A run inside an enumerated
//! point nests under it.

use super::text::{self, char_len, is_clause_end, is_han, is_word_char, leading_chinese_numeral};
use super::{BlockKind, Document, Node, NodeKind, Span};

/// Longest outline label for a point, in characters, before an ellipsis.
const MAX_LABEL_CHARS: usize = 40;
/// Parallel runs need at least this many sentences.
const MIN_RUN: usize = 3;

/// A point found in one scope, before it becomes a node.
#[derive(Clone, Debug)]
struct Found {
    span: Span,
    block: usize,
    label: String,
}

/// A point and the index (within its scope) of the point containing it, if any.
#[derive(Clone, Debug)]
struct Nested {
    found: Found,
    parent: Option<usize>,
}

/// The points of one scope: the text before the first heading (`None`) or a section.
struct ScopePoints {
    scope: Option<usize>,
    points: Vec<Nested>,
}

/// A sentence of a paragraph, in body offsets.
#[derive(Clone, Copy, Debug)]
struct Sentence {
    span: Span,
    block: usize,
    /// First sentence of its paragraph.
    opens_paragraph: bool,
}

/// Enumeration marker families. Points of different families never chain.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Family {
    Shi,
    Yao,
    Di,
    Sequence,
    Circled,
    Paren,
    English,
}

/// An enumeration marker: its family, ordinal (`None` for "last": 最后, Finally)
/// and where it starts.
#[derive(Clone, Copy, Debug)]
struct Marker {
    family: Family,
    ordinal: Option<u32>,
    at: usize,
    block: usize,
}

pub fn detect(doc: &mut Document) {
    // Scope `None` is the text before the first heading; then one per section.
    // A section's own paragraphs sit together between its heading and its first
    // subsection, so grouping neighbours gives each scope once, in node order,
    // which `insert` relies on.
    let mut groups: Vec<(Option<usize>, Vec<usize>)> = Vec::new();
    for (i, block) in doc.blocks.iter().enumerate() {
        if !matches!(block.kind, BlockKind::Paragraph { .. }) {
            continue;
        }
        match groups.last_mut() {
            Some((scope, paragraphs)) if *scope == block.section => paragraphs.push(i),
            _ => groups.push((block.section, vec![i])),
        }
    }
    let per_scope: Vec<ScopePoints> = groups
        .into_iter()
        .map(|(scope, paragraphs)| ScopePoints {
            scope,
            points: nest(find_points(doc, &paragraphs)),
        })
        .filter(|s| !s.points.is_empty())
        .collect();
    if !per_scope.is_empty() {
        insert(doc, per_scope);
    }
}

/// All points of one scope, sorted by start.
fn find_points(doc: &Document, paragraphs: &[usize]) -> Vec<Found> {
    let sentences: Vec<Sentence> = paragraphs
        .iter()
        .flat_map(|&b| split_sentences(&doc.body, doc.blocks[b].span, b))
        .collect();
    let enumerated = enumerations(doc, &sentences);
    let starts: Vec<usize> = enumerated.iter().map(|p| p.span.start).collect();
    let runs = parallel_runs(doc, &sentences, &starts);
    let found = merge_by_start(enumerated, runs);
    let taken: Vec<usize> = found.iter().map(|p| p.span.start).collect();
    merge_by_start(found, lead_sentences(doc, &sentences, &taken))
}

/// Merges two lists of points, each in text order, into one in text order.
/// (A hand merge: a general sort would add kilobytes of WebAssembly.)
fn merge_by_start(a: Vec<Found>, b: Vec<Found>) -> Vec<Found> {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let mut b = b.into_iter().peekable();
    for point in a {
        while let Some(earlier) = b.next_if(|x| x.span.start < point.span.start) {
            out.push(earlier);
        }
        out.push(point);
    }
    out.extend(b);
    out
}

/// Sentences of the paragraph at `span`: they end after `。！？` (and closing
/// quotes), or after an ASCII `.` followed by a space. A `；` does not end one:
/// 坚持人民至上，……；让……。 is one item of a run.
fn split_sentences(body: &str, span: Span, block: usize) -> Vec<Sentence> {
    let text = &body[span.range()];
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if start.is_none() {
            if text::is_space(c) {
                continue;
            }
            start = Some(i);
        }
        let ends = text::is_sentence_end(c)
            || (c == '.' && chars.peek().is_none_or(|&(_, n)| text::is_space(n)));
        if ends {
            let mut end = i + c.len_utf8();
            while let Some(&(j, n)) = chars.peek() {
                if !(text::is_closing_mark(n) || text::is_sentence_end(n)) {
                    break;
                }
                end = j + n.len_utf8();
                chars.next();
            }
            if let Some(s) = start.take() {
                out.push(Sentence {
                    span: Span::new(span.start + s, span.start + end),
                    block,
                    opens_paragraph: out.is_empty(),
                });
            }
        }
    }
    if let Some(s) = start {
        out.push(Sentence {
            span: Span::new(span.start + s, span.end),
            block,
            opens_paragraph: out.is_empty(),
        });
    }
    out
}

/// Recognises an enumeration marker at the start of `s`.
fn marker_at(s: &str) -> Option<(Family, Option<u32>)> {
    if let Some(marker) = shi_or_yao(s) {
        return Some(marker);
    }
    if let Some(rest) = s.strip_prefix('第')
        && let Some((n, used)) = leading_chinese_numeral(rest)
    {
        let after = &rest[used..];
        // 第一，… or 第一条主线… / 第二个方面… (a measure word glued to its noun).
        let counted = after
            .strip_prefix(['条', '个', '项', '点', '种'])
            .and_then(|noun| noun.chars().next())
            .is_some_and(is_han);
        if after.starts_with(['，', ',', '、', '：', ':']) || counted {
            return Some((Family::Di, Some(n)));
        }
    }
    for (word, ordinal) in [
        ("首先", Some(1)),
        ("其次", Some(2)),
        ("再次", Some(3)),
        ("最后", None),
    ] {
        if s.starts_with(word) {
            return Some((Family::Sequence, ordinal));
        }
    }
    if let Some(c) = s.chars().next()
        && ('\u{2460}'..='\u{2473}').contains(&c)
    {
        return Some((Family::Circled, Some(c as u32 - 0x2460 + 1)));
    }
    if let Some(inner) = s.strip_prefix(['（', '('])
        && let Some((n, used)) = text::leading_number(inner)
        && inner[used..].starts_with(['）', ')'])
    {
        return Some((Family::Paren, Some(n)));
    }
    let word_end = s
        .find(|c: char| !c.is_ascii_alphabetic())
        .unwrap_or(s.len());
    if s[word_end..].starts_with(',') {
        let word = &s[..word_end];
        if word.eq_ignore_ascii_case("finally") || word.eq_ignore_ascii_case("lastly") {
            return Some((Family::English, None));
        }
        if let Some(n) = text::english_number_word(word).filter(|_| {
            // "One, two" are cardinals; only ordinals enumerate.
            !["one", "two", "three"].contains(&word.to_ascii_lowercase().as_str())
        }) {
            return Some((Family::English, Some(n)));
        }
    }
    None
}

/// 一是 / 二要 at the start of `s`.
fn shi_or_yao(s: &str) -> Option<(Family, Option<u32>)> {
    let (n, used) = leading_chinese_numeral(s).filter(|&(n, _)| n <= 20)?;
    match s[used..].chars().next() {
        Some('是') => Some((Family::Shi, Some(n))),
        Some('要') => Some((Family::Yao, Some(n))),
        _ => None,
    }
}

/// Markers at sentence starts and right after a colon.
fn markers(doc: &Document, sentences: &[Sentence]) -> Vec<Marker> {
    let mut out = Vec::new();
    for s in sentences {
        let text = &doc.body[s.span.range()];
        let mut push = |p: usize, found: Option<(Family, Option<u32>)>| {
            if let Some((family, ordinal)) = found {
                out.push(Marker {
                    family,
                    ordinal,
                    at: s.span.start + p,
                    block: s.block,
                });
            }
        };
        push(0, marker_at(text));
        for (i, c) in text.char_indices() {
            let after = i + c.len_utf8();
            match c {
                '：' | ':' | '；' | ';' => {
                    let rest = text[after..].trim_start_matches(text::is_space);
                    push(text.len() - rest.len(), marker_at(rest));
                }
                // After a comma only 一是 / 一要 are sure to enumerate.
                '，' => push(after, shi_or_yao(&text[after..])),
                _ => {}
            }
        }
    }
    out
}

/// Chains of markers counting 1, 2, 3… (a "last" marker may close a chain).
fn enumerations(doc: &Document, sentences: &[Sentence]) -> Vec<Found> {
    let all = markers(doc, sentences);
    // Markers come in text order; chosen ones are flagged, so they stay in order.
    let mut chosen = vec![false; all.len()];
    for family in [
        Family::Shi,
        Family::Yao,
        Family::Di,
        Family::Sequence,
        Family::Circled,
        Family::Paren,
        Family::English,
    ] {
        let mut chain: Vec<usize> = Vec::new();
        let mut finish = |chain: &mut Vec<usize>| {
            if chain.len() >= 2 {
                for &i in chain.iter() {
                    chosen[i] = true;
                }
            }
            chain.clear();
        };
        for (i, m) in all.iter().enumerate().filter(|(_, m)| m.family == family) {
            let next = chain.last().and_then(|&l| all[l].ordinal).map(|o| o + 1);
            match m.ordinal {
                Some(1) => {
                    finish(&mut chain);
                    chain.push(i);
                }
                Some(n) if Some(n) == next => chain.push(i),
                None if next.is_some() => {
                    chain.push(i);
                    finish(&mut chain);
                }
                _ => finish(&mut chain),
            }
        }
        finish(&mut chain);
    }
    let chosen: Vec<&Marker> = all
        .iter()
        .zip(chosen)
        .filter(|(_, c)| *c)
        .map(|(m, _)| m)
        .collect();
    chosen
        .iter()
        .enumerate()
        .map(|(i, m)| {
            let paragraph_end = doc.blocks[m.block].span.end;
            let end = chosen
                .get(i + 1)
                .filter(|n| n.block == m.block)
                .map_or(paragraph_end, |n| n.at);
            let span = Span::new(m.at, end);
            Found {
                span,
                block: m.block,
                label: label(&doc.body[span.range()], true),
            }
        })
        .collect()
}

/// The lead of a sentence for parallel runs: two Han characters or a word.
fn lead(sentence: &str) -> Option<String> {
    let mut chars = sentence.chars();
    let first = chars.next()?;
    if is_han(first) {
        let second = chars.next().filter(|&c| is_han(c))?;
        return Some([first, second].iter().collect());
    }
    if sentence.starts_with("——") {
        return Some("——".to_string());
    }
    let is_letter = |c: char| is_word_char(c) && !c.is_ascii_digit() && !text::is_cjk(c);
    if is_letter(first) {
        let mut words = sentence
            .split(|c: char| !(is_letter(c) || c == '\''))
            .filter(|w| !w.is_empty())
            .map(|w| w.chars().filter_map(text::fold).collect::<String>());
        let word = words.next()?;
        // Words that open sentences of any kind: no run starts with them.
        const TOO_COMMON: &str = "the a an this that these those there and but so or then now \
            in on at as if when after before for of to with by not also even";
        const PRONOUNS: &str = "i we you he she it they my our";
        if text::words(TOO_COMMON).any(|w| w == word) {
            return None;
        }
        let mut word = word;
        if text::words(PRONOUNS).any(|w| w == word) {
            word.push(' ');
            word.push_str(&words.next()?);
        }
        return Some(word);
    }
    None
}

/// Longest and shortest lead sentence, in characters, without its full stop.
const MAX_LEAD_CHARS: usize = 25;
const MIN_LEAD_CHARS: usize = 4;
/// A lead sentence is explained by at least this much text after it.
const MIN_EXPLANATION_CHARS: usize = 30;

/// Paragraphs opening with a short statement (Han, no clause punctuation, a full
/// stop, then an explanation), three or more in a row. `taken` holds the sorted
/// starts of the points already found.
fn lead_sentences(doc: &Document, sentences: &[Sentence], taken: &[usize]) -> Vec<Found> {
    let is_lead = |s: &Sentence| {
        let text = &doc.body[s.span.range()];
        // A statement ends with a full stop: `各位代表！` calls, it does not state.
        let statement = text.trim_end_matches(['。', '．', '.']);
        let explanation = &doc.body[s.span.end..doc.blocks[s.block].span.end];
        statement.len() < text.len()
            && statement.len() <= MAX_LEAD_CHARS * 4
            // A statement of a report, not a story told by someone (我们出发了。).
            && statement
                .chars()
                .next()
                .is_some_and(|c| is_han(c) && !"我你您他她它这那".contains(c))
            && (MIN_LEAD_CHARS..=MAX_LEAD_CHARS).contains(&char_len(statement))
            && !statement
                .chars()
                .any(|c| is_clause_end(c) || matches!(c, '、' | '（' | '(' | '）' | ')'))
            && explanation.chars().nth(MIN_EXPLANATION_CHARS - 1).is_some()
            && taken.binary_search(&s.span.start).is_err()
            && marker_at(text).is_none()
    };
    let mut out = Vec::new();
    // The lead sentences in a row so far, from the opening sentences.
    let mut run: Vec<&Sentence> = Vec::new();
    let openings = sentences.iter().filter(|s| s.opens_paragraph);
    for s in openings.map(Some).chain([None]) {
        if let Some(s) = s.filter(|s| is_lead(s)) {
            run.push(s);
            continue;
        }
        if run.len() >= MIN_RUN {
            for s in &run {
                let span = Span::new(s.span.start, doc.blocks[s.block].span.end);
                out.push(Found {
                    span,
                    block: s.block,
                    label: label(&doc.body[span.range()], false),
                });
            }
        }
        run.clear();
    }
    out
}

/// Runs of three or more adjacent sentences with the same lead.
fn parallel_runs(doc: &Document, sentences: &[Sentence], enumerated: &[usize]) -> Vec<Found> {
    let leads: Vec<Option<String>> = sentences
        .iter()
        .map(|s| {
            let text = &doc.body[s.span.range()];
            // `enumerated` is sorted: enumerations come out in text order.
            if enumerated.binary_search(&s.span.start).is_ok() || marker_at(text).is_some() {
                None
            } else {
                lead(text)
            }
        })
        .collect();
    // The sentences that may continue a run whose last member is `i`: the next
    // sentence, or the opening sentence of the next paragraph when `i` opens its own.
    let next_paragraph_start = first_of_next_paragraph(sentences);
    let successors = |i: usize| {
        let next_paragraph = next_paragraph_start[i].filter(|_| sentences[i].opens_paragraph);
        [Some(i + 1), next_paragraph]
    };
    let mut out = Vec::new();
    let mut used = vec![false; sentences.len()];
    for start in 0..sentences.len() {
        let Some(key) = leads[start].as_ref().filter(|_| !used[start]) else {
            continue;
        };
        let mut run = vec![start];
        while let Some(next) = successors(run[run.len() - 1])
            .into_iter()
            .flatten()
            .find(|&n| leads.get(n).and_then(Option::as_ref) == Some(key))
        {
            run.push(next);
        }
        if run.len() < MIN_RUN {
            continue;
        }
        for (k, &i) in run.iter().enumerate() {
            used[i] = true;
            let s = sentences[i];
            let end = run
                .get(k + 1)
                .map(|&n| sentences[n])
                .filter(|n| n.block == s.block)
                .map_or(s.span.end, |n| n.span.start);
            let span = Span::new(s.span.start, end);
            out.push(Found {
                span,
                block: s.block,
                label: label(&doc.body[span.range()], false),
            });
        }
    }
    // Runs found later can start inside an earlier run that spans paragraph
    // openings; put them in text order. Nearly sorted already, so insertion is cheap.
    for i in 1..out.len() {
        let mut j = i;
        while j > 0 && out[j - 1].span.start > out[j].span.start {
            out.swap(j - 1, j);
            j -= 1;
        }
    }
    out
}

/// For each sentence, the index of the first sentence of the following paragraph.
fn first_of_next_paragraph(sentences: &[Sentence]) -> Vec<Option<usize>> {
    let mut out = vec![None; sentences.len()];
    let mut next = None;
    for i in (0..sentences.len()).rev() {
        out[i] = next;
        if sentences[i].opens_paragraph {
            next = Some(i);
        }
    }
    out
}

/// The opening clause of a point: up to the first clause punctuation, skipping
/// the marker's own punctuation (第一，…) for enumerations.
fn label(text: &str, skip_marker: bool) -> String {
    let skip = if skip_marker {
        text.char_indices()
            .find(|&(_, c)| is_clause_end(c))
            .filter(|&(i, _)| char_len(&text[..i]) <= 3)
            .map_or(0, |(i, c)| i + c.len_utf8())
    } else {
        0
    };
    let end = text[skip..]
        .char_indices()
        .find(|&(_, c)| is_clause_end(c))
        .map_or(text.len(), |(i, _)| skip + i);
    let clause = text::trim(&text[..end]);
    if char_len(clause) > MAX_LABEL_CHARS {
        let cut = text::byte_index_after_chars(clause, MAX_LABEL_CHARS);
        format!("{}…", &clause[..cut])
    } else {
        clause.to_string()
    }
}

/// Pairs each point with the earlier point that contains it, if any.
fn nest(points: Vec<Found>) -> Vec<Nested> {
    let mut out: Vec<Nested> = Vec::with_capacity(points.len());
    let mut stack: Vec<usize> = Vec::new();
    for p in points {
        while let Some(&top) = stack.last() {
            if out[top].found.span.contains(p.span) && out[top].found.span != p.span {
                break;
            }
            stack.pop();
        }
        let parent = stack.last().copied();
        stack.push(out.len());
        out.push(Nested { found: p, parent });
    }
    out
}

/// Inserts points into the node list after their section, keeping document order,
/// and rewires parents, children, depths and block references.
fn insert(doc: &mut Document, per_scope: Vec<ScopePoints>) {
    let old_nodes = std::mem::take(&mut doc.nodes);
    let mut remap = vec![0usize; old_nodes.len()];
    let mut nodes: Vec<Node> = Vec::with_capacity(old_nodes.len());
    let mut block_points: Vec<(usize, usize)> = Vec::new();

    let mut push_points = |nodes: &mut Vec<Node>, scope_node: Option<usize>, points: &[Nested]| {
        let base = nodes.len();
        for Nested { found, parent } in points {
            let parent = parent.map(|p| base + p).or(scope_node);
            block_points.push((found.block, nodes.len()));
            nodes.push(Node {
                id: String::new(),
                kind: NodeKind::Point,
                label: found.label.clone(),
                span: found.span,
                block: found.block,
                parent,
                children: Vec::new(),
                depth: 0,
            });
        }
    };

    let mut scopes = per_scope.into_iter().peekable();
    if let Some(root) = scopes.next_if(|s| s.scope.is_none()) {
        push_points(&mut nodes, None, &root.points);
    }
    for (old_index, node) in old_nodes.into_iter().enumerate() {
        remap[old_index] = nodes.len();
        let parent = node.parent.map(|p| remap[p]);
        nodes.push(Node {
            parent,
            children: Vec::new(),
            ..node
        });
        if let Some(section) = scopes.next_if(|s| s.scope == Some(old_index)) {
            let here = nodes.len() - 1;
            push_points(&mut nodes, Some(here), &section.points);
        }
    }

    for i in 0..nodes.len() {
        if let Some(p) = nodes[i].parent {
            nodes[p].children.push(i);
            nodes[i].depth = nodes[p].depth + 1;
        }
    }
    for block in &mut doc.blocks {
        block.section = block.section.map(|s| remap[s]);
        if let BlockKind::Heading { node } = &mut block.kind {
            *node = remap[*node];
        }
    }
    for (block, node) in block_points {
        if let BlockKind::Paragraph { points } = &mut doc.blocks[block].kind {
            points.push(node);
        }
    }
    doc.nodes = nodes;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn enumeration_markers() {
        assert_eq!(marker_at("一是要对标"), Some((Family::Shi, Some(1))));
        assert_eq!(marker_at("十二是"), Some((Family::Shi, Some(12))));
        assert_eq!(marker_at("第二，加强"), Some((Family::Di, Some(2))));
        assert_eq!(marker_at("第二条"), None);
        assert_eq!(marker_at("第二条 本法"), None, "a law article");
        assert_eq!(marker_at("第二条经验是"), Some((Family::Di, Some(2))));
        assert_eq!(marker_at("第三个方面"), Some((Family::Di, Some(3))));
        assert_eq!(marker_at("最后，"), Some((Family::Sequence, None)));
        assert_eq!(marker_at("③完善"), Some((Family::Circled, Some(3))));
        assert_eq!(marker_at("(2)加强"), Some((Family::Paren, Some(2))));
        assert_eq!(marker_at("Second, we"), Some((Family::English, Some(2))));
        assert_eq!(marker_at("One, two"), None);
        assert_eq!(marker_at("一样的"), None);
    }

    #[test]
    fn labels_are_opening_clauses() {
        assert_eq!(
            label("一是要对标对表带头学。继续完善", true),
            "一是要对标对表带头学"
        );
        assert_eq!(
            label("第一，加强党的建设，全面", true),
            "第一，加强党的建设"
        );
        assert_eq!(label("坚持人民至上,把以人民为中心", false), "坚持人民至上");
        let long = "很".repeat(50);
        assert_eq!(char_len(&label(&long, false)), MAX_LABEL_CHARS + 1);
    }

    #[test]
    fn sentences_keep_closing_quotes() {
        let body = "他说：“好。”然后走了；再见。Done. Next";
        let spans: Vec<&str> = split_sentences(body, Span::new(0, body.len()), 0)
            .iter()
            .map(|s| &body[s.span.range()])
            .collect();
        assert_eq!(spans, ["他说：“好。”", "然后走了；再见。", "Done.", "Next"]);
    }
}
