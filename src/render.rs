//! Tera templates: loading `templates/`, and rendering with located errors.

use std::collections::HashSet;
use std::path::Path;

use rayon::prelude::*;
use tera::{Context, Tera};
use walkdir::WalkDir;

use crate::diagnostics::{Diagnostic, Diagnostics, SourceText};

/// The templates folder's name under the site root.
pub const TEMPLATES_DIR: &str = "templates";

/// Partials the tool supplies when a site's templates folder lacks them: the markup of marks,
/// dates and charts the tool lays out, so that a site whose templates predate them, or that
/// only changes its pages' layout, still builds. The site's own copy wins.
const BUILT_IN_PARTIALS: [(&str, &str); 4] = [
    (
        "partials/citation_mark.html",
        include_str!("../templates/partials/citation_mark.html"),
    ),
    (
        "partials/heading_anchor.html",
        include_str!("../templates/partials/heading_anchor.html"),
    ),
    (
        "partials/when.html",
        include_str!("../templates/partials/when.html"),
    ),
    (
        "partials/casualty_chart.html",
        include_str!("../templates/partials/casualty_chart.html"),
    ),
];

/// A site's compiled templates.
#[derive(Clone)]
pub struct Templates {
    tera: Tera,
    names: Vec<String>,
    sources: Vec<SourceText>,
}

impl Templates {
    /// Compiles every template under `root/templates`, reporting every syntax error.
    pub fn load(root: &Path) -> Result<Templates, Diagnostics> {
        let dir = root.join(TEMPLATES_DIR);
        let mut sources = Vec::new();
        let mut problems = Vec::new();
        for entry in WalkDir::new(&dir)
            .sort_by_file_name()
            .into_iter()
            .filter_map(Result::ok)
        {
            let path = entry.path();
            if !entry.file_type().is_file() && !entry.path_is_symlink() {
                continue;
            }
            if entry.path_is_symlink()
                && let Err(diagnostic) = crate::content::check_link(root, path)
            {
                problems.push(diagnostic);
                continue;
            }
            if !path.is_file() {
                continue; // a link to a folder or a pipe, which are not templates
            }
            let name = path
                .strip_prefix(&dir)
                .unwrap_or(path)
                .to_string_lossy()
                .replace('\\', "/");
            if name.split('/').any(|part| part.starts_with('.')) {
                continue;
            }
            match SourceText::read(root, path) {
                Ok(source) => sources.push((name, source)),
                Err(diagnostic) => problems.push(diagnostic),
            }
        }
        Self::compile(sources, problems)
    }

    /// Compiles templates given as (name, text) pairs, such as the built-in ones.
    pub fn from_sources(templates: Vec<(String, SourceText)>) -> Result<Templates, Diagnostics> {
        Self::compile(templates, Vec::new())
    }

    fn compile(
        mut templates: Vec<(String, SourceText)>,
        mut problems: Vec<Diagnostic>,
    ) -> Result<Templates, Diagnostics> {
        for (name, text) in BUILT_IN_PARTIALS {
            if !templates.iter().any(|(own, _)| own == name) {
                let shown = format!("{TEMPLATES_DIR}/{name} (built in)");
                templates.push((name.to_owned(), SourceText::new(shown, text.to_owned())));
            }
        }
        let names: Vec<String> = templates.iter().map(|(n, _)| n.clone()).collect();
        let sources: Vec<SourceText> = templates.into_iter().map(|(_, s)| s).collect();
        // Each template alone first, so that every syntax error is reported, not just the first.
        for (name, source) in names.iter().zip(&sources) {
            let mut alone = new_tera();
            if let Err(err) = alone.add_raw_template(name, &source.text)
                && is_syntax_error(&err)
            {
                problems.push(template_error(&err, &names, &sources));
            }
        }
        if !problems.is_empty() {
            return Err(Diagnostics(problems));
        }
        let mut tera = new_tera();
        tera.add_raw_templates(
            names
                .iter()
                .zip(&sources)
                .map(|(n, s)| (n.as_str(), s.text.as_str())),
        )
        .map_err(|err| match reference_errors(&err, &names, &sources) {
            list if list.is_empty() => Diagnostics(vec![template_error(&err, &names, &sources)]),
            list => Diagnostics(list),
        })?;
        Ok(Templates {
            tera,
            names,
            sources,
        })
    }

