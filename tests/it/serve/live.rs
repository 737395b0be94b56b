//! Live reload: edits, broken and fixed builds, static files, bursts of saves, and stopping.

use super::*;

#[test]
fn edits_reload_and_errors_show_until_fixed() {
    let site = fixture("serve");
    let server = start(site.path(), None);
    let mut events = Events::open(&server, "/repo");
    let first = events.next();
    let index = site.path().join("content/index.md");
    let good = fs::read_to_string(&index).unwrap();

    fs::write(&index, good.replace("first version", "second version")).unwrap();
    let second = events.next();
    assert!(second > first);
    let page = get(&server, "/repo/");
    assert!(page.body.contains("The second version of the article."));
    assert!(
        page.body.contains(&format!("m.data!==\"{second}\"")),
        "the page knows its generation"
    );

    fs::write(
        &index,
        good.replace("title = \"Preview home\"", "title = \"Preview home"),
    )
    .unwrap();
    assert!(events.next() > second);
    let broken = get(&server, "/repo/");
    assert_eq!(broken.status, 200);
    let page = html(&broken.body);
    let overlay = overlay_text(&page).expect("an overlay while the build is broken");
    assert!(overlay.contains("content/index.md:2"), "{overlay}");
    assert!(
        broken.body.contains("The second version of the article."),
        "over the last good page"
    );
    let note = html(&get(&server, "/repo/notes/history/").body);
    assert!(
        overlay_text(&note).is_some(),
        "every page carries the overlay"
    );
    let missing = get(&server, "/repo/missing/");
    assert_eq!(missing.status, 404);
    assert!(overlay_text(&html(&missing.body)).is_some());

    fs::write(&index, good.replace("first version", "fixed version")).unwrap();
    events.next();
    let fixed = get(&server, "/repo/");
    assert!(overlay_text(&html(&fixed.body)).is_none());
    assert!(fixed.body.contains("The fixed version of the article."));
    server.shutdown().unwrap();
}

#[test]
fn a_failed_first_build_is_shown_until_fixed() {
    let site = fixture("serve");
    let index = site.path().join("content/index.md");
    let good = fs::read_to_string(&index).unwrap();
    fs::write(
        &index,
        good.replace(
            "+++\nThe first",
            "+++\n[broken](@/notes/missing.md)\nThe first",
        ),
    )
    .unwrap();
    let server = start(site.path(), None);
    let mut events = Events::open(&server, "/repo");
    let first = events.next();
    let unbuilt = get(&server, "/repo/");
    assert_eq!(unbuilt.status, 503);
    let overlay = overlay_text(&html(&unbuilt.body)).expect("the errors are shown");
    assert!(overlay.contains("content/index.md:6"), "{overlay}");

    fs::write(&index, &good).unwrap();
    assert!(events.next() > first);
    let home = get(&server, "/repo/");
    assert_eq!(home.status, 200);
    assert!(overlay_text(&html(&home.body)).is_none());
    server.shutdown().unwrap();
}

#[test]
fn static_changes_are_copied_without_a_rebuild() {
    let site = fixture("serve");
    let server = start(site.path(), None);
    let mut events = Events::open(&server, "/repo");
    events.next();
    let index_html = server.output_dir().join("index.html");
    let inode = fs::metadata(&index_html).unwrap().ino();

    let mut css = fs::read_to_string(site.path().join("static/style.css")).unwrap();
    css.push_str("\n/* preview test */\n");
    fs::write(site.path().join("static/style.css"), &css).unwrap();
    fs::write(site.path().join("static/extra.txt"), "extra").unwrap();
    events.until(|| get(&server, "/repo/extra.txt").status == 200);
    assert!(
        get(&server, "/repo/style.css")
            .body
            .ends_with("/* preview test */\n")
    );
    assert_eq!(get(&server, "/repo/extra.txt").body, "extra");
    assert_eq!(
        fs::metadata(&index_html).unwrap().ino(),
        inode,
        "pages were not rebuilt"
    );

    fs::remove_file(site.path().join("static/extra.txt")).unwrap();
    events.next();
    assert_eq!(get(&server, "/repo/extra.txt").status, 404);
    server.shutdown().unwrap();
}

#[test]
fn a_burst_of_saves_gives_one_rebuild() {
    let site = fixture("serve");
    let server = start(site.path(), None);
    let mut events = Events::open(&server, "/repo");
    let first = events.next();
    let note = site.path().join("content/notes/history.md");
    let text = fs::read_to_string(&note).unwrap();
    // An editor saving through a temporary file, then a second file: all in one burst.
    for step in 0..5 {
        fs::write(site.path().join("content/notes/.history.md.swp"), "swap").unwrap();
        fs::write(
            &note,
            text.replace("How it began.", &format!("Step {step}.")),
        )
        .unwrap();
    }
    fs::write(
        site.path().join("content/notes/other.md"),
        "+++\ntitle = \"Other\"\n+++\nOther.\n",
    )
    .unwrap();
    assert_eq!(events.next(), first + 1);
    assert!(
        get(&server, "/repo/notes/history/")
            .body
            .contains("Step 4.")
    );

    // The next build is the next generation: the burst gave no second rebuild.
    fs::write(&note, text.replace("How it began.", "Marker.")).unwrap();
    assert_eq!(events.next(), first + 2);
    assert!(
        get(&server, "/repo/notes/history/")
            .body
            .contains("Marker.")
    );
    server.shutdown().unwrap();
}

#[test]
fn the_command_stops_cleanly_on_ctrl_c() {
    let site = fixture("serve");
    let temporary = tempfile::tempdir().unwrap();
    let mut child = Running(
        Command::new(env!("CARGO_BIN_EXE_explainer"))
            .args(["serve", "--port", "0", "--root"])
            .arg(site.path())
            .env("TMPDIR", temporary.path())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    );
    let mut lines = BufReader::new(child.0.stdout.take().unwrap()).lines();
    let url = lines
        .by_ref()
        .map_while(Result::ok)
        .find_map(|line| {
            line.strip_prefix("Serving ")
                .and_then(|rest| rest.split(' ').next())
                .map(str::to_owned)
        })
        .expect("the command prints the address");
    let response = agent().get(&url).call().unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(
        fs::read_dir(temporary.path()).unwrap().count(),
        1,
        "the build lives in TMPDIR"
    );

    let interrupted = Command::new("kill")
        .args(["-INT", &child.0.id().to_string()])
        .status()
        .unwrap();
    assert!(interrupted.success());
    let deadline = Instant::now() + TIMEOUT;
    let status = loop {
        if let Some(status) = child.0.try_wait().unwrap() {
            break status;
        }
        assert!(Instant::now() < deadline, "the server did not stop");
        std::thread::sleep(Duration::from_millis(20));
    };
    assert!(status.success(), "{status}");
    assert_eq!(
        fs::read_dir(temporary.path()).unwrap().count(),
        0,
        "the temporary build is removed"
    );
    assert!(!site.path().join("public").exists());
}
