//! Fetching an article named by `src`: a time limit, a size limit, a check that
//! it is text, and decoding (a declared charset, else UTF-8 with or without a
//! byte-order mark, UTF-16, GB18030/GBK). The decisions are in
//! `reader_core::source`; this is the browser half.
//!
//! The body is read as a stream and reading stops at the size limit, so a
//! server that sends hundreds of megabytes without announcing them costs the
//! limit, not the whole answer. The caller's [`AbortController`] cancels a
//! fetch the reader no longer wants (a newer `src`, the reader removed).
//!
//! A reader already in the page when reader.js loaded finds its article
//! asked for already (`fetchEarly` there, while the WebAssembly loaded): the
//! fetch takes that answer rather than asking again.

use std::cell::Cell;
use std::rc::Rc;

use gloo::timers::callback::Timeout;
use js_sys::{Function, Promise, Reflect, Symbol, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    AbortController, HtmlElement, ReadableStream, ReadableStreamDefaultReader, RequestInit,
    Response, TextDecoder,
};

use crate::web::pause;
use reader_core::article::SourceFormat;
use reader_core::source::{self, Encoding, Problem};

/// The article's text, and the format its URL or content type names; more
/// than `max_bytes` is refused. `controller` aborts the fetch when the caller
/// no longer wants it. `host` is the reader's element, which may hold an
/// early answer.
pub async fn fetch_article(
    url: &str,
    timeout_seconds: u32,
    max_bytes: u64,
    controller: &AbortController,
    host: Option<&HtmlElement>,
) -> Result<(String, Option<SourceFormat>), Problem> {
    let network = || Problem::Network {
        url: url.to_string(),
    };
    let window = web_sys::window().ok_or_else(network)?;
    let timed_out = Rc::new(Cell::new(false));
    let timer = {
        let (controller, timed_out) = (controller.clone(), timed_out.clone());
        Timeout::new(timeout_seconds.saturating_mul(1000), move || {
            timed_out.set(true);
            controller.abort();
        })
    };
    // A failure after the time limit is the time limit's doing.
    let failed = |_| {
        if timed_out.get() {
            Problem::Timeout {
                url: url.to_string(),
                seconds: timeout_seconds,
            }
        } else {
            network()
        }
    };

    let request = host
        .and_then(|host| early_answer(host, url, controller))
        .unwrap_or_else(|| {
            let init = RequestInit::new();
            init.set_signal(Some(&controller.signal()));
            window.fetch_with_str_and_init(url, &init)
        });
    let response: Response = JsFuture::from(request)
        .await
        .map_err(failed)?
        .dyn_into()
        .map_err(failed)?;
    if !response.ok() {
        return Err(Problem::Http {
            url: url.to_string(),
            status: response.status(),
        });
    }
    let header = |name: &str| response.headers().get(name).ok().flatten();
    let content_type = header("content-type");
    let typed_format =
        source::check_content_type(content_type.as_deref()).map_err(|kind| Problem::NotText {
            url: url.to_string(),
            kind,
        })?;
    let length = header("content-length").and_then(|l| l.trim().parse::<u64>().ok());
    if let Some(length) = length
        && length > max_bytes
    {
        return Err(Problem::TooLarge {
            url: url.to_string(),
            bytes: Some(length),
            limit: max_bytes,
        });
    }
    let bytes = match read_body(&response, length, max_bytes)
        .await
        .map_err(failed)?
    {
        Some(bytes) => bytes,
        None => {
            controller.abort();
            return Err(Problem::TooLarge {
                url: url.to_string(),
                bytes: None,
                limit: max_bytes,
            });
        }
    };
    // All in: the time limit is for the network.
    drop(timer);
    if source::looks_binary(&bytes) {
        return Err(Problem::NotText {
            url: url.to_string(),
            kind: content_type.unwrap_or_else(|| "binary".to_string()),
        });
    }
    // Without a declared charset the guess reads the whole text, and so does
    // decoding it: on 10 MB, a task of each, apart from the one that took in
    // the body's last part (that task took 83-118 ms with both). A reader
    // that stops wanting the text meanwhile aborts: the work is not done.
    let apart = bytes.len() > APART_BYTES;
    let wanted = || {
        if controller.signal().aborted() {
            Err(network())
        } else {
            Ok(())
        }
    };
    pause(apart).await;
    wanted()?;
    let encoding = source::detect_encoding(&bytes, content_type.as_deref());
    pause(apart).await;
    wanted()?;
    let text = decode(bytes, &encoding)
        // A charset the browser does not know counts as none.
        .or_else(|bytes| {
            let guessed = source::guess_encoding(&bytes);
            decode(bytes, &guessed)
        })
        .map_err(|_| Problem::Undecodable {
            url: url.to_string(),
            encoding,
        })?;
    Ok((text, source::format_from_url(url).or(typed_format)))
}

