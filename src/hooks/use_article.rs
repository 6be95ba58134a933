//! Turns the article source into a parsed article in the reader state:
//! plain text, HTML (inline, or a page named by `src`) or Markdown.

use std::borrow::Cow;
use std::cell::Cell;
use std::rc::Rc;

use web_sys::{AbortController, HtmlElement};
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::web::{after_paint, fetch, location, markup, pause, storage};
use reader_core::article::{self, ParseOptions, SourceFormat};
use reader_core::config::Notice;
use reader_core::html::markup::Markup;
use reader_core::html::{self, HtmlOptions};
use reader_core::reader::{Action, Article, Loading, Memory};
use reader_core::saved;
use reader_core::source::{ArticleSource, Problem};
use reader_core::url_hash::{self, HashKeys};

/// Loads and parses `source` whenever it changes (fetching a `src` first), then
/// hands over the article with what was remembered about it and what the URL
/// hash says. Each stage shows its progress hint, and the hint is painted
/// before the long parse starts. When the source changes (or the reader goes
/// away) a fetch under way is aborted and a result still to come is dropped.
///
/// ```ignore
/// use_article(&props.source, props.host.clone(), config.hash.clone(), config.name.clone(), onaction.clone());
/// ```
///
/// `host` is the reader's element (where reader.js may have fetched the
/// article early); `name` is the reader's name, whose memory it reads (see
/// `saved::keys_to_read`).
#[hook]
pub fn use_article(
    source: &ArticleSource,
    host: Option<HtmlElement>,
    hash_keys: Option<HashKeys>,
    name: Option<String>,
    onaction: Callback<Action>,
) {
    use_effect_with(source.clone(), move |source| {
        let stale = Rc::new(Cell::new(false));
        let source = source.clone();
        let guard = stale.clone();
        let controller = AbortController::new().ok();
        let abort = controller.clone();
        spawn_local(async move {
            let (text, format, origin) = match &source {
                ArticleSource::Refused(problem) => {
                    onaction.emit(Action::Failed(problem.clone()));
                    return;
                }
                ArticleSource::Inline { text, format } => {
                    (Cow::Borrowed(text.as_str()), *format, Origin::page())
                }
                ArticleSource::Url {
                    url,
                    format,
                    timeout_seconds,
                    select,
                    max_bytes,
                } => {
                    let Some(controller) = controller else {
                        onaction.emit(Action::Failed(Problem::Network { url: url.clone() }));
                        return;
                    };
                    onaction.emit(Action::Progress(Loading::Fetching));
                    let fetched = fetch::fetch_article(
                        url,
                        *timeout_seconds,
                        *max_bytes,
                        &controller,
                        host.as_ref(),
                    )
                    .await;
                    match fetched {
                        Ok((text, found)) => (
                            Cow::Owned(text),
                            format.or(found),
                            Origin::url(url, select.as_deref()),
                        ),
                        Err(problem) => {
                            if !guard.get() {
                                onaction.emit(Action::Failed(problem.clone()));
                            }
                            return;
                        }
                    }
                }
            };
            if guard.get() {
                return;
            }
            onaction.emit(Action::Progress(Loading::Parsing));
            let format = format.unwrap_or_else(|| article::detect_format(&text));
            let long = text.len() > stepped_bytes(format);
            if long {
                // The hint shows before the work starts.
                after_paint().await;
            }
            if guard.get() {
                return;
            }
            let article = read(text, format, origin, long).await;
            // Showing it (its first screen, its outline) is a task of its own.
            pause(long).await;
            if !guard.get() {
                onaction.emit(loaded(article, hash_keys.as_ref(), name.as_deref()));
            }
        });
        move || {
            stale.set(true);
            if let Some(controller) = abort {
                controller.abort();
            }
        }
    });
}

/// Where an article's text came from, for reading its links and pages.
struct Origin<'a> {
    /// What relative URLs in the article are relative to.
    base: String,
    /// The `select` attribute: the article's container in an HTML page.
    select: Option<&'a str>,
    /// A whole web page, whose article is to be found in it.
    whole_page: bool,
}

impl<'a> Origin<'a> {
    /// Text from the page itself (inside the element, or built in).
    fn page() -> Self {
        Origin {
            base: markup::absolute_url(""),
            select: None,
            whole_page: false,
        }
    }

    fn url(url: &str, select: Option<&'a str>) -> Self {
        Origin {
            base: markup::absolute_url(url),
            select,
            whole_page: true,
        }
    }
}

