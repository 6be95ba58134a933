//! What a server may send: any bytes under any content type and URL. The
//! decisions (text or not, which encoding, which format) never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use reader_core::source;

fuzz_target!(|input: (&[u8], Option<&str>, &str)| {
    let (bytes, content_type, url) = input;
    let _ = source::looks_binary(bytes);
    let _ = source::detect_encoding(bytes, content_type).label().len();
    let _ = source::check_content_type(content_type);
    let _ = source::format_from_url(url);
    let _ = source::format_from_attribute(url);
});
