/**
 * Validates a config object: the schema (with defaults filled in) and then the rules that tie
 * sections together. Every problem becomes a {@link ConfigIssue} naming the key path; all of them
 * are thrown together as one {@link ConfigError}.
 */
import { ConfigError, type ConfigIssue } from '../errors.js';
import { type ExperimentConfig, experimentSchema } from './experiment-schema.js';
import { toConfigIssues } from './issues.js';
import { taskOf } from './names.js';

function crossSectionIssues(config: ExperimentConfig): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const task = taskOf(config.dataset);
  if (config.loss !== undefined) {
    const allowed = task === 'classification' ? ['cross-entropy'] : ['mse', 'l1', 'huber'];
    if (!allowed.includes(config.loss)) issues.push({ path: 'loss', message: `"${config.loss}" does not fit a ${task} dataset`, allowed });
  }
  if (config.model.kind === 'article' && config.dataset.name !== 'article') {
    issues.push({ path: 'model.kind', message: `the article model is for the article's data (dataset.name is "${config.dataset.name}")`, allowed: ['mlp', 'sequential'] });
  }
  if (config.training.batchSize !== undefined && config.training.iterations !== undefined && config.dataset.name === 'article') {
    issues.push({ path: 'training.batchSize', message: "the article's data are 20 points trained full-batch; remove batchSize" });
  }
  for (const [key, s] of Object.entries(config.schedule)) {
    if (s !== undefined && s.per === 'epoch' && config.training.epochs === undefined) {
      issues.push({ path: `schedule.${key}.per`, message: '"epoch" needs training.epochs', allowed: ['iteration'] });
    }
  }
  return issues;
}

/**
 * Validates `data` as an experiment config and fills in defaults. Throws a {@link ConfigError}
 * listing every issue (key path, what is wrong, allowed values); `source` names where the data came
 * from in the message (a file path, `--grid`).
 */
export function parseExperimentConfig(data: unknown, source = 'config'): ExperimentConfig {
  const result = experimentSchema.safeParse(data);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.flatMap((issue) => toConfigIssues(issue, experimentSchema, data)),
      source,
    );
  }
  const issues = crossSectionIssues(result.data);
  if (issues.length > 0) throw new ConfigError(issues, source);
  return result.data;
}
