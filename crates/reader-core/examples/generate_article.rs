//! Writes a generated Chinese article of the given size in bytes to standard
//! output (default 1 MiB), for the browser benchmark: `cargo run --example
//! generate_article -- 1048576 > article.txt`.

use std::io::Write;

fn main() {
    let bytes = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(1 << 20);
    let text = reader_core::synthetic::chinese_article(bytes, 2024);
    std::io::stdout()
        .write_all(text.as_bytes())
        .expect("standard output is writable");
}
