// Tests of the tests: every check must report a failure on its deliberately broken page
// (fixtures/broken/), and pass on a page that does everything right (fixtures/ok/).
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { launchBrowser } from './lib/browser.mjs';
import { CHECKS, checkPage } from './lib/checks.mjs';
import { FIXTURES, runVnu } from './lib/site.mjs';
import { startServer } from './lib/server.mjs';

/** [page, check that must fail, what its report must mention] */
const BROKEN = [
  ['a11y.html', 'a11y', [/^light: image-alt/m, /^light: color-contrast/m, /^dark: image-alt/m]],
  ['a11y-dark.html', 'a11y', [/^dark: color-contrast/m]],
  ['a11y-target.html', 'a11y', [/^light: target-size/m]],
  ['keyboard-skip.html', 'keyboard', [/first focusable element is not a skip link/]],
  ['keyboard-focus.html', 'keyboard', [/no visible focus indicator/]],
  [
    'keyboard-reach.html',
    'keyboard',
    [/not reachable with Tab: glossary term/, /not reachable with Tab: timeline link/, /tooltip does not show/],
  ],
  ['nojs.html', 'nojs', [/visible only with JavaScript/]],
  [
    'external.html',
    'offline',
    [/request to another host: https:\/\/example\.com\/x\.png/, /resource hint to another host: https:\/\/cdn\.example\.net/],
  ],
  ['wide.html', 'phone', [/scrolls sideways/]],
  ['table.html', 'phone', [/table .* not inside a box that scrolls sideways/]],
  ['noprint.html', 'print', [/no print rules/, /navigation chrome is printed/, /does not show its target/]],
  ['heavy.html', 'weight', [/limit 100 K$/]],
  ['heavy-image.html', 'images', [/heavy-image\.svg: .* KB on first view at 390 px, limit 250 KB/]],
  ['font.html', 'fonts', [/@font-face/, /font requested/]],
];

let browser;
let server;

before(async () => {
  server = await startServer(FIXTURES, '/fixtures/');
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

describe('tests of the tests: a correct page passes every check', () => {
  let result;
  before(async () => {
    result = await checkPage(browser.browser, server.url('ok/index.html'));
  });
  for (const [name, title] of Object.entries(CHECKS)) {
    it(`${name}: ${title}`, () => {
      assert.deepEqual(result.problems[name], [], `fixtures/ok/index.html fails "${name}"`);
    });
  }
});

describe('tests of the tests: each check fails on its broken page', () => {
  for (const [file, check, patterns] of BROKEN) {
    it(`${check} fails on fixtures/broken/${file}`, async () => {
      const { problems } = await checkPage(browser.browser, server.url(`broken/${file}`));
      const report = problems[check].join('\n');
      assert.ok(problems[check].length > 0, `the "${check}" check found nothing wrong with ${file}`);
      for (const pattern of patterns) {
        assert.match(report, pattern, `the "${check}" report on ${file} lacks ${pattern}`);
      }
      if (file === 'a11y-dark.html') {
        assert.doesNotMatch(report, /^light:/m, 'a11y-dark.html should only fail in the dark colour scheme');
      }
    });
  }

  it('valid HTML fails on fixtures/broken/invalid.html (and passes on the correct page)', async () => {
    const invalid = join(FIXTURES, 'broken', 'invalid.html');
    const ok = join(FIXTURES, 'ok', 'index.html');
    const errors = await runVnu([invalid, ok]);
    assert.ok(errors.get(invalid).length >= 3, `vnu found too little in invalid.html: ${errors.get(invalid).join('; ')}`);
    assert.deepEqual(errors.get(ok), [], 'vnu reports errors on fixtures/ok/index.html');
  });

  it('the test server answers a missing address with 404', async () => {
    const response = await fetch(server.url('no-such-page/'));
    assert.equal(response.status, 404);
    await response.body?.cancel();
  });
});
