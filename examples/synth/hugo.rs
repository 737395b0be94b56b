//! The Hugo twin: the same notes with plain links, and minimal templates.

use std::error::Error;
use std::path::Path;

use crate::notes::{Note, write_note};
use crate::site::write;

/// The page template of the Hugo twin: the title and the content.
const HUGO_SINGLE: &str = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>{{ .Title }}</title></head>\n<body><main><h1>{{ .Title }}</h1>{{ .Content }}</main></body></html>\n";
/// The list template.
const HUGO_LIST: &str = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>{{ .Title }}</title></head>\n<body><main><h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a></li>{{ end }}</ul></main></body></html>\n";

/// Our link schemes as the plain links a Hugo site would use.
pub fn hugo_body(body: &str) -> String {
    let mut out = body.replace("](source:", "](/sources/#");
    while let Some(start) = out.find("](@/notes/") {
        let rest = &out[start + 2..];
        let Some(end) = rest.find(".md)") else { break };
        let slug = rest["@/notes/".len()..end].to_owned();
        out.replace_range(start + 2..start + 2 + end + 3, &format!("/notes/{slug}/"));
    }
    out
}

/// Writes the Hugo twin of `notes` into `dir`.
pub fn write_hugo(dir: &Path, notes: &[Note]) -> Result<(), Box<dyn Error>> {
    write(
        &dir.join("hugo.toml"),
        "baseURL = \"https://example.org/synth/\"\ntitle = \"A synthetic explainer\"\ndisableKinds = [\"taxonomy\", \"term\"]\n",
    )?;
    write(&dir.join("layouts/_default/single.html"), HUGO_SINGLE)?;
    write(&dir.join("layouts/_default/list.html"), HUGO_LIST)?;
    write(
        &dir.join("content/_index.md"),
        "+++\ntitle = \"A synthetic explainer\"\n+++\n",
    )?;
    for (i, note) in notes.iter().enumerate() {
        // Hugo treats weight 0 as unset.
        write_note(dir, i, note, note.weight.max(1), &hugo_body(&note.body))?;
    }
    Ok(())
}
