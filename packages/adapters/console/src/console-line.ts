/** What one typed line means to the console, before anything reaches the bot. */
export type ConsoleLine =
  | { kind: 'empty' }
  | { kind: 'command'; command: ConsoleCommand; arg: string }
  | { kind: 'unknown-command'; name: string }
  /** A bare number: a click on the N-th button, if buttons are showing. */
  | { kind: 'number'; n: number; text: string }
  | { kind: 'text'; text: string };

export const CONSOLE_COMMANDS = ['as', 'in', 'dm', 'time', 'help', 'quit'] as const;
export type ConsoleCommand = (typeof CONSOLE_COMMANDS)[number];

const ALIASES: Record<string, ConsoleCommand> = { exit: 'quit', q: 'quit', '?': 'help' };

export function parseConsoleLine(raw: string): ConsoleLine {
  const line = raw.trim();
  if (line === '') return { kind: 'empty' };
  if (line.startsWith('/')) {
    const [head, ...rest] = line.slice(1).split(/\s+/);
    const name = head.toLowerCase();
    const command = (CONSOLE_COMMANDS as readonly string[]).includes(name) ? (name as ConsoleCommand) : ALIASES[name];
    if (!command) return { kind: 'unknown-command', name: head };
    return { kind: 'command', command, arg: rest.join(' ') };
  }
  // Full-width digits count too: a Japanese IME often types １.
  const digits = line.normalize('NFKC');
  if (/^\d{1,2}$/.test(digits)) return { kind: 'number', n: Number(digits), text: line };
  return { kind: 'text', text: line };
}

export interface Named {
  id: string;
  name: string;
}

/** Folds width, case and spaces so `/as yamada`, `/as 山田洋子` and `/as 山田` all work. */
function fold(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
}

/**
 * Finds a member or room by id or display name: an exact id or name first, then a
 * unique partial match. Returns the candidates when the query is ambiguous.
 */
export function findByIdOrName<T extends Named>(items: readonly T[], query: string): T | T[] | undefined {
  const q = fold(query.replace(/^#/, ''));
  if (q === '') return undefined;
  const exact = items.find((item) => fold(item.id) === q) ?? items.find((item) => fold(item.name) === q);
  if (exact) return exact;
  const partial = items.filter((item) => fold(item.id).includes(q) || fold(item.name).includes(q));
  if (partial.length === 1) return partial[0];
  return partial.length > 1 ? partial : undefined;
}
