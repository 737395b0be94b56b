//! Edits applied to the kept site: each gives, byte for byte, what a full build of the edited
//! site gives, and an edit of one page's body rewrites no other page.

use super::*;
use explainer::build::{BuildOptions, build};

/// The real site is served under this path.
const BASE_PATH: &str = "/karabakh-explainer";

/// Every file of a folder, as (relative path, bytes).
fn contents(dir: &Path) -> Vec<(String, Vec<u8>)> {
    crate::common::files_under(dir)
        .into_iter()
        .map(|relative| {
            let bytes = fs::read(dir.join(&relative)).unwrap();
            (relative, bytes)
        })
        .collect()
}

/// Builds the edited site in full, with the preview's base URL, and compares every file with
/// what the preview serves.
fn assert_same_as_full_build(server: &Server, root: &Path, step: &str) {
    let full = tempfile::tempdir().unwrap();
    build(&BuildOptions {
        root: root.to_path_buf(),
        output_dir: Some(full.path().join("site")),
        base_url: Some(format!("http://{}{BASE_PATH}/", server.addr())),
        ..BuildOptions::default()
    })
    .unwrap();
    let expected = contents(&full.path().join("site"));
    let served = contents(server.output_dir());
    let names =
        |files: &[(String, Vec<u8>)]| files.iter().map(|(n, _)| n.clone()).collect::<Vec<_>>();
    assert_eq!(names(&served), names(&expected), "{step}: the same files");
    for ((name, served), (_, expected)) in served.iter().zip(&expected) {
        assert!(
            served == expected,
            "{step}: {name} differs from a full build"
        );
    }
}

/// Replaces `from` by `to` in a file of the site.
fn edit(root: &Path, file: &str, from: &str, to: &str) {
    let path = root.join(file);
    let text = fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{file} contains {from:?}");
    fs::write(&path, text.replacen(from, to, 1)).unwrap();
}

fn inode(server: &Server, page: &str) -> u64 {
    fs::metadata(server.output_dir().join(page)).unwrap().ino()
}

/// A previewed copy of a site, edited step by step.
struct Preview {
    site: tempfile::TempDir,
    server: Server,
    events: Events,
}

impl Preview {
    fn start(site: tempfile::TempDir) -> Preview {
        let server = start(site.path(), None);
        let mut events = Events::open(&server, BASE_PATH);
        events.next();
        Preview {
            site,
            server,
            events,
        }
    }

    /// The served page at `path`.
    fn page(&self, path: &str) -> String {
        get(&self.server, &format!("{BASE_PATH}{path}")).body
    }

    /// Replaces `from` by `to` in `file`, waits until `shown` holds, and checks that the
    /// preview serves what a full build of the edited site gives.
    fn edit(
        &mut self,
        step: &str,
        file: &str,
        (from, to): (&str, &str),
        shown: impl Fn(&Preview) -> bool,
    ) {
        edit(self.site.path(), file, from, to);
        while !shown(self) {
            self.events.next();
        }
        assert_same_as_full_build(&self.server, self.site.path(), step);
    }

    fn inode(&self, page: &str) -> u64 {
        inode(&self.server, page)
    }
}

