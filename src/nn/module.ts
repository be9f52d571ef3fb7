/**
 * `Module`: PyTorch's `nn.Module` with explicit registration. A module owns insertion-ordered
 * tables of parameters, buffers and child modules; every traversal (parameters, state dicts,
 * `train`/`eval`, `apply`) walks those tables, so names are PyTorch's dotted paths
 * (`linears.3.bias`) and orders are PyTorch's.
 */
import { noGrad } from '../tensor/autograd/grad-mode.js';
import { ArgumentError, AutogradError } from '../tensor/errors.js';
import { sameShape } from '../tensor/shape.js';
import { Tensor } from '../tensor/tensor.js';
import { ModuleError, type ShapeMismatch, StateDictError } from './errors.js';

/** Any module, whatever its forward signature (the element type of containers and traversals). */
export type AnyModule = Module<never, unknown>;

/** A state dict: dotted names to tensors, in PyTorch's order (PyTorch's `OrderedDict`). */
export type StateDict = Map<string, Tensor>;

/** Options of {@link Module.loadStateDict}. */
export interface LoadStateDictOptions {
  /** Require the keys to match the module's keys exactly (default true), as PyTorch's `strict`. */
  strict?: boolean;
}

/** What {@link Module.loadStateDict} did not match (PyTorch's `_IncompatibleKeys`). */
export interface LoadStateDictResult {
  readonly missingKeys: string[];
  readonly unexpectedKeys: string[];
}

/** Checks a registration name as PyTorch does: a non-empty string without dots. */
function checkName(kind: string, name: string): void {
  if (typeof name !== 'string' || name === '' || name.includes('.')) {
    throw new ArgumentError(`${kind} name must be a non-empty string without ".", got ${JSON.stringify(name)}`, 'name', name);
  }
}

/**
 * Base class of every layer and model. Subclasses register their state in the constructor,
 * e.g. `this.weight = this.registerParameter('weight', w)`, and implement `forward`.
 * `In` is the tuple of forward's arguments and `Out` its result.
 */
export abstract class Module<In extends unknown[] = [Tensor], Out = Tensor> {
  /** Training mode (true) or evaluation mode (false); see {@link train}. */
  training = true;
  private readonly parameterTable = new Map<string, Tensor | null>();
  private readonly bufferTable = new Map<string, Tensor | null>();
  private readonly nonPersistentBuffers = new Set<string>();
  private readonly moduleTable = new Map<string, AnyModule>();

  /** The computation of the module. */
  abstract forward(...args: In): Out;

  /** Runs {@link forward} (PyTorch's `module(x)`). */
  call(...args: In): Out {
    return this.forward(...args);
  }

  /** The class name used in messages and `toString` (PyTorch's `_get_name()`). */
  get typeName(): string {
    return this.constructor.name;
  }

  private checkFree(kind: string, name: string, own: Map<string, unknown>): void {
    checkName(kind, name);
    for (const table of [this.parameterTable, this.bufferTable, this.moduleTable] as Map<string, unknown>[]) {
      if (table !== own && table.has(name)) {
        throw new ArgumentError(`cannot register ${kind} '${name}': attribute '${name}' already exists in ${this.typeName}`, 'name', name);
      }
    }
  }

  /**
   * Adds a parameter (PyTorch's `register_parameter`): the tensor must be a leaf; it is made to
   * require grad. `null` registers an absent parameter (e.g. `bias=False`), left out of state dicts.
   */
  registerParameter(name: string, param: Tensor): Tensor;
  registerParameter(name: string, param: null): null;
  registerParameter(name: string, param: Tensor | null): Tensor | null;
  registerParameter(name: string, param: Tensor | null): Tensor | null {
    this.checkFree('parameter', name, this.parameterTable);
    if (param !== null) {
      if (!param.isLeaf) {
        throw new AutogradError(
          `cannot assign a non-leaf tensor (produced by ${param.gradFn?.name ?? 'an op'}) as parameter '${name}'; use detach() first`,
        );
      }
      param.requiresGrad = true;
    }
    this.parameterTable.set(name, param);
    return param;
  }

  /**
   * Adds a buffer: state that is not trained (BatchNorm's running statistics). Persistent
   * buffers are part of the state dict (PyTorch's `register_buffer`).
   */
  registerBuffer(name: string, tensor: Tensor, persistent?: boolean): Tensor;
  registerBuffer(name: string, tensor: null, persistent?: boolean): null;
  registerBuffer(name: string, tensor: Tensor | null, persistent?: boolean): Tensor | null;
  registerBuffer(name: string, tensor: Tensor | null, persistent = true): Tensor | null {
    this.checkFree('buffer', name, this.bufferTable);
    this.bufferTable.set(name, tensor);
    if (persistent) this.nonPersistentBuffers.delete(name);
    else this.nonPersistentBuffers.add(name);
    return tensor;
  }

