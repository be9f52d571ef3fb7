/** Writing an experiment folder's report.html (atomically: a killed process never leaves half a file). */
import { join } from 'node:path';
import { writeFileAtomic } from '../run/atomic.js';
import { buildReport, type ReportOptions } from './build-report.js';

/** File name of the report inside an experiment folder. */
export const REPORT_FILE = 'report.html';

/** Builds the report ({@link buildReport}), writes it to `<dir>/report.html` and returns its path. */
export function writeReport(dir: string, options: ReportOptions): string {
  const path = join(dir, REPORT_FILE);
  writeFileAtomic(path, buildReport(options));
  return path;
}
