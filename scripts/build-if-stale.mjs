// `npm run prepare`: runs `npm run build` unless dist/ was built from exactly the current inputs.
//
// Why: npm 7+ runs a project's own bin for `npx decaylab` by linking the project into its npx
// cache, and linking a folder runs that folder's `prepare` script. With `prepare` = `npm run build`
// the first `npx decaylab …` after `npm ci` rebuilt everything (wasm, tsc, bundles: over a minute).
// The inputs — every file under src/, assembly/, scripts/ and proto/, and package.json,
// package-lock.json, tsconfig*.json — are hashed (SHA-256 of paths and contents) into
// dist/.build-inputs after a build; when the hash matches, this script exits at once.
// Plain JavaScript so it starts without a TypeScript loader.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const stamp = join(root, 'dist', '.build-inputs');

function files(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));
}

function inputsHash() {
  const paths = [
    ...['src', 'assembly', 'scripts', 'proto'].flatMap((d) => files(join(root, d))),
    ...['package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json'].map((f) => join(root, f)).filter(existsSync),
  ].sort();
  const hash = createHash('sha256');
  for (const p of paths) hash.update(`${relative(root, p)}\0`).update(readFileSync(p)).update('\0');
  return hash.digest('hex');
}

if (existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === inputsHash()) {
  console.log('prepare: dist/ is up to date with its inputs; not rebuilding');
} else {
  const r = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (r.status !== 0) process.exit(r.status ?? 1);
  writeFileSync(stamp, `${inputsHash()}\n`);
}
