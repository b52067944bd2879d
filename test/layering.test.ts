import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Invariant 6: core imports no adapter, no ORM, no platform SDK. */
const CORE = join(__dirname, '..', 'packages', 'core', 'src');
const FORBIDDEN = [/^@kaeru\/(adapter|storage)-/, /^kaeru$/, /^typeorm/, /^sqlite3/, /^better-sqlite3/, /^pg$/, /^mysql2/, /^botbuilder/, /^@slack\//, /^@line\//, /^@microsoft\//];
/** What core may import besides node built-ins and its own files. */
const ALLOWED = ['inversify', 'reflect-metadata', 'luxon', '@holiday-jp/holiday_jp/lib/holidays', 'date-holidays', '@jest/globals'];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') && !path.endsWith('.test.ts') ? [path] : [];
  });
}

/** Comments may quote imports (usage examples); only code counts. */
function stripComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
}

function imports(source: string): string[] {
  const found: string[] = [];
  for (const m of stripComments(source).matchAll(/(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\s*['"]([^'"]+)['"]|require\(\s*['"]([^'"]+)['"]\s*\)/g)) found.push(m[1] ?? m[2] ?? m[3]);
  return found;
}

describe('core layering', () => {
  const files = sources(CORE);

  it('finds the core sources', () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it.each(files.map((f) => [relative(CORE, f), f]))('%s imports only allowed modules', (_name, file) => {
    const outside = imports(readFileSync(file, 'utf8')).filter((spec) => !spec.startsWith('.') && !spec.startsWith('node:'));
    for (const spec of outside) {
      expect(FORBIDDEN.some((re) => re.test(spec))).toBe(false);
      expect(ALLOWED).toContain(spec);
    }
  });

  it('the checker itself catches a forbidden import', () => {
    const bad = imports("/** import x from 'pg' */\nimport { DataSource } from 'typeorm';\nconst x = require('@slack/web-api');");
    expect(bad).toEqual(['typeorm', '@slack/web-api']);
    expect(bad.every((spec) => FORBIDDEN.some((re) => re.test(spec)))).toBe(true);
  });
});
