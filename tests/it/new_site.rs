//! A fresh `explainer new` repository, checked as a newsroom gets it: every file it needs, a
//! Pages workflow that actionlint passes and whose build step, run the way the action runs
//! it, builds the site; the action's install step; and schemas that editors can use.
//! The action's steps are bash scripts: this suite runs where bash does.
#![cfg(unix)]

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use crate::common::schema_check::problems_with;
use crate::common::{repo, select};
use explainer::scaffold::{VERSION, repository};
use explainer::schema::{all, editors, for_editors};
use serde_yaml_ng::Value;

const BIN: &str = env!("CARGO_BIN_EXE_explainer");

/// `explainer new` into a temporary folder, as a newsroom runs it.
fn new_site() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("next-explainer");
    let output = Command::new(BIN).arg("new").arg(&site).output().unwrap();
    assert!(output.status.success(), "{output:?}");
    (dir, site)
}

fn yaml(path: &Path) -> Value {
    serde_yaml_ng::from_str(&fs::read_to_string(path).unwrap()).unwrap()
}

/// The steps of a workflow's job.
fn steps<'a>(workflow: &'a Value, job: &str) -> &'a [Value] {
    workflow["jobs"][job]["steps"].as_sequence().unwrap()
}

/// The step of a job that uses an action whose reference starts with `prefix`.
fn step_using<'a>(workflow: &'a Value, job: &str, prefix: &str) -> &'a Value {
    steps(workflow, job)
        .iter()
        .find(|step| step["uses"].as_str().is_some_and(|u| u.starts_with(prefix)))
        .unwrap_or_else(|| panic!("no step of {job} uses {prefix}"))
}

/// Replaces each `${{ expression }}` of `text` with its value in `values`; an expression not
/// there fails the test, so that nothing the action needs goes unnoticed.
fn evaluate(text: &str, values: &BTreeMap<String, String>) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(start) = rest.find("${{") {
        let end = rest[start..].find("}}").unwrap() + start;
        let expression = rest[start + 3..end].trim();
        let value = values
            .get(expression)
            .unwrap_or_else(|| panic!("no value for ${{{{ {expression} }}}}"));
        out.push_str(&rest[..start]);
        out.push_str(value);
        rest = &rest[end + 2..];
    }
    out.push_str(rest);
    out
}

/// The action's inputs for a workflow step: its `with`, evaluated, over the action's defaults.
fn inputs(
    action: &Value,
    step: &Value,
    workflow: &BTreeMap<String, String>,
) -> BTreeMap<String, String> {
    let mut values: BTreeMap<String, String> = action["inputs"]
        .as_mapping()
        .unwrap()
        .iter()
        .map(|(name, input)| {
            let default = input["default"].as_str().unwrap_or_default();
            (
                format!("inputs.{}", name.as_str().unwrap()),
                default.to_owned(),
            )
        })
        .collect();
    if let Some(with) = step["with"].as_mapping() {
        for (name, value) in with {
            let name = format!("inputs.{}", name.as_str().unwrap());
            assert!(values.contains_key(&name), "the action has no input {name}");
            values.insert(name, evaluate(value.as_str().unwrap(), workflow));
        }
    }
    values
}

