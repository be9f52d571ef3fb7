/**
 * The layering rules of docs/architecture.md, checked on every source file: imports point
 * downward only, and the browser-safe layers import no Node module.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from './fixtures.js';

/** Rank of each top-level folder of src/: a file may import only from ranks ≤ its own. */
const LAYERS: Record<string, number> = {
  tensor: 0,
  nn: 1,
  optim: 2,
  events: 3,
  experiments: 4,
  dashboard: 5,
  cli: 6,
};
const BROWSER_SAFE = new Set(['tensor', 'nn', 'optim']);
const srcDir = join(projectRoot, 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    // test-support folders hold test-only helpers (excluded from the build), like *.test.ts files.
    if (statSync(path).isDirectory()) return name === 'test-support' || name === 'fixtures' ? [] : sourceFiles(path);
    return path.endsWith('.ts') && !path.endsWith('.test.ts') && !path.endsWith('.d.ts') ? [path] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specs: string[] = [];
  const re = /(?:^|[\s;])(?:import|export)\s[^'"`]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s+['"]([^'"]+)['"]/gm;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) specs.push((m[1] ?? m[2] ?? m[3])!);
  return specs;
}

function layerOf(file: string): string | null {
  const rel = relative(srcDir, file);
  const top = rel.split(/[\\/]/)[0]!;
  return rel.includes('/') || rel.includes('\\') ? top : null;
}

const files = sourceFiles(srcDir);
const nodeBuiltins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

describe('architecture', () => {
  it('every folder of src/ is a known layer', () => {
    const unknown = files.map(layerOf).filter((l): l is string => l !== null && !(l in LAYERS));
    expect([...new Set(unknown)]).toEqual([]);
  });

  it('imports point downward only', () => {
    const violations: string[] = [];
    for (const file of files) {
      const layer = layerOf(file);
      if (layer === null) continue;
      for (const spec of importsOf(file)) {
        if (!spec.startsWith('.')) continue;
        const target = layerOf(resolve(dirname(file), spec));
        if (target !== null && (LAYERS[target] ?? 99) > LAYERS[layer]!) {
          violations.push(`${relative(projectRoot, file)} (${layer}) imports ${spec} (${target})`);
        }
      }
    }
    expect(violations).toEqual([]);
  });

  it('tensor, nn and optim import no Node module (they run in a browser)', () => {
    const violations: string[] = [];
    for (const file of files) {
      const layer = layerOf(file);
      if (layer === null || !BROWSER_SAFE.has(layer)) continue;
      for (const spec of importsOf(file)) {
        if (nodeBuiltins.has(spec) || spec.startsWith('node:')) violations.push(`${relative(projectRoot, file)} imports ${spec}`);
      }
    }
    expect(violations).toEqual([]);
  });
});
