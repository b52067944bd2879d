import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Client } from 'pg';
import { scratchDatabase } from './scratch-database';

const url = process.env.KAERU_TEST_POSTGRES_URL;
const ROOT = join(__dirname, '..', '..');

const MEMBERS = 1_000;
const ROOMS = 50;
const INSTANCES = ['w0', 'w1', 'w2'];
/** Every fake API answer waits this long, so the fan-out lasts seconds and a kill lands mid-way. */
const DELAY_MS = 5;
/** The instance sending after this many accepted hearings is killed (SIGKILL) before its send is answered. */
const KILL_AFTER = 300;
/** The shared clock runs this many times faster than the wall clock: 09:00 to the 10:00 report is 60 s. */
const SPEED = 60;
/**
 * 25 virtual minutes, 25 s of real time. A lease must outlast the sending of every job its
 * holder claimed at once, or a watcher takes over live work and sends it twice: the
 * scheduler claims all due jobs in one batch, and one instance here sends up to 1,000
 * hearings at ~20-30 ms each (database round trips included) on a 2-core machine.
 */
const LEASE_MS = 25 * 60_000;
/** After the last expected delivery, how long to keep listening for a duplicate. */
const SETTLE_MS = 3_000;
const BOOT_MS = 3_000;

interface Delivery {
  instance: string;
  to: { kind: 'member' | 'room'; id: string };
  kind: string;
}

/** A loopback chat API that answers after DELAY_MS and counts what it accepted, per target. */
class FakeChatApi {
  readonly accepted: Delivery[] = [];
  killed?: { instance: string; acceptedHearings: number };
  private server?: Server;
  constructor(private readonly kill: (instance: string) => void) {}

  hearings = () => this.accepted.filter((d) => d.kind === 'hearing');
  reports = () => this.accepted.filter((d) => d.kind === 'report');

