//! Bad inputs end in clear errors at their file and line, never in a panic, a hang or a
//! half-written site; some odd inputs are not errors at all.
//!
//! The cases of `tests/bad_inputs/cases.toml` are small sites: the base site with a few
//! files replaced. The cases that need bytes or links a TOML file cannot hold are here.

mod built;
mod escaping;

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;
use std::process::{Command, Output};

use crate::common::{build_site, copy_dir, repo};
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

/// Through the command line: exit code 1, and each error with its `--> file:line:col` on stderr.
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
        // `error: MESSAGE`, then ` --> FILE:LINE:COL` on the next line.
        let place = format!("--> {}:{}:", wanted.file, wanted.line);
        let lines: Vec<&str> = stderr.lines().collect();
        let located = lines.windows(2).any(|pair| {
            pair[0].starts_with("error: ")
                && pair[0].contains(&wanted.message)
                && pair[1]
                    .trim_start()
                    .strip_prefix(&place)
                    .is_some_and(|col| col.parse::<usize>().is_ok())
        });
        if !located {
            return Err(format!(
                "stderr has no `error: ... {}` at `{place}COL`:\n{stderr}",
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

/// What an editor reads for every case of the corpus, in full: message, place, the line
/// shown and the help. A change of wording shows as a snapshot diff to review.
#[test]
fn every_case_prints_as_in_its_snapshot() {
    let corpus: Corpus =
        toml::from_str(&fs::read_to_string(repo().join("tests/bad_inputs/cases.toml")).unwrap())
            .unwrap();
    let mut printed = String::new();
    for case in corpus.case.iter().filter(|case| !case.expect.is_empty()) {
        let site = base_site();
        for path in &case.remove {
            fs::remove_file(site.path().join(path)).unwrap();
        }
        for (path, text) in &case.files {
            write(site.path(), path, text);
        }
        let errors = build_site(site.path()).err().map(|f| f.errors.0);
        let shown: Vec<String> = errors.iter().flatten().map(ToString::to_string).collect();
        let root = site.path().display().to_string();
        printed.push_str(&format!("## {}\n\n{}\n\n", case.name, shown.join("\n\n")));
        printed = printed.replace(&root, "[site]");
    }
    insta::assert_snapshot!("bad_inputs", printed);
}
