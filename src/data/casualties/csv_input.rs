//! Reading `content/data/casualties.csv` into drafts: one row per claim and category.
//!
//! The claim-level columns are repeated on every row of a claim and must agree;
//! list cells (`reported_by`, `overlaps`) separate their ids with `;`.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use csv::StringRecord;

use super::csv_layout::{
    CLAIM_COLUMNS, COLUMNS, LIST_SEPARATOR, cell_starts, column, header_columns,
};
use super::draft::{At, DraftClaim, DraftFigure, Drafts, Loc};
use crate::data::file;
use crate::dates::DateInput;
use crate::diagnostics::{Collector, Diagnostic, SourceText};

/// The CSV file's name.
pub const FILE: &str = "casualties.csv";

/// Reads the CSV file, with the problems found while reading it; `Ok(None)` when the site has none.
pub fn read(root: &Path) -> Result<Option<(SourceText, Drafts)>, Diagnostic> {
    let Some(source) = file::read(root, FILE)? else {
        return Ok(None);
    };
    let drafts = parse(&source);
    Ok(Some((source, drafts)))
}

/// Parses CSV text into drafts; the problems found are returned with them, so that
/// validation adds its own and all are reported together.
fn parse(file: &SourceText) -> Drafts {
    let mut problems = Collector::default();
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(file.text.as_bytes());
    let mut records = reader.records();
    let header = match records.next() {
        Some(Ok(header)) => header,
        Some(Err(err)) => {
            problems.push(read_error(file, &err));
            return Drafts {
                problems,
                ..Drafts::default()
            };
        }
        None => {
            problems.push(
                Diagnostic::error(&file.path, "the file is empty")
                    .with_help(format!("start with the header row: {}", COLUMNS.join(","))),
            );
            return Drafts {
                problems,
                ..Drafts::default()
            };
        }
    };
    let columns = header_columns(file, &header, &mut problems);
    let mut builder = Builder::default();
    for record in records {
        match record {
            Ok(record) if record.len() != header.len() => problems.push(
                file.error_at(file::csv_record_start(&file.text, &record), format!("this row has {} cells; the header has {}", record.len(), header.len()))
                    .with_help("give every row the header's columns, leaving unknown values empty; quote cells that contain commas"),
            ),
            Ok(record) => {
                let row = Row { file, starts: cell_starts(&file.text, file::csv_record_start(&file.text, &record), record.len()), record: &record, columns: &columns };
                builder.add(&row, &mut problems);
            }
            Err(err) => problems.push(read_error(file, &err)),
        }
    }
    Drafts {
        claims: builder.claims,
        unreadable: builder.unreadable,
        problems,
    }
}

fn read_error(file: &SourceText, err: &csv::Error) -> Diagnostic {
    let line = err.position().map_or(0, |p| p.line() as usize);
    file.error_at_line(line, 1, format!("cannot read this row: {err}"))
        .with_help("check the row's quotes: a cell with commas, quotes or line breaks is written in double quotes, with inner quotes doubled")
}

/// One data row, with the places of its cells.
struct Row<'a> {
    file: &'a SourceText,
    record: &'a StringRecord,
    starts: Vec<usize>,
    columns: &'a [Option<usize>],
}