  /** Adds a child module under `name` (PyTorch's `add_module`); returns it. */
  registerModule<M extends AnyModule>(name: string, module: M): M {
    this.checkFree('module', name, this.moduleTable);
    if (!(module instanceof Module)) {
      throw new ArgumentError(`registerModule('${name}'): expected a Module, got ${typeof module}`, 'module', module);
    }
    this.moduleTable.set(name, module);
    return module;
  }

  /** @internal removes every child (containers that renumber their children). */
  protected clearModules(): void {
    this.moduleTable.clear();
  }

  /** Direct children with their names, in registration order. */
  namedChildren(): [string, AnyModule][] {
    return [...this.moduleTable];
  }

  /** Direct children, in registration order. */
  children(): AnyModule[] {
    return [...this.moduleTable.values()];
  }

  /** This module and all below it, pre-order, each once, with dotted names ('' for this one). */
  namedModules(prefix = ''): [string, AnyModule][] {
    const out: [string, AnyModule][] = [];
    const seen = new Set<AnyModule>();
    const visit = (m: AnyModule, name: string): void => {
      if (seen.has(m)) return;
      seen.add(m);
      out.push([name, m]);
      for (const [childName, child] of m.moduleTable) visit(child, name === '' ? childName : `${name}.${childName}`);
    };
    visit(this as AnyModule, prefix);
    return out;
  }

  /** This module and all below it, pre-order, each once. */
  modules(): AnyModule[] {
    return this.namedModules().map(([, m]) => m);
  }

  private namedMembers(table: (m: Module<never, unknown>) => Map<string, Tensor | null>, prefix: string, recurse: boolean): [string, Tensor][] {
    const out: [string, Tensor][] = [];
    const seen = new Set<Tensor>();
    const owners: [string, AnyModule][] = recurse ? this.namedModules(prefix) : [[prefix, this as AnyModule]];
    for (const [modName, m] of owners) {
      for (const [name, t] of table(m)) {
        if (t === null || seen.has(t)) continue;
        seen.add(t);
        out.push([modName === '' ? name : `${modName}.${name}`, t]);
      }
    }
    return out;
  }

  /** Parameters with dotted names (`0.weight`, `linears.3.bias`), each tensor once, PyTorch's order. */
  namedParameters(prefix = '', recurse = true): [string, Tensor][] {
    return this.namedMembers((m) => m.parameterTable, prefix, recurse);
  }

  /** Parameters, each once, in PyTorch's order (what optimizers take). */
  parameters(recurse = true): Tensor[] {
    const out: Tensor[] = [];
    const seen = new Set<Tensor>();
    this.visitParameters(recurse, (t) => {
      if (!seen.has(t)) {
        seen.add(t);
        out.push(t);
      }
    });
    return out;
  }

  /** Calls `fn` on every parameter, pre-order, without building names (shared ones may repeat). */
  private visitParameters(recurse: boolean, fn: (t: Tensor) => void, visited: Set<AnyModule> = new Set()): void {
    if (visited.has(this as AnyModule)) return;
    visited.add(this as AnyModule);
    for (const t of this.parameterTable.values()) if (t !== null) fn(t);
    if (recurse) for (const child of this.moduleTable.values()) child.visitParameters(true, fn, visited);
  }

  /** Buffers with dotted names (persistent or not), each once. */
  namedBuffers(prefix = '', recurse = true): [string, Tensor][] {
    return this.namedMembers((m) => m.bufferTable, prefix, recurse);
  }

  /** Buffers, each once. */
  buffers(recurse = true): Tensor[] {
    return this.namedBuffers('', recurse).map(([, t]) => t);
  }

  /** Sets training mode on this module and every descendant (PyTorch's `train(mode)`); returns this. */
  train(mode = true): this {
    this.training = mode;
    for (const child of this.moduleTable.values()) child.train(mode);
    return this;
  }

  /** Evaluation mode: `train(false)`. */
  eval(): this {
    return this.train(false);
  }

  /** Sets `requiresGrad` of every parameter (freezing with `false`); returns this. */
  requiresGrad_(requiresGrad = true): this {
    for (const p of this.parameters()) p.requiresGrad = requiresGrad;
    return this;
  }