/// Reads the article in its format: plain text in the core; HTML parsed by
/// the browser first; Markdown converted to HTML by the markdown module (and
/// read as plain text if that module cannot load, so nothing is lost). For a
/// `long` article each step is a task of its own, or a few (the browser's
/// part is sliced in `markup.js`), so that it never holds the page for the
/// whole of it.
async fn read(
    text: Cow<'_, str>,
    format: SourceFormat,
    origin: Origin<'_>,
    long: bool,
) -> Result<Article, Problem> {
    // The source is wanted for its key and until it is read (normalized, or
    // parsed by the browser); then a fetched one is let go, so that the
    // WebAssembly memory's peak (which it keeps) does not also hold it.
    let storage_key = saved::storage_key(&text);
    if long && format == SourceFormat::PlainText {
        // The key reads the whole text: the warm-up is a task of its own.
        pause(long).await;
        warm_up(&text);
        pause(long).await;
    }
    let flat = match format {
        SourceFormat::PlainText => None,
        SourceFormat::Html => markup::flatten(&text, false, origin.select, long).await,
        SourceFormat::Markdown => {
            markup::flatten(article::markdown_body(&text), true, None, long).await
        }
    };
    pause(long).await;
    let as_text = flat.is_none();
    let (blocks, format) = match flat {
        None => {
            let (normalized, format) = Article::normalized(
                &text,
                ParseOptions {
                    format: Some(format),
                },
            )?;
            drop(text);
            pause(long).await;
            let lines = article::classify_lines(&normalized);
            pause(long).await;
            let lines = lines.without_furniture();
            pause(long).await;
            (article::cut(lines), format)
        }
        Some((flat, selected)) => {
            // The browser has parsed the source: only Markdown's front matter
            // is still wanted of it.
            let front_matter = html::front_matter(&text, format);
            drop(text);
            let markup = Markup::parse(&flat);
            drop(flat);
            pause(long).await;
            let options = HtmlOptions {
                base: Some(&origin.base),
                extract: origin.whole_page && format == SourceFormat::Html && !selected,
            };
            let found = html::find_article(&markup, options);
            pause(long).await;
            let mut converting = html::converting(&markup, &found, options);
            while !converting.advance(if long { NODES_PER_STEP } else { usize::MAX }) {
                pause(long).await;
            }
            let blocks = Article::read_html(front_matter, &markup, &found, converting.finish())?;
            (blocks, format)
        }
    };
    pause(long).await;
    let cleaned = article::clean(blocks, format);
    pause(long).await;
    let mut document = article::sections(cleaned);
    pause(long).await;
    article::points(&mut document);
    pause(long).await;
    article::ids(&mut document);
    pause(long).await;
    let article = Article::keyed(document, storage_key);
    Ok(match format {
        SourceFormat::Markdown if as_text => article.with_notice(Notice::MarkdownAsText),
        _ => article,
    })
}

/// Articles longer than this are read in steps, with a progress hint shown
/// first; a shorter one takes a few milliseconds in all, less than the pauses
/// between steps would add to its first screen. HTML and Markdown cost
/// about four times what plain text does per byte (the conversion, the
/// browser's parse and the walk come first): a 200 KB Markdown table read in
/// one go held the page for 220 ms.
fn stepped_bytes(format: SourceFormat) -> usize {
    match format {
        SourceFormat::PlainText => 256 * 1024,
        SourceFormat::Html | SourceFormat::Markdown => 64 * 1024,
    }
}

/// Reads the start of a long plain text and throws it away, so that reading
/// the whole runs on code the browser has compiled and optimised. Chromium
/// compiles WebAssembly a function at a time on first call and runs it as
/// baseline code until it has run enough; a loop over the whole text, called
/// once, never leaves that code. Read first on its first 96 KB, the 1 MB
/// benchmark article's first screen came about 10 % sooner (medians of 10:
/// 627 -> 563 ms; 10 MB's did not change); read a second time in the same
/// page, a 1 MB article is on screen in a third of the time.
fn warm_up(text: &str) {
    let mut end = WARM_UP_BYTES.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let _ = Article::parse(
        &text[..end],
        ParseOptions {
            format: Some(SourceFormat::PlainText),
        },
    );
}

/// How much of a long text [`warm_up`] reads.
const WARM_UP_BYTES: usize = 96 * 1024;

/// How many nodes of an HTML tree are rebuilt in one step: some 30 ms of
/// work (a table of 100,000 rows is about 800,000 nodes, and took 230 ms at
/// once).
const NODES_PER_STEP: usize = 100_000;

/// Gathers what the article starts from.
fn loaded(
    article: Result<Article, Problem>,
    hash_keys: Option<&HashKeys>,
    name: Option<&str>,
) -> Action {
    let article = match article {
        Ok(article) => article,
        Err(problem) => return Action::Failed(problem),
    };
    let link = hash_keys
        .map(|keys| {
            url_hash::read(&location::hash(), keys, &|id| {
                article.node_by_id(id).is_some()
            })
        })
        .unwrap_or_default();
    let memory = Memory {
        saved: saved::keys_to_read(&article.storage_key, name)
            .iter()
            .find_map(|key| storage::load_saved(key)),
        link,
    };
    Action::Loaded {
        article: Rc::new(article),
        memory,
    }
}
