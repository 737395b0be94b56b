//! Fenced code blocks of about 130 bytes in Rust, Python, shell or JSON, each one different,
//! so that a cache of highlighted blocks cannot make a full build cheaper than real notes.

use crate::text::Rng;

/// The languages of the blocks, in turn.
const LANGUAGES: [&str; 4] = ["rust", "python", "sh", "json"];

/// True when note `i` carries a code block: a quarter of the notes.
pub fn has_code(i: usize) -> bool {
    i % 4 == 1
}

/// The code block of note `i`, fenced, with a blank line after it. It draws from a generator
/// of its own, so that the rest of the site is the same with and without code blocks.
pub fn code_block(i: usize) -> String {
    let rng = &mut Rng(0x9e37_79b9_7f4a_7c15 ^ i as u64);
    let lang = LANGUAGES[(i / 4) % LANGUAGES.len()];
    let a = rng.below(1000);
    let b = rng.below(100);
    let word = rng.words(1);
    let code = match lang {
        "rust" => format!(
            "fn note_{i}(x: u32) -> u32 {{\n    let {word}_{a} = x * {b};\n    // the {word} count\n    {word}_{a} + {a}\n}}\n"
        ),
        "python" => format!(
            "def note_{i}(rows):\n    \"\"\"Counts {word} rows.\"\"\"\n    total = {a}\n    for row in rows:\n        total += row[{b}]\n    return total\n"
        ),
        "sh" => format!(
            "#!/bin/sh\n# fetch the {word} file {i}\nset -eu\nfor n in $(seq {b}); do\n  echo \"{word} $n\" >> \"out-{a}.txt\"\ndone\n"
        ),
        _ => format!(
            "{{\n  \"note\": {i},\n  \"{word}\": [{a}, {b}],\n  \"label\": \"{word} {a}\",\n  \"checked\": {}\n}}\n",
            a.is_multiple_of(2)
        ),
    };
    format!("```{lang}\n{code}```\n\n")
}