    /// True when a template of this name exists.
    pub fn contains(&self, name: &str) -> bool {
        self.tera.contains_template(name)
    }

    /// The templates `roots` may render with, by name: themselves, the templates they name,
    /// the templates defining the components they call, and so on. Found in the templates'
    /// text, so a name that only looks like a reference counts too: the set is never short.
    pub fn reached_from(&self, roots: &[&str]) -> HashSet<String> {
        let text_of = |name: &str| {
            self.names
                .iter()
                .position(|n| n == name)
                .map(|i| self.sources[i].text.as_str())
        };
        let definitions: Vec<(&str, &str)> = self
            .tera
            .get_component_names()
            .filter_map(|component| {
                let defined = format!("component {component}");
                let file = self
                    .names
                    .iter()
                    .zip(&self.sources)
                    .find(|(_, source)| source.text.contains(&defined))?;
                Some((component, file.0.as_str()))
            })
            .collect();
        let mut reached: HashSet<String> = HashSet::new();
        let mut pending: Vec<&str> = roots.to_vec();
        while let Some(name) = pending.pop() {
            if !reached.insert(name.to_owned()) {
                continue;
            }
            let Some(text) = text_of(name) else { continue };
            let named = self.names.iter().map(String::as_str).filter(|other| {
                text.contains(&format!("\"{other}\"")) || text.contains(&format!("'{other}'"))
            });
            let called = definitions
                .iter()
                .filter(|(component, _)| text.contains(&format!("<{component}")))
                .map(|(_, file)| *file);
            pending.extend(named.chain(called));
        }
        reached
    }

    /// True when `template`, or a template it extends or includes, may read the variable `name`.
    pub fn uses(&self, template: &str, name: &str) -> bool {
        self.tera
            .get_template_variables(template)
            .map_or(true, |variables| variables.contains(name))
    }

    /// Sets the plural rules of the filter `plural` to those of `language`.
    pub fn set_plural_rules(&mut self, language: &str) {
        register_plural(&mut self.tera, language);
    }

    /// Sets values every template sees (the site, navigation, lists of pages).
    pub fn set_global<T: serde::Serialize + ?Sized>(&mut self, key: &'static str, value: &T) {
        self.tera.global_context().insert(key, value);
    }

    /// Sets a list every template sees, such as every note: its items become the templates'
    /// values side by side.
    pub fn set_global_list<T: serde::Serialize + Sync>(&mut self, key: &'static str, items: &[T]) {
        let values: Vec<tera::Value> = items
            .par_iter()
            .map(tera::Value::from_serializable)
            .collect();
        self.tera
            .global_context()
            .insert_value(key, tera::Value::from(values));
    }

    /// Sets a value every template sees, by a name decided at run time.
    pub fn set_global_value(&mut self, key: String, value: serde_json::Value) {
        self.tera.global_context().insert(key, &value);
    }

    /// Renders a template; errors point into the template file.
    pub fn render(&self, name: &str, context: &Context) -> Result<String, Diagnostic> {
        self.tera
            .render(name, context)
            .map_err(|err| template_error(&err, &self.names, &self.sources))
    }

    /// Renders a template as bytes, into room for `capacity` bytes made in advance.
    pub fn render_bytes(
        &self,
        name: &str,
        context: &Context,
        capacity: usize,
    ) -> Result<Vec<u8>, Diagnostic> {
        let mut out = Vec::with_capacity(capacity);
        self.tera
            .render_to(name, context, &mut out)
            .map_err(|err| template_error(&err, &self.names, &self.sources))?;
        Ok(out)
    }
}

fn is_syntax_error(err: &tera::Error) -> bool {
    matches!(err.kind(), tera::ErrorKind::SyntaxError(_))
}