/// Runs a step of the action (`run` with its `env`) as the runner does: bash, in the
/// workspace, with the action's folder and the files for outputs and PATH.
fn run_action_step(
    id: &str,
    values: &BTreeMap<String, String>,
    workspace: &Path,
    runner: &Path,
    extra_env: &[(&str, &str)],
    path: &str,
) -> (Output, String) {
    let action = yaml(&repo().join("action.yml"));
    let step = action["runs"]["steps"]
        .as_sequence()
        .unwrap()
        .iter()
        .find(|step| step["id"].as_str() == Some(id))
        .unwrap();
    assert_eq!(step["shell"].as_str(), Some("bash"));
    let github_output = runner.join(format!("{id}-output"));
    fs::write(&github_output, "").unwrap();
    let mut command = Command::new("bash");
    command
        .arg("-e")
        .arg("-c")
        .arg(step["run"].as_str().unwrap())
        .current_dir(workspace)
        .env("PATH", path)
        .env("GITHUB_ACTION_PATH", repo())
        .env("GITHUB_OUTPUT", &github_output)
        .env("GITHUB_PATH", runner.join("path"))
        .env("RUNNER_TEMP", runner);
    for (name, value) in step["env"].as_mapping().unwrap() {
        command.env(
            name.as_str().unwrap(),
            evaluate(value.as_str().unwrap(), values),
        );
    }
    command.envs(extra_env.iter().copied());
    let output = command.output().unwrap();
    (output, fs::read_to_string(&github_output).unwrap())
}

/// PATH with the folder of the binary just built first, as the install step leaves it.
fn path_with_binary() -> String {
    let bin_dir = Path::new(BIN).parent().unwrap();
    format!(
        "{}:{}",
        bin_dir.display(),
        std::env::var("PATH").unwrap_or_default()
    )
}

#[test]
fn a_new_site_is_a_whole_repository() {
    let (_dir, site) = new_site();
    for file in [
        ".gitignore",
        ".github/workflows/pages.yml",
        "README.md",
        ".taplo.toml",
        ".vscode/extensions.json",
        "explainer.toml",
        "content/index.md",
        "templates/base.html",
        "static/style.css",
    ] {
        assert!(site.join(file).is_file(), "{file} is missing");
    }
    let ignored = fs::read_to_string(site.join(".gitignore")).unwrap();
    assert!(ignored.lines().any(|line| line == "/public/"), "{ignored}");
    let readme = fs::read_to_string(site.join("README.md")).unwrap();
    for topic in [
        "explainer serve",
        "explainer build",
        "## Publish",
        "source:",
        "content/data/timeline.toml",
    ] {
        assert!(
            readme.contains(topic),
            "the README does not mention {topic}"
        );
    }
    // Where each kind of content lives: every file with a schema, the images and the design.
    let files: Vec<String> = all().iter().map(|kind| kind.path()).collect();
    for place in
        files
            .iter()
            .map(String::as_str)
            .chain(["content/notes/", "content/images/", "templates/"])
    {
        assert!(
            readme.contains(place),
            "the README does not say where {place} is"
        );
    }
    for file in crate::common::files_under(&site) {
        let text = fs::read(site.join(&file)).unwrap();
        let text = String::from_utf8_lossy(&text);
        assert!(
            !text.contains("__VERSION__") && !text.contains("__REPOSITORY__"),
            "{file}"
        );
    }
    assert!(readme.contains(&format!("--tag v{VERSION}")));
}

#[test]
fn the_workflow_checks_pull_requests_and_deploys_main_through_the_action() {
    let (_dir, site) = new_site();
    let workflow = yaml(&site.join(".github/workflows/pages.yml"));
    let on = &workflow["on"];
    assert!(on.get("pull_request").is_some());
    assert_eq!(on["push"]["branches"][0].as_str(), Some("main"));
    let pinned = format!("{}@v{VERSION}", repository());
    for job in ["check", "build"] {
        let step = step_using(&workflow, job, repository());
        assert_eq!(step["uses"].as_str(), Some(pinned.as_str()), "{job}");
    }
    assert_eq!(
        workflow["jobs"]["check"]["if"].as_str(),
        Some("github.event_name == 'pull_request'")
    );
    step_using(&workflow, "build", "actions/configure-pages@");
    let upload = step_using(&workflow, "build", "actions/upload-pages-artifact@");
    assert_eq!(
        upload["with"]["path"].as_str(),
        Some("${{ steps.explainer.outputs.output-dir }}")
    );
    step_using(&workflow, "deploy", "actions/deploy-pages@");
    let build = &workflow["jobs"]["build"];
    assert_eq!(build["permissions"]["pages"].as_str(), Some("read"));
    let deploy = &workflow["jobs"]["deploy"];
    assert_eq!(deploy["permissions"]["pages"].as_str(), Some("write"));
    assert_eq!(deploy["permissions"]["id-token"].as_str(), Some("write"));
}