impl Row<'_> {
    fn loc(&self, column: usize) -> Loc {
        let index = self.columns[column].unwrap_or(0);
        let offset = self
            .starts
            .get(index)
            .or(self.starts.first())
            .copied()
            .unwrap_or(0);
        Loc::Cell {
            offset,
            column: index + 1,
            field: COLUMNS[column],
        }
    }

    fn text(&self, column: usize) -> &str {
        self.columns[column]
            .and_then(|i| self.record.get(i))
            .unwrap_or("")
    }

    fn cell(&self, name: &str) -> Option<At<String>> {
        let column = column(name);
        let text = self.text(column);
        (!text.is_empty()).then(|| At::new(text.to_owned(), self.loc(column)))
    }

    /// A cell every row needs; an empty one is an error (a missing column was reported with the header).
    fn required(&self, name: &str, problems: &mut Collector) -> Option<At<String>> {
        let cell = self.cell(name);
        if cell.is_none() && self.columns[column(name)].is_some() {
            problems.push(
                self.loc(column(name))
                    .error(self.file, format!("`{name}` is empty"))
                    .with_help(format!("every row needs `{name}`")),
            );
        }
        cell
    }

    fn list(&self, name: &str) -> Vec<At<String>> {
        self.cell(name)
            .map(|cell| {
                cell.value
                    .split(LIST_SEPARATOR)
                    .map(str::trim)
                    .filter(|id| !id.is_empty())
                    .map(|id| At::new(id.to_owned(), cell.loc))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// A number cell: `Ok(None)` when empty, `Err(())` when unreadable (reported).
    fn number(&self, name: &str, problems: &mut Collector) -> Result<Option<At<i64>>, ()> {
        let Some(cell) = self.cell(name) else {
            return Ok(None);
        };
        match cell.value.parse::<i64>() {
            Ok(value) => Ok(Some(At::new(value, cell.loc))),
            Err(_) => {
                problems.push(
                    cell.loc
                        .error(
                            self.file,
                            format!("`{name}` {:?} is not a whole number", cell.value),
                        )
                        .with_help("write digits only, such as 200, without separators"),
                );
                Err(())
            }
        }
    }

    /// A true/false cell: `Ok(None)` when empty, `Err(())` when unreadable (reported).
    fn flag(&self, name: &str, problems: &mut Collector) -> Result<Option<At<bool>>, ()> {
        let Some(cell) = self.cell(name) else {
            return Ok(None);
        };
        match cell.value.as_str() {
            "true" => Ok(Some(At::new(true, cell.loc))),
            "false" => Ok(Some(At::new(false, cell.loc))),
            other => {
                problems.push(
                    cell.loc
                        .error(self.file, format!("`{name}` is {other:?}"))
                        .with_help("write true, false, or leave the cell empty"),
                );
                Err(())
            }
        }
    }

    fn line(&self) -> usize {
        self.file
            .line_col(self.starts.first().copied().unwrap_or(0))
            .0
    }
}

/// Gathers rows into claims, checking that rows of one claim agree.
#[derive(Default)]
struct Builder {
    claims: Vec<DraftClaim>,
    /// Ids of claims whose first row lacked a required cell.
    unreadable: HashSet<String>,
    /// For each claim id: its index, the line of its first row, and that row's claim-level cells.
    first_rows: HashMap<String, (usize, usize, Vec<String>)>,
}

impl Builder {
    fn add(&mut self, row: &Row<'_>, problems: &mut Collector) {
        let Some(id) = row.required("id", problems) else {
            return;
        };
        let figure = figure(row, problems);
        let index = match self.first_rows.get(&id.value) {
            Some((index, line, cells)) => {
                for (column, first) in cells.iter().enumerate() {
                    if row.text(column) != first {
                        problems.push(row.loc(column).error(row.file, format!("`{}` differs from the first row of claim `{}` (line {line})", COLUMNS[column], id.value))
                            .with_help("repeat the claim-level columns unchanged on every row of a claim"));
                    }
                }
                *index
            }
            None => {
                let Some(claim) = claim(row, id.clone(), problems) else {
                    self.unreadable.insert(id.value);
                    return;
                };
                let cells = (0..CLAIM_COLUMNS).map(|c| row.text(c).to_owned()).collect();
                self.first_rows
                    .insert(id.value.clone(), (self.claims.len(), row.line(), cells));
                self.claims.push(claim);
                self.claims.len() - 1
            }
        };
        let Some(figure) = figure else { return };
        let claim = &mut self.claims[index];
        if claim
            .figures
            .iter()
            .any(|f| f.category.value == figure.category.value)
        {
            problems.push(
                figure
                    .category
                    .loc
                    .error(
                        row.file,
                        format!(
                            "claim `{}` has a second `{}` row",
                            id.value, figure.category.value
                        ),
                    )
                    .with_help("give each category once per claim"),
            );
        } else {
            claim.figures.push(figure);
        }
    }
}

fn claim(row: &Row<'_>, id: At<String>, problems: &mut Collector) -> Option<DraftClaim> {
    let source = row.required("source", problems);
    let reported = row.required("reported", problems);
    let scope = row.required("scope", problems);
    let figures_loc = id.loc;
    Some(DraftClaim {
        id,
        source: source?,
        reported_by: row.list("reported_by"),
        reported: reported.map(|r| At::new(DateInput::Text(r.value), r.loc))?,
        scope: scope?,
        period: row.cell("period").map(|c| c.value),
        event: row.cell("event"),
        wording: row.cell("wording").map(|c| c.value),
        status: row.cell("status"),
        supersedes: row.cell("supersedes"),
        overlaps: row.list("overlaps"),
        excludes: row.cell("excludes").map(|c| c.value),
        notes: row.cell("notes").map(|c| c.value),
        figures_loc,
        figures: Vec::new(),
    })
}

fn figure(row: &Row<'_>, problems: &mut Collector) -> Option<DraftFigure> {
    let category = row.required("category", problems)?;
    let mut figure = DraftFigure::empty(category);
    let mut number = |name| {
        row.number(name, problems).unwrap_or_else(|()| {
            figure.unreadable = true;
            None
        })
    };
    let (value, min, max, best) = (
        number("value"),
        number("min"),
        number("max"),
        number("best"),
    );
    figure.value = value;
    figure.min = min;
    figure.max = max;
    figure.best = best;
    figure.qualifier = row.cell("qualifier");
    figure.undisclosed = row.flag("undisclosed", problems).unwrap_or_else(|()| {
        figure.unreadable = true;
        None
    });
    Some(figure)
}
