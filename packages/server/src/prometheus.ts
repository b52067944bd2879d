/**
 * Prometheus exposition text from a flat snapshot (`name{labels}` → value, the shape
 * of core's `InMemoryMetrics.snapshot()`), plus this process's CPU and memory, so
 * `/metrics` needs no client library.
 */
export function prometheusText(snapshot: Record<string, number>, options: { prefix?: string; process?: boolean } = {}): string {
  // Core already names its series `kaeru_…`; a prefix is for embedders' own metrics.
  const prefix = options.prefix ?? '';
  const byName = new Map<string, string[]>();
  for (const [series, value] of Object.entries(snapshot).sort(([a], [b]) => a.localeCompare(b))) {
    const brace = series.indexOf('{');
    const name = sanitize(prefix + (brace < 0 ? series : series.slice(0, brace)));
    const labels = brace < 0 ? '' : series.slice(brace);
    const lines = byName.get(name) ?? [];
    lines.push(`${name}${labels} ${value}`);
    byName.set(name, lines);
  }
  const out: string[] = [];
  for (const [name, lines] of byName) out.push(`# TYPE ${name} ${name.endsWith('_total') ? 'counter' : 'gauge'}`, ...lines);
  if (options.process !== false) out.push(...processLines());
  return `${out.join('\n')}\n`;
}

function processLines(): string[] {
  const cpu = process.cpuUsage();
  const memory = process.memoryUsage();
  return [
    '# TYPE process_cpu_seconds_total counter',
    `process_cpu_seconds_total ${(cpu.user + cpu.system) / 1e6}`,
    '# TYPE process_resident_memory_bytes gauge',
    `process_resident_memory_bytes ${memory.rss}`,
    '# TYPE nodejs_heap_used_bytes gauge',
    `nodejs_heap_used_bytes ${memory.heapUsed}`,
  ];
}

function sanitize(name: string): string {
  return name.replace(/[^a-zA-Z0-9_:]/g, '_');
}
