//! Charts drawn at build time as inline SVG: one row per source, a point or a bar per figure.
//! This module lays the chart out; `partials/casualty_chart.html` writes its SVG.
//!
//! Colours come from CSS (`currentColor` and the page's custom properties), so the
//! chart follows dark mode and print; no script and no image file are involved.

use serde::Serialize;

use super::model::{Figure, Qualifier};
use crate::words::Words;

/// One row of a chart: a source and its figures.
#[derive(Debug)]
pub struct ChartRow {
    /// The source's name.
    pub label: String,
    /// Its figures.
    pub figures: Vec<Figure>,
}

const MIN_WIDTH: f64 = 760.0;
/// A generous width of one character of the value labels, in SVG units.
const CHAR_WIDTH: f64 = 8.0;
const PLOT_START: f64 = 260.0;
const PLOT_END: f64 = 600.0;
const LABEL_CHARS: usize = 34;
const LABEL_LINES: usize = 3;
const LINE_HEIGHT: u32 = 16;
const ARROW: f64 = 28.0;

/// A chart laid out, for `partials/casualty_chart.html`. Coordinates are written out already
/// (to a tenth of a unit), so that every template draws the same chart.
#[derive(Debug, Serialize)]
pub struct Drawing {
    /// The width of the view box.
    width: String,
    /// The height of the view box.
    height: u32,
    /// The chart's accessible name and description.
    title: String,
    description: String,
    /// Where the axis's lines end and where its numbers stand.
    axis_bottom: u32,
    axis_label_y: u32,
    /// The space between a row label's lines.
    line_height: u32,
    ticks: Vec<Tick>,
    rows: Vec<RowDrawing>,
}

/// A division of the axis.
#[derive(Debug, Serialize)]
struct Tick {
    x: String,
    /// The number, in the language's digits.
    label: String,
}

/// One source's row.
#[derive(Debug, Serialize)]
struct RowDrawing {
    /// The source's name, whole.
    source: String,
    /// The name in at most [`LABEL_LINES`] lines, and where the first stands.
    lines: Vec<String>,
    label_y: String,
    marks: Vec<Mark>,
    /// The figures in words, and where they stand.
    value: String,
    value_x: String,
    value_y: String,
}

/// One shape of a row, drawn in order.
#[derive(Debug, Serialize)]
#[serde(tag = "shape", rename_all = "snake_case")]
enum Mark {
    /// A figure: `about` marks an approximate one.
    Point { x: String, y: String, about: bool },
    /// The line to a figure's open end: rightwards for "at least", from zero for "up to".
    Open { path: String, up_to: bool },
    /// A range's bar.
    Range { x: String, y: String, width: String },
    /// A range's best estimate.
    Best { x: String, y1: String, y2: String },
}

/// A coordinate as the chart writes it.
fn at(value: f64) -> String {
    format!("{value:.1}")
}

/// Lays out a chart of `rows` under `title` and `description`. Figures and the axis's numbers
/// are in the language of `words`.
pub fn layout(title: &str, description: &str, rows: &[ChartRow], words: &Words) -> Drawing {
    let top = rows
        .iter()
        .filter_map(|r| {
            r.figures
                .iter()
                .filter_map(Figure::bounds)
                .map(|b| b.1)
                .max()
        })
        .max()
        .unwrap_or(0);
    let step = nice_step(top);
    let axis_max = top.div_ceil(step).max(1) * step;
    let x = |value: u64| PLOT_START + (PLOT_END - PLOT_START) * value as f64 / axis_max as f64;
    let mut drawn = Vec::with_capacity(rows.len());
    let mut width = MIN_WIDTH;
    let mut y = 8;
    for row in rows {
        let lines = wrap(&row.label);
        let height = LINE_HEIGHT * lines.len().max(1) as u32 + 16;
        let middle = f64::from(y + height / 2);
        let first = f64::from(y + height / 2)
            - f64::from(LINE_HEIGHT) * (lines.len() as f64 - 1.0) / 2.0
            + 5.0;
        let mut marks = Vec::new();
        let mut end = PLOT_START;
        for figure in &row.figures {
            end = end.max(mark(&mut marks, figure, middle, &x));
        }
        let said: Vec<String> = row.figures.iter().map(|f| f.words(words)).collect();
        let said = said.join("; ");
        width = width.max(end + 12.0 + CHAR_WIDTH * said.chars().count() as f64);
        drawn.push(RowDrawing {
            source: row.label.clone(),
            lines,
            label_y: at(first),
            marks,
            value: said,
            value_x: at(end + 8.0),
            value_y: at(middle + 5.0),
        });
        y += height;
    }
    let ticks = (0..=axis_max)
        .step_by(usize::try_from(step).unwrap_or(usize::MAX))
        .map(|tick| Tick {
            x: at(x(tick)),
            label: words.number(tick),
        })
        .collect();
    Drawing {
        width: format!("{width:.0}"),
        height: y + 32,
        title: title.to_owned(),
        description: description.to_owned(),
        axis_bottom: y,
        axis_label_y: y + 18,
        line_height: LINE_HEIGHT,
        ticks,
        rows: drawn,
    }
}

