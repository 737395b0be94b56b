//! Our link schemes, resolved in one place: `@/` pages, `source:`, `term:` and `event:`.

/// What the renderer needs to know of the site to resolve our link schemes.
///
/// The build implements it over its loaded pages and data, so that this
/// module does not depend on them.
pub trait Targets: Sync {
    /// The site path of the page at `content_path` (such as `notes/history.md`).
    fn page_url(&self, content_path: &str) -> Option<&str>;
    /// The title of the page at `content_path`, when it is a page of the site.
    fn page_title(&self, _content_path: &str) -> Option<&str> {
        None
    }
    /// True when a source with this id is registered.
    fn has_source(&self, id: &str) -> bool;
    /// True when a glossary term with this id exists.
    fn has_term(&self, id: &str) -> bool;
    /// True when a timeline event with this id exists.
    fn has_event(&self, id: &str) -> bool;
    /// True when the build makes a page at this site path from data (such as `/timeline/`).
    fn has_generated(&self, site_path: &str) -> bool;
    /// A site path with the base URL's path in front.
    fn href(&self, site_path: &str) -> String;
}

/// Where a link goes once resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolved {
    /// An ordinary link to this URL.
    Href(String),
    /// A citation of the source with this id.
    Citation(String),
}

/// Site paths of the data pages that link schemes point into.
pub mod paths {
    /// The sources page.
    pub const SOURCES: &str = "/sources/";
    /// The glossary page.
    pub const GLOSSARY: &str = "/glossary/";
    /// The timeline page.
    pub const TIMELINE: &str = "/timeline/";
}

/// Resolves a link destination; `Err` says why a link of ours is broken.
pub fn resolve(dest: &str, targets: &dyn Targets) -> Result<Resolved, String> {
    if let Some(rest) = dest.strip_prefix("@/") {
        let (path, fragment) = match rest.split_once('#') {
            Some((path, fragment)) => (path, Some(fragment)),
            None => (rest, None),
        };
        if path.split('/').any(|part| part == ".." || part == ".") || path.contains('\\') {
            return Err(format!(
                "the link `{dest}` leaves content/: `@/` links name a file under content/ without `.` or `..`"
            ));
        }
        let generated = format!("/{path}");
        let url = match targets.page_url(path) {
            Some(url) => url,
            None if path.ends_with('/') && targets.has_generated(&generated) => &generated,
            None if path.ends_with('/') => {
                return Err(format!(
                    "the link `{dest}` points to {generated}, which is not a page the build makes from data (such as @/timeline/ or @/glossary/)"
                ));
            }
            None => {
                return Err(format!(
                    "the link `{dest}` points to content/{path}, which is not a page of this site"
                ));
            }
        };
        let mut href = targets.href(url);
        if let Some(fragment) = fragment {
            href.push('#');
            href.push_str(fragment);
        }
        return Ok(Resolved::Href(href));
    }
    let Some((scheme, id)) = dest.split_once(':') else {
        return Ok(Resolved::Href(dest.to_owned()));
    };
    match scheme {
        "source" if targets.has_source(id) => Ok(Resolved::Citation(id.to_owned())),
        "source" => Err(format!(
            "unknown source `{id}`: add it to content/data/sources.toml or fix the id"
        )),
        "term" if targets.has_term(id) => Ok(Resolved::Href(anchor(targets, paths::GLOSSARY, id))),
        "term" => Err(format!(
            "unknown glossary term `{id}`: add it to content/data/glossary.toml or fix the id"
        )),
        "event" if targets.has_event(id) => {
            Ok(Resolved::Href(anchor(targets, paths::TIMELINE, id)))
        }
        "event" => Err(format!(
            "unknown timeline event `{id}`: add it to content/data/timeline.toml or fix the id"
        )),
        _ => Ok(Resolved::Href(dest.to_owned())),
    }
}

/// The link to an entry of a data page, such as `/sources/#karabakh-ombudsman`.
pub fn anchor(targets: &dyn Targets, page: &str, id: &str) -> String {
    format!("{}#{id}", targets.href(page))
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A tiny site for tests: one note, one source, one term, one event, under `/base`.
    pub struct Fixture;

    impl Targets for Fixture {
        fn page_url(&self, path: &str) -> Option<&str> {
            (path == "notes/history.md").then_some("/notes/history/")
        }
        fn has_source(&self, id: &str) -> bool {
            id == "ombudsman"
        }
        fn has_term(&self, id: &str) -> bool {
            id == "stepanakert"
        }
        fn has_event(&self, id: &str) -> bool {
            id == "ceasefire"
        }
        fn has_generated(&self, site_path: &str) -> bool {
            site_path == "/timeline/"
        }
        fn href(&self, site_path: &str) -> String {
            format!("/base{site_path}")
        }
    }

    #[test]
    fn resolves_each_scheme() {
        let ok = |dest| resolve(dest, &Fixture).unwrap();
        assert_eq!(
            ok("@/notes/history.md#a"),
            Resolved::Href("/base/notes/history/#a".into())
        );
        assert_eq!(
            ok("@/timeline/#y1988"),
            Resolved::Href("/base/timeline/#y1988".into())
        );
        assert!(resolve("@/timelines/", &Fixture).is_err());
        assert_eq!(
            ok("source:ombudsman"),
            Resolved::Citation("ombudsman".into())
        );
        assert_eq!(
            ok("term:stepanakert"),
            Resolved::Href("/base/glossary/#stepanakert".into())
        );
        assert_eq!(
            ok("event:ceasefire"),
            Resolved::Href("/base/timeline/#ceasefire".into())
        );
        assert_eq!(
            ok("https://example.org/"),
            Resolved::Href("https://example.org/".into())
        );
        for bad in [
            "@/missing.md",
            "@/../../x.md",
            "source:x",
            "term:x",
            "event:x",
        ] {
            assert!(resolve(bad, &Fixture).is_err(), "{bad}");
        }
    }
}
