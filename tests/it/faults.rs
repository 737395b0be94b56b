//! Nothing is lost: a build that cannot write, runs out of space, is killed or
//! interrupted, or would replace files it did not write leaves the last good output
//! exactly as it was, and the next build succeeds and cleans up.
//!
//! The tests run as root, for whom permissions do not stop a write: unwritable places
//! are a path under a regular file, an immutable folder (`chattr +i`), a file size limit
//! (`ulimit -f`) and a tiny tmpfs.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::Duration;

use crate::common::{build_ok, build_site, copy_dir, repo, snapshot};

/// The bad-inputs base site, with a big page so that a build takes a while and writes a large file.
fn site() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for shared in ["templates", "static"] {
        copy_dir(&repo().join(shared), &dir.path().join(shared));
    }
    copy_dir(&repo().join("tests/bad_inputs/base"), dir.path());
    let paragraph = "People left along the road, and the ceasefire held. ".repeat(100) + "\n\n";
    fs::write(
        dir.path().join("content/big.md"),
        format!("+++\ntitle = \"Big\"\n+++\n{}", paragraph.repeat(1500)),
    )
    .unwrap();
    dir
}

/// Runs `explainer build` through `sh`, after `setup` (such as a `ulimit`).
fn build_in_shell(root: &Path, setup: &str, output_dir: Option<&Path>) -> Output {
    let mut script = format!("{setup}\nexec \"$0\" build --root \"$1\"");
    if output_dir.is_some() {
        script.push_str(" --output-dir \"$2\"");
    }
    let mut command = Command::new("sh");
    command
        .arg("-c")
        .arg(script)
        .arg(env!("CARGO_BIN_EXE_explainer"))
        .arg(root);
    if let Some(dir) = output_dir {
        command.arg(dir);
    }
    command.output().unwrap()
}

/// The staging folders beside an output.
fn staging_folders(parent: &Path) -> Vec<PathBuf> {
    fs::read_dir(parent)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().contains("explainer-staging"))
        .collect()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Changes the site so that the next output differs from the last, the big page too: a
/// build links the previous build's unchanged files instead of writing them again.
fn edit(root: &Path) {
    fs::write(
        root.join("content/notes/extra.md"),
        "+++\ntitle = \"Extra\"\n+++\nNew.\n",
    )
    .unwrap();
    let big = root.join("content/big.md");
    let text = fs::read_to_string(&big).unwrap();
    fs::write(big, text + "The road reopened.\n").unwrap();
}

#[test]
fn an_output_folder_under_a_regular_file_fails_cleanly() {
    let site = site();
    let file = site.path().join("not-a-folder");
    fs::write(&file, "mine").unwrap();
    let output = build_in_shell(site.path(), "", Some(&file.join("public")));
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("cannot create the staging folder"),
        "{}",
        stderr(&output)
    );
    assert_eq!(fs::read_to_string(&file).unwrap(), "mine");
}

#[test]
fn an_immutable_parent_folder_fails_cleanly_and_keeps_the_last_output() {
    let site = site();
    let parent = site.path().join("out");
    fs::create_dir(&parent).unwrap();
    let target = parent.join("public");
    let first = build_in_shell(site.path(), "", Some(&target));
    assert!(first.status.success(), "{}", stderr(&first));
    let before = snapshot(&target);
    let immutable = Command::new("chattr")
        .arg("+i")
        .arg(&parent)
        .status()
        .is_ok_and(|s| s.success());
    if !immutable {
        eprintln!("chattr +i is not available here: skipped");
        return;
    }
    edit(site.path());
    let output = build_in_shell(site.path(), "", Some(&target));
    Command::new("chattr")
        .arg("-i")
        .arg(&parent)
        .status()
        .unwrap();
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("the previous output is untouched"),
        "{}",
        stderr(&output)
    );
    assert_eq!(snapshot(&target), before);
    assert!(staging_folders(&parent).is_empty());
}

#[test]
fn a_write_that_fails_midway_keeps_the_last_output_and_cleans_up() {
    let site = site();
    build_ok(site.path());
    let public = site.path().join("public");
    let before = snapshot(&public);
    edit(site.path());
    // Files over about 1 MB cannot be written: the big page fails, as on a full disk.
    let output = build_in_shell(site.path(), "trap '' XFSZ; ulimit -f 2048", None);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("cannot write a page"),
        "{}",
        stderr(&output)
    );
    assert_eq!(snapshot(&public), before);
    assert!(
        staging_folders(site.path()).is_empty(),
        "the failed build left its staging folder"
    );
}

