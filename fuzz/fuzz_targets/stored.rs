//! What browser storage may hold (anything a script on the site wrote): read
//! without panicking, and what reads writes back to itself.
#![no_main]

use libfuzzer_sys::fuzz_target;
use reader_core::saved::Saved;

fuzz_target!(|text: &str| {
    if let Some(saved) = Saved::from_stored(text) {
        assert_eq!(Saved::from_stored(&saved.to_stored()), Some(saved));
    }
});
