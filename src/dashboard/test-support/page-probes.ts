/**
 * What the end-to-end tests read from a page: whether a view finished drawing, how many pixels of
 * a canvas carry a given color (proof that a series was really drawn), a canvas's pixels as a
 * string (to see that a change redrew it), and screenshots saved under test-output/dashboard.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { projectRoot } from '../../../test/fixtures.js';

/** Where the e2e run saves its screenshots (git-ignored). */
export const SCREENSHOT_DIR = join(projectRoot, 'test-output', 'dashboard');

/** Waits until `view` is drawn with the current data. */
export async function waitRendered(page: Page, view: string, timeout = 15_000): Promise<void> {
  await page.waitForSelector(`section.view[data-view="${view}"][data-rendered="1"]`, { timeout });
}

/** The `rgb(r, g, b)` of the swatch of `run` in the sidebar. */
export async function runColor(page: Page, run: string): Promise<[number, number, number]> {
  const css = await page.locator(`ul.run-list li[data-run="${run}"] .swatch`).evaluate((el) => getComputedStyle(el).backgroundColor);
  const m = /rgba?\((\d+), (\d+), (\d+)/.exec(css);
  if (m === null) throw new Error(`no color for run ${run}: ${css}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

/**
 * Per canvas matching `selector`: the number of opaque pixels of the hue of `rgb` (within 18°,
 * with some saturation, so lighter tints of the run's color count and gray axes and text do not).
 */
export async function colorPixels(page: Page, selector: string, rgb: [number, number, number]): Promise<number[]> {
  return page.evaluate(
    ({ selector, rgb }) => {
      const hue = (r: number, g: number, b: number): number => {
        const max = Math.max(r, g, b);
        const min = Math.min(r, g, b);
        if (max === min) return NaN;
        const h = max === r ? (g - b) / (max - min) : max === g ? 2 + (b - r) / (max - min) : 4 + (r - g) / (max - min);
        return (h * 60 + 360) % 360;
      };
      const target = hue(rgb[0], rgb[1], rgb[2]);
      return Array.from(document.querySelectorAll<HTMLCanvasElement>(selector)).map((c) => {
        const ctx = c.getContext('2d');
        if (ctx === null || c.width === 0 || c.height === 0) return 0;
        const d = ctx.getImageData(0, 0, c.width, c.height).data;
        let n = 0;
        for (let i = 0; i < d.length; i += 4) {
          const [r, g, b, a] = [d[i]!, d[i + 1]!, d[i + 2]!, d[i + 3]!];
          if (a < 128 || Math.max(r, g, b) - Math.min(r, g, b) < 24) continue;
          const dh = Math.abs(hue(r, g, b) - target);
          if (Math.min(dh, 360 - dh) <= 18) n++;
        }
        return n;
      });
    },
    { selector, rgb },
  );
}

/** The pixels of the first canvas matching `selector`, as a data URL (to compare before/after). */
export async function canvasPixels(page: Page, selector: string): Promise<string> {
  return page.locator(selector).first().evaluate((c) => (c instanceof HTMLCanvasElement ? c.toDataURL() : ''));
}

/** Saves a full-page screenshot as test-output/dashboard/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}