#[test]
fn the_workflows_build_step_builds_the_site_as_the_action_would() {
    let (dir, site) = new_site();
    let runner = dir.path().join("runner");
    fs::create_dir_all(&runner).unwrap();
    let workflow = yaml(&site.join(".github/workflows/pages.yml"));
    let action = yaml(&repo().join("action.yml"));
    // What configure-pages reports for a project site.
    let from_pages = BTreeMap::from([(
        "steps.pages.outputs.base_url".to_owned(),
        "https://owner.github.io/next-explainer".to_owned(),
    )]);
    let step = step_using(&workflow, "build", repository());
    let values = inputs(&action, step, &from_pages);
    let (output, outputs) =
        run_action_step("build", &values, &site, &runner, &[], &path_with_binary());
    assert!(output.status.success(), "{output:?}");
    let output_dir = outputs
        .lines()
        .find_map(|line| line.strip_prefix("output-dir="))
        .unwrap_or_else(|| panic!("no output-dir in {outputs:?}"));
    let built = site.join(output_dir);
    assert_eq!(
        built.canonicalize().unwrap(),
        site.join("public").canonicalize().unwrap()
    );
    let html = crate::common::page(&site, "index.html");
    let canonical = select(&html, "link[rel=canonical]")[0].value().attr("href");
    assert_eq!(canonical, Some("https://owner.github.io/next-explainer/"));

    // The pull request's check: the same step with the action's defaults.
    let check = step_using(&workflow, "check", repository());
    let values = inputs(&action, check, &BTreeMap::new());
    let (output, _) = run_action_step("build", &values, &site, &runner, &[], &path_with_binary());
    assert!(output.status.success(), "{output:?}");

    // A broken site fails the step, and says why.
    fs::write(site.join("explainer.toml"), "title = \"T\"\n").unwrap();
    let (output, outputs) =
        run_action_step("build", &values, &site, &runner, &[], &path_with_binary());
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("base_url"));
    assert!(!outputs.contains("output-dir="));
}

/// A stand-in for a released binary in `dir`: it only tells its version, which is all the
/// install step asks of it.
fn stand_in(dir: &Path) -> PathBuf {
    fs::create_dir_all(dir).unwrap();
    let path = dir.join("explainer");
    fs::write(&path, format!("#!/bin/sh\necho \"explainer {VERSION}\"\n")).unwrap();
    executable(&path);
    path
}

fn executable(path: &Path) {
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(path, fs::Permissions::from_mode(0o755)).unwrap();
}

/// A release folder as the release workflow makes it: the archive of the binary for this
/// runner and its SHA-256 checksum file.
#[cfg(all(target_os = "linux", target_arch = "x86_64"))]
fn release(dir: &Path, good_checksum: bool) -> String {
    let name = "explainer-x86_64-unknown-linux-gnu";
    let folder = dir.join(format!("releases/v{VERSION}"));
    fs::create_dir_all(&folder).unwrap();
    let binary = stand_in(&dir.join("build"));
    let status = Command::new("tar")
        .arg("-czf")
        .arg(folder.join(format!("{name}.tar.gz")))
        .arg("-C")
        .arg(binary.parent().unwrap())
        .arg("explainer")
        .status()
        .unwrap();
    assert!(status.success());
    let sum = Command::new("sha256sum")
        .arg(format!("{name}.tar.gz"))
        .current_dir(&folder)
        .output()
        .unwrap();
    let mut line = String::from_utf8(sum.stdout).unwrap();
    if !good_checksum {
        line.replace_range(0..8, "00000000");
    }
    fs::write(folder.join(format!("{name}.sha256")), line).unwrap();
    format!("file://{}", dir.join("releases").display())
}

