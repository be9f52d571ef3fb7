/** Sequential and ModuleList: order, PyTorch's positional names, indexing and renumbering. */
import { describe, expect, it } from 'vitest';
import { zeros } from '../tensor/creation.js';
import { IndexError } from '../tensor/errors.js';
import { ModuleList, Sequential } from './containers.js';
import { ModuleError } from './errors.js';
import { ReLU } from './layers/activations.js';
import { Linear } from './layers/linear.js';

describe('containers', () => {
  it('Sequential applies its modules in order and names them by position', () => {
    const seq = new Sequential(new Linear(2, 3), new ReLU());
    seq.append(new Linear(3, 1));
    expect(seq.length).toBe(3);
    expect(seq.at(-1)).toBeInstanceOf(Linear);
    expect(seq.forward(zeros([4, 2])).shape).toEqual([4, 1]);
    expect([...seq].map((m) => m.typeName)).toEqual(['Linear', 'ReLU', 'Linear']);
    expect(() => seq.at(3)).toThrow(IndexError);
  });

  it('ModuleList registers, inserts with renumbering, and has no forward', () => {
    const list = new ModuleList([new Linear(1, 1), new Linear(1, 2)]);
    list.insert(1, new Linear(1, 3));
    expect(list.namedParameters().map(([k]) => k)).toEqual(['0.weight', '0.bias', '1.weight', '1.bias', '2.weight', '2.bias']);
    expect((list.at(1) as Linear).outFeatures).toBe(3);
    expect(() => list.forward()).toThrow(ModuleError);
  });
});
