//! SVG path data, written small: coordinates to a tenth of a unit, relative moves, and
//! detail under the tolerance of a map dropped, so that a map stays well under 60 KB.

use std::fmt::Write;

use super::geo::Point;

/// Douglas-Peucker: the points of a line that keep it within `tolerance` of its course.
/// The ends are always kept, so that lines that meet still meet.
pub fn simplify(points: &[Point], tolerance: f64) -> Vec<Point> {
    if points.len() < 3 {
        return points.to_vec();
    }
    let mut keep = vec![false; points.len()];
    keep[0] = true;
    keep[points.len() - 1] = true;
    let mut stack = vec![(0, points.len() - 1)];
    while let Some((first, last)) = stack.pop() {
        let (a, b) = (points[first], points[last]);
        let (dx, dy) = (b.x - a.x, b.y - a.y);
        let length = dx.hypot(dy);
        let mut worst = (0.0, None);
        for (i, q) in points.iter().enumerate().take(last).skip(first + 1) {
            let distance = if length == 0.0 {
                (q.x - a.x).hypot(q.y - a.y)
            } else {
                (dy * q.x - dx * q.y + b.x * a.y - b.y * a.x).abs() / length
            };
            if distance > worst.0 {
                worst = (distance, Some(i));
            }
        }
        if let (distance, Some(i)) = worst
            && distance > tolerance
        {
            keep[i] = true;
            stack.push((first, i));
            stack.push((i, last));
        }
    }
    points
        .iter()
        .zip(keep)
        .filter_map(|(p, k)| k.then_some(*p))
        .collect()
}

/// Path data being written.
#[derive(Debug, Default)]
pub struct PathData {
    d: String,
}

fn tenths(p: Point) -> (i64, i64) {
    ((p.x * 10.0).round() as i64, (p.y * 10.0).round() as i64)
}

/// Writes a number of tenths as a decimal, with its sign (a separator where needed).
fn number(d: &mut String, tenths: i64) {
    if tenths >= 0 && !d.ends_with(|c: char| c.is_ascii_alphabetic()) {
        d.push(' ');
    }
    if tenths < 0 {
        d.push('-');
    }
    let n = tenths.unsigned_abs();
    let _ = write!(d, "{}", n / 10);
    if !n.is_multiple_of(10) {
        let _ = write!(d, ".{}", n % 10);
    }
}

impl PathData {
    /// Adds a line (`closed`: a ring) of at least two distinct points.
    pub fn add(&mut self, points: &[Point], closed: bool) {
        let rounded: Vec<(i64, i64)> = points.iter().map(|&p| tenths(p)).collect();
        let mut distinct = rounded.clone();
        distinct.dedup();
        if distinct.len() < 2 || (closed && distinct.len() < 3) {
            return;
        }
        let (x, y) = distinct[0];
        self.d.push('M');
        number(&mut self.d, x);
        number(&mut self.d, y);
        let mut at = (x, y);
        for &(x, y) in &distinct[1..] {
            if closed && (x, y) == distinct[0] {
                continue;
            }
            self.d.push('l');
            number(&mut self.d, x - at.0);
            number(&mut self.d, y - at.1);
            at = (x, y);
        }
        if closed {
            self.d.push('z');
        }
    }

    /// True when nothing was written.
    pub fn is_empty(&self) -> bool {
        self.d.is_empty()
    }

    /// The path data.
    pub fn finish(self) -> String {
        self.d
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(x: f64, y: f64) -> Point {
        Point { x, y }
    }

    #[test]
    fn straight_runs_lose_their_middle_points() {
        let line = [p(0.0, 0.0), p(1.0, 0.05), p(2.0, 0.0), p(3.0, 2.0)];
        assert_eq!(
            simplify(&line, 0.1),
            vec![p(0.0, 0.0), p(2.0, 0.0), p(3.0, 2.0)]
        );
    }

    #[test]
    fn path_data_is_short_and_relative() {
        let mut path = PathData::default();
        path.add(&[p(1.0, 2.0), p(3.25, 2.0), p(3.25, -1.5)], true);
        path.add(&[p(5.0, 5.0), p(5.01, 5.01)], false);
        assert_eq!(path.finish(), "M1 2l2.3 0l0-3.5z");
    }
}
