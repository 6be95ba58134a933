//! The built-in sample article, shown by a reader that is given no text and no
//! `src` (and the source of the generated articles in [`crate::synthetic`]).

/// The seed article: sections 一、 to 四、, points 一是…三是, a parallel run
/// 坚持…, a signature, and a site footer for the parser to drop.
pub const SEED_ARTICLE: &str = include_str!("../../../static/articles/seed.txt");
