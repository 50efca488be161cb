/** A growable list of numbers in a typed array: a million latencies cost 8 MB, not an object each. */
export class Samples {
  private values: Float64Array;
  private size = 0;

  constructor(initialCapacity = 1024) {
    this.values = new Float64Array(Math.max(16, initialCapacity));
  }

  add(value: number): void {
    if (this.size === this.values.length) {
      const bigger = new Float64Array(this.values.length * 2);
      bigger.set(this.values);
      this.values = bigger;
    }
    this.values[this.size++] = value;
  }

  get count(): number {
    return this.size;
  }

  summary(): Summary {
    const sorted = this.values.slice(0, this.size).sort();
    // Nearest rank: the value below which p of the samples fall, never an interpolated one.
    const at = (p: number) => (this.size ? (sorted[Math.min(this.size - 1, Math.ceil(p * this.size) - 1)] ?? NaN) : NaN);
    return { count: this.size, p50: at(0.5), p90: at(0.9), p95: at(0.95), p99: at(0.99), max: this.size ? (sorted[this.size - 1] ?? NaN) : NaN };
  }
}

export type Summary = { count: number; p50: number; p90: number; p95: number; p99: number; max: number };