/// Turns a Tera error into a diagnostic at the template's file, line and column.
fn template_error(err: &tera::Error, names: &[String], sources: &[SourceText]) -> Diagnostic {
    let report = find_report(err);
    let (name, message, span) = match report {
        Some(report) => (
            report.filename().to_owned(),
            report.message().to_owned(),
            Some(report.span().clone()),
        ),
        None => (String::new(), full_message(err), None),
    };
    let source = names
        .iter()
        .position(|n| *n == name)
        .and_then(|i| sources.get(i));
    match (source, span) {
        (Some(source), Some(span)) => source
            .error_at_line(span.start_line, span.start_col + 1, format!("template error: {message}"))
            .with_help("fix the template; Tera's syntax is described at https://keats.github.io/tera/"),
        (Some(source), None) => Diagnostic::error(&source.path, format!("template error: {message}")),
        (None, _) => match structure_place(err, names, sources) {
            Some((source, line)) => source
                .error_at_line(line, 1, format!("template error: {}", full_message(err)))
                .with_help("a template cannot extend or include itself, directly or through others, nor extend a template that does not exist"),
            None => Diagnostic::error(TEMPLATES_DIR, format!("template error: {}", full_message(err))),
        },
    }
}

/// Tera checks every template's filters, functions, tests and includes together and
/// returns one message of reports, each with a `--> name:line:col` line: one diagnostic each.
fn reference_errors(
    err: &tera::Error,
    names: &[String],
    sources: &[SourceText],
) -> Vec<Diagnostic> {
    let tera::ErrorKind::Msg(text) = err.kind() else {
        return Vec::new();
    };
    let located = |report: &str| {
        let message = report.lines().next()?.strip_prefix("error: ")?;
        let place = report
            .lines()
            .find_map(|line| line.trim_start().strip_prefix("--> "))?;
        let mut parts = place.rsplitn(3, ':');
        let col: usize = parts.next()?.parse().ok()?;
        let line: usize = parts.next()?.parse().ok()?;
        let name = parts.next()?;
        let source = names
            .iter()
            .position(|n| n == name)
            .and_then(|i| sources.get(i))?;
        Some(
            source
                .error_at_line(line, col, format!("template error: {message}"))
                .with_help("use a filter, function or template that exists; Tera's built-in ones are listed at https://keats.github.io/tera/"),
        )
    };
    text.split("\n\n").filter_map(located).collect()
}

/// The template, and the line of its first `{% extends %}` or `{% include %}`, of an error in how templates use each other.
fn structure_place<'a>(
    err: &tera::Error,
    names: &[String],
    sources: &'a [SourceText],
) -> Option<(&'a SourceText, usize)> {
    let name = match err.kind() {
        tera::ErrorKind::CircularExtend { tpl, .. }
        | tera::ErrorKind::CircularInclude { tpl, .. } => tpl,
        tera::ErrorKind::MissingParent { current, .. } => current,
        _ => return None,
    };
    let source = names
        .iter()
        .position(|n| n == name)
        .and_then(|i| sources.get(i))?;
    let line = source
        .text
        .lines()
        .position(|line| line.contains("extends") || line.contains("include"))
        .map_or(1, |i| i + 1);
    Some((source, line))
}

