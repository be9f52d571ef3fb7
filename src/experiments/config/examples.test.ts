/** The example configs under examples/ validate, and the one using every section trains. */
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../../test/fixtures.js';
import { applyOverrides } from './overrides.js';
import { loadExperimentConfig, readConfigJson } from './load.js';
import { parseExperimentConfig } from './parse.js';
import { runExperiment } from '../run/run-experiment.js';

const dir = join(projectRoot, 'examples');
const configs = readdirSync(dir).filter((f) => f.endsWith('.json'));

describe('example configs', () => {
  it.each(configs)('%s is a valid config', (file) => {
    const config = loadExperimentConfig(join(dir, file));
    expect(config.name).toMatch(/^[a-z0-9-]+$/);
    expect(config.description?.length).toBeGreaterThan(20);
  });

  it('experiment.json (every section) trains, shortened', async () => {
    const data = applyOverrides(readConfigJson(join(dir, 'experiment.json')), [{ path: 'training.epochs', value: 3 }]);
    const config = parseExperimentConfig(data);
    const record = await runExperiment(config, { dir: join(mkdtempSync(join(tmpdir(), 'decaylab-example-')), 'run'), name: 'example' });
    expect(record.status).toBe('done');
    expect(record.result!.steps).toBe(3 * Math.ceil(400 / 64));
    expect(record.result!.final.testAccuracy).toBeGreaterThan(1 / 3);
  });
});
