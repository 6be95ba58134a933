//! The sample article for tests and benchmarks, and the source of the
//! generated articles in [`crate::synthetic`]. The reader itself does not
//! carry it: an element with neither text nor `src` fetches the same file,
//! `articles/seed.txt`, from beside `reader.js`, so it costs no bundle size.

/// The seed article: sections 一、 to 四、, points 一是…三是, a parallel run
/// 坚持…, a signature, and a site footer for the parser to drop.
pub const SEED_ARTICLE: &str = include_str!("../../../static/articles/seed.txt");
