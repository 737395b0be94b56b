//! Charts drawn at build time as inline SVG: one row per source, a point or a bar per figure.
//!
//! Colours come from CSS (`currentColor` and the page's custom properties), so the
//! chart follows dark mode and print; no script and no image file are involved.

use std::fmt::Write;

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

/// The SVG of a chart; `id` makes its title and description ids unique on the page. Figures
/// and the axis's numbers are in the language of `words`.
pub fn svg(id: &str, title: &str, description: &str, rows: &[ChartRow], words: &Words) -> String {
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
    let mut body = String::new();
    let mut width = MIN_WIDTH;
    let mut y = 8;
    for row in rows {
        let lines = wrap(&row.label);
        let height = LINE_HEIGHT * lines.len().max(1) as u32 + 16;
        let middle = f64::from(y + height / 2);
        let _ = write!(
            body,
            "<g class=\"casualty-chart__bar\" data-source=\"{}\">",
            escape(&row.label)
        );
        let first = f64::from(y + height / 2)
            - f64::from(LINE_HEIGHT) * (lines.len() as f64 - 1.0) / 2.0
            + 5.0;
        let _ = write!(
            body,
            "<text class=\"casualty-chart__label\" x=\"0\" y=\"{first:.1}\">"
        );
        for (i, line) in lines.iter().enumerate() {
            let dy = if i == 0 { 0 } else { LINE_HEIGHT };
            let _ = write!(body, "<tspan x=\"0\" dy=\"{dy}\">{}</tspan>", escape(line));
        }
        body.push_str("</text>");
        let mut end = PLOT_START;
        for figure in &row.figures {
            end = end.max(mark(&mut body, figure, middle, &x));
        }
        let said: Vec<String> = row.figures.iter().map(|f| f.words(words)).collect();
        let said = said.join("; ");
        width = width.max(end + 12.0 + CHAR_WIDTH * said.chars().count() as f64);
        let _ = write!(
            body,
            "<text class=\"casualty-chart__value\" x=\"{:.1}\" y=\"{:.1}\">{}</text></g>",
            end + 8.0,
            middle + 5.0,
            escape(&said)
        );
        y += height;
    }
    let height = y + 32;
    let mut axis = String::from("<g class=\"casualty-chart__axis\">");
    for tick in (0..=axis_max).step_by(usize::try_from(step).unwrap_or(usize::MAX)) {
        let at = x(tick);
        let _ = write!(
            axis,
            "<line x1=\"{at:.1}\" y1=\"4\" x2=\"{at:.1}\" y2=\"{y}\"/><text x=\"{at:.1}\" y=\"{}\" text-anchor=\"middle\">{}</text>",
            y + 18,
            words.number(tick)
        );
    }
    axis.push_str("</g>");
    format!(
        "<svg class=\"casualty-chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width:.0} {height}\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\"><title id=\"{id}-title\">{}</title><desc id=\"{id}-desc\">{}</desc>{axis}{body}</svg>",
        escape(title),
        escape(description)
    )
}

/// Draws one figure on the row at height `y`; returns how far right it reaches.
fn mark(out: &mut String, figure: &Figure, y: f64, x: &dyn Fn(u64) -> f64) -> f64 {
    let point = |out: &mut String, at: f64, extra: &str| {
        let _ = write!(
            out,
            "<circle class=\"casualty-chart__point{extra}\" cx=\"{at:.1}\" cy=\"{y:.1}\" r=\"5\"/>"
        );
    };
    match *figure {
        Figure::Value { value, qualifier } => {
            let at = x(value);
            match qualifier {
                Qualifier::Exact => point(out, at, ""),
                Qualifier::About => point(out, at, " casualty-chart__point--about"),
                Qualifier::AtLeast | Qualifier::MoreThan => {
                    let tip = at + ARROW;
                    let _ = write!(
                        out,
                        "<path class=\"casualty-chart__open\" d=\"M{at:.1} {y:.1}H{tip:.1}M{:.1} {:.1}L{tip:.1} {y:.1}L{:.1} {:.1}\"/>",
                        tip - 6.0,
                        y - 5.0,
                        tip - 6.0,
                        y + 5.0
                    );
                    point(out, at, "");
                    return tip;
                }
                Qualifier::UpTo => {
                    let _ = write!(
                        out,
                        "<path class=\"casualty-chart__open casualty-chart__open--up-to\" d=\"M{:.1} {y:.1}H{at:.1}\"/>",
                        x(0)
                    );
                    point(out, at, "");
                }
            }
            at + 5.0
        }
        Figure::Range { min, max, best } => {
            let (start, stop) = (x(min), x(max));
            let _ = write!(
                out,
                "<rect class=\"casualty-chart__range\" x=\"{start:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"12\"/>",
                y - 6.0,
                (stop - start).max(2.0)
            );
            if let Some(best) = best {
                let at = x(best);
                let _ = write!(
                    out,
                    "<line class=\"casualty-chart__best\" x1=\"{at:.1}\" y1=\"{:.1}\" x2=\"{at:.1}\" y2=\"{:.1}\"/>",
                    y - 9.0,
                    y + 9.0
                );
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

/// Escapes text for SVG content and attributes.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
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
}
