//! Writing a rendered site: a whole new output through a staging folder, or, for the
//! preview, only the files whose bytes changed, each replaced at once.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use rayon::prelude::*;
use tera::Context;

use crate::data::media::paths::is_image;
use crate::diagnostics::Diagnostic;
use crate::output::Staging;
use crate::publish::feed;

use super::site::Site;
use super::update::{Plan, SiteFiles};
use super::views::PageView;
use super::{BuildFailure, jobs::Job};

/// The output file of a site path: `notes/a/index.html` for `/notes/a/`.
pub(crate) fn page_file(path: &str) -> String {
    if path.ends_with('/') {
        format!("{}index.html", path.trim_start_matches('/'))
    } else {
        path.trim_start_matches('/').to_owned()
    }
}

impl Site {
    fn failure(&self, errors: Vec<Diagnostic>) -> BuildFailure {
        let mut errors = errors;
        crate::diagnostics::sort(&mut errors);
        BuildFailure {
            errors: crate::diagnostics::Diagnostics(errors),
            warnings: self.warnings.clone(),
        }
    }

    /// The site files once the pages rendered too; otherwise every problem of both.
    fn both<T>(
        &self,
        pages: Result<(), Vec<Diagnostic>>,
        files: Result<T, Vec<Diagnostic>>,
    ) -> Result<T, BuildFailure> {
        match (pages, files) {
            (Ok(()), Ok(files)) => Ok(files),
            (pages, files) => Err(self.failure(
                pages
                    .err()
                    .into_iter()
                    .chain(files.err())
                    .flatten()
                    .collect(),
            )),
        }
    }

    /// Renders every page and file of every edition without writing anything.
    pub(crate) fn check(&self) -> Result<(), BuildFailure> {
        for site in std::iter::once(self).chain(&self.editions) {
            let jobs = site.jobs();
            let (rendered, files) = rayon::join(
                || site.render_jobs(&jobs, &|_, _| Ok(())),
                || site.site_files(&jobs, SiteFiles::All),
            );
            self.both(rendered, files)?;
        }
        Ok(())
    }

    /// Writes the whole site into a staging folder and swaps it in place of the old output.
    pub(crate) fn write(&self) -> Result<PathBuf, BuildFailure> {
        let output_dir = self.output_dir.as_path();
        let io_error = |what: &str, e: io::Error| {
            Diagnostic::error(output_dir, format!("cannot {what}: {e}")).with_help(
                "check that the output folder's parent is writable and the disk is not full; the previous output is untouched",
            )
        };
        let failed = |d: Diagnostic| self.failure(vec![d]);
        let staging = Staging::new(output_dir)
            .map_err(|e| failed(io_error("create the staging folder", e)))?;
        crate::static_files::copy(&self.options.root, &staging, &is_image).map_err(failed)?;
        self.images.publish(&staging).map_err(failed)?;
        let assets = self
            .content
            .assets
            .iter()
            .filter(|(_, path)| !is_image(path));
        for (source, content_path) in assets {
            staging
                .copy(source, content_path)
                .map_err(|e| failed(io_error(&format!("copy content/{content_path}"), e)))?;
        }
        for site in std::iter::once(self).chain(&self.editions) {
            let folder = site.edition_folder();
            let jobs = site.jobs();
            let sink = |path: &str, html: &[u8]| {
                staging
                    .write(&format!("{folder}{}", page_file(path)), html)
                    .map_err(|e| io_error("write a page", e))
            };
            let (rendered, files) = rayon::join(
                || site.render_jobs(&jobs, &sink),
                || site.site_files(&jobs, SiteFiles::All),
            );
            let files = self.both(rendered, files)?;
            let exports = site
                .generated
                .files
                .iter()
                .map(|f| (f.path.as_str(), f.bytes.as_slice()));
            for (path, bytes) in
                exports.chain(files.iter().map(|(p, b)| (p.as_str(), b.as_slice())))
            {
                staging
                    .write(&format!("{folder}{path}"), bytes)
                    .map_err(|e| failed(io_error(&format!("write {folder}{path}"), e)))?;
            }
        }
        staging
            .commit()
            .map_err(|e| failed(io_error("replace the previous output", e)))
    }

