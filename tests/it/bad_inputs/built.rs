//! The cases a TOML file cannot hold: invalid bytes, byte-order marks and CRLF line
//! ends, very large files, pipes, links out of the site, the home folder as output.

use std::fs;
use std::path::{Path, PathBuf};

use super::{Expect, base_site, check, check_binary, run_binary, write};
use crate::common::{build_ok, copy_dir, repo};

/// Each kind of file, with a line to put an invalid byte on and the line's number.
const TEXT_FILES: [(&str, &str, usize); 9] = [
    (
        "explainer.toml",
        "title = \"Site\"\nbase_url = \"https://example.org/\"\ndescription = \"caf\u{0}\"\n",
        3,
    ),
    (
        "content/extra.md",
        "+++\ntitle = \"Extra\"\n+++\nCaf\u{0}.\n",
        4,
    ),
    (
        "templates/page.html",
        "{% extends \"base.html\" %}\n{% block content %}\u{0}{% endblock content %}\n",
        2,
    ),
    (
        "content/data/sources.toml",
        "[[source]]\nid = \"desk\"\nname = \"Caf\u{0}\"\nkind = \"media\"\naffiliation = \"editorial\"\n",
        3,
    ),
    (
        "content/data/glossary.toml",
        "[[term]]\nid = \"t\"\nterm = \"T\"\ndefinition = \"\u{0}\"\n",
        4,
    ),
    (
        "content/data/timeline.toml",
        "[[event]]\nid = \"e\"\ndate = \"2023\"\ntitle = \"\u{0}\"\nsources = [\"desk\"]\n",
        4,
    ),
    (
        "content/data/timeline.csv",
        "id,date,title,sources\ne,2023,\u{0},desk\n",
        2,
    ),
    (
        "content/data/casualties.toml",
        "[[claim]]\nid = \"a\"\nsource = \"desk\"\nreported = \"2023\"\nscope = \"\u{0}\"\n[claim.figures]\nkilled = 1\n",
        5,
    ),
    (
        "content/data/casualties.csv",
        "id,source,reported,scope,category,value\na,desk,2023,\u{0},killed,1\n",
        2,
    ),
];

