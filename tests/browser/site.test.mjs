// The browser checks of the real site: builds it, serves it on loopback under its sub-path, and
// checks every page it produces (and the 404 page) in headless Chromium, plus the Nu HTML Checker.
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { launchBrowser } from './lib/browser.mjs';
import { CHECKS, checkPage } from './lib/checks.mjs';
import { SCREENSHOTS, SUB_PATH, buildSite, htmlFiles, runVnu, screenshotName, urlPathOf } from './lib/site.mjs';
import { startServer } from './lib/server.mjs';

const work = await mkdtemp(join(tmpdir(), 'explainer-site-'));
const siteDir = join(work, 'site');
const server = await startServer(siteDir, SUB_PATH);
const baseUrl = server.url();
const build = await buildSite(siteDir, baseUrl);
const files = build.ok ? await htmlFiles(siteDir) : [];
const pages = files.filter((file) => file !== '404.html');
const hasNotFoundPage = files.includes('404.html');

/** Fails with a short report (no stack trace: the CI log stays small) unless `problems` is empty. */
function expectNone(problems, header) {
  if (problems.length === 0) return;
  const shown = problems.slice(0, 8).map((p) => (p.length > 400 ? `${p.slice(0, 399)}…` : p));
  if (problems.length > 8) shown.push(`… and ${problems.length - 8} more`);
  const error = new Error(`${header}:\n  - ${shown.join('\n  - ')}`);
  error.stack = error.message;
  throw error;
}

const cleanUp = async () => {
  await server.close();
  await rm(work, { recursive: true, force: true });
};

if (!build.ok) {
  it('the site builds', async () => {
    await cleanUp();
    assert.fail(`${build.command} failed:\n${build.output.slice(-4000)}`);
  });
} else {
  let browser;
  let vnu;
  const totals = { terms: 0, termsReached: 0, timelineLinks: 0, timelineReached: 0, printedSourceLinks: 0, tables: 0 };

  before(async () => {
    await mkdir(SCREENSHOTS, { recursive: true });
    // The validator runs in its own process while the browser checks go on.
    vnu = runVnu(files.map((file) => join(siteDir, file)));
    vnu.catch(() => {});
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await vnu?.catch(() => {});
    await cleanUp();
  });

  it('the site builds and has pages', () => {
    assert.ok(pages.length > 0, 'the build produced no .html page');
    assert.ok(hasNotFoundPage, 'the build produced no 404.html');
  });

  const targets = pages.map((file) => ({ file, url: server.url(urlPathOf(file)), status: 200 }));
  if (hasNotFoundPage) {
    targets.push({ file: '404.html', url: server.url('no-such-page/'), status: 404 });
  }

  for (const target of targets) {
    const label = target.file === '404.html' ? '404.html (a missing address)' : `/${urlPathOf(target.file)}`;
    describe(`page ${label}`, () => {
      let result;
      before(async () => {
        result = await checkPage(browser.browser, target.url, {
          expectStatus: target.status,
          screenshots: { dir: SCREENSHOTS, name: screenshotName(target.file) },
        });
        for (const key of Object.keys(totals)) totals[key] += result.stats[key] || 0;
      });
      for (const [name, title] of Object.entries(CHECKS)) {
        it(`${name}: ${title}`, () => {
          assert.ok(result, 'the page could not be checked');
          expectNone(result.problems[name], `${label}: ${name}`);
        });
      }
      it('html: no Nu HTML Checker errors', async () => {
        const errors = (await vnu).get(join(siteDir, target.file)) || [];
        expectNone(errors, `${target.file}: Nu HTML Checker`);
      });
    });
  }

  describe('site-wide', () => {
    it('the checks had something to check: glossary terms, timeline links, Sources links', () => {
      assert.ok(totals.terms > 0, 'no glossary term (a.term) on any page');
      assert.equal(totals.termsReached, totals.terms, 'some glossary terms are not reachable with Tab');
      assert.ok(totals.timelineLinks > 0, 'no timeline link on any page');
      assert.equal(totals.timelineReached, totals.timelineLinks, 'some timeline links are not reachable with Tab');
      assert.ok(totals.printedSourceLinks > 0, 'no "Sources" list link on any page');
    });
  });
}