/// From this size, finding a fetched text's encoding and decoding it are
/// tasks of their own (below it, each takes at most about 20 ms).
const APART_BYTES: usize = 4 * 1024 * 1024;

/// The answer reader.js asked for early for `url` on `host`, if it did: taken
/// once (another URL aborts it), and aborted with `controller` from now on.
fn early_answer(host: &HtmlElement, url: &str, controller: &AbortController) -> Option<Promise> {
    let early = Reflect::get(host, &Symbol::for_("article-reader.early-fetch")).ok()?;
    let take: Function = Reflect::get(&early, &JsValue::from_str("take"))
        .ok()?
        .dyn_into()
        .ok()?;
    take.call2(&early, &JsValue::from_str(url), &controller.signal())
        .ok()?
        .dyn_into()
        .ok()
}

/// The body's bytes, or `None` once more than `max_bytes` have come (the
/// stream is cancelled there). Room for `length` bytes (what the server says
/// it sends, within `max_bytes`) is made at once, rather than doubled as they
/// come: the WebAssembly memory keeps its peak.
async fn read_body(
    response: &Response,
    length: Option<u64>,
    max_bytes: u64,
) -> Result<Option<Vec<u8>>, JsValue> {
    let Some(body) = response.body() else {
        return Ok(Some(Vec::new()));
    };
    let reader: ReadableStreamDefaultReader = ReadableStream::get_reader(&body).unchecked_into();
    let room = length.filter(|&l| l <= max_bytes).unwrap_or(0);
    let mut bytes = Vec::with_capacity(usize::try_from(room).unwrap_or(0));
    loop {
        let chunk = JsFuture::from(reader.read()).await?;
        if Reflect::get(&chunk, &JsValue::from_str("done"))?.is_truthy() {
            return Ok(Some(bytes));
        }
        let value: Uint8Array = Reflect::get(&chunk, &JsValue::from_str("value"))?.unchecked_into();
        if (bytes.len() as u64).saturating_add(u64::from(value.length())) > max_bytes {
            let _ = reader.cancel();
            return Ok(None);
        }
        let start = bytes.len();
        bytes.resize(start + value.length() as usize, 0);
        value.copy_to(&mut bytes[start..]);
    }
}

/// Decodes `bytes`: UTF-8 in Rust (bad bytes become U+FFFD; valid UTF-8
/// becomes the text without a copy), other encodings with the browser's
/// `TextDecoder`; the bytes back for a label it does not know.
fn decode(mut bytes: Vec<u8>, encoding: &Encoding) -> Result<String, Vec<u8>> {
    if *encoding == Encoding::Utf8 {
        if bytes.starts_with(b"\xEF\xBB\xBF") {
            bytes.drain(..3);
        }
        return Ok(String::from_utf8(bytes)
            .unwrap_or_else(|bad| String::from_utf8_lossy(bad.as_bytes()).into_owned()));
    }
    let decoded = TextDecoder::new_with_label(encoding.label())
        .ok()
        .and_then(|decoder| decoder.decode_with_u8_array(&bytes).ok());
    decoded.ok_or(bytes)
}
