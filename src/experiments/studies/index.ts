/**
 * The studies `decaylab study <name>` runs (issue 6), each a small folder: its plan (the runs),
 * analysis (pure functions of the runs), verdict (computed from the numbers) and report sections.
 * docs/studies.md describes each one.
 */
import { anyStudy, type AnyStudy } from '../study/types.js';
import { coupledDetails } from './coupled-vs-decoupled/plan.js';
import { coupledVsDecoupled } from './coupled-vs-decoupled/study.js';
import { generalizationDetails } from './generalization/plan.js';
import { generalization } from './generalization/study.js';
import { equilibriumDetails } from './layernorm-equilibrium/plan.js';
import { layernormEquilibrium } from './layernorm-equilibrium/study.js';
import { sparsityDetails } from './sparsity/plan.js';
import { sparsity } from './sparsity/study.js';

export { coupledVsDecoupled } from './coupled-vs-decoupled/study.js';
export { sparsity } from './sparsity/study.js';
export { generalization } from './generalization/study.js';
export { layernormEquilibrium } from './layernorm-equilibrium/study.js';

/** A registered study with the longer help `decaylab study --help` prints (its runs at each size). */
export interface StudyEntry extends AnyStudy {
  readonly details: string;
}

/** Every study, in the order `--help` lists them. */
export const STUDIES: readonly StudyEntry[] = [
  { ...anyStudy(coupledVsDecoupled), details: coupledDetails() },
  { ...anyStudy(sparsity), details: sparsityDetails() },
  { ...anyStudy(generalization), details: generalizationDetails() },
  { ...anyStudy(layernormEquilibrium), details: equilibriumDetails() },
];