#[cfg(all(target_os = "linux", target_arch = "x86_64"))]
#[test]
fn the_install_step_checks_the_release_archive() {
    let host = [
        ("RUNNER_OS", "Linux"),
        ("RUNNER_ARCH", "X64"),
        ("ACTION_REPOSITORY", ""),
    ];
    let path = std::env::var("PATH").unwrap_or_default();
    let action = yaml(&repo().join("action.yml"));
    let no_step = Value::Null;

    let dir = tempfile::tempdir().unwrap();
    let runner = dir.path().join("runner");
    fs::create_dir_all(&runner).unwrap();
    let mut values = inputs(&action, &no_step, &BTreeMap::new());
    values.insert("inputs.releases-url".to_owned(), release(dir.path(), true));
    values.insert("github.action_repository".to_owned(), String::new());
    let (output, outputs) = run_action_step("install", &values, dir.path(), &runner, &host, &path);
    assert!(output.status.success(), "{output:?}");
    assert!(outputs.contains(&format!("version={VERSION}")), "{outputs}");
    let bin_dir = fs::read_to_string(runner.join("path")).unwrap();
    let installed = Path::new(bin_dir.trim()).join("explainer");
    let version = Command::new(&installed).arg("--version").output().unwrap();
    assert_eq!(
        String::from_utf8_lossy(&version.stdout).trim(),
        format!("explainer {VERSION}")
    );

    // An archive that does not match its checksum is not installed.
    let dir = tempfile::tempdir().unwrap();
    let runner = dir.path().join("runner");
    fs::create_dir_all(&runner).unwrap();
    values.insert("inputs.releases-url".to_owned(), release(dir.path(), false));
    let (output, _) = run_action_step("install", &values, dir.path(), &runner, &host, &path);
    assert!(!output.status.success());
    assert!(
        String::from_utf8_lossy(&output.stdout).contains("does not match its SHA-256 checksum")
    );
    assert!(
        !runner
            .join(format!("explainer-{VERSION}/bin/explainer"))
            .exists()
    );
    assert!(!runner.join("path").exists());
}

/// What the install step did with stand-ins for curl (which finds a release's archive but
/// no checksum file, so that nothing may be installed from it) and cargo (which installs a
/// stand-in binary): its output, and the arguments each got.
struct Fallback {
    output: Output,
    outputs: String,
    cargo: String,
    curl: String,
}

