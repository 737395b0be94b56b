// The browser checks of one page. Each check returns a list of problems (strings); an empty list
// means the page passes. The same functions run on the real site and on the broken fixtures.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** The checks, in the order they are reported. */
export const CHECKS = {
  a11y: 'no axe-core WCAG 2.2 A/AA violations, light and dark',
  keyboard: 'skip link first, visible focus, glossary terms and timeline reachable by Tab',
  nojs: 'all content visible without JavaScript',
  offline: 'no request to any other host; every resource served by the site',
  phone: 'no horizontal scrolling at 390 px; tables and timeline readable',
  print: 'no navigation chrome in print, Sources links show their target',
  weight: 'HTML plus CSS under 100 K characters',
  images: 'every image loaded on first view at 390 px under 250 KB',
  fonts: 'no web fonts',
};

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
export const WEIGHT_LIMIT = 100 * 1024;
/** The largest image a page may load before the reader scrolls, on a phone. */
export const IMAGE_LIMIT = 250 * 1024;
export const DESKTOP = { width: 1280, height: 900 };
export const PHONE = { width: 390, height: 844 };
/** Links that belong to the timeline: the timeline pages and the key-dates box. */
export const TIMELINE_LINKS = '[class*="timeline"] a[href], .key-dates a[href]';
/** Links of a "Sources" list, whose targets must be printed. */
const SOURCE_LIST_LINKS = '.citations a[href]:not(.backref)';
const FONT_FILE = /\.(woff2?|ttf|otf|eot)(\?|#|$)/i;
const MAX_LISTED = 12;

const short = (text, max = 160) => {
  const flat = String(text).replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};

function capped(list) {
  if (list.length <= MAX_LISTED) return list;
  return [...list.slice(0, MAX_LISTED), `… and ${list.length - MAX_LISTED} more`];
}

/**
 * Runs every check on the page at `url`. Options: `screenshots` ({ dir, name }) to save
 * full-page screenshots at 1280 and 390 px, `expectStatus` (default 200).
 * Returns { status, problems: { check: [string] }, stats }.
 */
export async function checkPage(browser, url, options = {}) {
  const origin = new URL(url).origin;
  const expectStatus = options.expectStatus ?? 200;
  const problems = Object.fromEntries(Object.keys(CHECKS).map((name) => [name, []]));
  const stats = {};
  const requests = [];
  const failed = [];
  const contextOptions = {
    viewport: DESKTOP,
    colorScheme: 'light',
    reducedMotion: 'reduce',
    serviceWorkers: 'block',
  };
  const context = await browser.newContext(contextOptions);
  const noJsContext = await browser.newContext({ ...contextOptions, javaScriptEnabled: false });
  for (const [label, ctx] of [['', context], [' (JavaScript off)', noJsContext]]) {
    ctx.on('request', (request) => requests.push({ url: request.url(), type: request.resourceType(), label }));
    ctx.on('requestfailed', (request) =>
      failed.push({ url: request.url(), why: request.failure()?.errorText || 'failed', label }),
    );
    ctx.on('response', (response) => {
      const request = response.request();
      if (response.status() >= 400 && request.resourceType() !== 'document') {
        failed.push({ url: response.url(), why: `HTTP ${response.status()}`, label });
      }
    });
  }
  const guard = async (name, fn) => {
    try {
      await fn();
    } catch (error) {
      problems[name].push(`the check itself failed: ${short(error.message, 400)}`);
    }
  };
  try {
    const page = await context.newPage();
    // Overlay scrollbars, as on a phone: a classic scrollbar would take 15 px of the 390.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setScrollbarsHidden', { hidden: true });
    const styleResponses = [];
    page.on('response', (response) => {
      if (response.request().resourceType() === 'stylesheet') styleResponses.push(response);
    });
    const response = await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
    stats.status = response ? response.status() : 0;
    if (stats.status !== expectStatus) {
      problems.offline.push(`the page answered HTTP ${stats.status}, expected ${expectStatus}`);
    }
    const jsText = await visibleText(page);
    stats.textLength = jsText.length;
    // Hints that contact another host without a request event of their own (DNS, TCP, TLS).
    const hints = await page.evaluate(() =>
      [...document.querySelectorAll('link[rel][href]')]
        .filter((link) => /\b(preconnect|dns-prefetch|prefetch|preload|modulepreload|prerender)\b/i.test(link.rel))
        .map((link) => link.href),
    );
    for (const href of hints) {
      if (!href.startsWith(`${origin}/`)) problems.offline.push(`resource hint to another host: ${short(href)}`);
    }

    await guard('weight', () => checkWeight(response, styleResponses, problems.weight, stats));
    await guard('images', () => checkImages(browser, url, contextOptions, problems.images, stats));
    await guard('keyboard', () => checkKeyboard(page, problems.keyboard, stats));
    await guard('a11y', () => checkAxe(page, problems.a11y));
    await guard('fonts', () => checkFonts(page, problems.fonts));
    if (options.screenshots) {
      await resetView(page);
      await page.screenshot({
        path: join(options.screenshots.dir, `${options.screenshots.name}-1280.png`),
        fullPage: true,
      });
    }
    await guard('print', () => checkPrint(page, problems.print, stats));
    await guard('phone', () => checkPhone(page, problems.phone, stats));
    if (options.screenshots) {
      await resetView(page);
      await page.screenshot({
        path: join(options.screenshots.dir, `${options.screenshots.name}-390.png`),
        fullPage: true,
      });
    }
    await guard('nojs', () => checkNoJs(noJsContext, url, jsText, problems.nojs));
    // Fonts loaded at any point of the visit (screen, print, phone) count too.
    for (const request of requests) {
      if (request.type === 'font' || FONT_FILE.test(request.url)) {
        problems.fonts.push(`font requested: ${short(request.url)}`);
      }
    }
    checkRequests(origin, requests, failed, problems.offline);
  } finally {
    await context.close().catch(() => {});
    await noJsContext.close().catch(() => {});
  }
  for (const name of Object.keys(problems)) problems[name] = capped([...new Set(problems[name])]);
  return { status: stats.status, problems, stats };
}

async function resetView(page) {
  await page.evaluate(() => {
    if (document.activeElement && document.activeElement !== document.body) document.activeElement.blur();
    window.scrollTo(0, 0);
  });
}

/** Visible text of the page: its length and its visible text blocks. */
async function visibleText(page) {
  return page.evaluate(() => {
    const norm = (s) => (s || '').replace(/\s+/g, ' ').trim();
    const blocks = [];
    const selector = 'h1,h2,h3,h4,h5,h6,p,li,dt,dd,th,td,caption,figcaption,blockquote,summary,pre,label';
    for (const element of document.querySelectorAll(selector)) {
      if (!element.checkVisibility({ visibilityProperty: true })) continue;
      const text = norm(element.innerText);
      if (text) blocks.push(text.slice(0, 200));
    }
    const images = [...document.images].filter((img) => img.checkVisibility()).length;
    return { length: norm(document.body ? document.body.innerText : '').length, blocks, images };
  });
}

// ---------------------------------------------------------------- weight

// Counted in characters, not bytes: a page in Cyrillic or Armenian script takes about twice
// the bytes of the same page in English in UTF-8, and compresses to much the same, so one
// budget holds for every edition.
async function checkWeight(response, styleResponses, out, stats) {
  const html = response ? (await response.text()).length : 0;
  let css = 0;
  const sheets = [];
  for (const sheet of styleResponses) {
    if (sheet.status() >= 400) continue;
    const size = (await sheet.text().catch(() => '')).length;
    css += size;
    sheets.push(`${new URL(sheet.url()).pathname.split('/').pop()} ${(size / 1024).toFixed(1)} K`);
  }
  stats.htmlCharacters = html;
  stats.cssCharacters = css;
  if (html + css >= WEIGHT_LIMIT) {
    out.push(
      `HTML ${(html / 1024).toFixed(1)} K + CSS ${(css / 1024).toFixed(1)} K characters` +
        `${sheets.length ? ` (${sheets.join(', ')})` : ''} = ${((html + css) / 1024).toFixed(1)} K,` +
        ` limit ${WEIGHT_LIMIT / 1024} K`,
    );
  }
}

// ---------------------------------------------------------------- images

/** Opens the page afresh on a phone and weighs every image it loads before any scrolling. */
async function checkImages(browser, url, contextOptions, out, stats) {
  const context = await browser.newContext({ ...contextOptions, viewport: PHONE });
  try {
    const page = await context.newPage();
    const images = [];
    page.on('response', (response) => {
      if (response.request().resourceType() === 'image') images.push(response);
    });
    await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
    let total = 0;
    for (const response of images) {
      if (response.status() >= 400) continue;
      const size = (await response.body().catch(() => Buffer.alloc(0))).length;
      total += size;
      if (size >= IMAGE_LIMIT) {
        out.push(
          `${short(new URL(response.url()).pathname)}: ${(size / 1024).toFixed(1)} KB on first view at ` +
            `${PHONE.width} px, limit ${IMAGE_LIMIT / 1024} KB`,
        );
      }
    }
    stats.images = images.length;
    stats.imageBytes = total;
  } finally {
    await context.close();
  }
}

// ---------------------------------------------------------------- fonts

async function checkFonts(page, out) {
  const found = await page.evaluate(() => {
    const result = [];
    const walk = (rules, where) => {
      for (const rule of rules) {
        if (rule instanceof CSSFontFaceRule) {
          result.push(`@font-face in ${where}: ${rule.cssText.slice(0, 120)}`);
        } else if (rule instanceof CSSImportRule) {
          if (rule.styleSheet) walk(rule.styleSheet.cssRules, rule.href);
        } else if (rule.cssRules) {
          walk(rule.cssRules, where);
        }
      }
    };
    for (const sheet of document.styleSheets) {
      let rules;
      try {
        rules = sheet.cssRules;
      } catch {
        result.push(`unreadable stylesheet ${sheet.href}`);
        continue;
      }
      walk(rules, sheet.href ? sheet.href.split('/').pop() : 'an inline <style>');
    }
    for (const face of document.fonts) result.push(`web font ${face.family} (${face.status})`);
    return result;
  });
  out.push(...found);
}

// ---------------------------------------------------------------- requests

function checkRequests(origin, requests, failed, out) {
  for (const { url, label } of requests) {
    let parsed;
    try {
      parsed = new URL(url);
    } catch {
      out.push(`unparseable request URL ${short(url)}${label}`);
      continue;
    }
    if (parsed.protocol === 'data:' || parsed.protocol === 'blob:' || parsed.protocol === 'about:') continue;
    if (parsed.origin !== origin) out.push(`request to another host: ${short(url)}${label}`);
  }
  const reported = new Set();
  for (const { url, why, label } of failed) {
    if (!url.startsWith(origin) || reported.has(url + label)) continue;
    reported.add(url + label);
    out.push(`resource not served: ${short(url)} (${why})${label}`);
  }
}

// ---------------------------------------------------------------- accessibility

async function checkAxe(page, out) {
  await page.evaluate(AXE_SOURCE);
  for (const scheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme: scheme });
    const violations = await page.evaluate(
      async ({ tags }) => {
        const result = await window.axe.run(document, {
          runOnly: { type: 'tag', values: tags },
          resultTypes: ['violations'],
        });
        return result.violations.map((v) => ({
          id: v.id,
          impact: v.impact,
          help: v.help,
          count: v.nodes.length,
          nodes: v.nodes.slice(0, 3).map((n) => ({
            target: n.target.join(' '),
            summary: (n.failureSummary || '').split('\n').slice(1, 2).join(' '),
          })),
        }));
      },
      { tags: AXE_TAGS },
    );
    for (const v of violations) {
      const where = v.nodes.map((n) => `${n.target}${n.summary ? ` [${short(n.summary, 140)}]` : ''}`).join('; ');
      out.push(`${scheme}: ${v.id} (${v.impact}) ${v.help}: ${v.count} element(s): ${short(where, 500)}`);
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

// ---------------------------------------------------------------- keyboard

async function checkKeyboard(page, out, stats) {
  await resetView(page);
  const setup = await page.evaluate((timelineLinks) => {
    const describe = (el) => {
      const text = (el.innerText || el.getAttribute('aria-label') || '').replace(/\s+/g, ' ').trim().slice(0, 50);
      const cls = typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
      const href = el.getAttribute('href');
      return `<${el.tagName.toLowerCase()}${cls}${href ? ` href="${href.slice(0, 60)}"` : ''}> "${text}"`;
    };
    const selector =
      'a[href], area[href], button, input, select, textarea, summary, iframe, audio[controls], video[controls], [tabindex], [contenteditable]';
    const required = [];
    let tabbable = 0;
    [...document.querySelectorAll(selector)].forEach((el, index) => {
      el.__kbIndex = index;
      if (el.disabled || (el.tagName === 'INPUT' && el.type === 'hidden')) return;
      if (!el.checkVisibility({ visibilityProperty: true })) return;
      const kind = el.matches('a.term') ? 'glossary term' : el.matches(timelineLinks) ? 'timeline link' : null;
      if (el.tabIndex >= 0) tabbable += 1;
      if (kind || el.tabIndex >= 0) required.push({ index, kind, text: describe(el) });
    });
    window.__kbLog = [];
    document.addEventListener(
      'focusin',
      (event) => {
        const el = event.target;
        const style = getComputedStyle(el);
        const outline =
          style.outlineStyle !== 'none' &&
          parseFloat(style.outlineWidth) >= 1 &&
          !/transparent|rgba\([^)]*,\s*0\)/.test(style.outlineColor);
        const shadow = style.boxShadow && style.boxShadow !== 'none';
        let tip = null;
        if (el.matches('a.term')) {
          const id = el.getAttribute('aria-describedby');
          const box = (id && document.getElementById(id)) || el.closest('.gloss')?.querySelector('.tip');
          tip = Boolean(box && box.checkVisibility({ visibilityProperty: true }) && box.getBoundingClientRect().width > 0);
        }
        window.__kbLog.push({ index: el.__kbIndex ?? -1, text: describe(el), visible: Boolean(outline || shadow), tip });
      },
      true,
    );
    return { required, tabbable, terms: document.querySelectorAll('a.term').length };
  }, TIMELINE_LINKS);

  // The first Tab must land on the skip link, which must then be visible and target #main.
  await page.keyboard.press('Tab');
  const first = await page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const rect = el.getBoundingClientRect();
    const href = el.getAttribute('href') || '';
    return {
      tag: el.tagName,
      href,
      text: (el.innerText || '').trim().slice(0, 60),
      onScreen: rect.width > 1 && rect.height > 1 && rect.bottom > 0 && rect.top < innerHeight && rect.right > 0 && rect.left < innerWidth,
      target: href.startsWith('#') ? Boolean(document.getElementById(href.slice(1))) : false,
      main: Boolean(document.querySelector('main#main, #main')),
    };
  });
  const isSkip = first && first.tag === 'A' && first.href === '#main';
  if (!first) out.push('Tab does not focus anything');
  else if (!isSkip) out.push(`the first focusable element is not a skip link to #main: <${first.tag.toLowerCase()} href="${first.href}"> "${first.text}"`);
  else {
    if (!first.onScreen) out.push('the skip link stays off screen when it has focus');
    if (!first.main) out.push('the skip link points to #main but there is no element with id="main"');
  }

  // Walk the whole tab order once (plus a little), then compare with what must be reachable.
  for (let i = 0; i < setup.tabbable + 2; i += 1) await page.keyboard.press('Tab');
  const log = await page.evaluate(() => window.__kbLog);
  const seen = new Set();
  const invisible = [];
  const noTip = [];
  for (const entry of log) {
    if (seen.has(entry.index) && entry.index >= 0) continue;
    seen.add(entry.index);
    if (!entry.visible) invisible.push(entry.text);
    if (entry.tip === false) noTip.push(entry.text);
  }
  for (const text of invisible) out.push(`no visible focus indicator on ${text}`);
  for (const text of noTip) out.push(`the glossary tooltip does not show when ${text} has focus`);
  const missing = setup.required.filter((r) => !seen.has(r.index));
  for (const r of missing) out.push(`not reachable with Tab: ${r.kind ? `${r.kind} ` : ''}${r.text}`);
  stats.terms = setup.terms;
  stats.termsReached = setup.required.filter((r) => r.kind === 'glossary term' && seen.has(r.index)).length;
  stats.timelineLinks = setup.required.filter((r) => r.kind === 'timeline link').length;
  stats.timelineReached = setup.required.filter((r) => r.kind === 'timeline link' && seen.has(r.index)).length;
  stats.tabStops = seen.size;

  // Activating the skip link moves the reading position into the main content.
  if (isSkip && first.main) {
    await page.evaluate(() => {
      window.scrollTo(0, 0);
      document.querySelector('a[href="#main"]').focus();
    });
    await page.keyboard.press('Enter');
    // Focus is now on <main> (or in it), or the next Tab must land in or after it: where the
    // skip link did nothing, the next Tab lands on the navigation before <main>.
    const where = () =>
      page.evaluate(() => {
        const main = document.getElementById('main');
        const el = document.activeElement;
        if (!el || el === document.body || el === document.documentElement) return 'nowhere';
        if (el === main || main.contains(el)) return 'in';
        return main.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING ? 'after' : 'before';
      });
    const hash = await page.evaluate(() => location.hash);
    let position = await where();
    if (position !== 'in') {
      await page.keyboard.press('Tab');
      position = await where();
    }
    if (hash !== '#main' || position === 'before') {
      out.push('activating the skip link does not move keyboard focus to the main content');
    }
  }
  await page.evaluate(() => {
    if (location.hash) history.replaceState(null, '', location.pathname + location.search);
  });
  await resetView(page);
}

