//! Rebuilds the binary when the embedded site files change (`explainer new` writes them).

fn main() {
    for dir in ["templates", "static", "starter"] {
        println!("cargo:rerun-if-changed={dir}");
    }
}
