import { EventEmitter } from 'node:events';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import type { CliIo } from '../cli-io';
import { runServe } from './serve';

/** `kaeru serve` in-process on an SQLite file, with signals from an EventEmitter instead of the OS. */
function setup(config: unknown, env: NodeJS.ProcessEnv = { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 'shh-secret' }) {
  const cwd = mkdtempSync(join(tmpdir(), 'kaeru-serve-'));
  writeFileSync(join(cwd, 'kaeru.config.json'), JSON.stringify(config));
  const [stdout, stderr] = [new PassThrough(), new PassThrough()];
  const out = { stdout: '', stderr: '' };
  stdout.on('data', (chunk: Buffer) => (out.stdout += chunk.toString()));
  stderr.on('data', (chunk: Buffer) => (out.stderr += chunk.toString()));
  const io: CliIo = { stdin: new PassThrough(), stdout, stderr, env, cwd };
  return { io, out, signals: new EventEmitter(), options: { port: '0', host: '127.0.0.1', db: join(cwd, 'k.sqlite') } };
}

const started = (out: { stdout: string }) =>
  new Promise<void>((resolve) => {
    const check = setInterval(() => out.stdout.includes('"msg":"kaeru serve started"') && (clearInterval(check), resolve()), 20);
  });

describe('kaeru serve (in-process)', () => {
  it('stops gracefully on SIGTERM with exit code 0', async () => {
    const { io, out, signals, options } = setup({ adapters: ['slack'] });
    const code = runServe(options, io, signals);
    await started(out);
    expect(out.stdout).toContain('"msg":"no rooms in the config file');
    signals.emit('SIGTERM');
    expect(await code).toBe(0);
    expect(out.stdout).toContain('"msg":"kaeru serve stopped"');
    expect(out.stdout).not.toContain('shh-secret');
    expect(signals.listenerCount('SIGTERM') + signals.listenerCount('SIGINT')).toBe(0);
  });

  it('a second signal stops at once with exit code 1', async () => {
    const { io, out, signals, options } = setup({ adapters: ['slack'] });
    const code = runServe(options, io, signals);
    await started(out);
    signals.emit('SIGINT');
    signals.emit('SIGINT');
    expect(await code).toBe(1);
    expect(out.stdout).toContain('second signal');
  });

  it('exits 2 without a config file, or with a bad port, before listening', async () => {
    const missing = setup({});
    expect(await runServe({ ...missing.options, config: 'nope.json' }, missing.io, missing.signals)).toBe(2);
    const port = setup({ adapters: ['slack'] });
    expect(await runServe({ ...port.options, port: 'http' }, port.io, port.signals)).toBe(2);
    expect(port.out.stderr).toContain('--port: "http" is not a port');
  });
});
