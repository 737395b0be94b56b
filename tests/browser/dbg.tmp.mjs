import { launchBrowser } from '/work/main/tests/browser/lib/browser.mjs';
import { checkPage } from '/work/main/tests/browser/lib/checks.mjs';
import { startServer } from '/work/main/tests/browser/lib/server.mjs';
const server = await startServer('/work/main/tests/browser/fixtures', '/fixtures/');
const b = await launchBrowser();
console.log(b.version);
for (const f of process.argv.slice(2)) {
  const t = Date.now();
  const r = await checkPage(b.browser, server.url(f));
  console.log('==', f, Date.now()-t, 'ms', JSON.stringify(r.stats));
  for (const [k,v] of Object.entries(r.problems)) for (const p of v) console.log('  ', k, '|', p);
}
await b.close(); await server.close();
