//! Our link schemes, resolved in one place: `@/` pages and the schemes of the data kinds
//! (`source:`, `term:`, `event:` and any kind registered later).

use crate::suggest;

/// A link scheme that names the entries of a data kind, such as `term:` for glossary terms.
///
/// Data kinds declare their scheme; this module resolves every scheme the same way, so
/// that a new kind's links get checks and suggestions without code here.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scheme {
    /// The part before the colon, such as `term`.
    pub name: &'static str,
    /// What an entry is called in messages, such as "glossary term".
    pub noun: &'static str,
    /// The data file the entries come from, such as `glossary.toml`.
    pub file: &'static str,
    /// The site path of the page listing the entries, each at its id as anchor.
    pub page: &'static str,
    /// True for schemes that cite (numbered marks and a list of sources) rather than link.
    pub cites: bool,
}

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
    /// True when the page at `content_path` is shown in the site's default language because
    /// this edition has no translation of it: its title is in that language.
    fn page_untranslated(&self, _content_path: &str) -> bool {
        false
    }
    /// The registered scheme of this name, whether or not the site has its data file.
    fn scheme(&self, name: &str) -> Option<&Scheme>;
    /// True when the scheme's data has an entry with this id (or failed to load, so that
    /// its links are not reported twice).
    fn has_id(&self, scheme: &str, id: &str) -> bool;
    /// Known ids of the scheme that look like `id`, the closest first.
    fn nearest_ids(&self, scheme: &str, id: &str) -> Vec<&str>;
    /// True when the build makes a page at this site path from data (such as `/timeline/`).
    fn has_generated(&self, site_path: &str) -> bool;
    /// Known `@/` targets (content paths and generated site paths) that look like `path`.
    fn nearest_paths(&self, path: &str) -> Vec<String>;
    /// A site path with the base URL's path in front.
    fn href(&self, site_path: &str) -> String;
}

/// Where a link goes once resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolved {
    /// An ordinary link to this URL.
    Href(String),
    /// A citation of the entry `id`, whose entry on its page is at `href`.
    Citation {
        /// The cited entry's id.
        id: String,
        /// The link to it on its page.
        href: String,
    },
}

/// Why a link of ours cannot be resolved, and what to do.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct Broken {
    /// What is wrong.
    pub message: String,
    /// What to do about it.
    pub help: String,
}

/// Resolves a link destination; `Err` says why a link of ours is broken.
pub fn resolve(dest: &str, targets: &dyn Targets) -> Result<Resolved, Broken> {
    if let Some(rest) = dest.strip_prefix("@/") {
        return resolve_page(dest, rest, targets).map(Resolved::Href);
    }
    let Some((name, id)) = dest.split_once(':') else {
        return Ok(Resolved::Href(dest.to_owned()));
    };
    let Some(scheme) = targets.scheme(name) else {
        return Ok(Resolved::Href(dest.to_owned()));
    };
    if let Some(broken) = unknown_id(targets, scheme, id) {
        return Err(broken);
    }
    let href = anchor(targets, scheme.page, id);
    Ok(if scheme.cites {
        Resolved::Citation {
            id: id.to_owned(),
            href,
        }
    } else {
        Resolved::Href(href)
    })
}

/// The error for an id its scheme does not know, with the nearest known ones; `None` when
/// the id is known. Data files checking their references use it too, so that every unknown
/// id reads the same.
pub fn unknown_id(targets: &dyn Targets, scheme: &Scheme, id: &str) -> Option<Broken> {
    if targets.has_id(scheme.name, id) {
        return None;
    }
    let near = targets.nearest_ids(scheme.name, id);
    let add = format!("add it to content/data/{} or fix the id", scheme.file);
    let help = match suggest::question(&near) {
        Some(question) => format!("{question} Otherwise {add}"),
        None => add,
    };
    Some(Broken {
        message: format!("unknown {} `{id}`", scheme.noun),
        help,
    })
}

