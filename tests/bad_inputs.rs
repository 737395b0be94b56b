//! Bad inputs end in clear errors at their file and line, never in a panic, a hang or a
//! half-written site; some odd inputs are not errors at all.
//!
//! The cases of `tests/bad_inputs/cases.toml` are small sites: the base site with a few
//! files replaced. The cases that need bytes or links a TOML file cannot hold are here.

mod common;
#[path = "bad_inputs/escaping.rs"]
mod escaping;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use common::{build_site, copy_dir, repo};
use explainer::diagnostics::Diagnostic;
use serde::Deserialize;

#[derive(Deserialize)]
struct Corpus {
    case: Vec<Case>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    name: String,
    #[serde(default)]
    files: BTreeMap<String, String>,
    #[serde(default)]
    remove: Vec<String>,
    #[serde(default)]
    expect: Vec<Expect>,
    #[serde(default)]
    binary: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Expect {
    file: String,
    line: usize,
    message: String,
}

impl Expect {
    fn new(file: &str, line: usize, message: &str) -> Expect {
        Expect {
            file: file.to_owned(),
            line,
            message: message.to_owned(),
        }
    }

    fn matches(&self, error: &Diagnostic) -> bool {
        error.file == Path::new(&self.file)
            && error.line == self.line
            && error.message.contains(&self.message)
    }
}

/// The base site (every data kind, the project's templates and static files) in a temporary folder.
fn base_site() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for shared in ["templates", "static"] {
        copy_dir(&repo().join(shared), &dir.path().join(shared));
    }
    copy_dir(&repo().join("tests/bad_inputs/base"), dir.path());
    dir
}

fn write(root: &Path, relative: &str, bytes: impl AsRef<[u8]>) {
    let path = root.join(relative);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, bytes).unwrap();
}

/// Builds the site and checks its errors against the expectations: each found, none other.
fn check(root: &Path, expect: &[Expect]) -> Result<(), String> {
    let had_output = root.join("public").exists();
    let errors = match build_site(root) {
        Ok(_) if expect.is_empty() => return Ok(()),
        Ok(_) => return Err("the build succeeded".to_owned()),
        Err(failure) => failure.errors.0,
    };
    let shown = || {
        errors
            .iter()
            .map(|e| format!("  {}", e.to_string().lines().next().unwrap_or("")))
            .collect::<Vec<_>>()
            .join("\n")
    };
    for wanted in expect {
        if !errors.iter().any(|e| wanted.matches(e)) {
            return Err(format!(
                "no error {wanted:?}; the errors were:\n{}",
                shown()
            ));
        }
    }
    if let Some(other) = errors
        .iter()
        .find(|e| !expect.iter().any(|wanted| wanted.matches(e)))
    {
        return Err(format!(
            "an unexpected error: {other}\nall errors:\n{}",
            shown()
        ));
    }
    if root.join("public").exists() && !had_output {
        return Err("a failed build wrote public/".to_owned());
    }
    Ok(())
}

fn run_binary(args: &[&str], home: Option<&Path>) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_explainer"));
    command.args(args);
    if let Some(home) = home {
        command.env("HOME", home);
    }
    command.output().unwrap()
}

/// Through the command line: exit code 1, and each error's `file:line:col` on stderr.
fn check_binary(root: &Path, expect: &[Expect]) -> Result<(), String> {
    let output = run_binary(&["build", "--root", &root.to_string_lossy()], None);
    let stderr = String::from_utf8_lossy(&output.stderr);
    if output.status.code() != Some(1) {
        return Err(format!(
            "exit code {:?}, stderr:\n{stderr}",
            output.status.code()
        ));
    }
    for wanted in expect {
        let place = format!("{}:{}:", wanted.file, wanted.line);
        let located = stderr.lines().any(|line| {
            line.strip_prefix(&place)
                .and_then(|rest| rest.split_once(':'))
                .is_some_and(|(col, rest)| {
                    col.parse::<usize>().is_ok() && rest.contains(&wanted.message)
                })
        });
        if !located {
            return Err(format!(
                "stderr has no `{place}COL: ... {}`:\n{stderr}",
                wanted.message
            ));
        }
    }
    Ok(())
}

#[test]
fn every_case_of_the_corpus_reports_its_errors_at_their_place() {
    let corpus: Corpus =
        toml::from_str(&fs::read_to_string(repo().join("tests/bad_inputs/cases.toml")).unwrap())
            .unwrap();
    assert!(corpus.case.len() >= 40, "only {} cases", corpus.case.len());
    let mut failures = Vec::new();
    for case in &corpus.case {
        let site = base_site();
        for path in &case.remove {
            fs::remove_file(site.path().join(path)).unwrap();
        }
        for (path, text) in &case.files {
            write(site.path(), path, text);
        }
        let mut outcome = check(site.path(), &case.expect);
        if outcome.is_ok() && case.binary {
            outcome = check_binary(site.path(), &case.expect);
        }
        if let Err(why) = outcome {
            failures.push(format!("case {:?}: {why}", case.name));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n\n{}",
        failures.len(),
        corpus.case.len(),
        failures.join("\n\n")
    );
}

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
        "[[source]]\nid = \"desk\"\nname = \"Caf\u{0}\"\nkind = \"media\"\n",
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
            .contains("content/extra.md:4:3: error: the file is not valid UTF-8")
    );
}

/// A byte-order mark and CRLF line ends on every text file of the base site.
#[test]
fn a_byte_order_mark_and_crlf_line_ends_build_as_usual() {
    let plain = base_site();
    common::build_ok(plain.path());
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
    common::build_ok(windows.path());
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
    common::build_ok(csv.path());
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
    common::build_ok(site.path());
    let size = fs::metadata(site.path().join("public/big/index.html"))
        .unwrap()
        .len();
    assert!(size > 50 * 1024 * 1024, "{size}");
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
    common::build_ok(site.path());
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