// ---------------------------------------------------------------- print

async function checkPrint(page, out, stats) {
  await page.emulateMedia({ media: 'print' });
  const result = await page.evaluate((sourceLinks) => {
    const problems = [];
    let printRules = 0;
    const walk = (rules) => {
      for (const rule of rules) {
        if (rule instanceof CSSMediaRule && /\bprint\b/.test(rule.media.mediaText)) printRules += 1;
        if (rule instanceof CSSImportRule && rule.styleSheet) {
          if (/\bprint\b/.test(rule.media.mediaText)) printRules += 1;
          walk(rule.styleSheet.cssRules);
        } else if (rule.cssRules) walk(rule.cssRules);
      }
    };
    for (const sheet of document.styleSheets) {
      if (sheet.media && /\bprint\b/.test(sheet.media.mediaText)) printRules += 1;
      try {
        walk(sheet.cssRules);
      } catch {
        // cross-origin: reported by the request check
      }
    }
    if (!printRules) problems.push('no print rules (@media print) in any stylesheet');
    const shown = (el) => el.checkVisibility({ visibilityProperty: true, opacityProperty: true }) && el.getBoundingClientRect().height > 0;
    for (const el of document.querySelectorAll('header nav, .skip-link, a[href="#main"]')) {
      if (shown(el)) {
        const label = el.getAttribute('aria-label') || (el.innerText || '').trim().slice(0, 40);
        problems.push(`navigation chrome is printed: <${el.tagName.toLowerCase()}> "${label.replace(/\s+/g, ' ')}"`);
      }
    }
    const main = document.querySelector('main');
    if (main && !shown(main)) problems.push('the main content is hidden in print');
    // The links of every "Sources" list: .citations, or a section headed "Sources".
    const links = new Set(document.querySelectorAll(sourceLinks));
    for (const heading of document.querySelectorAll('h2, h3')) {
      if (heading.textContent.trim().toLowerCase() !== 'sources') continue;
      const section = heading.closest('section, aside') || heading.parentElement;
      for (const a of section.querySelectorAll('a[href]:not(.backref)')) links.add(a);
    }
    let checked = 0;
    for (const a of links) {
      const href = a.getAttribute('href');
      if (!href || href.startsWith('#') || !shown(a)) continue;
      checked += 1;
      const content = getComputedStyle(a, '::after').content;
      const showsTarget = content && content !== 'none' && content !== 'normal' && (content.includes('attr(href)') || content.includes(href) || content.includes(a.href));
      if (!showsTarget) problems.push(`the printed Sources link "${a.textContent.trim().slice(0, 50)}" does not show its target (${href.slice(0, 80)})`);
    }
    return { problems, checked };
  }, SOURCE_LIST_LINKS);
  await page.emulateMedia({ media: 'screen' });
  out.push(...result.problems);
  stats.printedSourceLinks = result.checked;
}