    /// The folder of the output this edition's files go in: `ru/` for the edition in
    /// Russian, nothing for the default edition.
    fn edition_folder(&self) -> String {
        self.config
            .edition_language()
            .map(|code| format!("{code}/"))
            .unwrap_or_default()
    }

    /// Renders what `plan` names into the served output, replacing only the files whose bytes
    /// changed; returns how many were replaced.
    pub(crate) fn refresh(&self, plan: &Plan, scratch: &Path) -> Result<usize, Vec<Diagnostic>> {
        let mut changed = self.refresh_edition(plan, &self.output_dir, scratch)?;
        for (edition, plan) in self.editions.iter().zip(&plan.editions) {
            changed += edition.refresh_edition(plan, &self.output_dir, scratch)?;
        }
        Ok(changed)
    }

    /// Renders what `plan` names of this edition into its folder of `output`.
    fn refresh_edition(
        &self,
        plan: &Plan,
        output: &Path,
        scratch: &Path,
    ) -> Result<usize, Vec<Diagnostic>> {
        let changed = AtomicUsize::new(0);
        let folder = self.edition_folder();
        let replace = |path: &str, bytes: &[u8]| {
            let target = output.join(format!("{folder}{}", page_file(path)));
            match replace_if_changed(&target, bytes, scratch) {
                Ok(true) => {
                    changed.fetch_add(1, Ordering::Relaxed);
                    Ok(())
                }
                Ok(false) => Ok(()),
                Err(e) => Err(Diagnostic::error(
                    &target,
                    format!("cannot write the preview: {e}"),
                )),
            }
        };
        let write_site_files = || -> Result<(), Vec<Diagnostic>> {
            for (path, bytes) in self.site_files(&self.jobs(), plan.site_files)? {
                replace(&path, &bytes).map_err(|d| vec![d])?;
            }
            // The data's exports (CSV and such) change with the data, which makes every file.
            if plan.site_files == SiteFiles::All {
                for export in &self.generated.files {
                    replace(&export.path, &export.bytes).map_err(|d| vec![d])?;
                }
            }
            Ok(())
        };
        let (pages, files) = rayon::join(
            || self.render_jobs(&plan.jobs, &replace),
            || (plan.site_files != SiteFiles::None).then(write_site_files),
        );
        pages?;
        files.transpose()?;
        Ok(changed.into_inner())
    }

    /// Files every site gets: the 404 page, feed, sitemap, robots.txt, `.nojekyll`, `CNAME`,
    /// the code stylesheet; or the feed alone, as `which` says. An edition in another
    /// language gets only its own feed: the default edition's sitemap lists the pages of
    /// every edition.
    pub(crate) fn site_files(
        &self,
        jobs: &[Job],
        which: SiteFiles,
    ) -> Result<Vec<(String, Vec<u8>)>, Vec<Diagnostic>> {
        let (base, templates) = (&self.base, &self.templates);
        let all = self.config.edition_language().is_none() && which == SiteFiles::All;
        let mut files = Vec::new();
        if all {
            files.push((".nojekyll".to_owned(), Vec::new()));
        }
        let mut context = Context::new();
        let (entries, updated) = self.feed_entries();
        context.insert("feed_entries", &entries);
        context.insert("feed_updated", &updated);
        context.insert("feed_url", &base.absolute("/atom.xml"));
        context.insert("sitemap_url", &base.asset_absolute("/sitemap.xml"));
        let names: &[&str] = if all {
            context.insert("sitemap_entries", &self.sitemap_entries(jobs));
            &["atom.xml", "sitemap.xml", "robots.txt"]
        } else {
            &["atom.xml"]
        };
        let feeds: Vec<Result<(String, Vec<u8>), Diagnostic>> = names
            .par_iter()
            .filter(|name| templates.contains(name))
            .map(|&name| {
                Ok((
                    name.to_owned(),
                    templates.render(name, &context)?.into_bytes(),
                ))
            })
            .collect();
        for feed in feeds {
            files.push(feed.map_err(|d| vec![d])?);
        }
        if !all {
            return Ok(files);
        }
        if let Some(cname) = &self.config.cname {
            files.push(("CNAME".to_owned(), format!("{cname}\n").into_bytes()));
        }
        if templates.contains("404.html") {
            let mut context = Context::new();
            let view = PageView::of_data(
                "/404.html",
                self.words.get("pages.not_found.title"),
                "",
                "not_found",
                tera::Value::none(),
                base,
            );
            context.insert("page", &view);
            // One page serves every address that does not exist, in whichever edition.
            context.insert("alternates", &Vec::<feed::Alternate>::new());
            context.insert("editions", &Vec::<feed::Alternate>::new());
            let html = templates
                .render("404.html", &context)
                .map_err(|d| vec![d])?;
            files.push(("404.html".to_owned(), html.into_bytes()));
        }
        if self.has_code || self.editions.iter().any(|e| e.has_code) {
            files.push((
                "syntax.css".to_owned(),
                self.syntax_css.clone().into_bytes(),
            ));
        }
        Ok(files)
    }
}

