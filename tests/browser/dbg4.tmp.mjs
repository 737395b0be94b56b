import { launchBrowser } from './lib/browser.mjs';
import { startServer } from './lib/server.mjs';
const [root, path] = process.argv.slice(2);
const server = await startServer(root, '/karabakh-explainer/');
const b = await launchBrowser();
const ctx = await b.browser.newContext({viewport:{width:390,height:844}});
const page = await ctx.newPage();
const cdp = await ctx.newCDPSession(page);
await cdp.send('Emulation.setScrollbarsHidden', { hidden: true });
await page.goto(server.url(path));
console.log(await page.evaluate(() => {
  const out = [];
  for (const el of document.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if (r.right > 391) out.push(`${el.tagName}.${el.className?.baseVal ?? el.className} ${Math.round(r.left)}-${Math.round(r.right)} ov=${getComputedStyle(el).overflowX} pos=${getComputedStyle(el).position}`);
  }
  return [document.documentElement.scrollWidth, ...out.slice(0, 30)];
}));
await b.close(); await server.close();