#[test]
fn invalid_utf8_is_an_error_naming_the_file_and_line() {
    let mut failures = Vec::new();
    for (file, text, line) in TEXT_FILES {
        let site = base_site();
        for csv in ["timeline", "casualties"] {
            if file == format!("content/data/{csv}.csv") {
                fs::remove_file(site.path().join(format!("content/data/{csv}.toml"))).unwrap();
            }
        }
        // Latin-1 "é", then a lone continuation byte: neither is UTF-8.
        let (before, after) = text.split_once('\u{0}').unwrap();
        write(
            site.path(),
            file,
            [before.as_bytes(), b"\xe9\x80", after.as_bytes()].concat(),
        );
        let expect = [Expect::new(file, line, "the file is not valid UTF-8")];
        if let Err(why) = check(site.path(), &expect) {
            failures.push(format!("{file}: {why}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn invalid_utf8_through_the_binary_shows_path_line_and_column() {
    let site = base_site();
    write(
        site.path(),
        "content/extra.md",
        b"+++\ntitle = \"Extra\"\n+++\nab\xff\n",
    );
    check_binary(
        site.path(),
        &[Expect::new("content/extra.md", 4, "not valid UTF-8")],
    )
    .unwrap();
    let output = run_binary(&["build", "--root", &site.path().to_string_lossy()], None);
    assert!(
        String::from_utf8_lossy(&output.stderr)
            .contains("error: the file is not valid UTF-8\n--> content/extra.md:4:3")
    );
}

/// A byte-order mark and CRLF line ends on every text file of the base site.
#[test]
fn a_byte_order_mark_and_crlf_line_ends_build_as_usual() {
    let plain = base_site();
    build_ok(plain.path());
    let windows = base_site();
    let mut converted = 0;
    for entry in walkdir::WalkDir::new(windows.path()) {
        let entry = entry.unwrap();
        let name = entry.file_name().to_string_lossy();
        let text_file = [".md", ".toml", ".csv", ".html", ".xml"]
            .iter()
            .any(|ext| name.ends_with(ext));
        if entry.file_type().is_file() && text_file {
            let text = fs::read_to_string(entry.path()).unwrap();
            fs::write(
                entry.path(),
                format!("\u{feff}{}", text.replace('\n', "\r\n")),
            )
            .unwrap();
            converted += 1;
        }
    }
    assert!(converted >= 10);
    build_ok(windows.path());
    for export in ["timeline/timeline.json", "casualties/casualties.json"] {
        let read = |site: &Path| fs::read_to_string(site.join("public").join(export)).unwrap();
        assert_eq!(read(windows.path()), read(plain.path()), "{export}");
    }
    let csv = base_site();
    fs::remove_file(csv.path().join("content/data/timeline.toml")).unwrap();
    fs::remove_file(csv.path().join("content/data/casualties.toml")).unwrap();
    write(
        csv.path(),
        "content/data/timeline.csv",
        "\u{feff}id,date,title,sources,body\r\noffensive,2023-09-19,Start,desk,\"Two\r\nlines\"\r\nceasefire,2023-09-20,End,desk,\r\n",
    );
    write(
        csv.path(),
        "content/data/casualties.csv",
        "\u{feff}id,source,reported,scope,category,value\r\na,ombudsman,2023-09-21,Battle,killed,3\r\nb,desk,2023-09-22,Battle,killed,4\r\n",
    );
    build_ok(csv.path());
    // An error in a CRLF file is still on its own line.
    write(
        csv.path(),
        "content/data/timeline.csv",
        "id,date,title,sources\r\noffensive,2023-09-19,Start,desk\r\nceasefire,2023-13,End,desk\r\n",
    );
    check(
        csv.path(),
        &[Expect::new("content/data/timeline.csv", 3, "no month 13")],
    )
    .unwrap();
}

#[test]
fn a_50_megabyte_page_builds() {
    let site = base_site();
    let paragraph =
        "The ceasefire held on the road to Stepanakert, and people left. ".repeat(160) + "\n\n";
    let count = 50 * 1024 * 1024 / paragraph.len() + 1;
    write(
        site.path(),
        "content/big.md",
        format!("+++\ntitle = \"Big\"\n+++\n{}", paragraph.repeat(count)),
    );
    build_ok(site.path());
    let size = fs::metadata(site.path().join("public/big/index.html"))
        .unwrap()
        .len();
    assert!(size > 50 * 1024 * 1024, "{size}");
}

#[test]
fn a_text_file_too_large_to_hold_is_refused() {
    let site = base_site();
    let huge = fs::File::create(site.path().join("content/huge.md")).unwrap();
    huge.set_len(200 << 20).unwrap(); // sparse: nothing is written
    let expect = [Expect::new(
        "content/huge.md",
        0,
        "the file is 200 MB: text files over 128 MB are not read",
    )];
    check(site.path(), &expect).unwrap();
}

#[test]
fn pipes_and_links_to_pipes_never_block_a_build() {
    let site = base_site();
    let root = site.path();
    assert!(
        std::process::Command::new("mkfifo")
            .arg(root.join("pipe"))
            .arg(root.join("content/pipe.md"))
            .status()
            .unwrap()
            .success()
    );
    for link in [
        "templates/pipe.html",
        "static/pipe.css",
        "content/notes/pipe.md",
    ] {
        let depth = link.matches('/').count();
        symlink(format!("{}pipe", "../".repeat(depth)), &root.join(link));
    }
    let output = std::process::Command::new("timeout")
        .arg("60")
        .arg(env!("CARGO_BIN_EXE_explainer"))
        .args(["build", "--root"])
        .arg(root)
        .output()
        .unwrap();
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

fn symlink(target: impl AsRef<Path>, link: &Path) {
    fs::create_dir_all(link.parent().unwrap()).unwrap();
    std::os::unix::fs::symlink(target, link).unwrap();
}

#[test]
fn links_out_of_the_site_are_refused() {
    let outside = tempfile::tempdir().unwrap();
    write(
        outside.path(),
        "secret.md",
        "+++\ntitle = \"Secret\"\n+++\nSecret.\n",
    );
    copy_dir(
        &repo().join("tests/bad_inputs/base/content/data"),
        &outside.path().join("data"),
    );
    let secret = |name: &str| outside.path().join(name);
    let cases: [(&str, PathBuf, &str); 6] = [
        (
            "content/notes/secret.md",
            secret("secret.md"),
            "content/notes/secret.md",
        ),
        (
            "content/notes/passwd.md",
            PathBuf::from("/etc/passwd"),
            "content/notes/passwd.md",
        ),
        (
            "static/hostname.txt",
            PathBuf::from("/etc/hostname"),
            "static/hostname.txt",
        ),
        ("static/etc", PathBuf::from("/etc"), "static/etc"),
        (
            "templates/evil.html",
            PathBuf::from("/etc/passwd"),
            "templates/evil.html",
        ),
        ("content/data", secret("data"), "content/data/sources.toml"),
    ];
    let mut failures = Vec::new();
    for (link, target, reported) in cases {
        let site = base_site();
        let path = site.path().join(link);
        if path.is_dir() {
            fs::remove_dir_all(&path).unwrap();
        }
        symlink(&target, &path);
        let mut expect = vec![Expect::new(
            reported,
            0,
            "this link points outside the site",
        )];
        if link == "content/data" {
            expect.extend(["casualties", "glossary", "timeline"].map(|kind| {
                Expect::new(
                    &format!("content/data/{kind}.toml"),
                    0,
                    "this link points outside the site",
                )
            }));
        }
        if let Err(why) = check(site.path(), &expect) {
            failures.push(format!("{link} -> {}: {why}", target.display()));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
    // Links that stay inside the site are fine.
    let site = base_site();
    symlink(
        "../content/index.md",
        &site.path().join("static/article.md.txt"),
    );
    build_ok(site.path());
    assert!(site.path().join("public/article.md.txt").is_file());
}

#[test]
fn the_home_folder_is_refused_as_output() {
    let site = base_site();
    let home = tempfile::tempdir().unwrap();
    write(home.path(), ".profile", "# mine\n");
    let output = run_binary(
        &[
            "build",
            "--root",
            &site.path().to_string_lossy(),
            "--output-dir",
            &home.path().to_string_lossy(),
        ],
        Some(home.path()),
    );
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("it is your home folder"), "{stderr}");
    assert_eq!(
        fs::read_to_string(home.path().join(".profile")).unwrap(),
        "# mine\n"
    );
}
