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

#[test]
fn incremental_updates_give_the_output_of_a_full_build() {
    let site = crate::common::real_site_in_one_language();
    let root = site.path();
    let server = start(root, None);
    let mut events = Events::open(&server, BASE_PATH);
    events.next();
    let note = "content/notes/lachin-corridor.md";
    let page = |path: &str| get(&server, &format!("{BASE_PATH}{path}")).body;
    let other = std::cell::Cell::new(inode(&server, "notes/aftermath/index.html"));
    let no_other_page_rewritten = || {
        assert_eq!(
            inode(&server, "notes/aftermath/index.html"),
            other.get(),
            "no other page is rewritten"
        );
    };

    edit(root, note, "changed its status", "changed its legal status");
    events.until(|| page("/notes/lachin-corridor/").contains("changed its legal status"));
    assert_same_as_full_build(&server, root, "a note's body");
    no_other_page_rewritten();

    // A description is in the listings and the feed, not in the sitemap.
    edit(
        root,
        note,
        "description = \"The road between",
        "description = \"The only road between",
    );
    events.until(|| page("/notes/").contains("The only road between"));
    assert_same_as_full_build(&server, root, "a note's description");
    no_other_page_rewritten();

    edit(
        root,
        note,
        "title = \"The Lachin corridor",
        "title = \"The Lachin road",
    );
    events.until(|| page("/notes/").contains("The Lachin road"));
    assert_same_as_full_build(&server, root, "a note's title");
    // The timeline's links read as the note's title: the whole site was made again.
    other.set(inode(&server, "notes/aftermath/index.html"));

    edit(
        root,
        note,
        "[blocked the corridor]",
        "[blocked the corridor](source:unicef) [and]",
    );
    let cited_by_unicef = || crate::common::text_of(&html(&page("/sources/")), "li#unicef");
    events.until(|| cited_by_unicef().contains("The Lachin road"));
    assert_same_as_full_build(&server, root, "a new citation");
    no_other_page_rewritten();

    edit(
        root,
        "templates/note.html",
        "<article",
        "<!-- edited -->\n<article",
    );
    events.until(|| page("/notes/aftermath/").contains("<!-- edited -->"));
    assert_same_as_full_build(&server, root, "a template");

    // Citation marks are written into the pages' Markdown: it is rendered again.
    edit(
        root,
        "templates/partials/citation_mark.html",
        "<sup class=\"cite\"",
        "<sup class=\"cite edited\"",
    );
    events.until(|| page("/notes/aftermath/").contains("cite edited"));
    assert_same_as_full_build(&server, root, "the citation mark's template");

    edit(
        root,
        "content/data/glossary.toml",
        "A mountainous region",
        "A mountain region",
    );
    events.until(|| page("/glossary/").contains("A mountain region"));
    assert_same_as_full_build(&server, root, "a data file");
    server.shutdown().unwrap();
}

#[test]
fn incremental_updates_of_a_site_with_editions_give_the_output_of_a_full_build() {
    let site = crate::common::real_site();
    let root = site.path();
    let server = start(root, None);
    let mut events = Events::open(&server, BASE_PATH);
    events.next();
    let page = |path: &str| get(&server, &format!("{BASE_PATH}{path}")).body;
    let others = [
        "notes/aftermath/index.html",
        "ru/notes/aftermath/index.html",
    ];
    let before: Vec<u64> = others.iter().map(|p| inode(&server, p)).collect();
    let no_other_page_rewritten = |step: &str| {
        let now: Vec<u64> = others.iter().map(|p| inode(&server, p)).collect();
        assert_eq!(now, before, "{step}: no other page is rewritten");
    };

    // A note without a translation stands in for it in the Russian edition: both change.
    let note = "content/notes/lachin-corridor.md";
    edit(root, note, "changed its status", "changed its legal status");
    events.until(|| {
        page("/notes/lachin-corridor/").contains("changed its legal status")
            && page("/ru/notes/lachin-corridor/").contains("changed its legal status")
    });
    assert_same_as_full_build(&server, root, "an untranslated note's body");
    no_other_page_rewritten("an untranslated note's body");

    // A translation changes its own edition alone.
    let english_about = inode(&server, "about/index.html");
    edit(
        root,
        "content/about.ru.md",
        "Отправная точка материала",
        "Исходная точка материала",
    );
    events.until(|| page("/ru/about/").contains("Исходная точка материала"));
    assert_same_as_full_build(&server, root, "a translation's body");
    assert_eq!(
        inode(&server, "about/index.html"),
        english_about,
        "the English page is not rewritten"
    );
    no_other_page_rewritten("a translation's body");

    // A title is in both editions' listings.
    edit(
        root,
        note,
        "title = \"The Lachin corridor",
        "title = \"The Lachin road",
    );
    events.until(|| {
        page("/notes/").contains("The Lachin road")
            && page("/ru/notes/").contains("The Lachin road")
    });
    assert_same_as_full_build(&server, root, "an untranslated note's title");

    edit(
        root,
        "templates/note.html",
        "<article",
        "<!-- edited -->\n<article",
    );
    events.until(|| page("/ru/notes/aftermath/").contains("<!-- edited -->"));
    assert_same_as_full_build(&server, root, "a template");
    server.shutdown().unwrap();
}
