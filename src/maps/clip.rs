//! Cutting shapes to the drawing's frame, so that a map carries only what it shows.
//!
//! A rectangle is all a map is ever cut to, for which the classic algorithms are a few
//! lines each: Sutherland-Hodgman for areas (an area cut this way may run along the
//! frame, where the frame's own line covers it) and Liang-Barsky for lines.

use super::geo::{Point, Rect};

/// The part of a closed ring inside `rect`; empty when none is.
pub fn ring(points: &[Point], rect: &Rect) -> Vec<Point> {
    let mut out: Vec<Point> = points.to_vec();
    type Inside = fn(Point, &Rect) -> bool;
    type Cross = fn(Point, Point, &Rect) -> Point;
    let edges: [(Inside, Cross); 4] = [
        (|p, r| p.x >= r.x0, |a, b, r| at_x(a, b, r.x0)),
        (|p, r| p.x <= r.x1, |a, b, r| at_x(a, b, r.x1)),
        (|p, r| p.y >= r.y0, |a, b, r| at_y(a, b, r.y0)),
        (|p, r| p.y <= r.y1, |a, b, r| at_y(a, b, r.y1)),
    ];
    for (inside, cross) in edges {
        let Some(&last) = out.last() else {
            return out;
        };
        let input = std::mem::take(&mut out);
        let mut previous = last;
        for &current in &input {
            match (inside(previous, rect), inside(current, rect)) {
                (true, true) => out.push(current),
                (true, false) => out.push(cross(previous, current, rect)),
                (false, true) => {
                    out.push(cross(previous, current, rect));
                    out.push(current);
                }
                (false, false) => {}
            }
            previous = current;
        }
    }
    out
}

fn at_x(a: Point, b: Point, x: f64) -> Point {
    let t = (x - a.x) / (b.x - a.x);
    Point {
        x,
        y: a.y + t * (b.y - a.y),
    }
}

fn at_y(a: Point, b: Point, y: f64) -> Point {
    let t = (y - a.y) / (b.y - a.y);
    Point {
        x: a.x + t * (b.x - a.x),
        y,
    }
}

/// The runs of a line that are inside `rect`.
pub fn line(points: &[Point], rect: &Rect) -> Vec<Vec<Point>> {
    let mut runs: Vec<Vec<Point>> = Vec::new();
    let mut current: Vec<Point> = Vec::new();
    for pair in points.windows(2) {
        match segment(pair[0], pair[1], rect) {
            Some((a, b)) => {
                if current.last() != Some(&a) {
                    if current.len() > 1 {
                        runs.push(std::mem::take(&mut current));
                    }
                    current = vec![a];
                }
                current.push(b);
            }
            None => {
                if current.len() > 1 {
                    runs.push(std::mem::take(&mut current));
                }
                current.clear();
            }
        }
    }
    if current.len() > 1 {
        runs.push(current);
    }
    runs
}

/// Liang-Barsky: the part of segment `a`-`b` inside `rect`.
fn segment(a: Point, b: Point, rect: &Rect) -> Option<(Point, Point)> {
    let (dx, dy) = (b.x - a.x, b.y - a.y);
    let mut t0: f64 = 0.0;
    let mut t1: f64 = 1.0;
    for (p, q) in [
        (-dx, a.x - rect.x0),
        (dx, rect.x1 - a.x),
        (-dy, a.y - rect.y0),
        (dy, rect.y1 - a.y),
    ] {
        if p == 0.0 {
            if q < 0.0 {
                return None;
            }
        } else {
            let t = q / p;
            if p < 0.0 {
                t0 = t0.max(t);
            } else {
                t1 = t1.min(t);
            }
        }
    }
    if t0 > t1 {
        return None;
    }
    let at = |t: f64| Point {
        x: a.x + t * dx,
        y: a.y + t * dy,
    };
    Some((
        if t0 > 0.0 { at(t0) } else { a },
        if t1 < 1.0 { at(t1) } else { b },
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(x: f64, y: f64) -> Point {
        Point { x, y }
    }

    #[test]
    fn rings_are_cut_to_the_frame() {
        let rect = Rect::new(0.0, 0.0, 10.0, 10.0);
        let square = [p(-5.0, -5.0), p(5.0, -5.0), p(5.0, 5.0), p(-5.0, 5.0)];
        let cut = ring(&square, &rect);
        assert!(cut.iter().all(|&q| rect.contains(q)), "{cut:?}");
        assert!(cut.contains(&p(5.0, 5.0)) && cut.contains(&p(0.0, 0.0)));
        assert!(ring(&[p(20.0, 20.0), p(30.0, 20.0), p(30.0, 30.0)], &rect).is_empty());
    }

    #[test]
    fn lines_are_cut_into_runs() {
        let rect = Rect::new(0.0, 0.0, 10.0, 10.0);
        let zigzag = [
            p(-5.0, 5.0),
            p(5.0, 5.0),
            p(5.0, 15.0),
            p(8.0, 15.0),
            p(8.0, 5.0),
        ];
        let runs = line(&zigzag, &rect);
        assert_eq!(runs.len(), 2, "{runs:?}");
        assert_eq!(runs[0], vec![p(0.0, 5.0), p(5.0, 5.0), p(5.0, 10.0)]);
        assert_eq!(runs[1], vec![p(8.0, 10.0), p(8.0, 5.0)]);
    }
}
