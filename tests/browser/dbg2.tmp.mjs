import { launchBrowser } from './lib/browser.mjs';
import { checkPage } from './lib/checks.mjs';
import { startServer } from './lib/server.mjs';
const [root, ...paths] = process.argv.slice(2);
const server = await startServer(root, '/karabakh-explainer/');
const b = await launchBrowser();
for (const f of paths) {
  const t = Date.now();
  const r = await checkPage(b.browser, server.url(f), { screenshots: process.env.SHOTS ? { dir: process.env.SHOTS, name: f.replace(/\W+/g,'-') || 'home' } : undefined });
  console.log('==', f, Date.now()-t, 'ms', JSON.stringify(r.stats));
  for (const [k,v] of Object.entries(r.problems)) for (const p of v) console.log('  ', k, '|', p.slice(0,700));
}
await b.close(); await server.close();
