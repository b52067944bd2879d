/** Counters and gauges; a Prometheus exporter or nothing at all. */
export interface Metrics {
  /** Adds `by` (default 1) to a counter. */
  increment(name: string, labels?: Record<string, string>, by?: number): void;
  /** Sets a gauge. */
  set(name: string, value: number, labels?: Record<string, string>): void;
}

/** Keeps counters in memory; readable by tests and `/metrics`. */
export class InMemoryMetrics implements Metrics {
  private readonly values = new Map<string, number>();

  increment(name: string, labels?: Record<string, string>, by = 1): void {
    const key = InMemoryMetrics.key(name, labels);
    this.values.set(key, (this.values.get(key) ?? 0) + by);
  }

  set(name: string, value: number, labels?: Record<string, string>): void {
    this.values.set(InMemoryMetrics.key(name, labels), value);
  }

  /** The value of one series, 0 when never touched. */
  get(name: string, labels?: Record<string, string>): number {
    return this.values.get(InMemoryMetrics.key(name, labels)) ?? 0;
  }

  /** Every series as `name{labels}` → value. */
  snapshot(): Record<string, number> {
    return Object.fromEntries(this.values);
  }

  private static key(name: string, labels?: Record<string, string>): string {
    if (!labels) return name;
    const parts = Object.keys(labels)
      .sort()
      .map((k) => `${k}="${labels[k]}"`);
    return `${name}{${parts.join(',')}}`;
  }
}
