import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTypeormStorage } from '@kaeru/storage-typeorm';
import { FakeSlackApi } from '../slack/fake-slack-api';
import { BOT_TOKEN, fixture, postSigned, SIGNING_SECRET } from '../slack/slack-harness';
import { BIN, ensureBuilt } from './run-cli';

/**
 * `kaeru serve` end to end: the built CLI as a child process, a config file, an SQLite
 * file, the fake Slack Web API and signed Events API requests, all on 127.0.0.1.
 * The room's zone is picked so that it is about noon there now, with the hearing at
 * 00:00 and the report at 23:59: every start catches up today's hearings at once.
 */

jest.setTimeout(120_000);
beforeAll(() => ensureBuilt());

const MEMBERS = ['U1', 'U2', 'U3'];
const offset = 12 - new Date().getUTCHours();
const ZONE = offset === 0 ? 'UTC' : offset > 0 ? `Etc/GMT-${offset}` : `Etc/GMT+${-offset}`;
const today = (): string => new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());

/** Everything every child process wrote, checked for secrets at the end. */
const transcripts: string[] = [];
/** Children still running when the tests end (a failed test) are killed. */
const running = new Set<{ kill(signal: NodeJS.Signals): void }>();

function writeConfig(dir: string): string {
  const file = join(dir, 'kaeru.config.json');
  const ids = MEMBERS.map((id) => `slack:T1:${id}`);
  const config = {
    adapters: { slack: { transport: 'http' } },
    rooms: [{ id: 'slack:T1:CSALES', name: '営業部', timeZone: ZONE, country: 'US', workDays: [1, 2, 3, 4, 5, 6, 7], hearingAt: '00:00', reportAt: '23:59', reminderAfterMinutes: 0, members: ids }],
    members: ids.map((id, i) => ({ id, name: `Member ${i + 1}`, timeZone: ZONE, locale: 'ja' })),
  };
  writeFileSync(file, JSON.stringify(config, null, 2));
  return file;
}

async function startFake(): Promise<FakeSlackApi> {
  const api = await FakeSlackApi.start(BOT_TOKEN);
  for (const id of MEMBERS) api.addUser({ id, real_name: `Member ${id}`, tz: ZONE, locale: 'ja-JP' });
  return api;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

interface Served {
  url: string;
  output: { stdout: string; stderr: string };
  exited: Promise<number | null>;
  kill(signal: NodeJS.Signals): void;
}

async function serve(args: string[], env: NodeJS.ProcessEnv): Promise<Served> {
  const port = await freePort();
  const child = spawn(process.execPath, [BIN, 'serve', ...args, '--port', String(port), '--host', '127.0.0.1'], {
    env: { ...process.env, TZ: 'UTC', KAERU_DATABASE_URL: '', LOG_LEVEL: 'debug', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = { stdout: '', stderr: '' };
  child.stdout.on('data', (chunk: Buffer) => (output.stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (output.stderr += chunk.toString('utf8')));
  const served: Served = { url: `http://127.0.0.1:${port}`, output, exited: undefined!, kill: (signal) => child.kill(signal) };
  running.add(served);
  const closed = new Promise<number | null>((resolve) =>
    child.on('close', (code) => {
      running.delete(served);
      transcripts.push(output.stdout, output.stderr);
      resolve(code);
    }),
  );
  // A process that does not exit fails the test with its output, instead of hanging it.
  served.exited = Promise.race([
    closed,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`kaeru serve did not exit\n${output.stdout}\n${output.stderr}`)), 30_000).unref()),
  ]);
  return served;
}

async function waitFor<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 30_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Resolves once /healthz says 200 (the scheduler armed after its catch-up). */
const healthy = (served: Served): Promise<Response> =>
  waitFor(`${served.url}/healthz to answer 200\n${served.output.stdout}${served.output.stderr}`, async () => {
    const response = await fetch(`${served.url}/healthz`).catch(() => undefined);
    return response?.status === 200 && response;
  });

const dmsTo = (api: FakeSlackApi, user: string) => api.succeeded('chat.postMessage').filter((call) => call.args.channel === `D${user}`);

let seq = 0;
function dm(url: string, user: string, text: string): Promise<{ status: number }> {
  const body = fixture('message-im');
  const ts = `${Math.floor(Date.now() / 1000)}.${String(++seq).padStart(6, '0')}`;
  Object.assign(body.event, { user, text, channel: `D${user}`, ts, event_ts: ts, client_msg_id: `e2e-${seq}` });
  body.event_id = `Ev0SERVE${seq}`;
  return postSigned(`${url}/slack/events`, JSON.stringify(body));
}

describe('kaeru serve on Slack', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kaeru-serve-'));
  const config = writeConfig(dir);
  let api: FakeSlackApi;
  let served: Served;

  beforeAll(async () => {
    api = await startFake();
    served = await serve(['--config', config, '--db', join(dir, 'a.sqlite')], { SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: api.url });
    await healthy(served);
  });

  afterAll(async () => {
    served.kill('SIGKILL');
    await served.exited;
    await api.close();
  });

  it('/healthz: 200 with JSON once storage answers and the scheduler is armed', async () => {
    const response = await fetch(`${served.url}/healthz`);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect([response.status, await response.json()]).toEqual([200, { storage: 'ok', scheduler: 'armed' }]);
  });

  it('caught up at start: one hearing DM per member, with buttons', () => {
    for (const user of MEMBERS) {
      expect(dmsTo(api, user)).toHaveLength(1);
      expect(dmsTo(api, user)[0].args.blocks).toEqual(expect.arrayContaining([expect.objectContaining({ type: 'actions' })]));
    }
  });

  it('/metrics: Prometheus text with the jobs run and the process', async () => {
    const response = await fetch(`${served.url}/metrics`);
    const text = await response.text();
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(text).toMatch(/^kaeru_jobs_total\{.*kind="hearing".*status="sent".*\} 3$/m);
    expect(text).toMatch(/^process_cpu_seconds_total [\d.]+$/m);
  });

  it('answers a signed DM through the Slack Web API, and refuses an unsigned one', async () => {
    expect((await dm(served.url, 'U1', '18時半')).status).toBe(200);
    const [, reply] = await waitFor('the reply to U1', () => dmsTo(api, 'U1').length >= 2 && dmsTo(api, 'U1'));
    expect(reply.args.text).toContain('18:30');
    const unsigned = await fetch(`${served.url}/slack/events`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(fixture('message-im')) });
    expect(unsigned.status).toBe(401);
  });

  it('SIGTERM: finishes the reply in flight (through two 429s), then exits 0 within seconds', async () => {
    api.failNext('chat.postMessage', 'ratelimited', 2);
    expect((await dm(served.url, 'U2', '19時')).status).toBe(200);
    await waitFor('the first 429', () => api.attempts('chat.postMessage').some((call) => call.status === 429));
    const signalledAt = Date.now();
    served.kill('SIGTERM');
    expect(await served.exited).toBe(0);
    expect(Date.now() - signalledAt).toBeLessThan(10_000);
    const [, reply] = dmsTo(api, 'U2');
    expect(reply.args.text).toContain('19:00');
    expect(served.output.stdout).toContain('"msg":"kaeru serve stopped"');
  });

  it('logs one JSON object per line on stdout, and nothing on stderr', () => {
    const lines = served.output.stdout.trim().split('\n');
    expect(lines.length).toBeGreaterThan(5);
    for (const line of lines) expect(JSON.parse(line)).toMatchObject({ time: expect.any(String), level: expect.any(String), msg: expect.any(String) });
    expect(served.output.stderr).toBe('');
  });
});

