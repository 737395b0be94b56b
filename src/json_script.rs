//! JSON that is safe inside an HTML `<script>` element.

use std::io;

use serde::Serialize;
use serde_json::ser::Formatter;

/// Serializes JSON for a `<script>` element: `<`, `>` and `&` are escaped so nothing can close it.
pub fn json_for_script<T: Serialize + ?Sized>(value: &T) -> String {
    let mut out = Vec::with_capacity(512);
    let mut serializer = serde_json::Serializer::with_formatter(&mut out, ScriptSafe);
    if value.serialize(&mut serializer).is_err() {
        // Only a map with keys that are not text fails, and no caller makes one.
        return "null".to_owned();
    }
    // serde_json writes UTF-8 only.
    String::from_utf8(out).unwrap_or_default()
}

/// Appends `text` as a JSON string escaped as [`json_for_script`] escapes strings.
pub fn push_string(out: &mut Vec<u8>, text: &str) {
    // Most strings (URLs, titles, dates) hold nothing to escape: they are copied as they are.
    if !text.bytes().any(needs_escape) {
        out.push(b'"');
        out.extend_from_slice(text.as_bytes());
        out.push(b'"');
        return;
    }
    let mut serializer = serde_json::Serializer::with_formatter(out, ScriptSafe);
    // Writing into memory cannot fail.
    let _ = serde::Serializer::serialize_str(&mut serializer, text);
}

/// Compact JSON whose strings escape what could end a script, or a line in old parsers.
struct ScriptSafe;

impl Formatter for ScriptSafe {
    fn write_string_fragment<W: ?Sized + io::Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        let bytes = fragment.as_bytes();
        let mut copied = 0;
        // Most fragments hold none of these bytes: find each, and check it only then.
        while let Some(found) = next_special(&bytes[copied..]) {
            let at = copied + found;
            let (escaped, len): (&[u8], usize) = match &bytes[at..] {
                [b'<', ..] => (b"\\u003c", 1),
                [b'>', ..] => (b"\\u003e", 1),
                [b'&', ..] => (b"\\u0026", 1),
                [0xE2, 0x80, 0xA8, ..] => (b"\\u2028", 3),
                [0xE2, 0x80, 0xA9, ..] => (b"\\u2029", 3),
                // Another character starting with this byte: kept as it is.
                _ => (&bytes[at..=at], 1),
            };
            writer.write_all(&bytes[copied..at])?;
            writer.write_all(escaped)?;
            copied = at + len;
        }
        writer.write_all(&bytes[copied..])
    }
}

/// True for a byte that JSON (controls, `"`, `\`) or a `<script>` element (`<`, `>`, `&`, the
/// first byte of U+2028 and U+2029) needs escaped.
fn needs_escape(byte: u8) -> bool {
    byte < 0x20 || matches!(byte, b'"' | b'\\' | b'<' | b'>' | b'&' | 0xE2)
}

/// The first `<`, `>`, `&` or first byte of U+2028 and U+2029 (`0xE2`) in `bytes`.
fn next_special(bytes: &[u8]) -> Option<usize> {
    let markup = memchr::memchr3(b'<', b'>', b'&', bytes);
    let separator = memchr::memchr(0xE2, bytes);
    match (markup, separator) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (found, None) | (None, found) => found,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_are_written_as_whole_values_are() {
        for text in [
            "plain",
            "https://example.org/a/",
            "é — “q”",
            "a\"b\\c",
            "</script>",
            "a\u{2028}",
            "\t\n",
            "",
        ] {
            let mut out = Vec::new();
            push_string(&mut out, text);
            assert_eq!(
                String::from_utf8(out).unwrap(),
                json_for_script(text),
                "{text:?}"
            );
        }
    }

    #[test]
    fn json_cannot_close_a_script() {
        let json = json_for_script(&serde_json::json!({"a": "</script>&"}));
        assert!(!json.contains('<') && !json.contains('&'));
        let back: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(back["a"], "</script>&");
    }

    #[test]
    fn line_separators_are_escaped_and_the_rest_kept() {
        let text = "a\u{2028}b\u{2029}c é — \"q\" \n";
        let json = json_for_script(&serde_json::json!({ "k<": text }));
        assert_eq!(
            json,
            "{\"k\\u003c\":\"a\\u2028b\\u2029c é — \\\"q\\\" \\n\"}"
        );
        let back: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(back["k<"], text);
    }
}
