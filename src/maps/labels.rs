//! Placing place names next to their marks so that no two overlap.
//!
//! Each label tries positions around its mark, nearest first and to the right first (as
//! cartographers do); a position that covers nothing wins at once, otherwise the one
//! covering least. In a crowded spot labels step further out, with a thin leader line
//! back to their mark. Text is measured by an estimate of its width, generous enough for
//! the sans-serif fonts readers have; labels stay inside the frame.

use serde::Serialize;

use super::geo::{Point, Rect};

/// The font size of labels, in SVG units.
pub const FONT_SIZE: f64 = 14.0;
/// The distance between the baselines of a label's lines.
pub const LINE_HEIGHT: f64 = 16.0;
/// How much wider bold text is.
const BOLD: f64 = 1.12;
/// From the top of a line's box to its baseline.
const BASELINE: f64 = 12.3;

/// A label to place.
#[derive(Debug, Clone)]
pub struct Label {
    /// The mark it names.
    pub at: Point,
    /// Its lines (a contested place's second line is its other name).
    pub lines: Vec<String>,
    /// The mark's radius: the label keeps clear of it.
    pub radius: f64,
    /// Set on the point itself when it fits there (a region's name, which has no mark).
    pub centred: bool,
    /// Set in bold, which is wider.
    pub bold: bool,
}

/// How a label's text lines up with its `x`, as SVG's `text-anchor`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Anchor {
    /// Text starts at `x`.
    Start,
    /// Text is centred on `x`.
    Middle,
    /// Text ends at `x`.
    End,
}

/// A placed label.
#[derive(Debug, Clone, Serialize)]
pub struct Placed {
    /// Where the text is anchored.
    pub x: f64,
    /// The first line's baseline.
    pub y: f64,
    /// How the text lines up with `x`.
    pub anchor: Anchor,
    /// A line from the mark to the label, when the label had to step away.
    pub leader: Option<Leader>,
    /// The box it takes.
    #[serde(skip)]
    pub bbox: Rect,
}

/// A line from a mark to its label.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Leader {
    /// Start, at the mark's edge.
    pub x1: f64,
    /// Start.
    pub y1: f64,
    /// End, on the label's box.
    pub x2: f64,
    /// End.
    pub y2: f64,
}

/// The width of a line of text, estimated from its characters.
pub fn text_width(text: &str) -> f64 {
    let ems: f64 = text
        .chars()
        .map(|c| match c {
            'i' | 'j' | 'l' | 'I' | '.' | ',' | '\'' | '’' | ':' | ';' | '|' | '!' => 0.3,
            'f' | 't' | 'r' | ' ' | '(' | ')' | '/' | '-' => 0.38,
            'm' | 'w' | 'M' | 'W' => 0.95,
            c if c.is_uppercase() => 0.74,
            c if c.is_ascii() => 0.61,
            // Letters with marks, and other scripts: the wider estimate.
            _ => 0.7,
        })
        .sum();
    ems * FONT_SIZE
}

/// The directions tried, in order of preference: right, left, above, below, then the corners.
const DIRECTIONS: [(f64, f64); 8] = [
    (1.0, 0.0),
    (-1.0, 0.0),
    (0.0, -1.0),
    (0.0, 1.0),
    (1.0, -1.0),
    (1.0, 1.0),
    (-1.0, -1.0),
    (-1.0, 1.0),
];
/// How far beyond the mark each ring of positions lies.
const RINGS: [f64; 3] = [3.0, 16.0, 32.0];

/// Places every label (in the order given, which is their priority), avoiding `obstacles`
/// (marks, the inset, the scale bar) and each other, inside `bounds`.
pub fn place(labels: &[Label], obstacles: &[Rect], bounds: &Rect) -> Vec<Placed> {
    let mut taken: Vec<Rect> = obstacles.to_vec();
    let mut placed = Vec::with_capacity(labels.len());
    for label in labels {
        let width = label
            .lines
            .iter()
            .map(|l| text_width(l))
            .fold(0.0, f64::max)
            * if label.bold { BOLD } else { 1.0 };
        let height = LINE_HEIGHT * label.lines.len().max(1) as f64;
        let mut best: Option<(f64, Placed)> = None;
        for (index, candidate) in candidates(label, width, height).into_iter().enumerate() {
            let covered: f64 = taken.iter().map(|r| r.overlap(&candidate.bbox)).sum();
            let score = covered + 20.0 * candidate.bbox.outside(bounds) + index as f64 * 0.01;
            if best.as_ref().is_none_or(|(s, _)| score < *s) {
                best = Some((score, candidate));
            }
            if score < 1.0 {
                break;
            }
        }
        if let Some((_, chosen)) = best {
            taken.push(chosen.bbox.grown(1.0));
            placed.push(chosen);
        }
    }
    placed
}

