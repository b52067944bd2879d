import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..');
export const BIN = join(ROOT, 'packages', 'cli', 'dist', 'bin.js');

/** The e2e tests run the built CLI; build once if nobody did (the root `npm test` builds first). */
export function ensureBuilt(): void {
  if (!existsSync(BIN)) execFileSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-b'], { cwd: ROOT, stdio: 'inherit' });
}

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `kaeru <args>` in `cwd` with `script` piped to stdin, as a user would with printf | npm start. */
export function runCli(args: string[], script: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd,
      // TZ=UTC: the server's zone must not matter, the room's does.
      env: { ...process.env, TZ: 'UTC', KAERU_DATABASE_URL: '', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`kaeru ${args.join(' ')} did not exit in 60 s\n--- stdout\n${stdout}\n--- stderr\n${stderr}`));
    }, 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(script.map((line) => `${line}\n`).join(''));
  });
}

/** The part of a transcript from the first line containing `from` up to (not including) the first line after it containing `to`. */
export function between(transcript: string, from: string, to?: string): string {
  const start = transcript.indexOf(from);
  if (start < 0) throw new Error(`"${from}" is not in the transcript:\n${transcript}`);
  const rest = transcript.slice(start + from.length);
  const end = to === undefined ? -1 : rest.indexOf(to);
  return end < 0 ? rest : rest.slice(0, end);
}

/** How many lines start with `prefix`. */
export function countLines(text: string, prefix: string): number {
  return text.split('\n').filter((line) => line.startsWith(prefix)).length;
}
