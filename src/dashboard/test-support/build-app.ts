/**
 * Builds the dashboard bundle for tests and benchmarks into a folder of their own (the same
 * esbuild settings as `npm run build:dashboard`, which writes dist/dashboard/app), so they always
 * run against the current source.
 */
import { build } from 'esbuild';
import { mkdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The bundle's entry point. */
export const APP_ENTRY = fileURLToPath(new URL('../client/main.ts', import.meta.url));

/** Bundles the app into `outDir` (emptied first): app.js, app.css, one chunk per view, source maps. */
export async function buildDashboardApp(outDir: string): Promise<void> {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  await build({
    entryPoints: [APP_ENTRY],
    bundle: true,
    splitting: true,
    format: 'esm',
    target: 'es2022',
    minify: true,
    sourcemap: true,
    outdir: outDir,
    entryNames: 'app',
    logLevel: 'silent',
  });
}
