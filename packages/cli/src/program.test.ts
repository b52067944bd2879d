import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import type { CliIo } from './cli-io';
import { runCli } from './program';

/** Runs the CLI in-process in a fresh directory; nothing here gets as far as a database. */
async function cli(args: string[], files: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  const cwd = mkdtempSync(join(tmpdir(), 'kaeru-cli-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(cwd, name), text);
  const [stdout, stderr] = [new PassThrough(), new PassThrough()];
  const out = { stdout: '', stderr: '' };
  stdout.on('data', (chunk: Buffer) => (out.stdout += chunk.toString()));
  stderr.on('data', (chunk: Buffer) => (out.stderr += chunk.toString()));
  const io: CliIo = { stdin: new PassThrough(), stdout, stderr, env: {}, cwd };
  const code = await runCli(args, io);
  return { code, ...out };
}

describe('kaeru: bad flags and files stop with exit code 2 and say why', () => {
  it('a bad value in kaeru.config.yaml', async () => {
    const run = await cli(['console'], { 'kaeru.config.yaml': 'rooms:\n  - id: sales\n    reportAt: "25:00"\n' });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('[kaeru] configuration: rooms[0].reportAt: "25:00" is not a time. Fix: write it as HH:mm');
    expect(run.stderr).toContain('kaeru.config.yaml');
  });

  it('--start without a virtual clock, and an unreadable --start', async () => {
    expect((await cli(['console', '--start', '2026-12-07T08:55:00+09:00'])).stderr).toContain('--start: only moves a virtual clock. Fix: add --clock virtual');
    const run = await cli(['console', '--clock', 'virtual', '--start', 'monday']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--start: "monday" is not a date-time');
  });

  it('an unknown command or clock', async () => {
    expect((await cli(['serve-forever'])).code).toBe(2);
    const run = await cli(['console', '--clock', 'fast']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--clock <kind>' argument 'fast' is invalid/);
  });

  it('a server database without its URL', async () => {
    const run = await cli(['migrate'], { 'kaeru.config.json': JSON.stringify({ storage: { type: 'postgres' } }) });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('storage.url: is not set for postgres. Fix: set KAERU_DATABASE_URL=');
  });
});
