// Building the site, finding its pages, and the Nu HTML Checker.
import { spawn } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
export const HERE = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const REPO = resolve(HERE, '..', '..');
export const SCREENSHOTS = join(HERE, 'screenshots');
export const FIXTURES = join(HERE, 'fixtures');
/** The site is published under a sub-path, as a GitHub Pages project site is. */
export const SUB_PATH = '/karabakh-explainer/';

/** Runs a command; resolves { code, output } with stdout and stderr interleaved (tail kept). */
export function run(command, args, options = {}) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options });
    let output = '';
    const keep = (chunk) => {
      output += chunk;
      if (output.length > 400_000) output = output.slice(-200_000);
    };
    child.stdout.setEncoding('utf8').on('data', keep);
    child.stderr.setEncoding('utf8').on('data', keep);
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      if (stderr.length < 50_000_000) stderr += chunk;
    });
    child.once('error', reject);
    child.once('close', (code) => resolvePromise({ code, output, stderr }));
  });
}

/** Builds the real site into `outputDir` for `baseUrl`. */
export async function buildSite(outputDir, baseUrl) {
  const args = ['run', '--release', '--quiet', '--', 'build', '--output-dir', outputDir, '--base-url', baseUrl];
  const result = await run('cargo', args, { cwd: REPO });
  return { ok: result.code === 0, output: result.output, command: `cargo ${args.join(' ')}` };
}

/** Every .html file under `dir`, as paths relative to it with "/" separators, sorted. */
export async function htmlFiles(dir) {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => relative(dir, join(entry.parentPath ?? entry.path, entry.name)).split(sep).join('/'))
    .filter((path) => !path.split('/').some((part) => part.startsWith('.')))
    .sort();
}

/** The URL path (below the sub-path) at which a file is served: "notes/index.html" -> "notes/". */
export function urlPathOf(file) {
  if (file === 'index.html') return '';
  return file.endsWith('/index.html') ? file.slice(0, -'index.html'.length) : file;
}

/** A file name for a page's screenshots: "notes/aftermath/index.html" -> "notes-aftermath". */
export function screenshotName(file) {
  const path = urlPathOf(file).replace(/\/$/, '').replace(/\.html$/, '');
  return path ? path.replace(/[^A-Za-z0-9_-]+/g, '-') : 'home';
}

/**
 * Runs the Nu HTML Checker once over `files` (absolute paths). Resolves a Map from each file to
 * its list of errors ("line:column: message").
 */
export async function runVnu(files) {
  const jar = join(dirname(require.resolve('vnu-jar/package.json')), 'build', 'dist', 'vnu.jar');
  const java = process.env.JAVA || 'java';
  const result = await run(java, ['-Xss4m', '-jar', jar, '--errors-only', '--format', 'json', ...files]);
  const byFile = new Map(files.map((file) => [file, []]));
  let report;
  try {
    report = JSON.parse(result.stderr.trim() || '{"messages":[]}');
  } catch {
    throw new Error(`vnu did not answer in JSON (exit ${result.code}):\n${result.output.slice(-3000)}`);
  }
  const byUrl = new Map(files.map((file) => [pathToFileURL(file).href, file]));
  for (const message of report.messages || []) {
    if (message.type !== 'error' && message.type !== 'non-document-error') continue;
    const file = byUrl.get(message.url) || files.find((f) => message.url && decodeURIComponent(message.url).endsWith(f));
    const text = `${message.lastLine ?? '?'}:${message.firstColumn ?? message.lastColumn ?? '?'}: ${message.message}`;
    if (file) byFile.get(file).push(text);
    else {
      if (!byFile.has('(other)')) byFile.set('(other)', []);
      byFile.get('(other)').push(`${message.url}: ${text}`);
    }
  }
  if (result.code !== 0 && [...byFile.values()].every((list) => list.length === 0)) {
    throw new Error(`vnu failed (exit ${result.code}):\n${result.output.slice(-3000)}`);
  }
  return byFile;
}
