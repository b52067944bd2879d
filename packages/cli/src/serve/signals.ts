/** What `kaeru serve` listens to for a stop; `process` in production, an EventEmitter in tests. */
export interface SignalSource {
  on(event: NodeJS.Signals, listener: () => void): unknown;
  off(event: NodeJS.Signals, listener: () => void): unknown;
}

export interface SignalWait {
  /** The first signal's name: stop gracefully. */
  first: Promise<NodeJS.Signals>;
  /** A second signal (an impatient operator, Ctrl-C twice): stop now. */
  second: Promise<NodeJS.Signals>;
  /** Removes the listeners (so the process's default handling comes back). */
  dispose(): void;
}

/** Listens for `names` until disposed; while listening, the signals no longer kill the process. */
export function waitForSignals(source: SignalSource, names: NodeJS.Signals[]): SignalWait {
  let seen = 0;
  let resolveFirst!: (name: NodeJS.Signals) => void;
  let resolveSecond!: (name: NodeJS.Signals) => void;
  const first = new Promise<NodeJS.Signals>((resolve) => (resolveFirst = resolve));
  const second = new Promise<NodeJS.Signals>((resolve) => (resolveSecond = resolve));
  const listeners = names.map((name) => {
    const listener = (): void => (++seen === 1 ? resolveFirst(name) : resolveSecond(name));
    source.on(name, listener);
    return [name, listener] as const;
  });
  return { first, second, dispose: () => listeners.forEach(([name, listener]) => source.off(name, listener)) };
}