/// Runs the install step on `host` with the action's files at `action_path`, and the
/// action's `releases-url` input when given.
fn install_without_archive(
    host: &[(&str, &str)],
    action_path: Option<&Path>,
    releases: Option<&str>,
) -> Fallback {
    let dir = tempfile::tempdir().unwrap();
    let runner = dir.path().join("runner");
    let stubs = dir.path().join("stubs");
    fs::create_dir_all(&runner).unwrap();
    fs::create_dir_all(&stubs).unwrap();
    let binary = stand_in(&dir.path().join("build"));
    let record = |name: &str| dir.path().join(format!("{name}-args"));
    let cargo = format!(
        "#!/bin/sh\necho \"$@\" > \"{}\"\nwhile [ \"$1\" != --root ]; do shift; done\nmkdir -p \"$2/bin\" && cp \"{}\" \"$2/bin/explainer\"\n",
        record("cargo").display(),
        binary.display()
    );
    // curl -f exits 22 when the server answers 404.
    let curl = format!(
        "#!/bin/sh\necho \"$@\" >> \"{}\"\nwhile [ \"$1\" != -o ]; do shift; done\ncase \"$3\" in *.sha256) exit 22 ;; esac\n: > \"$2\"\n",
        record("curl").display()
    );
    for (name, script) in [("cargo", cargo), ("curl", curl)] {
        fs::write(stubs.join(name), script).unwrap();
        executable(&stubs.join(name));
    }
    let path = format!(
        "{}:{}",
        stubs.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let action = yaml(&repo().join("action.yml"));
    let mut values = inputs(&action, &Value::Null, &BTreeMap::new());
    values.insert("github.action_repository".to_owned(), String::new());
    if let Some(releases) = releases {
        values.insert("inputs.releases-url".to_owned(), releases.to_owned());
    }
    let action_path = action_path.map_or_else(repo, Path::to_path_buf);
    let action_path = action_path.to_string_lossy().into_owned();
    let mut env = host.to_vec();
    env.extend([
        ("ACTION_REPOSITORY", ""),
        ("GITHUB_ACTION_PATH", &action_path),
    ]);
    let (output, outputs) = run_action_step("install", &values, dir.path(), &runner, &env, &path);
    Fallback {
        output,
        outputs,
        cargo: fs::read_to_string(record("cargo")).unwrap_or_default(),
        curl: fs::read_to_string(record("curl")).unwrap_or_default(),
    }
}

#[test]
fn without_a_release_archive_the_install_step_builds_with_cargo() {
    // A runner no release archive is made for.
    let done = install_without_archive(
        &[("RUNNER_OS", "Linux"), ("RUNNER_ARCH", "ARM")],
        None,
        None,
    );
    assert!(done.output.status.success(), "{:?}", done.output);
    assert!(done.outputs.contains(&format!("version={VERSION}")));
    assert!(done.curl.is_empty(), "{}", done.curl);
    assert!(
        done.cargo.starts_with("install --locked --root "),
        "{}",
        done.cargo
    );
    let from_source = format!("--path {}", repo().display());
    assert!(
        done.cargo.trim_end().ends_with(&from_source),
        "{}",
        done.cargo
    );

    // A release without archives, of an action fetched by the runner into
    // _actions/OWNER/REPO/REF: the archive is looked for there first.
    let runner_actions = tempfile::tempdir().unwrap();
    let fetched = runner_actions
        .path()
        .join(format!("_actions/owner/name/v{VERSION}"));
    fs::create_dir_all(fetched.parent().unwrap()).unwrap();
    std::os::unix::fs::symlink(repo(), &fetched).unwrap();
    let done = install_without_archive(
        &[("RUNNER_OS", "Linux"), ("RUNNER_ARCH", "X64")],
        Some(&fetched),
        None,
    );
    assert!(done.output.status.success(), "{:?}", done.output);
    let archive = format!(
        "https://github.com/owner/name/releases/download/v{VERSION}/explainer-x86_64-unknown-linux-gnu.tar.gz"
    );
    assert!(done.curl.contains(&archive), "{}", done.curl);
    let from_source = format!("--path {}", fetched.display());
    assert!(
        done.cargo.trim_end().ends_with(&from_source),
        "{}",
        done.cargo
    );
}

/// The runner a release target is built for, as the runner names its system and processor.
fn runner_for(target: &str) -> [(&'static str, &'static str); 2] {
    let system = [
        ("-linux-", "Linux"),
        ("-apple-darwin", "macOS"),
        ("-windows-", "Windows"),
    ]
    .into_iter()
    .find_map(|(part, system)| target.contains(part).then_some(system))
    .unwrap_or_else(|| panic!("no runner system for {target}"));
    let processor = match target.split('-').next() {
        Some("x86_64") => "X64",
        Some("aarch64") => "ARM64",
        _ => panic!("no runner processor for {target}"),
    };
    [("RUNNER_OS", system), ("RUNNER_ARCH", processor)]
}

#[test]
fn the_install_step_asks_for_the_archives_the_release_workflow_makes() {
    let release = yaml(&repo().join(".github/workflows/release.yml"));
    let upload = step_using(
        &release,
        "upload-assets",
        "taiki-e/upload-rust-binary-action@",
    );
    let with = &upload["with"];
    // Archives named explainer-TARGET (the tool's default), tar.gz but zip on Windows, each
    // with explainer-TARGET.sha256.
    assert_eq!(with["bin"].as_str(), Some("explainer"));
    assert!(with.get("archive").is_none(), "{with:?}");
    assert_eq!(with["tar"].as_str(), Some("unix"));
    assert_eq!(with["zip"].as_str(), Some("windows"));
    assert_eq!(with["checksum"].as_str(), Some("sha256"));
    let targets: Vec<&str> = release["jobs"]["upload-assets"]["strategy"]["matrix"]["include"]
        .as_sequence()
        .unwrap()
        .iter()
        .map(|entry| entry["target"].as_str().unwrap())
        .collect();
    assert_eq!(targets.len(), 5, "{targets:?}");
    let releases = "https://releases.example.org";
    for target in targets {
        let done = install_without_archive(&runner_for(target), None, Some(releases));
        let extension = if target.contains("windows") {
            "zip"
        } else {
            "tar.gz"
        };
        let base = format!("{releases}/v{VERSION}/explainer-{target}");
        for asked in [format!("{base}.{extension}"), format!("{base}.sha256")] {
            assert!(done.curl.contains(&asked), "{target}: {}", done.curl);
        }
        // Without its checksum file, the archive is not installed: the version is built.
        assert!(done.output.status.success(), "{:?}", done.output);
        assert!(done.cargo.starts_with("install --locked"), "{}", done.cargo);
    }
}

#[test]
fn the_workflow_passes_actionlint() {
    let (_dir, site) = new_site();
    match Command::new("actionlint")
        .arg(".github/workflows/pages.yml")
        .current_dir(&site)
        .output()
    {
        Ok(output) => assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stdout)
        ),
        // .ci/run installs actionlint before the tests; elsewhere it is optional.
        Err(_) if std::env::var_os("CI").is_none() => {
            eprintln!("actionlint is not installed: the workflow was not linted");
        }
        Err(err) => panic!("actionlint cannot run: {err}"),
    }
}