fn candidates(label: &Label, width: f64, height: f64) -> Vec<Placed> {
    let mut list = Vec::new();
    let p = label.at;
    if label.centred {
        let bbox = Rect::new(p.x - width / 2.0, p.y - height / 2.0, width, height);
        list.push(at_box(bbox, Anchor::Middle, None));
    }
    for (ring, step) in RINGS.iter().enumerate() {
        let d = label.radius + step;
        for (ux, uy) in DIRECTIONS {
            // Corner positions sit on the diagonal, as far from the mark as side ones.
            let (dx, dy) = if ux != 0.0 && uy != 0.0 {
                (ux * d * 0.7, uy * d * 0.7)
            } else {
                (ux * d, uy * d)
            };
            let x0 = match ux {
                u if u > 0.0 => p.x + dx,
                u if u < 0.0 => p.x + dx - width,
                _ => p.x - width / 2.0,
            };
            let y0 = match uy {
                u if u > 0.0 => p.y + dy,
                u if u < 0.0 => p.y + dy - height,
                _ => p.y - height / 2.0,
            };
            let anchor = match ux {
                u if u > 0.0 => Anchor::Start,
                u if u < 0.0 => Anchor::End,
                _ => Anchor::Middle,
            };
            let bbox = Rect::new(x0, y0, width, height);
            let leader = (ring > 0).then(|| leader(p, label.radius, &bbox));
            list.push(at_box(bbox, anchor, leader));
        }
    }
    list
}

fn at_box(bbox: Rect, anchor: Anchor, leader: Option<Leader>) -> Placed {
    let x = match anchor {
        Anchor::Start => bbox.x0,
        Anchor::Middle => (bbox.x0 + bbox.x1) / 2.0,
        Anchor::End => bbox.x1,
    };
    Placed {
        x: round(x),
        y: round(bbox.y0 + BASELINE),
        anchor,
        leader,
        bbox,
    }
}

/// A line from the edge of the mark to the nearest point of the label's box.
fn leader(mark: Point, radius: f64, bbox: &Rect) -> Leader {
    let to = Point {
        x: mark.x.clamp(bbox.x0, bbox.x1),
        y: mark.y.clamp(bbox.y0, bbox.y1),
    };
    let (dx, dy) = (to.x - mark.x, to.y - mark.y);
    let length = dx.hypot(dy).max(1e-9);
    let from = Point {
        x: mark.x + dx / length * (radius + 1.0),
        y: mark.y + dy / length * (radius + 1.0),
    };
    Leader {
        x1: round(from.x),
        y1: round(from.y),
        x2: round(to.x),
        y2: round(to.y),
    }
}

/// A coordinate to a tenth of a unit, as written in the SVG.
pub fn round(v: f64) -> f64 {
    (v * 10.0).round() / 10.0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn label(x: f64, y: f64, name: &str) -> Label {
        Label {
            at: Point { x, y },
            lines: vec![name.to_owned()],
            radius: 4.0,
            centred: false,
            bold: false,
        }
    }

    #[test]
    fn a_lone_label_goes_to_the_right() {
        let bounds = Rect::new(0.0, 0.0, 400.0, 300.0);
        let placed = place(&[label(100.0, 100.0, "Goris")], &[], &bounds);
        assert_eq!(placed[0].anchor, Anchor::Start);
        assert!(placed[0].x > 104.0 && placed[0].leader.is_none());
    }

    #[test]
    fn labels_near_the_edge_turn_inwards() {
        let bounds = Rect::new(0.0, 0.0, 400.0, 300.0);
        let placed = place(&[label(395.0, 150.0, "Baku")], &[], &bounds);
        assert_eq!(placed[0].anchor, Anchor::End);
        assert!(placed[0].bbox.outside(&bounds) == 0.0);
    }

    #[test]
    fn crowded_labels_do_not_overlap() {
        let bounds = Rect::new(0.0, 0.0, 400.0, 300.0);
        // Four towns within a few units of each other, as Stepanakert/Khankendi,
        // Shushi/Shusha, Khojaly and Askeran are on a map of the South Caucasus.
        let labels = [
            label(200.0, 150.0, "Stepanakert"),
            label(199.0, 154.0, "Shushi"),
            label(203.0, 146.0, "Khojaly"),
            label(205.0, 145.0, "Askeran"),
        ];
        let marks: Vec<Rect> = labels
            .iter()
            .map(|l| Rect::new(l.at.x - 4.0, l.at.y - 4.0, 8.0, 8.0))
            .collect();
        let placed = place(&labels, &marks, &bounds);
        for (i, a) in placed.iter().enumerate() {
            for b in &placed[i + 1..] {
                assert_eq!(a.bbox.overlap(&b.bbox), 0.0, "{a:?} {b:?}");
            }
            for mark in &marks {
                assert_eq!(a.bbox.overlap(mark), 0.0);
            }
        }
    }

    #[test]
    fn wide_letters_measure_wider() {
        assert!(text_width("Mmmm") > text_width("Illi") * 2.0);
        assert!(text_width("Xankәndi") > text_width("Xankandi"));
    }
}