impl Site {
    /// The feed's entries: the pages written in this edition's language (not those standing
    /// in for a translation), with their updates.
    fn feed_entries(&self) -> (Vec<feed::FeedEntry>, Option<String>) {
        let (pages, images): (Vec<_>, Vec<_>) = self
            .content
            .pages
            .iter()
            .zip(&self.rendered)
            .filter(|(page, _)| !page.fallback)
            .map(|(page, r)| (page, r.lead.as_ref().map(|lead| &lead.share)))
            .unzip();
        feed::entries(&pages, &images, &self.base)
    }

    /// The sitemap's entries: every page of every edition, each with its alternates.
    fn sitemap_entries(&self, jobs: &[Job]) -> Vec<feed::SitemapEntry> {
        let mut entries = Vec::new();
        for (site, jobs) in std::iter::once((self, jobs.to_vec()))
            .chain(self.editions.iter().map(|e| (e, e.jobs())))
        {
            let paths: Vec<String> = jobs
                .iter()
                .map(|&job| site.path_of(job).to_owned())
                .collect();
            let mut own = feed::sitemap(&paths, &site.content.pages, &site.base);
            for (entry, path) in own.iter_mut().zip(sorted(&paths, &site.base)) {
                entry.alternates = site.links.alternates(&path);
            }
            entries.extend(own);
        }
        entries
    }
}

/// `paths` in the order of their absolute URLs, as [`feed::sitemap`] sorts its entries.
fn sorted(paths: &[String], base: &crate::config::BaseUrl) -> Vec<String> {
    let mut paths = paths.to_vec();
    paths.sort_by_key(|path| base.absolute(path));
    paths
}

/// Replaces `target` with `bytes` at once (through a file in `scratch`) unless it holds them already.
fn replace_if_changed(target: &Path, bytes: &[u8], scratch: &Path) -> io::Result<bool> {
    // A file of another length changed: its old bytes need not be read. After a template
    // edit nearly every page is such a file.
    let same_length = fs::metadata(target).is_ok_and(|m| m.len() == bytes.len() as u64);
    if same_length && fs::read(target).is_ok_and(|old| old == bytes) {
        return Ok(false);
    }
    let mut temporary = tempfile::NamedTempFile::new_in(scratch)?;
    io::Write::write_all(&mut temporary, bytes)?;
    // The folder is made only for a page new to the output.
    match temporary.persist(target) {
        Ok(_) => Ok(true),
        Err(failed) if failed.error.kind() == io::ErrorKind::NotFound => {
            if let Some(parent) = target.parent() {
                fs::create_dir_all(parent)?;
            }
            failed.file.persist(target).map_err(|e| e.error)?;
            Ok(true)
        }
        Err(failed) => Err(failed.error),
    }
}
