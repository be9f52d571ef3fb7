/**
 * The Optimizer base with PyTorch's semantics: param groups filled from defaults, `addParamGroup`,
 * `step()` (parameters whose grad is null are skipped; state is created lazily at a parameter's first
 * step), `zeroGrad()`, and `stateDict()`/`loadStateDict()`. Each optimizer is a spec — its option checks
 * and its own scaling as gradient transforms — and the base runs, per param group, the chain that the
 * group's decay mode makes of it (see transforms/decay.ts).
 */
import { enableGrad } from '../tensor/autograd/grad-mode.js';
import { DTypeError, ShapeError, formatShape } from '../tensor/errors.js';
import { Tensor } from '../tensor/tensor.js';
import { Chain } from './chain.js';
import { StateDictError } from './errors.js';
import { type RawGroupSpec, buildParamGroup, groupSpecs } from './param-groups.js';
import { type OptimizerStateDict, parseStateDict, saveStateDict } from './state-dict.js';
import type { Stage, StepContext } from './transform.js';
import { withDecay } from './transforms/decay.js';
import { type DecayMode, type OptimizerOptions, type ParamGroup, type ParamGroupSpec, type ParamState, type ParamsInput, emptyParamState } from './types.js';

/** What makes an optimizer: its name, its option checks and its own scaling. */
export interface OptimizerSpec<O extends OptimizerOptions> {
  /** Class name used in messages (`Adam`). */
  readonly name: string;
  /** Checks one group's options; throws an OptionRangeError naming the option and value. */
  validate(options: O): void;
  /** Fresh stages of the optimizer's own scaling, without decay or learning rate (e.g. `[scaleByAdam()]`). */
  core(): Stage<ParamGroup<O>>[];
  /** The state keys besides `step` the optimizer may create; `loadStateDict` rejects others. */
  readonly stateKeys?: readonly string[];
  /** Initialises a parameter's state when it is created (Adagrad's `sum`). */
  initState?(state: ParamState, param: Tensor, group: ParamGroup<O>): void;
  /** Creates state for every parameter on construction, as PyTorch's Adagrad does. */
  readonly eagerState?: boolean;
}

/** An optimizer: param groups, per-parameter state, and a chain of gradient transforms per decay mode. */
export class Optimizer<O extends OptimizerOptions = OptimizerOptions> {
  /** The options groups fall back to (PyTorch's `optimizer.defaults`). */
  readonly defaults: O;
  /** The param groups; plain mutable objects, read at every step (PyTorch's `optimizer.param_groups`). */
  readonly paramGroups: ParamGroup<O>[] = [];
  /** Per-parameter state, keyed by parameter (PyTorch's `optimizer.state`). */
  readonly state = new Map<Tensor, ParamState>();
  private readonly chains: Partial<Record<DecayMode, Chain<ParamGroup<O>>>> = {};
  private ctx: StepContext<ParamGroup<O>> | null = null;

  constructor(
    params: ParamsInput<O>,
    defaults: O,
    readonly spec: OptimizerSpec<O>,
  ) {
    spec.validate(defaults);
    this.defaults = defaults;
    for (const group of groupSpecs(spec.name, params)) this.addGroup(group);
  }

  /** Adds a group; options it does not set come from the defaults (PyTorch's `add_param_group`). */
  addParamGroup(spec: ParamGroupSpec<O>): void {
    this.addGroup(spec);
  }

  private addGroup(spec: RawGroupSpec): void {
    const existing = new Set<Tensor>();
    for (const group of this.paramGroups) for (const p of group.params) existing.add(p);
    const group = buildParamGroup(this.spec.name, spec, this.defaults, existing);
    this.spec.validate(group);
    this.paramGroups.push(group);
    if (this.spec.eagerState === true) for (const p of group.params) this.createState(p, group);
  }

  /** Resets gradients: to null by default (PyTorch 2's `set_to_none=True`), else fills them with zeros. */
  zeroGrad(setToNone = true): void {
    for (const group of this.paramGroups) {
      for (const p of group.params) {
        if (p.grad === null) continue;
        if (setToNone) p.grad = null;
        else p.grad.data.fill(0);
      }
    }
  }