  async listen(): Promise<string> {
    this.server = createServer((req, res) => this.onRequest(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/send`;
  }

  close(): Promise<void> {
    this.server?.closeAllConnections();
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private onRequest(req: IncomingMessage, res: ServerResponse): void {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const delivery = JSON.parse(body) as Delivery;
      if (!this.killed && delivery.kind === 'hearing' && this.hearings().length >= KILL_AFTER) {
        // Dies with this send in flight and claims in hand: the request is never answered, never counted.
        this.killed = { instance: delivery.instance, acceptedHearings: this.hearings().length };
        this.kill(delivery.instance);
        return;
      }
      setTimeout(() => {
        // A client that died while we waited never learns of it: not delivered.
        if (res.socket?.destroyed) return;
        this.accepted.push(delivery);
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
      }, DELAY_MS);
    });
  }
}

const countBy = (items: Delivery[]) => items.reduce((m, d) => m.set(d.to.id, (m.get(d.to.id) ?? 0) + 1), new Map<string, number>());
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// jest.config.js leaves this folder out when KAERU_TEST_POSTGRES_URL is unset.
if (!url) throw new Error('[kaeru] the multi-process tests need KAERU_TEST_POSTGRES_URL');

describe('three kaeru processes on one PostgreSQL, one killed mid fan-out', () => {
  const workers = new Map<string, ChildProcess>();
  const stderr: string[] = [];
  let api: FakeChatApi;
  let database: { url: string; drop(): Promise<void> };

  beforeAll(async () => {
    // The workers run the built packages: bring dist up to date (incremental, quick when fresh).
    const build = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-b', 'packages/storage/typeorm'], { cwd: ROOT, encoding: 'utf8' });
    if (build.status !== 0) throw new Error(`tsc -b packages/storage/typeorm failed:\n${build.stdout}${build.stderr}`);
    database = await scratchDatabase(url, 'kaeru_fanout');
    api = new FakeChatApi((instance) => workers.get(instance)?.kill('SIGKILL'));
    const endpoint = await api.listen();
    const realStart = Date.now() + BOOT_MS;
    const ready = INSTANCES.map((instance) => {
      const settings = {
        root: ROOT,
        instance,
        database: database.url,
        api: endpoint,
        members: MEMBERS,
        rooms: ROOMS,
        hearingAt: '09:00',
        reportAt: '10:00',
        // Two virtual seconds before the hearing: it is due just after every worker booted.
        virtualStart: Date.parse('2026-12-07T08:59:58+09:00'),
        realStart,
        speed: SPEED,
        leaseMs: LEASE_MS,
      };
      const child = spawn(process.execPath, [join(__dirname, 'worker.js')], { env: { ...process.env, KAERU_WORKER: JSON.stringify(settings) }, stdio: ['ignore', 'pipe', 'pipe'] });
      workers.set(instance, child);
      child.stderr!.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
      return new Promise<void>((resolve, reject) => {
        child.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && resolve());
        // start() resolves after the catch-up run, so the victim may die before saying ready.
        child.on('exit', (code) => (api.killed?.instance === instance ? resolve() : reject(new Error(`${instance} exited (${code}) before it was ready:\n${stderr.join('')}`))));
      });
    });
    await Promise.all(ready);
  }, 120_000);

  afterAll(async () => {
    await Promise.all(
      [...workers.values()].map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolve();
            child.on('exit', () => resolve());
            child.kill('SIGTERM');
            setTimeout(() => child.kill('SIGKILL'), 5_000).unref();
          }),
      ),
    );
    await api?.close();
    await database?.drop();
  }, 30_000);

  it('sends every member exactly one hearing and every room exactly one report', async () => {
    const deadline = Date.now() + 80_000;
    while (Date.now() < deadline && (countBy(api.hearings()).size < MEMBERS || countBy(api.reports()).size < ROOMS)) await sleep(100);
    // Then a while longer, for a late duplicate to show up if there were one.
    await sleep(SETTLE_MS);
    const byInstance = api.accepted.reduce((m: Record<string, number>, d) => ({ ...m, [`${d.instance}:${d.kind}`]: (m[`${d.instance}:${d.kind}`] ?? 0) + 1 }), {});
    const diagnostics = `killed: ${JSON.stringify(api.killed)}\naccepted: ${JSON.stringify(byInstance)}\nworker stderr:\n${stderr.join('').slice(0, 4_000)}`;

    // One instance died mid fan-out. Sends already in flight when the count crossed
    // KILL_AFTER are still accepted, so the exact count at the kill may be a little higher.
    const killedAt = api.killed?.acceptedHearings ?? 0;
    expect({ killedMidFanOut: killedAt >= KILL_AFTER && killedAt < MEMBERS, diagnostics }).toMatchObject({ killedMidFanOut: true });
    const hearings = countBy(api.hearings());
    const reports = countBy(api.reports());
    expect({ members: hearings.size, rooms: reports.size, diagnostics }).toMatchObject({ members: MEMBERS, rooms: ROOMS });
    expect([...hearings.entries()].filter(([, n]) => n !== 1)).toEqual([]);
    expect([...reports.entries()].filter(([, n]) => n !== 1)).toEqual([]);
    // The survivors finished what the dead one had claimed.
    const survivors = INSTANCES.filter((i) => i !== api.killed?.instance);
    expect(api.accepted.filter((d) => survivors.includes(d.instance)).length).toBeGreaterThan(MEMBERS + ROOMS - KILL_AFTER - 1);

    const client = new Client({ connectionString: database.url });
    await client.connect();
    try {
      // Reminders (a second ask) are jobs too; what matters here is that nothing is left claimed.
      const { rows } = await client.query<{ kind: string; status: string; n: string }>("SELECT kind, status, COUNT(*) AS n FROM kaeru_job WHERE kind IN ('hearing', 'report') OR status = 'claimed' GROUP BY kind, status ORDER BY kind");
      expect(rows.map((r) => [r.kind, r.status, Number(r.n)])).toEqual([['hearing', 'sent', MEMBERS], ['report', 'sent', ROOMS]]);
    } finally {
      await client.end();
    }
  }, 120_000);
});
