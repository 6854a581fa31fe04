// The page's files (src/sandbox/page/: HTML, CSS, ES modules — no build step), read from
// the project folder on each request so an edit shows on reload.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Routes } from '../http/server.ts';
import { PROJECT_ROOT } from '../project-root.ts';

const pageFolder = path.join(PROJECT_ROOT, 'src/sandbox/page');
const pageFiles: Record<string, string> = {
  '/sandbox': 'index.html',
  '/sandbox/sandbox.css': 'sandbox.css',
  '/sandbox/sandbox.js': 'sandbox.js',
  '/sandbox/blocks.js': 'blocks.js',
  '/sandbox/mrkdwn.js': 'mrkdwn.js',
};
export const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.png': 'image/png',
  '.csv': 'text/csv; charset=utf-8',
  '.pdf': 'application/pdf',
  '.svg': 'image/svg+xml',
};

export function pageAssetRoutes(): Routes {
  const routes: Routes = new Map();
  for (const [url, file] of Object.entries(pageFiles)) {
    routes.set(`GET ${url}`, async (_req, res) => {
      res.writeHead(200, { 'content-type': contentTypes[path.extname(file)]!, 'cache-control': 'no-store' });
      res.end(await readFile(path.join(pageFolder, file)));
    });
  }
  return routes;
}
