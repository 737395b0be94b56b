// A tiny static file server on loopback: serves ROOT under a sub-path (as GitHub Pages does for a
// project site), with correct content types, index.html for folders and 404.html for anything missing.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

export const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.atom': 'application/atom+xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.pdf': 'application/pdf',
  '.webmanifest': 'application/manifest+json',
};

export function contentType(path) {
  return CONTENT_TYPES[extname(path).toLowerCase()] || 'application/octet-stream';
}

async function fileAt(path) {
  try {
    const info = await stat(path);
    return info;
  } catch {
    return null;
  }
}

/**
 * Serves `root` at http://127.0.0.1:<port><prefix>. `prefix` starts and ends with "/".
 * Returns { port, origin, url(path), close() }.
 */
export async function startServer(root, prefix = '/') {
  const rootDir = normalize(root);
  const server = createServer(async (req, res) => {
    try {
      const send = async (status, path, extraHeaders = {}) => {
        const body = await readFile(path);
        res.writeHead(status, {
          'content-type': contentType(path),
          'content-length': body.length,
          'cache-control': 'no-store',
          ...extraHeaders,
        });
        res.end(req.method === 'HEAD' ? undefined : body);
      };
      const notFound = async () => {
        const page = join(rootDir, '404.html');
        if (await fileAt(page)) return send(404, page);
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
        res.end('404 Not Found\n');
      };
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, { allow: 'GET, HEAD' });
        return res.end();
      }
      const url = new URL(req.url, 'http://127.0.0.1');
      let pathname;
      try {
        pathname = decodeURIComponent(url.pathname);
      } catch {
        return notFound();
      }
      if (!pathname.startsWith(prefix)) {
        if (pathname === prefix.slice(0, -1)) {
          res.writeHead(301, { location: prefix });
          return res.end();
        }
        return notFound();
      }
      const relative = pathname.slice(prefix.length);
      const path = normalize(join(rootDir, relative));
      if (path !== rootDir && !path.startsWith(rootDir + sep)) return notFound();
      if (relative.split('/').some((part) => part.startsWith('.') && part !== '')) return notFound();
      const info = await fileAt(path);
      if (info && info.isDirectory()) {
        if (!pathname.endsWith('/')) {
          res.writeHead(301, { location: `${url.pathname}/${url.search}` });
          return res.end();
        }
        const index = join(path, 'index.html');
        if (await fileAt(index)) return send(200, index);
        return notFound();
      }
      if (info && info.isFile()) return send(200, path);
      return notFound();
    } catch (error) {
      res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(String(error));
    }
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address();
  const origin = `http://127.0.0.1:${port}`;
  return {
    port,
    origin,
    prefix,
    url: (path = '') => `${origin}${prefix}${path.replace(/^\//, '')}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}