#[test]
fn a_full_disk_keeps_the_last_output() {
    let disk = tempfile::tempdir().unwrap();
    let mounted = Command::new("mount")
        .args(["-t", "tmpfs", "-o", "size=3m", "tmpfs"])
        .arg(disk.path())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !mounted {
        eprintln!(
            "cannot mount a tmpfs here: skipped (the file size limit test covers failed writes)"
        );
        return;
    }
    let site = site();
    let target = disk.path().join("public");
    fs::write(
        site.path().join("content/big.md"),
        "+++\ntitle = \"Big\"\n+++\nSmall for now.\n",
    )
    .unwrap();
    let first = build_in_shell(site.path(), "", Some(&target));
    let before = snapshot(&target);
    fs::write(
        site.path().join("content/big.md"),
        format!(
            "+++\ntitle = \"Big\"\n+++\n{}",
            "Too big for the disk. ".repeat(200_000)
        ),
    )
    .unwrap();
    let second = build_in_shell(site.path(), "", Some(&target));
    let after = snapshot(&target);
    let leftovers = staging_folders(disk.path());
    Command::new("umount").arg(disk.path()).status().unwrap();
    assert!(first.status.success(), "{}", stderr(&first));
    assert_eq!(second.status.code(), Some(1), "{}", stderr(&second));
    assert!(
        stderr(&second).contains("No space left on device"),
        "{}",
        stderr(&second)
    );
    assert_eq!(after, before);
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn a_build_killed_midway_keeps_the_last_output_and_the_next_one_cleans_up() {
    let site = site();
    build_ok(site.path());
    let public = site.path().join("public");
    let before = snapshot(&public);
    edit(site.path());
    // The same limit, with its signal left to kill the process in the middle of writing.
    let output = build_in_shell(site.path(), "ulimit -f 2048", None);
    assert!(!output.status.success());
    assert_eq!(snapshot(&public), before);
    assert_eq!(
        staging_folders(site.path()).len(),
        1,
        "a killed build leaves its staging folder"
    );
    build_ok(site.path());
    assert!(public.join("notes/extra/index.html").is_file());
    assert!(
        staging_folders(site.path()).is_empty(),
        "the next build removes what the killed one left"
    );
}

#[test]
fn ctrl_c_at_any_moment_leaves_the_old_output_or_the_new_one_whole() {
    let site = site();
    build_ok(site.path());
    let public = site.path().join("public");
    let old = snapshot(&public);
    edit(site.path());
    for delay in [5, 30, 80, 200] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_explainer"))
            .arg("build")
            .arg("--root")
            .arg(site.path())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(delay));
        Command::new("kill")
            .arg("-INT")
            .arg(child.id().to_string())
            .status()
            .unwrap();
        child.wait().unwrap();
        let now = snapshot(&public);
        let new_whole = now.contains_key("notes/extra/index.html")
            && now.contains_key("big/index.html")
            && now.contains_key(".explainer-output");
        assert!(
            now == old || new_whole,
            "after Ctrl-C at {delay} ms the output is neither the old one nor a whole new one"
        );
    }
    build_ok(site.path());
    assert!(staging_folders(site.path()).is_empty());
}

#[test]
fn a_stale_staging_folder_of_a_dead_process_is_removed() {
    let site = site();
    let stale = site.path().join(".public.explainer-staging-4294967");
    fs::create_dir_all(stale.join("notes")).unwrap();
    fs::write(stale.join("notes/half.html"), "<p>half").unwrap();
    build_ok(site.path());
    assert!(!stale.exists());
    // A folder of the user's that only looks similar is left alone.
    let similar = site.path().join(".public.explainer-staging-notes");
    fs::create_dir(&similar).unwrap();
    build_ok(site.path());
    assert!(similar.exists());
}

#[test]
fn a_folder_of_the_users_is_refused_and_left_intact() {
    let site = site();
    let theirs = site.path().join("theirs");
    fs::create_dir(&theirs).unwrap();
    fs::write(theirs.join("thesis.txt"), "years of work").unwrap();
    let output = build_in_shell(site.path(), "", Some(&theirs));
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("not empty and was not written by explainer"),
        "{}",
        stderr(&output)
    );
    assert_eq!(snapshot(&theirs).len(), 1);
    assert_eq!(
        fs::read_to_string(theirs.join("thesis.txt")).unwrap(),
        "years of work"
    );
}

#[test]
fn a_file_added_to_a_previous_output_is_never_deleted() {
    let site = site();
    build_ok(site.path());
    let public = site.path().join("public");
    fs::write(public.join("notes/mine.txt"), "added by hand").unwrap();
    let before = snapshot(&public);
    edit(site.path());
    let errors = build_site(site.path())
        .expect_err("the build should refuse")
        .errors
        .0;
    assert!(
        errors[0]
            .message
            .contains("notes/mine.txt in it was not written by explainer"),
        "{}",
        errors[0]
    );
    assert_eq!(snapshot(&public), before);
    fs::remove_file(public.join("notes/mine.txt")).unwrap();
    build_ok(site.path());
    assert!(public.join("notes/extra/index.html").is_file());
}
