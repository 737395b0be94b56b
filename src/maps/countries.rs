//! Country names, for context: each set inside the country's largest visible piece, as near
//! its middle as it fits, covering no place, label, inset or scale bar; left out otherwise.

use std::collections::HashMap;

use serde::Serialize;

use super::geo::{Point, Rect};
use super::labels::{FONT_SIZE, round, text_width};
use super::layer::CountryPiece;

/// The font size of country names (`.map-country` in the stylesheet), in SVG units.
pub const NAME_SIZE: f64 = 11.0;
/// Their letter spacing, in ems (`.map-country`).
const LETTER_SPACING: f64 = 0.12;
/// How many times its name's box a piece's area must be, so that the name sits well inside.
const ROOM: f64 = 4.0;

/// A country's name as drawn, centred on `x`.
#[derive(Debug, Clone, Serialize)]
pub struct CountryName {
    /// The centre of the name.
    pub x: f64,
    /// Its baseline.
    pub y: f64,
    /// The country's name, as the map's words give it.
    pub name: String,
}

/// The names that fit, largest countries first; each one placed is added to `taken`. A
/// country is named as `translated` names it, else by its name in Natural Earth.
pub fn names(
    pieces: &[CountryPiece],
    translated: &HashMap<String, String>,
    taken: &mut Vec<Rect>,
    frame: &Rect,
) -> Vec<CountryName> {
    let mut order: Vec<&CountryPiece> = pieces.iter().collect();
    order.sort_by(|a, b| b.area.total_cmp(&a.area));
    let inside = frame.grown(-4.0);
    let mut placed = Vec::new();
    for piece in order {
        let name = translated.get(&piece.name).unwrap_or(&piece.name);
        let letters = name.chars().count() as f64;
        let width = text_width(&name.to_uppercase()) * NAME_SIZE / FONT_SIZE
            + LETTER_SPACING * NAME_SIZE * letters;
        let height = NAME_SIZE * 1.2;
        if piece.area < ROOM * width * height {
            continue;
        }
        let free = |bbox: &Rect| {
            bbox.outside(&inside) == 0.0
                && corners(bbox).iter().all(|&c| contains(&piece.ring, c))
                && !taken.iter().any(|t| t.grown(2.0).overlap(bbox) > 0.0)
        };
        let Some(bbox) = spots(piece)
            .into_iter()
            .map(|c| Rect::new(c.x - width / 2.0, c.y - height / 2.0, width, height))
            .find(|bbox| free(bbox))
        else {
            continue;
        };
        taken.push(bbox);
        placed.push(CountryName {
            x: round((bbox.x0 + bbox.x1) / 2.0),
            y: round(bbox.y1 - NAME_SIZE * 0.3),
            name: name.clone(),
        });
    }
    placed
}

/// Where a name may be centred: the piece's centroid, then points of a grid over it, nearest
/// to the centroid first.
fn spots(piece: &CountryPiece) -> Vec<Point> {
    const STEPS: usize = 8;
    let mut points = vec![piece.centre];
    for i in 0..=STEPS {
        for j in 0..=STEPS {
            points.push(Point {
                x: piece.bbox.x0 + piece.bbox.width() * i as f64 / STEPS as f64,
                y: piece.bbox.y0 + piece.bbox.height() * j as f64 / STEPS as f64,
            });
        }
    }
    let distance = |p: &Point| (p.x - piece.centre.x).hypot(p.y - piece.centre.y);
    points[1..].sort_by(|a, b| distance(a).total_cmp(&distance(b)));
    points
}

fn corners(bbox: &Rect) -> [Point; 5] {
    [
        Point {
            x: bbox.x0,
            y: bbox.y0,
        },
        Point {
            x: bbox.x1,
            y: bbox.y0,
        },
        Point {
            x: bbox.x0,
            y: bbox.y1,
        },
        Point {
            x: bbox.x1,
            y: bbox.y1,
        },
        Point {
            x: (bbox.x0 + bbox.x1) / 2.0,
            y: (bbox.y0 + bbox.y1) / 2.0,
        },
    ]
}

/// Even-odd point in polygon.
fn contains(ring: &[Point], p: Point) -> bool {
    let mut inside = false;
    for (i, a) in ring.iter().enumerate() {
        let b = ring[(i + 1) % ring.len()];
        if (a.y > p.y) != (b.y > p.y) && p.x < a.x + (p.y - a.y) * (b.x - a.x) / (b.y - a.y) {
            inside = !inside;
        }
    }
    inside
}

#[cfg(test)]
mod tests {
    use super::*;

    fn piece(name: &str, ring: Vec<Point>) -> CountryPiece {
        let p = |x, y| Point { x, y };
        let _ = p;
        let (x0, y0, x1, y1) = ring.iter().fold(
            (f64::MAX, f64::MAX, f64::MIN, f64::MIN),
            |(a, b, c, d), q| (a.min(q.x), b.min(q.y), c.max(q.x), d.max(q.y)),
        );
        CountryPiece {
            name: name.to_owned(),
            centre: Point {
                x: (x0 + x1) / 2.0,
                y: (y0 + y1) / 2.0,
            },
            area: (x1 - x0) * (y1 - y0),
            bbox: Rect { x0, y0, x1, y1 },
            ring,
        }
    }

    fn square(x0: f64, y0: f64, size: f64) -> Vec<Point> {
        vec![
            Point { x: x0, y: y0 },
            Point {
                x: x0 + size,
                y: y0,
            },
            Point {
                x: x0 + size,
                y: y0 + size,
            },
            Point {
                x: x0,
                y: y0 + size,
            },
        ]
    }

    #[test]
    fn names_step_aside_from_labels_and_skip_small_countries() {
        let frame = Rect::new(0.0, 0.0, 400.0, 300.0);
        let big = piece("Azerbaijan", square(100.0, 50.0, 200.0));
        let small = piece("Andorra", square(10.0, 10.0, 20.0));
        // A place's label covers the middle of the big country.
        let mut taken = vec![Rect::new(150.0, 130.0, 100.0, 40.0)];
        let names = names(&[small, big], &HashMap::new(), &mut taken, &frame);
        assert_eq!(names.len(), 1);
        assert_eq!(names[0].name, "Azerbaijan");
        let spot = Point {
            x: names[0].x,
            y: names[0].y,
        };
        assert!(contains(&square(100.0, 50.0, 200.0), spot));
        assert!(!Rect::new(150.0, 130.0, 100.0, 40.0).contains(spot));
        assert_eq!(taken.len(), 2);
    }

    #[test]
    fn names_are_given_in_the_maps_language_and_measured_so() {
        let frame = Rect::new(0.0, 0.0, 400.0, 300.0);
        let translated = HashMap::from([("Azerbaijan".to_owned(), "Азербайджан".to_owned())]);
        let big = || piece("Azerbaijan", square(100.0, 50.0, 200.0));
        let mut taken = Vec::new();
        let placed = names(&[big()], &translated, &mut taken, &frame);
        assert_eq!(placed[0].name, "Азербайджан");
        let mut english = Vec::new();
        names(&[big()], &HashMap::new(), &mut english, &frame);
        assert_ne!(taken[0].width(), english[0].width());
    }
}
