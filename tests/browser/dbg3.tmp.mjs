import { readFileSync } from 'node:fs';
import { launchBrowser } from './lib/browser.mjs';
import { startServer } from './lib/server.mjs';
const [root, path] = process.argv.slice(2);
const server = await startServer(root, '/karabakh-explainer/');
const b = await launchBrowser();
const ctx = await b.browser.newContext();
const page = await ctx.newPage();
await page.goto(server.url(path));
await page.evaluate(readFileSync('node_modules/axe-core/axe.min.js','utf8'));
for (const scheme of ['light','dark']) {
  await page.emulateMedia({colorScheme: scheme});
  const out = await page.evaluate(async () => {
    const r = await axe.run(document, {runOnly:{type:'tag',values:['wcag2a','wcag2aa','wcag21a','wcag21aa']}, resultTypes:['violations']});
    const m = {};
    for (const v of r.violations) for (const n of v.nodes) {
      const d = n.any[0]?.data || {};
      const el = document.querySelector(n.target[0]);
      const k = v.id + ' ' + (d.fgColor||'') + ' on ' + (d.bgColor||'') + ' ' + (el ? el.className : '');
      m[k] = (m[k]||0)+1;
    }
    return m;
  });
  console.log(scheme, out);
}
await b.close(); await server.close();
