//! Fetching an article named by `src`: a time limit, a size limit, a check that
//! it is text, and decoding (UTF-8 with or without a byte-order mark, UTF-16,
//! GB18030/GBK). The decisions are in `reader_core::source`; this is the browser half.

use std::cell::Cell;
use std::rc::Rc;

use gloo::timers::callback::Timeout;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, RequestInit, Response, TextDecoder};

use reader_core::article::SourceFormat;
use reader_core::source::{self, Encoding, MAX_BYTES, Problem};

/// The article's text, and the format its URL or content type names.
pub async fn fetch_article(
    url: &str,
    timeout_seconds: u32,
) -> Result<(String, Option<SourceFormat>), Problem> {
    let network = || Problem::Network {
        url: url.to_string(),
    };
    let window = web_sys::window().ok_or_else(network)?;
    let controller = AbortController::new().map_err(|_| network())?;
    let timed_out = Rc::new(Cell::new(false));
    let _timer = {
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

    let init = RequestInit::new();
    init.set_signal(Some(&controller.signal()));
    let response: Response = JsFuture::from(window.fetch_with_str_and_init(url, &init))
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
    let too_large = |bytes: u64| Problem::TooLarge {
        url: url.to_string(),
        bytes,
    };
    if let Some(length) = header("content-length").and_then(|l| l.trim().parse::<u64>().ok())
        && length > MAX_BYTES
    {
        return Err(too_large(length));
    }
    let buffer = JsFuture::from(response.array_buffer().map_err(failed)?)
        .await
        .map_err(failed)?;
    let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
    if bytes.len() as u64 > MAX_BYTES {
        return Err(too_large(bytes.len() as u64));
    }
    if source::looks_binary(&bytes) {
        return Err(Problem::NotText {
            url: url.to_string(),
            kind: content_type.unwrap_or_else(|| "binary".to_string()),
        });
    }
    let encoding = source::detect_encoding(&bytes, content_type.as_deref());
    let text = decode(&bytes, encoding).ok_or_else(|| Problem::Undecodable {
        url: url.to_string(),
        encoding,
    })?;
    Ok((text, source::format_from_url(url).or(typed_format)))
}

/// Decodes `bytes`: UTF-8 in Rust, other encodings with the browser's `TextDecoder`.
fn decode(bytes: &[u8], encoding: Encoding) -> Option<String> {
    if encoding == Encoding::Utf8 {
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        return Some(String::from_utf8_lossy(bytes).into_owned());
    }
    TextDecoder::new_with_label(encoding.label())
        .ok()?
        .decode_with_u8_array(bytes)
        .ok()
}