#[test]
fn the_schemas_and_editor_settings_cover_every_file() {
    let (_dir, site) = new_site();
    let taplo: toml::Table =
        toml::from_str(&fs::read_to_string(site.join(editors::TAPLO_FILE)).unwrap()).unwrap();
    let rules = taplo["rule"].as_array().unwrap();
    for kind in for_editors() {
        let written = fs::read_to_string(site.join(kind.schema_path())).unwrap();
        assert_eq!(
            written,
            kind.json(),
            "{} is the schema explainer prints",
            kind.name
        );
        let rule = rules
            .iter()
            .find(|rule| rule["include"][0].as_str() == Some(kind.path().as_str()))
            .unwrap_or_else(|| panic!("no rule for {}", kind.path()));
        let schema_path = rule["schema"]["path"].as_str().unwrap();
        assert_eq!(
            site.join(schema_path).canonicalize().unwrap(),
            site.join(kind.schema_path()).canonicalize().unwrap()
        );
        if kind.is_translation() {
            // A new site translates nothing yet.
            continue;
        }
        let schema: serde_json::Value = serde_json::from_str(&written).unwrap();
        let text = fs::read_to_string(site.join(kind.path())).unwrap();
        assert_eq!(
            problems_with(&schema, &text),
            Vec::<String>::new(),
            "{}",
            kind.path()
        );
    }
    let refused = Command::new(BIN).arg("new").arg(&site).output().unwrap();
    assert!(!refused.status.success());
    assert!(String::from_utf8_lossy(&refused.stderr).contains("not empty"));
}

#[test]
fn explainer_tells_its_version() {
    let output = Command::new(BIN).arg("--version").output().unwrap();
    assert!(output.status.success());
    assert_eq!(
        String::from_utf8_lossy(&output.stdout).trim(),
        format!("explainer {VERSION}")
    );
}