  /**
   * Clears parameter gradients: drops them (`setToNone`, the default, as PyTorch ≥ 2.0; 1.13
   * defaulted to false) or fills them with zeros, which keeps the buffers so that backward
   * accumulates into the same memory next time (the fastest training step).
   */
  zeroGrad(setToNone = true): void {
    this.visitParameters(true, (p) => {
      const g = p.grad;
      if (g === null) return;
      if (setToNone) p.grad = null;
      else g.data.fill(0);
    });
  }

  /** Calls `fn` on every descendant (children first, recursively) and then on this module. */
  apply(fn: (module: AnyModule) => void): this {
    for (const child of this.moduleTable.values()) child.apply(fn);
    fn(this as AnyModule);
    return this;
  }

  /** State-dict entries with the live tensors: per module its parameters, then persistent buffers, then children. */
  private stateEntries(prefix: string, out: [string, Tensor][]): [string, Tensor][] {
    for (const [name, t] of this.parameterTable) if (t !== null) out.push([prefix + name, t]);
    for (const [name, t] of this.bufferTable) {
      if (t !== null && !this.nonPersistentBuffers.has(name)) out.push([prefix + name, t]);
    }
    for (const [name, child] of this.moduleTable) child.stateEntries(`${prefix}${name}.`, out);
    return out;
  }

  /**
   * Parameters and persistent buffers by dotted name, in PyTorch's `state_dict` order; values
   * are detached tensors sharing storage with the module's (they change when it trains). A Map,
   * like PyTorch's OrderedDict: `JSON.stringify` gives `{}`; save it with `writeSafetensors`
   * (`decaylab/experiments`) or convert the tensors yourself.
   */
  stateDict(prefix = ''): StateDict {
    return new Map(this.stateEntries(prefix, []).map(([k, t]) => [k, t.detach()]));
  }

  /**
   * Copies tensors from `dict` into the module's parameters and buffers in place (optimizers
   * keep their references). Everything is checked before anything is copied: a shape mismatch
   * always throws a {@link StateDictError}; missing or unexpected keys throw when `strict`
   * (the default) and are returned otherwise.
   */
  loadStateDict(dict: StateDict | Readonly<Record<string, Tensor>>, options: LoadStateDictOptions = {}): LoadStateDictResult {
    const strict = options.strict ?? true;
    const given: Map<string, Tensor> = dict instanceof Map ? dict : new Map(Object.entries(dict));
    for (const [key, value] of given) {
      if (!(value instanceof Tensor)) {
        throw new ArgumentError(`loadStateDict: the value of key "${key}" is not a Tensor`, key, value);
      }
    }
    const entries = this.stateEntries('', []);
    const expected = new Set(entries.map(([k]) => k));
    const missingKeys = entries.map(([k]) => k).filter((k) => !given.has(k));
    const unexpectedKeys = [...given.keys()].filter((k) => !expected.has(k));
    const shapeMismatches: ShapeMismatch[] = [];
    for (const [key, t] of entries) {
      const src = given.get(key);
      if (src !== undefined && !sameShape(src.shape, t.shape)) shapeMismatches.push({ key, expected: t.shape, got: src.shape });
    }
    if (shapeMismatches.length > 0 || (strict && (missingKeys.length > 0 || unexpectedKeys.length > 0))) {
      throw new StateDictError(strict ? missingKeys : [], strict ? unexpectedKeys : [], shapeMismatches, this.typeName);
    }
    noGrad(() => {
      for (const [key, t] of entries) {
        const src = given.get(key);
        if (src !== undefined && src.data !== t.data) t.data.set(src.data);
      }
    });
    return { missingKeys, unexpectedKeys };
  }

  /** The module at a dotted path below this one (`getSubmodule('linears.3')`; '' is this module). */
  getSubmodule(target: string): AnyModule {
    let m = this as AnyModule;
    if (target === '') return m;
    for (const part of target.split('.')) {
      const next = m.moduleTable.get(part);
      if (next === undefined) throw new ModuleError(`${m.typeName} has no submodule '${part}' (path '${target}')`);
      m = next;
    }
    return m;
  }

  /** The module's own settings for {@link toString}, e.g. `in_features=2, out_features=20, bias=True`. */
  extraRepr(): string {
    return '';
  }

  /** PyTorch's module printout: the class name, its settings and its children, indented. */
  toString(): string {
    const extra = this.extraRepr();
    const extraLines = extra === '' ? [] : extra.split('\n');
    const childLines = [...this.moduleTable].map(([name, child]) => `(${name}): ${child.toString().split('\n').join('\n  ')}`);
    const lines = [...extraLines, ...childLines];
    let body = '';
    if (lines.length === 1 && childLines.length === 0) body = extraLines[0]!;
    else if (lines.length > 0) body = `\n  ${lines.join('\n  ')}\n`;
    return `${this.typeName}(${body})`;
  }
}
