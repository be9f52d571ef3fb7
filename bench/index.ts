/**
 * `npm run bench`: runs every `bench/*.bench.ts` file's exported `run…Bench()` in turn. Each
 * benchmark prints its measurements beside a baseline measured in the same run.
 * `npm run bench -- <filter>` runs only the files whose name contains the filter.
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const filter = process.argv[2] ?? '';
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts') && f.includes(filter))
  .sort();

for (const file of files) {
  const mod = (await import(pathToFileURL(join(here, file)).href)) as Record<string, unknown>;
  for (const [name, fn] of Object.entries(mod)) {
    if (/^run\w*Bench$/.test(name) && typeof fn === 'function') {
      console.log(`\n=== ${file} · ${name} ===`);
      await (fn as () => Promise<void>)();
    }
  }
}
