/**
 * A color per run, given in order of first appearance (the server lists runs in discovery order,
 * so the same log dir gets the same colors in every browser). Palette: Tableau 10, as TensorBoard.
 */
const PALETTE = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22', '#17becf'];

/** Colors of runs. */
export class RunColors {
  private readonly assigned = new Map<string, string>();

  /** The color of `run` (assigned on first use). */
  of(run: string): string {
    let c = this.assigned.get(run);
    if (c === undefined) {
      c = PALETTE[this.assigned.size % PALETTE.length]!;
      this.assigned.set(run, c);
    }
    return c;
  }
}

/** `#rrggbb` with alpha `a` as `rgba(…)`. */
export function withAlpha(hex: string, a: number): string {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${a})`;
}

/** The color `t` of the way from `from` to `to` (both `#rrggbb`), as `rgb(…)`. */
export function mix(from: string, to: string, t: number): string {
  const a = Number.parseInt(from.slice(1), 16);
  const b = Number.parseInt(to.slice(1), 16);
  const ch = (shift: number): number => Math.round(((a >> shift) & 255) * (1 - t) + ((b >> shift) & 255) * t);
  return `rgb(${ch(16)}, ${ch(8)}, ${ch(0)})`;
}
