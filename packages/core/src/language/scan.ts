/**
 * A piece of text that readers consume: each reader removes what it understood, and
 * whatever is left at the end must be filler (particles, politeness) for the reading to
 * count. This is what keeps 「3人」 or "room 101" from becoming a leave time: their
 * leftover is not filler, so nothing is declared.
 */
export class Scan {
  constructor(public rest: string) {}

  /**
   * Removes each match of a global `pattern` for which `found` does not return false.
   * Returns true when at least one match was taken.
   */
  take(pattern: RegExp, found?: (match: string, groups: (string | undefined)[], offset: number) => boolean | void): boolean {
    let taken = false;
    this.rest = this.rest.replace(pattern, (match: string, ...args: unknown[]) => {
      // replace() passes the groups, then the offset, the whole string (and named groups).
      const offsetIndex = args.findIndex((a) => typeof a === 'number');
      const groups = args.slice(0, offsetIndex) as (string | undefined)[];
      const offset = args[offsetIndex] as number;
      if (found && found(match, groups, offset) === false) return match;
      taken = true;
      return ' ';
    });
    return taken;
  }

  has(pattern: RegExp): boolean {
    pattern.lastIndex = 0;
    return pattern.test(this.rest);
  }
}

/**
 * An alternation of phrases, longest first (so 「有給休暇」 wins over 「有給」), with word
 * boundaries on the Latin side only (Japanese has no spaces to bound words with).
 */
export function phrases(list: readonly string[], flags = 'g'): RegExp {
  const escaped = [...new Set(list)]
    .sort((a, b) => b.length - a.length)
    .map((p) => {
      const body = p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s?');
      const head = /^[a-z0-9]/.test(p) ? '(?<![a-z0-9])' : '';
      const tail = /[a-z0-9]$/.test(p) ? '(?![a-z0-9])' : '';
      return head + body + tail;
    });
  return new RegExp(`(?:${escaped.join('|')})`, flags);
}
