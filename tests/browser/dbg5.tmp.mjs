import { launchBrowser } from './lib/browser.mjs';
import { startServer } from './lib/server.mjs';
const [root, path, width, ...ys] = process.argv.slice(2);
const server = await startServer(root, '/karabakh-explainer/');
const b = await launchBrowser();
const ctx = await b.browser.newContext({viewport:{width:+width,height:900}, colorScheme: process.env.SCHEME || 'light'});
const page = await ctx.newPage();
const cdp = await ctx.newCDPSession(page);
await cdp.send('Emulation.setScrollbarsHidden', { hidden: true });
await page.goto(server.url(path));
if (process.env.PRINT) await page.emulateMedia({media:'print'});
const H = +(process.env.H || 1100);
const total = await page.evaluate(() => document.documentElement.scrollHeight);
console.log('height', total);
for (const y of ys) {
  await page.screenshot({ path: `/tmp/shots/${path.replace(/\W+/g,'-')||'home'}-${width}-${y}.png`, fullPage: true, clip: { x: 0, y: +y, width: +width, height: Math.min(H, total - y) } });
}
await b.close(); await server.close();
