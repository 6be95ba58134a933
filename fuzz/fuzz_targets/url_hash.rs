//! Any URL hash and any reader name: read and written without panicking, and
//! what is written reads back as it was meant.
#![no_main]

use libfuzzer_sys::fuzz_target;
use reader_core::url_hash::{self, HashKeys, HashState};

fuzz_target!(|input: (&str, Option<&str>, Option<String>, Option<Vec<String>>)| {
    let (hash, name, node, keywords) = input;
    let keys = match name {
        Some(name) => match HashKeys::named(name) {
            Some(keys) => keys,
            None => return,
        },
        None => HashKeys::unnamed(),
    };
    let no_ids = |_: &str| false;
    let _ = url_hash::read(hash, &keys, &no_ids);
    let wanted = HashState { node, keywords };
    if let Some(written) = url_hash::write(hash, &keys, &wanted, &no_ids) {
        let read = url_hash::read(&written, &keys, &no_ids);
        // Blank keywords and an empty node id are dropped on the way.
        let kept = |list: &Option<Vec<String>>| {
            list.as_ref()
                .map(|l| l.iter().filter(|k| !k.trim().is_empty()).cloned().collect::<Vec<_>>())
                .filter(|l| !l.is_empty())
        };
        assert_eq!(kept(&read.keywords), kept(&wanted.keywords));
        assert_eq!(read.node, wanted.node.filter(|n| !n.is_empty()));
    }
});