  /**
   * One optimization step over every parameter whose grad is not null. `closure`, if given, runs
   * first with gradient recording on and its result is returned (PyTorch's `step(closure)`).
   * Gradients are checked before any parameter changes.
   */
  step<T>(closure?: () => T): T | undefined {
    const loss = closure === undefined ? undefined : enableGrad(closure);
    this.checkGradients();
    const ctx = this.context();
    const groups = this.paramGroups;
    for (let gi = 0; gi < groups.length; gi++) {
      const group = groups[gi]!;
      const chain = this.chainFor(group.decay);
      const params = group.params;
      ctx.group = group;
      for (let j = 0; j < params.length; j++) {
        const p = params[j]!;
        const grad = p.grad;
        if (grad === null) continue;
        const state = this.state.get(p) ?? this.createState(p, group);
        state.step += 1;
        ctx.param = p;
        ctx.w = p.data as StepContext['w'];
        ctx.g = grad.data as StepContext['g'];
        ctx.state = state;
        ctx.float32 = p.dtype === 'float32';
        chain.apply(ctx);
      }
    }
    return loss;
  }

  /** PyTorch's `state_dict()` as JSON-serializable data (see state-dict.ts). */
  stateDict(): OptimizerStateDict {
    return saveStateDict(this.paramGroups, this.state);
  }

  /**
   * Restores a state dict saved by an optimizer of the same kind over parameters of the same shapes
   * (PyTorch's `load_state_dict`): groups keep their parameters and take the saved options (missing ones
   * from the defaults); state is replaced. Everything is validated first; on error nothing changes.
   */
  loadStateDict(stateDict: OptimizerStateDict): void {
    const stateKeys = this.spec.stateKeys === undefined ? null : new Set(this.spec.stateKeys);
    const parsed = parseStateDict(stateDict, this.paramGroups, stateKeys);
    const merged = parsed.groupOptions.map((options, gi) => {
      const group = { ...this.defaults, ...options, params: this.paramGroups[gi]!.params } as ParamGroup<O>;
      try {
        this.spec.validate(group);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        throw new StateDictError(`paramGroups.${gi}: ${message}`, `paramGroups.${gi}`, 'valid options', options);
      }
      return group;
    });
    merged.forEach((next, gi) => {
      const group = this.paramGroups[gi]!;
      for (const key of Object.keys(group)) if (!(key in next)) delete group[key];
      Object.assign(group, next);
    });
    this.state.clear();
    for (const [p, s] of parsed.state) this.state.set(p, s);
  }

  private checkGradients(): void {
    const groups = this.paramGroups;
    for (let gi = 0; gi < groups.length; gi++) {
      const params = groups[gi]!.params;
      for (let j = 0; j < params.length; j++) {
        const p = params[j]!;
        const grad = p.grad;
        if (grad === null) continue;
        if (grad.size !== p.size) {
          throw new ShapeError(
            `${this.spec.name}: param ${j} of group ${gi} has shape ${formatShape(p.shape)} but its grad has shape ${formatShape(grad.shape)}`,
            [p.shape, grad.shape],
          );
        }
        if (grad.dtype !== p.dtype) {
          throw new DTypeError(`${this.spec.name}: param ${j} of group ${gi} is ${p.dtype} but its grad is ${grad.dtype}`, [p.dtype, grad.dtype]);
        }
      }
    }
  }

  private createState(p: Tensor, group: ParamGroup<O>): ParamState {
    const state = emptyParamState();
    this.spec.initState?.(state, p, group);
    this.state.set(p, state);
    return state;
  }

  private chainFor(mode: DecayMode): Chain<ParamGroup<O>> {
    return (this.chains[mode] ??= new Chain(withDecay(mode, this.spec.core())));
  }

  private context(): StepContext<ParamGroup<O>> {
    if (this.ctx === null) {
      const empty = new Float32Array(0);
      this.ctx = { group: this.paramGroups[0]!, param: new Tensor(empty, [0]), w: empty, g: empty, state: emptyParamState(), float32: true };
    }
    return this.ctx;
  }
}