describe('kaeru serve stopped in the middle of the morning fan-out', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kaeru-serve-'));
  const config = writeConfig(dir);
  const db = join(dir, 'b.sqlite');
  let api: FakeSlackApi;

  beforeAll(async () => (api = await startFake()));
  afterAll(() => api.close());

  const env = (): NodeJS.ProcessEnv => ({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: api.url });

  it('sends the hearing in flight, releases the other claims, exits 0; a restart sends the rest, nobody twice', async () => {
    api.failNext('chat.postMessage', 'ratelimited', 2);
    const first = await serve(['--config', config, '--db', db], env());
    await waitFor('the first 429', () => api.attempts('chat.postMessage').some((call) => call.status === 429));
    first.kill('SIGTERM');
    expect(await first.exited).toBe(0);

    const sentBeforeStop = MEMBERS.filter((user) => dmsTo(api, user).length === 1);
    expect(sentBeforeStop).toHaveLength(1);
    const storage = createTypeormStorage({ type: 'sqlite', file: db });
    await storage.init();
    const jobs = await storage.jobs.listByDate(today());
    await storage.close();
    // Claimed but not sent would block the other instances for the lease: none is left.
    expect(jobs.map((job) => job.status)).toEqual(['sent']);

    const second = await serve(['--config', config, '--db', db], env());
    await healthy(second);
    for (const user of MEMBERS) expect(dmsTo(api, user)).toHaveLength(1);
    second.kill('SIGINT');
    expect(await second.exited).toBe(0);
  });
});

describe('kaeru serve with a secret missing', () => {
  it('exits 2 naming SLACK_SIGNING_SECRET, before listening', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kaeru-serve-'));
    const served = await serve(['--config', writeConfig(dir), '--db', join(dir, 'c.sqlite')], { SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: '' });
    expect(await served.exited).toBe(2);
    expect(served.output.stderr).toContain('SLACK_SIGNING_SECRET: is not set');
    expect(served.output.stdout).toBe('');
  });
});

afterAll(() => {
  for (const served of running) served.kill('SIGKILL');
  // Every process above had the real token and secret in its environment and logged at debug.
  const all = transcripts.join('\n');
  expect(all.length).toBeGreaterThan(1000);
  for (const secret of [BOT_TOKEN, SIGNING_SECRET]) expect(all).not.toContain(secret);
});