fn find_report(err: &tera::Error) -> Option<&tera::ReportError> {
    let mut current: Option<&(dyn std::error::Error + 'static)> = Some(err);
    while let Some(error) = current {
        if let Some(tera_error) = error.downcast_ref::<tera::Error>() {
            match tera_error.kind() {
                tera::ErrorKind::SyntaxError(report) | tera::ErrorKind::RenderingError(report) => {
                    return Some(report);
                }
                _ => {}
            }
        }
        current = error.source();
    }
    None
}

fn full_message(err: &tera::Error) -> String {
    let mut message = err.to_string();
    let mut source = std::error::Error::source(err);
    while let Some(inner) = source {
        message.push_str(": ");
        message.push_str(&inner.to_string());
        source = inner.source();
    }
    message.lines().next().unwrap_or_default().to_owned()
}

/// A Tera that escapes HTML and XML and has the project's own filter, `plural`.
fn new_tera() -> Tera {
    let mut tera = Tera::new();
    tera.autoescape_on(vec![".html", ".xml"]);
    register_plural(&mut tera, "en");
    tera
}

/// Adds the filter `plural`, which picks the form of a phrase for a count by the plural
/// rules of `language`: `{{ t.timeline.standfirst | plural(n=count) }}` reads the form `one`,
/// `few`, `many` or `other` of that table, and `other` when the form is missing.
fn register_plural(tera: &mut Tera, language: &str) {
    let language = language.to_owned();
    tera.register_filter(
        "plural",
        move |forms: tera::Value,
              kwargs: tera::Kwargs,
              _: &tera::State|
              -> tera::TeraResult<String> {
            let count = kwargs.get::<i64>("n")?.unwrap_or(0);
            let category = crate::locale::plural_category(&language, count.unsigned_abs());
            let form = |name: &str| {
                forms.as_map().and_then(|map| {
                    map.iter()
                        .find(|(key, _)| key.as_str() == Some(name))
                        .and_then(|(_, value)| value.as_str().map(str::to_owned))
                })
            };
            Ok(form(category).or_else(|| form("other")).unwrap_or_default())
        },
    );
}

/// Renders a call of a component defined in one of the bundled partials, for unit tests of
/// the values Rust hands to templates.
#[cfg(test)]
pub(crate) fn render_bundled_component(partial: &str, call: &str, context: &Context) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join(TEMPLATES_DIR)
        .join(partial);
    let text = std::fs::read_to_string(&path).unwrap();
    let templates = Templates::from_sources(vec![
        (partial.to_owned(), SourceText::new(path, text)),
        (
            "call.html".to_owned(),
            SourceText::new("call.html", call.to_owned()),
        ),
    ])
    .unwrap();
    templates.render("call.html", context).unwrap()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn templates(list: &[(&str, &str)]) -> Result<Templates, Diagnostics> {
        Templates::from_sources(
            list.iter()
                .map(|(n, t)| {
                    (
                        n.to_string(),
                        SourceText::new(format!("templates/{n}"), t.to_string()),
                    )
                })
                .collect(),
        )
    }

    #[test]
    fn reached_templates_follow_includes_and_components() {
        let t = templates(&[
            ("page.html", "{% include \"partials/a.html\" %}"),
            (
                "partials/a.html",
                "{{<stamp when={1}/>}} {% include \"partials/b.html\" %}",
            ),
            ("partials/b.html", "b"),
            (
                "partials/stamp.html",
                "{% component stamp(when) %}{{ when }}{% endcomponent stamp %}",
            ),
            ("partials/other.html", "other"),
        ])
        .unwrap();
        let reached = t.reached_from(&["partials/a.html"]);
        let mut names: Vec<&str> = reached.iter().map(String::as_str).collect();
        names.sort_unstable();
        assert_eq!(
            names,
            ["partials/a.html", "partials/b.html", "partials/stamp.html"]
        );
    }

    #[test]
    fn syntax_errors_are_all_reported_with_lines() {
        let err = templates(&[("a.html", "ok\n{% if %}"), ("b.html", "{{ x }\n")])
            .err()
            .unwrap();
        assert_eq!(err.0.len(), 2, "{err:?}");
        assert_eq!(err.0[0].file, Path::new("templates/a.html"));
        assert_eq!(err.0[0].line, 2);
    }

    #[test]
    fn renders_with_inheritance_and_escaping() {
        let t = templates(&[
            ("base.html", "<title>{% block t %}{% endblock t %}</title>"),
            (
                "page.html",
                "{% extends \"base.html\" %}{% block t %}{{ x }}{% endblock t %}",
            ),
        ])
        .unwrap();
        let mut context = Context::new();
        context.insert("x", "</title><script>");
        let html = t.render("page.html", &context).unwrap();
        assert_eq!(html, "<title>&lt;/title&gt;&lt;script&gt;</title>");
    }

    #[test]
    fn missing_mark_partials_are_built_in_and_a_site_copy_wins() {
        let own = "<sup>{{ cite.number }}</sup>";
        let t = templates(&[("partials/citation_mark.html", own)]).unwrap();
        assert!(t.contains("partials/heading_anchor.html"));
        let mut context = Context::new();
        context.insert("cite", &serde_json::json!({"number": 3, "use": 1}));
        let html = t.render("partials/citation_mark.html", &context).unwrap();
        assert_eq!(html, "<sup>3</sup>");
    }
}
