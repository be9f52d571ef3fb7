/**
 * Models from the `model` section. `article` is the article's SeedModel; `mlp` and `sequential`
 * build a `Sequential` registered as `layers`, so parameters are named `layers.<i>.weight` as in a
 * PyTorch module with `self.layers = nn.Sequential(...)`. Construction draws the Linear layers'
 * default initialisation from the default generator, in layer order, as PyTorch does — seed it
 * with `manualSeed` first.
 */
import type { Tensor } from '../../tensor/tensor.js';
import { Sequential, type TensorModule } from '../../nn/containers.js';
import { GELU, ReLU, Sigmoid, Tanh } from '../../nn/layers/activations.js';
import { Linear } from '../../nn/layers/linear.js';
import { LayerNorm } from '../../nn/layers/normalization.js';
import { Module } from '../../nn/module.js';
import { SeedModel } from '../article/model.js';
import type { LayerConfig, ModelConfig } from '../config/model-schema.js';
import { ConfigError } from '../errors.js';

/** What a parameter is, for parameter-group selectors and reports. */
export interface ParameterInfo {
  /** Dotted name, e.g. `layers.0.weight`. */
  readonly name: string;
  readonly tensor: Tensor;
  /** Kind of the layer that owns it. */
  readonly layer: 'linear' | 'layernorm';
  /** Its role in that layer. */
  readonly role: 'weight' | 'bias';
}

/** A model built from a config: the module and its parameters described. */
export interface BuiltModel {
  readonly module: Module;
  readonly parameters: readonly ParameterInfo[];
}

/** A `Sequential` registered under `layers`. */
export class LayersModel extends Module {
  readonly layers: Sequential;
  constructor(layers: readonly TensorModule[]) {
    super();
    this.layers = this.registerModule('layers', new Sequential(...layers));
  }
  forward(x: Tensor): Tensor {
    return this.layers.forward(x);
  }
}

function activation(name: string): TensorModule | null {
  switch (name) {
    case 'relu':
      return new ReLU();
    case 'tanh':
      return new Tanh();
    case 'sigmoid':
      return new Sigmoid();
    case 'gelu':
      return new GELU();
    default:
      return null;
  }
}

function mlpLayers(config: Extract<ModelConfig, { kind: 'mlp' }>, inputSize: number, outputSize: number): TensorModule[] {
  const layers: TensorModule[] = [];
  let width = inputSize;
  for (const h of config.hidden) {
    layers.push(new Linear(width, h, { bias: config.bias }));
    if (config.norm === 'layernorm') layers.push(new LayerNorm(h));
    const act = activation(config.activation);
    if (act !== null) layers.push(act);
    width = h;
  }
  layers.push(new Linear(width, outputSize, { bias: config.bias }));
  return layers;
}

function sequentialLayers(layers: readonly LayerConfig[], inputSize: number, outputSize: number): TensorModule[] {
  const out: TensorModule[] = [];
  let width = inputSize;
  layers.forEach((layer, i) => {
    if (layer.type === 'linear') {
      const next = layer.out ?? outputSize;
      out.push(new Linear(width, next, { bias: layer.bias }));
      width = next;
    } else if (layer.type === 'layernorm') {
      out.push(new LayerNorm(width, { eps: layer.eps, elementwiseAffine: layer.affine }));
    } else {
      out.push(activation(layer.type)!);
    }
    if (i === layers.length - 1 && width !== outputSize) {
      throw new ConfigError([{ path: `model.layers.${i}`, message: `the model ends with width ${width} but the dataset needs ${outputSize} outputs; end with a linear layer without "out"` }]);
    }
  });
  return out;
}

/** The parameters of `module` with the kind of layer and role of each, in PyTorch's order. */
export function describeParameters(module: Module): ParameterInfo[] {
  const out: ParameterInfo[] = [];
  for (const [prefix, m] of module.namedModules()) {
    const layer = m instanceof Linear ? 'linear' : m instanceof LayerNorm ? 'layernorm' : null;
    if (layer === null) continue;
    for (const [name, tensor] of m.namedParameters('', false)) {
      out.push({ name: prefix === '' ? name : `${prefix}.${name}`, tensor, layer, role: name === 'bias' ? 'bias' : 'weight' });
    }
  }
  return out;
}

/** Builds the model a config describes for a dataset with `inputSize` features and `outputSize` outputs. */
export function buildModel(config: ModelConfig, inputSize: number, outputSize: number): BuiltModel {
  let module: Module;
  if (config.kind === 'article') {
    if (inputSize !== 2 || outputSize !== 1) {
      throw new ConfigError([{ path: 'model.kind', message: `the article model maps 2 inputs to 1 output; the dataset has ${inputSize} inputs and ${outputSize} outputs`, allowed: ['mlp', 'sequential'] }]);
    }
    module = new SeedModel();
  } else if (config.kind === 'mlp') {
    module = new LayersModel(mlpLayers(config, inputSize, outputSize));
  } else {
    module = new LayersModel(sequentialLayers(config.layers, inputSize, outputSize));
  }
  const parameters = describeParameters(module);
  const all = module.namedParameters().map(([n]) => n);
  const known = new Set(parameters.map((p) => p.name));
  const unknown = all.filter((n) => !known.has(n));
  if (unknown.length > 0) throw new ConfigError([{ path: 'model', message: `parameters of unknown layer kinds: ${unknown.join(', ')}` }]);
  return { module, parameters };
}