/// Lays out one figure on the row at height `y`; returns how far right it reaches.
fn mark(marks: &mut Vec<Mark>, figure: &Figure, y: f64, x: &dyn Fn(u64) -> f64) -> f64 {
    let point = |at_x: f64, about: bool| Mark::Point {
        x: at(at_x),
        y: at(y),
        about,
    };
    match *figure {
        Figure::Value { value, qualifier } => {
            let here = x(value);
            match qualifier {
                Qualifier::Exact => marks.push(point(here, false)),
                Qualifier::About => marks.push(point(here, true)),
                Qualifier::AtLeast | Qualifier::MoreThan => {
                    let tip = here + ARROW;
                    let path = format!(
                        "M{here:.1} {y:.1}H{tip:.1}M{:.1} {:.1}L{tip:.1} {y:.1}L{:.1} {:.1}",
                        tip - 6.0,
                        y - 5.0,
                        tip - 6.0,
                        y + 5.0
                    );
                    marks.push(Mark::Open { path, up_to: false });
                    marks.push(point(here, false));
                    return tip;
                }
                Qualifier::UpTo => {
                    let path = format!("M{:.1} {y:.1}H{here:.1}", x(0));
                    marks.push(Mark::Open { path, up_to: true });
                    marks.push(point(here, false));
                }
            }
            here + 5.0
        }
        Figure::Range { min, max, best } => {
            let (start, stop) = (x(min), x(max));
            marks.push(Mark::Range {
                x: at(start),
                y: at(y - 6.0),
                width: at((stop - start).max(2.0)),
            });
            if let Some(best) = best {
                marks.push(Mark::Best {
                    x: at(x(best)),
                    y1: at(y - 9.0),
                    y2: at(y + 9.0),
                });
            }
            stop.max(start + 2.0)
        }
        Figure::Undisclosed => PLOT_START,
    }
}

/// A round step for about four axis divisions: 1, 2 or 5 times a power of ten.
fn nice_step(top: u64) -> u64 {
    let raw = top.div_ceil(4).max(1);
    let mut magnitude = 1u64;
    while magnitude.saturating_mul(10) <= raw {
        magnitude *= 10;
    }
    [1, 2, 5, 10]
        .into_iter()
        .map(|m| m * magnitude)
        .find(|step| *step >= raw)
        .unwrap_or(magnitude * 10)
}

/// Splits a label into at most [`LABEL_LINES`] lines of about [`LABEL_CHARS`] characters.
fn wrap(label: &str) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in label.split_whitespace() {
        match lines.last_mut() {
            Some(line) if line.chars().count() + 1 + word.chars().count() <= LABEL_CHARS => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_owned()),
        }
    }
    if lines.len() > LABEL_LINES {
        lines.truncate(LABEL_LINES);
        if let Some(last) = lines.last_mut() {
            last.push('…');
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_are_round() {
        assert_eq!(nice_step(223), 100);
        assert_eq!(nice_step(40), 10);
        assert_eq!(nice_step(0), 1);
        assert_eq!(nice_step(100_490), 50_000);
    }

    #[test]
    fn long_labels_wrap() {
        let lines = wrap(
            "Gegham Stepanyan, human rights ombudsman of the self-declared Nagorno-Karabakh Republic",
        );
        assert_eq!(lines.len(), 3);
        assert!(lines.iter().all(|l| l.chars().count() <= LABEL_CHARS + 1));
    }

    #[test]
    fn the_partial_draws_each_kind_of_figure_in_its_row() {
        let rows = [
            ChartRow {
                label: "Ministry & <co>".to_owned(),
                figures: vec![Figure::Range {
                    min: 100,
                    max: 120,
                    best: Some(110),
                }],
            },
            ChartRow {
                label: "Monitor".to_owned(),
                figures: vec![Figure::Value {
                    value: 200,
                    qualifier: Qualifier::AtLeast,
                }],
            },
        ];
        let drawing = layout("Killed", "Two sources", &rows, Words::english());
        let mut context = tera::Context::new();
        context.insert("chart", &drawing);
        let svg = crate::render::render_bundled_component(
            "partials/casualty_chart.html",
            "{{<casualty_chart id=\"c1\" chart={chart}/>}}",
            &context,
        );
        assert!(svg.starts_with("<svg class=\"casualty-chart\""), "{svg}");
        assert!(svg.contains("aria-labelledby=\"c1-title c1-desc\""));
        assert!(svg.contains("<title id=\"c1-title\">Killed</title>"));
        assert!(
            svg.contains("data-source=\"Ministry &amp; &lt;co&gt;\""),
            "{svg}"
        );
        assert!(svg.contains("<rect class=\"casualty-chart__range\" x=\"430.0\""));
        assert!(svg.contains("<line class=\"casualty-chart__best\""));
        assert!(svg.contains("<path class=\"casualty-chart__open\" d=\"M"));
        assert!(svg.contains(">at least 200</text></g>"), "{svg}");
        assert!(svg.ends_with("</svg>"));
    }
}
