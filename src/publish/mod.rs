//! What publishing needs beyond the pages: schema.org metadata, the Atom feed,
//! the sitemap and robots.txt.

pub mod feed;
pub mod json_ld;
