/**
 * The browser app: the files of the built app folder (`dist/dashboard/app`, made by
 * `npm run build:dashboard`: `app.js`, `app.css`, the views' chunks and source maps), listed and
 * read once at start and served from memory — no URL is ever mapped to the file system; regular
 * files only (no symlinks), plain names ending in .js, .css or .map. The page itself is generated here; it asks
 * the browser to fetch the run list while the app's script loads (`<link rel=preload>`).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Reply, Router } from './router.js';

/** Media types of the app's files, by extension; other files in the app folder are not served. */
const MEDIA_TYPES: Readonly<Record<string, string>> = {
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  map: 'application/json; charset=utf-8',
};

/** Names the app's files have (`app.js`, `chunk-ABC123.js`, `app.css.map`): one plain segment. */
const APP_FILE_NAME = /^[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*\.(js|css|map)$/;

/** Where `npm run build:dashboard` puts the app: `<package root>/dist/dashboard/app`. */
export function defaultAppDir(): string {
  // This file is src/dashboard/server/app-assets.ts or dist/dashboard/server/app-assets.js: the package root is three folders up.
  return fileURLToPath(new URL('../../../dist/dashboard/app/', import.meta.url));
}

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>decaylab board</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/app.css">
<link rel="preload" href="/api/runs" as="fetch" crossorigin="anonymous">
</head>
<body>
<div id="app"></div>
<script type="module" src="/app.js"></script>
</body>
</html>
`;

const missingPage = (appDir: string): string => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>decaylab board: app not built</title></head>
<body><h1>The dashboard app is not built</h1>
<p>No <code>app.js</code> in <code>${appDir.replace(/[<>&]/g, '')}</code>. Run <code>npm run build:dashboard</code> (or <code>npm run build</code>) and restart <code>decaylab board</code>. The JSON API under <code>/api/</code> works without it.</p>
</body></html>
`;

/** Registers `/` and the app's files on `router`; without a built app, `/` explains how to build it (503). */
export function registerAppRoutes(router: Router, appDir: string): { built: boolean } {
  const built = existsSync(join(appDir, 'app.js'));
  const html = 'text/html; charset=utf-8';
  const page: Reply = built ? { status: 200, contentType: html, body: PAGE } : { status: 503, contentType: html, body: missingPage(appDir) };
  router.get('/', { required: [] }, () => page);
  router.get('/index.html', { required: [] }, () => page);
  if (!built) return { built };
  for (const entry of readdirSync(appDir, { withFileTypes: true })) {
    const ext = APP_FILE_NAME.exec(entry.name)?.[1];
    if (!entry.isFile() || ext === undefined) continue;
    const body = new Uint8Array(readFileSync(join(appDir, entry.name)));
    router.get(`/${entry.name}`, { required: [] }, () => ({ status: 200, contentType: MEDIA_TYPES[ext]!, body }));
  }
  return { built };
}