// ---------------------------------------------------------------- phone

async function checkPhone(page, out, stats) {
  await page.setViewportSize(PHONE);
  await resetView(page);
  const result = await page.evaluate((timelineSelector) => {
    const problems = [];
    const root = document.documentElement;
    const width = root.clientWidth;
    const describe = (el) => {
      const cls = typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
      const id = el.id ? `#${el.id}` : '';
      return `<${el.tagName.toLowerCase()}${id}${cls}>`;
    };
    const viewport = document.querySelector('meta[name="viewport"]');
    if (!viewport || !/width\s*=\s*device-width/.test(viewport.content)) {
      problems.push('no <meta name="viewport" content="width=device-width, …">: phones would show a zoomed-out desktop page');
    }
    const scrollBox = (el) => {
      for (let node = el; node && node !== document.body && node !== root; node = node.parentElement) {
        const overflow = getComputedStyle(node).overflowX;
        if (overflow === 'auto' || overflow === 'scroll') return node;
      }
      return null;
    };
    // The ancestor that clips `el`, following its containing blocks: an absolutely positioned
    // element escapes a scrolling box that is not positioned (a classic cause of sideways scroll).
    const clipper = (el) => {
      let position = getComputedStyle(el).position;
      if (position === 'fixed') return null;
      for (let node = el.parentElement; node && node !== document.body && node !== root; node = node.parentElement) {
        const style = getComputedStyle(node);
        const containing = style.position !== 'static' || style.transform !== 'none' || /paint|layout|strict|content/.test(style.contain);
        if (position === 'absolute' && !containing) continue;
        if (style.overflowX !== 'visible') return node;
        if (position === 'absolute') position = style.position === 'static' || style.position === 'relative' || style.position === 'sticky' ? 'static' : style.position;
        if (position === 'fixed') return null;
      }
      return null;
    };
    if (root.scrollWidth > width) {
      // Name the outermost elements that stick out and are not clipped by a box.
      const offenders = [];
      for (const el of document.body.querySelectorAll('*')) {
        const rect = el.getBoundingClientRect();
        if (rect.right > width + 1 && !clipper(el)) offenders.push({ el, right: rect.right });
      }
      const outermost = offenders.filter((o) => !offenders.some((p) => p.el !== o.el && p.el.contains(o.el)));
      const names = outermost.slice(0, 3).map((o) => `${describe(o.el)} (right edge at ${Math.round(o.right)} px)`);
      problems.push(`the page scrolls sideways at ${width} px: scrollWidth ${root.scrollWidth} px${names.length ? `; sticking out: ${names.join(', ')}` : ''}`);
    }
    const tooSmall = (el) => parseFloat(getComputedStyle(el).fontSize) < 12;
    let tables = 0;
    for (const table of document.querySelectorAll('table')) {
      if (!table.checkVisibility()) continue;
      tables += 1;
      const rect = table.getBoundingClientRect();
      if (rect.left < -1 || rect.right > width + 1) {
        const box = scrollBox(table);
        if (!box) problems.push(`table ${describe(table)} is ${Math.round(rect.width)} px wide and is not inside a box that scrolls sideways`);
        else {
          const boxRect = box.getBoundingClientRect();
          if (boxRect.left < -1 || boxRect.right > width + 1) problems.push(`the scrolling box ${describe(box)} of a table is itself wider than the screen`);
        }
      }
      const cell = [...table.querySelectorAll('th, td')].find(tooSmall);
      if (cell) problems.push(`table text in ${describe(table)} is smaller than 12 px`);
    }
    let events = 0;
    for (const item of document.querySelectorAll('.timeline-event')) {
      if (!item.checkVisibility()) continue;
      events += 1;
      const rect = item.getBoundingClientRect();
      if (rect.left < -1 || rect.right > width + 1) problems.push(`timeline event ${describe(item)} does not fit the screen`);
      else if (rect.width < width * 0.6) problems.push(`timeline event ${describe(item)} is squeezed to ${Math.round(rect.width)} px`);
      const small = [item, ...item.querySelectorAll('*')].find(
        (el) => [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim()) && tooSmall(el),
      );
      if (small) problems.push(`timeline text in ${describe(small)} is smaller than 12 px`);
    }
    const links = [...document.querySelectorAll(timelineSelector)].filter((a) => a.checkVisibility());
    for (const a of links) {
      const rect = a.getBoundingClientRect();
      if (rect.right > width + 1 && !scrollBox(a)) {
        problems.push(`timeline link "${a.textContent.trim().slice(0, 40)}" sticks out of the screen`);
        break;
      }
    }
    return { problems, tables, events };
  }, TIMELINE_LINKS);
  out.push(...result.problems);
  stats.tables = result.tables;
  stats.timelineEvents = result.events;
}

// ---------------------------------------------------------------- no JavaScript

async function checkNoJs(noJsContext, url, jsText, out) {
  const page = await noJsContext.newPage();
  await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
  const text = await visibleText(page);
  const remaining = new Map();
  for (const block of text.blocks) remaining.set(block, (remaining.get(block) || 0) + 1);
  const missing = [];
  for (const block of jsText.blocks) {
    const n = remaining.get(block) || 0;
    if (n > 0) remaining.set(block, n - 1);
    else missing.push(block);
  }
  for (const block of missing.slice(0, 3)) out.push(`visible only with JavaScript: "${block.slice(0, 100)}"`);
  if (missing.length > 3) out.push(`… and ${missing.length - 3} more text blocks visible only with JavaScript`);
  if (text.length < jsText.length * 0.98) {
    out.push(`visible text shrinks from ${jsText.length} to ${text.length} characters without JavaScript`);
  }
  if (text.images < jsText.images) {
    out.push(`${jsText.images - text.images} image(s) visible only with JavaScript`);
  }
  if (text.length === 0) out.push('the page shows no text without JavaScript');
  await page.close();
}