fn resolve_page(dest: &str, rest: &str, targets: &dyn Targets) -> Result<String, Broken> {
    let (path, fragment) = match rest.split_once('#') {
        Some((path, fragment)) => (path, Some(fragment)),
        None => (rest, None),
    };
    if path.split('/').any(|part| part == ".." || part == ".") || path.contains('\\') {
        return Err(Broken {
            message: format!("the link `{dest}` leaves content/"),
            help: "`@/` links name a file under content/ without `.` or `..`".to_owned(),
        });
    }
    let generated = format!("/{path}");
    let url = match targets.page_url(path) {
        Some(url) => url,
        None if path.ends_with('/') && targets.has_generated(&generated) => &generated,
        None => {
            let what = if path.ends_with('/') {
                format!("points to {generated}, which is not a page the build makes from data")
            } else {
                format!("points to content/{path}, which is not a page of this site")
            };
            let near = targets.nearest_paths(path);
            let near: Vec<String> = near.iter().map(|p| format!("@/{p}")).collect();
            let near: Vec<&str> = near.iter().map(String::as_str).collect();
            let help = suggest::question(&near).unwrap_or_else(|| {
                "name a Markdown file under content/ (such as @/notes/history.md) or a page made from data (such as @/timeline/)".to_owned()
            });
            return Err(Broken {
                message: format!("the link `{dest}` {what}"),
                help,
            });
        }
    };
    let mut href = targets.href(url);
    if let Some(fragment) = fragment {
        href.push('#');
        href.push_str(fragment);
    }
    Ok(href)
}

/// The link to an entry of a data page, such as `/sources/#karabakh-ombudsman`.
pub fn anchor(targets: &dyn Targets, page: &str, id: &str) -> String {
    format!("{}#{id}", targets.href(page))
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    const SCHEMES: [Scheme; 3] = [
        Scheme {
            name: "source",
            noun: "source",
            file: "sources.toml",
            page: "/sources/",
            cites: true,
        },
        Scheme {
            name: "term",
            noun: "glossary term",
            file: "glossary.toml",
            page: "/glossary/",
            cites: false,
        },
        Scheme {
            name: "event",
            noun: "timeline event",
            file: "timeline.toml",
            page: "/timeline/",
            cites: false,
        },
    ];

    /// A tiny site for tests: one note, one source, one term, one event, under `/base`.
    pub struct Fixture;

    impl Fixture {
        fn ids(scheme: &str) -> &'static [&'static str] {
            match scheme {
                "source" => &["ombudsman"],
                "term" => &["stepanakert"],
                "event" => &["ceasefire"],
                _ => &[],
            }
        }
    }

    impl Targets for Fixture {
        fn page_url(&self, path: &str) -> Option<&str> {
            (path == "notes/history.md").then_some("/notes/history/")
        }
        fn scheme(&self, name: &str) -> Option<&Scheme> {
            SCHEMES.iter().find(|s| s.name == name)
        }
        fn has_id(&self, scheme: &str, id: &str) -> bool {
            Fixture::ids(scheme).contains(&id)
        }
        fn nearest_ids(&self, scheme: &str, id: &str) -> Vec<&str> {
            suggest::nearest(id, Fixture::ids(scheme).iter().copied())
        }
        fn has_generated(&self, site_path: &str) -> bool {
            site_path == "/timeline/"
        }
        fn nearest_paths(&self, path: &str) -> Vec<String> {
            suggest::nearest(path, ["notes/history.md", "timeline/"])
                .into_iter()
                .map(str::to_owned)
                .collect()
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
        assert_eq!(
            ok("source:ombudsman"),
            Resolved::Citation {
                id: "ombudsman".into(),
                href: "/base/sources/#ombudsman".into()
            }
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

    #[test]
    fn unknown_ids_and_paths_suggest_the_nearest() {
        let err = |dest| resolve(dest, &Fixture).unwrap_err();
        let term = err("term:stepanakret");
        assert_eq!(term.message, "unknown glossary term `stepanakret`");
        assert_eq!(
            term.help,
            "did you mean `stepanakert`? Otherwise add it to content/data/glossary.toml or fix the id"
        );
        assert!(err("source:ombudsmen").help.contains("`ombudsman`"));
        assert!(
            err("@/notes/histroy.md")
                .help
                .contains("`@/notes/history.md`")
        );
        assert!(err("@/timelines/").help.contains("`@/timeline/`"));
    }
}
