/**
 * Containers: `Sequential` (children applied in order, named `0`, `1`, ...) and `ModuleList`
 * (an indexable list of registered modules with no forward of its own), as in PyTorch.
 */
import { ArgumentError, IndexError } from '../tensor/errors.js';
import type { Tensor } from '../tensor/tensor.js';
import { ModuleError } from './errors.js';
import { forwardChain } from './fusion.js';
import { type AnyModule, Module } from './module.js';

/** A module mapping one tensor to one tensor: what `Sequential` chains. */
export type TensorModule = Module<[Tensor], Tensor>;

/** Wraps a possibly negative list index (Python's rules), or throws an IndexError. */
function wrapIndex(index: number, length: number, what: string): number {
  if (!Number.isInteger(index) || index < -length || index >= length) {
    throw new IndexError(`${what} index ${index} is out of range for length ${length}`, index, [-length, length - 1]);
  }
  return index < 0 ? index + length : index;
}

/**
 * Applies its modules in order (`nn.Sequential`): `forward(x) = mₙ(…m₁(m₀(x)))`. Parameters are
 * named `0.weight`, `1.bias`, ... as in PyTorch.
 */
export class Sequential extends Module<[Tensor], Tensor> {
  private readonly layers: TensorModule[] = [];

  constructor(...modules: TensorModule[]) {
    super();
    for (const m of modules) this.append(m);
  }

  /** Adds a module at the end (named by its position); returns this. */
  append(module: TensorModule): this {
    this.registerModule(String(this.layers.length), module);
    this.layers.push(module);
    return this;
  }

  /** Number of modules. */
  get length(): number {
    return this.layers.length;
  }

  /** The module at `index` (negative counts from the end). */
  at(index: number): TensorModule {
    return this.layers[wrapIndex(index, this.layers.length, 'Sequential')]!;
  }

  [Symbol.iterator](): Iterator<TensorModule> {
    return this.layers[Symbol.iterator]();
  }

  /** Runs the modules in order; a Linear followed by a LayerNorm over its outputs runs fused (see fusion.ts). */
  forward(x: Tensor): Tensor {
    return forwardChain(this, x);
  }
}

/**
 * Holds modules in a list and registers them under their indices (`nn.ModuleList`), so their
 * parameters are named `linears.0.weight`, ... It has no forward: iterate over it instead.
 */
export class ModuleList<M extends AnyModule = TensorModule> extends Module<[], never> {
  private readonly items: M[] = [];

  constructor(modules: Iterable<M> = []) {
    super();
    this.extend(modules);
  }

  /** Adds a module at the end; returns this. */
  append(module: M): this {
    this.registerModule(String(this.items.length), module);
    this.items.push(module);
    return this;
  }

  /** Appends every module of `modules`; returns this. */
  extend(modules: Iterable<M>): this {
    for (const m of modules) this.append(m);
    return this;
  }

  /** Inserts a module before position `index`, renumbering those after it. */
  insert(index: number, module: M): this {
    if (!Number.isInteger(index)) throw new ArgumentError(`ModuleList.insert: index must be an integer, got ${index}`, 'index', index);
    const n = this.items.length;
    const at = Math.min(Math.max(index < 0 ? index + n : index, 0), n);
    const next = [...this.items.slice(0, at), module, ...this.items.slice(at)];
    this.items.length = 0;
    this.clearModules();
    for (const m of next) this.append(m);
    return this;
  }

  /** Number of modules. */
  get length(): number {
    return this.items.length;
  }

  /** The module at `index` (negative counts from the end). */
  at(index: number): M {
    return this.items[wrapIndex(index, this.items.length, 'ModuleList')]!;
  }

  [Symbol.iterator](): Iterator<M> {
    return this.items[Symbol.iterator]();
  }

  /** ModuleList has no forward (as in PyTorch): iterate over its modules instead. */
  forward(): never {
    throw new ModuleError('ModuleList is a container without forward(): iterate over it and call its modules');
  }
}
