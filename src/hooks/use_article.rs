//! Turns the article source into a parsed article in the reader state:
//! plain text, HTML (inline, or a page named by `src`) or Markdown.

use std::cell::Cell;
use std::rc::Rc;

use yew::platform::spawn_local;
use yew::prelude::*;

use crate::web::{after_paint, fetch, location, markup, storage};
use reader_core::article::{self, ParseOptions, SourceFormat};
use reader_core::html::HtmlOptions;
use reader_core::reader::{Action, Article, Loading, Memory};
use reader_core::sample::SEED_ARTICLE;
use reader_core::source::ArticleSource;
use reader_core::source::{Notice, Problem};
use reader_core::url_hash::{self, HashKeys};

/// Loads and parses `source` whenever it changes (fetching a `src` first), then
/// hands over the article with what was remembered about it and what the URL
/// hash says. Each stage shows its progress hint, and the hint is painted
/// before the long parse starts. A result that arrives after the source
/// changed (or the reader went away) is dropped.
///
/// ```ignore
/// use_article(&props.source, config.hash.clone(), onaction.clone());
/// ```
#[hook]
pub fn use_article(
    source: &ArticleSource,
    hash_keys: Option<HashKeys>,
    onaction: Callback<Action>,
) {
    use_effect_with(source.clone(), move |source| {
        let stale = Rc::new(Cell::new(false));
        let source = source.clone();
        let guard = stale.clone();
        spawn_local(async move {
            let fetched;
            let (text, format, origin) = match &source {
                ArticleSource::Sample => (SEED_ARTICLE, None, Origin::page()),
                ArticleSource::Inline { text, format } => (text.as_str(), *format, Origin::page()),
                ArticleSource::Url {
                    url,
                    format,
                    timeout_seconds,
                    select,
                } => {
                    onaction.emit(Action::Progress(Loading::Fetching));
                    fetched = fetch::fetch_article(url, *timeout_seconds).await;
                    match &fetched {
                        Ok((text, found)) => (
                            text.as_str(),
                            format.or(*found),
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
            after_paint().await;
            if guard.get() {
                return;
            }
            let article = read(text, format, origin).await;
            if !guard.get() {
                onaction.emit(loaded(article, hash_keys.as_ref()));
            }
        });
        move || stale.set(true)
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
/// read as plain text if that module cannot load, so nothing is lost).
async fn read(
    text: &str,
    format: Option<SourceFormat>,
    origin: Origin<'_>,
) -> Result<Article, Problem> {
    let format = format.unwrap_or_else(|| article::detect_format(text));
    let html = match format {
        SourceFormat::PlainText => None,
        SourceFormat::Html => Some(text.to_string()),
        SourceFormat::Markdown => markup::markdown_to_html(article::markdown_body(text)).await,
    };
    let Some(html) = html else {
        let options = ParseOptions {
            format: Some(format),
        };
        let article = Article::parse(text, options);
        return match format {
            SourceFormat::Markdown => article.map(|a| a.with_notice(Notice::MarkdownAsText)),
            _ => article,
        };
    };
    let select = origin.select.filter(|_| format == SourceFormat::Html);
    let (flat, selected) = markup::flatten(&html, select);
    let options = HtmlOptions {
        base: Some(&origin.base),
        extract: origin.whole_page && format == SourceFormat::Html && !selected,
    };
    Article::parse_html(text, &flat, format, options)
}

/// Gathers what the article starts from.
fn loaded(article: Result<Article, Problem>, hash_keys: Option<&HashKeys>) -> Action {
    let article = match article {
        Ok(article) => article,
        Err(problem) => return Action::Failed(problem),
    };
    let doc = &article.document;
    let link = hash_keys
        .map(|keys| url_hash::read(&location::hash(), keys, &|id| doc.node_by_id(id).is_some()))
        .unwrap_or_default();
    let memory = Memory {
        saved: storage::load_saved(&article.storage_key),
        link,
    };
    Action::Loaded {
        article: Rc::new(article),
        memory,
    }
}
