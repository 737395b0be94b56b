//! The structure of a JPEG file: its marker segments up to the image data.
//!
//! Read to find metadata blocks, and to tell a file cut short (its image data never
//! ends) from a whole one: the decoder fills a cut photograph with grey without a word.

/// A JPEG's segments before its first scan, and where the scan's data starts.
pub struct Header<'a> {
    /// Each segment's marker (the byte after `0xFF`) and body.
    pub segments: Vec<(u8, &'a [u8])>,
    /// The offset of the first byte after the start-of-scan segment.
    pub scan: usize,
}

/// The header of `bytes`; `None` when they do not follow JPEG's structure.
pub fn header(bytes: &[u8]) -> Option<Header<'_>> {
    if bytes.get(..2)? != [0xFF, 0xD8] {
        return None;
    }
    let mut segments = Vec::new();
    let mut at = 2;
    loop {
        if *bytes.get(at)? != 0xFF {
            return None;
        }
        let marker = *bytes.get(at + 1)?;
        match marker {
            // Fill bytes, and markers without a body.
            0xFF => {
                at += 1;
                continue;
            }
            0x01 | 0xD0..=0xD7 => {
                at += 2;
                continue;
            }
            0xD9 => return None,
            _ => {}
        }
        let length = usize::from(u16::from_be_bytes([
            *bytes.get(at + 2)?,
            *bytes.get(at + 3)?,
        ]));
        let body = bytes.get(at + 4..at + 2 + length)?;
        at += 2 + length;
        if marker == 0xDA {
            return Some(Header { segments, scan: at });
        }
        segments.push((marker, body));
    }
}

/// True when the image data ends with an end-of-image marker. Inside image data a `0xFF`
/// byte is always followed by `0x00` or a restart marker, so the first `0xFF 0xD9` after
/// the scan starts is its end (an EXIF thumbnail's own end marker comes before it).
pub fn is_complete(bytes: &[u8]) -> bool {
    header(bytes)
        .is_some_and(|header| memchr::memmem::find(&bytes[header.scan..], &[0xFF, 0xD9]).is_some())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::images::samples;

    #[test]
    fn tells_a_cut_file_from_a_whole_one() {
        assert!(is_complete(&samples::photo_jpeg(64, 48)));
        assert!(is_complete(&samples::jpeg_with_gps(64, 48)));
        assert!(!is_complete(&samples::truncated_jpeg()));
        assert!(!is_complete(b"\xFF\xD8\xFF"));
    }
}