#[test]
fn incremental_updates_give_the_output_of_a_full_build() {
    let mut preview = Preview::start(crate::common::real_site_in_one_language());
    let note = "content/notes/lachin-corridor.md";
    let other = "notes/aftermath/index.html";
    let mut before = preview.inode(other);
    let no_other_page_rewritten = |preview: &Preview, before: u64| {
        assert_eq!(preview.inode(other), before, "no other page is rewritten");
    };

    preview.edit(
        "a note's body",
        note,
        ("changed its status", "changed its legal status"),
        |p| {
            p.page("/notes/lachin-corridor/")
                .contains("changed its legal status")
        },
    );
    no_other_page_rewritten(&preview, before);

    // A description is in the listings and the feed, not in the sitemap.
    preview.edit(
        "a note's description",
        note,
        (
            "description = \"The road between",
            "description = \"The only road between",
        ),
        |p| p.page("/notes/").contains("The only road between"),
    );
    no_other_page_rewritten(&preview, before);

    preview.edit(
        "a note's title",
        note,
        ("title = \"The Lachin corridor", "title = \"The Lachin road"),
        |p| p.page("/notes/").contains("The Lachin road"),
    );
    // The timeline's links read as the note's title: the whole site was made again.
    before = preview.inode(other);

    preview.edit(
        "a new citation",
        note,
        (
            "[blocked the corridor]",
            "[blocked the corridor](source:unicef) [and]",
        ),
        |p| {
            crate::common::text_of(&html(&p.page("/sources/")), "li#unicef")
                .contains("The Lachin road")
        },
    );
    no_other_page_rewritten(&preview, before);

    preview.edit(
        "a template",
        "templates/note.html",
        ("<article", "<!-- edited -->\n<article"),
        |p| p.page("/notes/aftermath/").contains("<!-- edited -->"),
    );

    // Every page extends the base template.
    preview.edit(
        "the base template",
        "templates/base.html",
        ("<main id=\"main\"", "<main data-edited id=\"main\""),
        |p| p.page("/timeline/").contains("<main data-edited"),
    );

    // Citation marks are written into the pages' Markdown: it is rendered again.
    preview.edit(
        "the citation mark's template",
        "templates/partials/citation_mark.html",
        ("<sup class=\"cite\"", "<sup class=\"cite edited\""),
        |p| p.page("/notes/aftermath/").contains("cite edited"),
    );

    preview.edit(
        "a data file",
        "content/data/glossary.toml",
        ("A mountainous region", "A mountain region"),
        |p| p.page("/glossary/").contains("A mountain region"),
    );
    preview.server.shutdown().unwrap();
}

#[test]
fn incremental_updates_of_a_site_with_editions_give_the_output_of_a_full_build() {
    let mut preview = Preview::start(crate::common::real_site());
    let others = [
        "notes/aftermath/index.html",
        "ru/notes/aftermath/index.html",
    ];
    let before: Vec<u64> = others.iter().map(|p| preview.inode(p)).collect();
    let no_other_page_rewritten = |preview: &Preview, step: &str| {
        let now: Vec<u64> = others.iter().map(|p| preview.inode(p)).collect();
        assert_eq!(now, before, "{step}: no other page is rewritten");
    };

    // A note without a translation stands in for it in the Russian edition: both change.
    let note = "content/notes/lachin-corridor.md";
    let step = "an untranslated note's body";
    preview.edit(
        step,
        note,
        ("changed its status", "changed its legal status"),
        |p| {
            p.page("/notes/lachin-corridor/")
                .contains("changed its legal status")
                && p.page("/ru/notes/lachin-corridor/")
                    .contains("changed its legal status")
        },
    );
    no_other_page_rewritten(&preview, step);

    // A translation changes its own edition alone.
    let english_about = preview.inode("about/index.html");
    let step = "a translation's body";
    preview.edit(
        step,
        "content/about.ru.md",
        ("Отправная точка материала", "Исходная точка материала"),
        |p| p.page("/ru/about/").contains("Исходная точка материала"),
    );
    assert_eq!(
        preview.inode("about/index.html"),
        english_about,
        "the English page is not rewritten"
    );
    no_other_page_rewritten(&preview, step);

    // A title is in both editions' listings.
    preview.edit(
        "an untranslated note's title",
        note,
        ("title = \"The Lachin corridor", "title = \"The Lachin road"),
        |p| {
            p.page("/notes/").contains("The Lachin road")
                && p.page("/ru/notes/").contains("The Lachin road")
        },
    );

    preview.edit(
        "a template",
        "templates/note.html",
        ("<article", "<!-- edited -->\n<article"),
        |p| p.page("/ru/notes/aftermath/").contains("<!-- edited -->"),
    );
    preview.server.shutdown().unwrap();
}
