import { describeDatabase, resolveDatabase } from './database';

const cwd = '/srv/app';
const env = (vars: Record<string, string> = {}): NodeJS.ProcessEnv => vars;

describe('which database kaeru uses', () => {
  it('defaults to .kaeru/kaeru.sqlite in the current directory', () => {
    expect(resolveDatabase({}, undefined, { cwd, env: env() })).toEqual({ type: 'sqlite', file: '/srv/app/.kaeru/kaeru.sqlite' });
  });

  it('--db wins over the file and the environment', () => {
    const picked = resolveDatabase({ db: 'x.sqlite' }, { type: 'postgres' }, { cwd, env: env({ KAERU_DATABASE_URL: 'postgres://h/db' }) });
    expect(picked).toEqual({ type: 'sqlite', file: '/srv/app/x.sqlite' });
  });

  it("reads a file's relative SQLite path from the file's folder", () => {
    expect(resolveDatabase({}, { type: 'sqlite', file: 'data/k.sqlite' }, { cwd, configFile: '/etc/kaeru/kaeru.config.json', env: env() })).toEqual({
      type: 'sqlite',
      file: '/etc/kaeru/data/k.sqlite',
    });
  });

  it('takes a server URL from KAERU_DATABASE_URL, and names it when missing', () => {
    const url = 'postgres://kaeru:pw@db:5432/kaeru';
    expect(resolveDatabase({}, { type: 'postgres' }, { cwd, env: env({ KAERU_DATABASE_URL: url }) })).toEqual({ type: 'postgres', url });
    expect(resolveDatabase({}, undefined, { cwd, env: env({ KAERU_DATABASE_URL: 'mysql://k:pw@db/kaeru' }) })).toMatchObject({ type: 'mysql' });
    expect(() => resolveDatabase({}, { type: 'mysql' }, { cwd, env: env() })).toThrow(/storage\.url: is not set for mysql\. Fix: set KAERU_DATABASE_URL=/);
    expect(() => resolveDatabase({ url: 'redis://x' }, undefined, { cwd, env: env() })).toThrow(/--url: is not a postgres:\/\/ or mysql:\/\/ URL/);
  });

  it('never prints the password', () => {
    expect(describeDatabase({ type: 'postgres', url: 'postgres://kaeru:s3cret@db:5432/kaeru' }, cwd)).toBe('postgres postgres://db:5432/kaeru');
    expect(describeDatabase({ type: 'sqlite', file: '/srv/app/.kaeru/kaeru.sqlite' }, cwd)).toBe('sqlite .kaeru/kaeru.sqlite');
  });
});
