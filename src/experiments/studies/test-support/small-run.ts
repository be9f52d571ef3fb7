/**
 * Test helpers for the studies: run a study end to end at its small size in a fresh temporary
 * folder (in this thread, so failures show their stack), check that a report is one
 * self-contained file, and write text as the report escapes it.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { runStudy, type StudyOutcome } from '../../study/run-study.js';
import type { AnyStudy } from '../../study/types.js';

/** What a small run left behind. */
export interface SmallRun {
  readonly dir: string;
  readonly outcome: StudyOutcome;
  /** report.html. */
  readonly html: string;
  /** analysis.json, parsed. */
  readonly saved: unknown;
}

/** Runs `study` at its small size with `seeds` seeds in a new temporary folder. */
export async function runSmall(study: AnyStudy, seeds = 1): Promise<SmallRun> {
  const dir = join(mkdtempSync(join(tmpdir(), `decaylab-study-${study.name}-`)), 'study');
  const outcome = await runStudy(study, { dir, seeds, quick: true, jobs: 1, inProcess: true });
  expect(outcome.failures).toEqual([]);
  expect(outcome.reportPath).toBe(join(dir, 'report.html'));
  const html = readFileSync(join(dir, 'report.html'), 'utf8');
  const saved: unknown = JSON.parse(readFileSync(join(dir, 'analysis.json'), 'utf8'));
  return { dir, outcome, html, saved };
}

/** `text` as a report writes it into HTML: `&`, `<`, `>`, `"` and `'` escaped. */
export function asHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Checks that a report loads nothing from elsewhere: no scripts, links, URLs or external references. */
export function expectSelfContained(html: string): void {
  expect(html.startsWith('<!doctype html>')).toBe(true);
  expect(html).not.toMatch(/https?:\/\//i);
  expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\(/i);
  expect(html).not.toMatch(/\s(?:src|href)\s*=\s*["'](?!#)/i);
}
