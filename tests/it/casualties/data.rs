//! Input and output: CSV and TOML alike, the exports, the article's summary box, the real claims.

use std::fs;
use std::path::Path;

use super::*;

#[test]
fn csv_and_toml_give_the_same_page_and_exports() {
    let toml_site = fixture("casualties/site");
    build_ok(toml_site.path());
    let exported_csv =
        fs::read_to_string(toml_site.path().join("public/casualties/casualties.csv")).unwrap();
    let csv_site = site_with("casualties.csv", &exported_csv);
    build_ok(csv_site.path());
    let main = |root: &Path| {
        casualties_page(root)
            .select(&scraper::Selector::parse("main").unwrap())
            .next()
            .unwrap()
            .html()
    };
    assert_eq!(main(toml_site.path()), main(csv_site.path()));
    for export in ["casualties.json", "casualties.csv"] {
        let read =
            |root: &Path| fs::read_to_string(root.join("public/casualties").join(export)).unwrap();
        assert_eq!(read(toml_site.path()), read(csv_site.path()), "{export}");
    }
    assert_eq!(
        exported_csv.lines().next().unwrap(),
        "id,source,reported_by,reported,scope,period,event,wording,status,supersedes,overlaps,excludes,notes,category,value,qualifier,min,max,best,undisclosed"
    );
    assert_eq!(
        exported_csv.lines().count(),
        1 + 16,
        "one row per claim and category"
    );
}

#[test]
fn json_export_keeps_the_data_file_fields() {
    let site = fixture("casualties/site");
    build_ok(site.path());
    let json: serde_json::Value = serde_json::from_str(
        &fs::read_to_string(site.path().join("public/casualties/casualties.json")).unwrap(),
    )
    .unwrap();
    let claims = json["claims"].as_array().unwrap();
    assert_eq!(claims.len(), 8);
    let north = claims
        .iter()
        .find(|c| c["id"] == "north-2023-09-21")
        .unwrap();
    assert_eq!(
        north["reported_by"],
        serde_json::json!(["daily-news", "wire-service"])
    );
    assert_eq!(north["supersedes"], "north-2023-09-19");
    assert_eq!(
        north["figures"]["killed"],
        serde_json::json!({ "value": 200, "qualifier": "at_least" })
    );
    assert_eq!(north["figures"]["civilians_killed"], serde_json::json!(40));
    let south = claims
        .iter()
        .find(|c| c["id"] == "south-2023-09-22")
        .unwrap();
    assert_eq!(
        south["figures"]["killed"],
        serde_json::json!({ "min": 150, "max": 180, "best": 160 })
    );
    assert_eq!(
        south["figures"]["wounded"],
        serde_json::json!({ "undisclosed": true })
    );
    assert_eq!(
        claims.iter().find(|c| c["id"] == "relief-2023-10").unwrap()["reported"],
        "2023-10"
    );
}

#[test]
fn the_real_claims_load_and_read_as_reported() {
    let site = real_site();
    build_ok(site.path());
    let html = casualties_page(site.path());
    let ombudsman = row_cells(&html, "ombudsman-2023-09-20");
    assert!(
        ombudsman.contains(&"at least 200".to_owned())
            && ombudsman.contains(&"more than 400".to_owned()),
        "{ombudsman:?}"
    );
    assert!(row_cells(&html, "ombudsman-2023-09-19").contains(&"at least 2".to_owned()));
    let armenian = "scope-offensive-of-19-20-september-2023-ethnic-armenian-side";
    let killed = headline(&html, armenian, "Killed");
    // The Karabakh authorities' revision of 27 September replaces their ombudsman's count.
    assert!(
        killed.contains("Lowest: 213")
            && killed.contains("27 September 2023")
            && killed.contains("Highest: 223")
            && !killed.contains("at least 200"),
        "{killed}"
    );
    assert_eq!(
        select(&html, "tr#ombudsman-2023-09-20.casualty-claim--superseded").len(),
        1
    );
    // Azerbaijan's health ministry gave servicemen and civilians apart, and no total.
    let azerbaijani = "scope-offensive-of-19-20-september-2023-azerbaijani-side";
    let soldiers = headline(&html, azerbaijani, "Soldiers killed");
    assert!(
        soldiers.contains("Only figure: 192") && soldiers.contains("No number given by"),
        "{soldiers}"
    );
    let wounded = headline(&html, azerbaijani, "Soldiers wounded");
    assert!(wounded.contains("Only figure: 511"), "{wounded}");
    let page_text = html.root_element().text().collect::<String>();
    assert!(!page_text.contains("193"), "a total no source stated");
    let depot = "scope-fuel-depot-explosion-near-stepanakertkhankendi-25-september-2023";
    let killed = headline(&html, depot, "Killed");
    assert!(
        killed.contains("Lowest: at least 20,") && killed.contains("Highest: at least 218,"),
        "{killed}"
    );
    let page_text = html.root_element().text().collect::<String>();
    for sum in ["306", "286", "238"] {
        assert!(
            !page_text
                .split(|c: char| !c.is_ascii_digit())
                .any(|n| n == sum),
            "the depot figures are added somewhere: {sum}"
        );
    }
    let histories: Vec<Vec<String>> = select(&html, ".casualty-history ol")
        .iter()
        .map(|ol| select_in(ol, "li").iter().map(text).collect())
        .collect();
    assert!(
        histories.iter().any(|h| h.len() == 3
            && h[0].contains("at least 2 superseded")
            && h[1].contains("at least 200")
            && h[1].contains("superseded")
            && h[2].contains("213")),
        "{histories:#?}"
    );
    assert!(
        histories
            .iter()
            .any(|h| h.len() == 5 && h[0].contains("more than 28,000") && h[4].contains("100,490")),
        "{histories:#?}"
    );
}
