/** `decaylab report <dir>`: writes an experiment folder's report.html again. */
import { relative } from 'node:path';
import { Command } from 'commander';
import type { AnyStudy } from '../../experiments/study/types.js';
import type { CliIO } from '../io.js';

/** The `report` command; `studies` lets it rebuild study folders too. */
export function reportCommand(io: CliIO, studies: readonly AnyStudy[] = []): Command {
  return new Command('report')
    .description('write report.html again for a demo, run, sweep or study folder')
    .argument('<dir>', 'the experiment folder (it holds experiment.json)')
    .option('--ridgeline <params>', 'parameters drawn as histogram ridgelines, comma-separated names or globs (e.g. "linears.*.weight")')
    .action(async (dir: string, flags: { ridgeline?: string }) => {
      const { rebuildReport } = await import('../../experiments/rebuild-report.js');
      const path = rebuildReport(dir, studies, flags.ridgeline?.split(',').map((p) => p.trim()));
      io.out(`Report:  ${relative(process.cwd(), path)}\n`);
    });
}
