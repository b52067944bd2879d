import { request } from 'node:http';
import { InMemoryMetrics } from '@kaeru/core';
import { createKaeruServer, prometheusText, type HealthStatus, type HttpRoute, type KaeruServer } from '@kaeru/server';
import { createSlackAdapter } from '@kaeru/adapter-slack';

/** Starts a server on 127.0.0.1 and returns it with its base URL. */
async function serve(options: Partial<Parameters<typeof createKaeruServer>[0]> = {}): Promise<{ server: KaeruServer; url: string }> {
  const server = createKaeruServer({ port: 0, host: '127.0.0.1', routes: [], ...options });
  const { url } = await server.listen();
  return { server, url };
}

describe('@kaeru/server', () => {
  let running: KaeruServer | undefined;
  afterEach(async () => {
    await running?.close();
    running = undefined;
  });

  it('GET /healthz is 200 when storage answers and the scheduler is armed', async () => {
    let status: HealthStatus = { storage: 'ok', scheduler: 'armed' };
    const { server, url } = await serve({ health: async () => status });
    running = server;
    const ok = await fetch(`${url}/healthz`);
    expect([ok.status, await ok.json()]).toEqual([200, { storage: 'ok', scheduler: 'armed' }]);
    status = { storage: 'down', scheduler: 'armed' };
    const down = await fetch(`${url}/healthz`);
    expect([down.status, await down.json()]).toEqual([503, { storage: 'down', scheduler: 'armed' }]);
    status = { storage: 'ok', scheduler: 'idle' };
    expect((await fetch(`${url}/healthz`)).status).toBe(503);
  });

  it('GET /healthz is 503 when the health check throws or hangs', async () => {
    const { server, url } = await serve({ health: () => new Promise(() => {}), healthTimeoutMs: 50 });
    running = server;
    const response = await fetch(`${url}/healthz`);
    expect([response.status, await response.json()]).toEqual([503, { storage: 'down', scheduler: 'idle' }]);
  });

  it('GET /metrics serves Prometheus text', async () => {
    const metrics = new InMemoryMetrics();
    metrics.increment('kaeru_messages_out_total', { adapter: 'slack', kind: 'hearing' }, 3);
    metrics.increment('kaeru_rate_limit_waits_total', { adapter: 'slack', method: 'chat.postMessage' });
    const { server, url } = await serve({ metricsText: () => prometheusText(metrics.snapshot()) });
    running = server;
    const response = await fetch(`${url}/metrics`);
    expect(response.headers.get('content-type')).toContain('text/plain; version=0.0.4');
    const text = await response.text();
    expect(text).toContain('# TYPE kaeru_messages_out_total counter\nkaeru_messages_out_total{adapter="slack",kind="hearing"} 3');
    expect(text).toContain('kaeru_rate_limit_waits_total{adapter="slack",method="chat.postMessage"} 1');
    expect(text).toMatch(/^process_cpu_seconds_total \d/m);
    expect(text).toMatch(/^process_resident_memory_bytes \d+$/m);
  });

  it('mounts adapter routes and hands them the raw body bytes', async () => {
    const seen: Buffer[] = [];
    const route: HttpRoute = { method: 'POST', path: '/hook', handler: async (req) => (seen.push(req.body), { status: 204 }) };
    const { server, url } = await serve({ routes: [route] });
    running = server;
    const bytes = Buffer.from([0x7b, 0x20, 0xe3, 0x81, 0x8b, 0x20, 0x7d]);
    expect((await fetch(`${url}/hook`, { method: 'POST', body: bytes })).status).toBe(204);
    expect(seen[0].equals(bytes)).toBe(true);
    expect((await fetch(`${url}/hook`)).status).toBe(405);
    expect((await fetch(`${url}/nowhere`, { method: 'POST' })).status).toBe(404);
  });

  it('refuses a body over the limit with 413, declared or streamed', async () => {
    const handled: number[] = [];
    const route: HttpRoute = { method: 'POST', path: '/hook', handler: async (req) => (handled.push(req.body.length), { status: 200 }) };
    const { server, url } = await serve({ routes: [route], bodyLimitBytes: 1024 });
    running = server;
    expect((await fetch(`${url}/hook`, { method: 'POST', body: 'x'.repeat(2048) })).status).toBe(413);
    const streamed = await rawPost(url, '/hook', ['x'.repeat(600), 'x'.repeat(600)]);
    expect(streamed).toBe(413);
    expect((await fetch(`${url}/hook`, { method: 'POST', body: 'x'.repeat(1024) })).status).toBe(200);
    expect(handled).toEqual([1024]);
  });

  it('answers 500 when a route throws, and keeps serving', async () => {
    const route: HttpRoute = { method: 'POST', path: '/boom', handler: async () => Promise.reject(new Error('kaboom')) };
    const { server, url } = await serve({ routes: [route] });
    running = server;
    expect((await fetch(`${url}/boom`, { method: 'POST' })).status).toBe(500);
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
  });

  it('refuses two routes on one path and routes on reserved paths', () => {
    const route: HttpRoute = { method: 'POST', path: '/slack/events', handler: async () => ({ status: 200 }) };
    expect(() => createKaeruServer({ port: 0, routes: [route, route] })).toThrow(/mounted twice/);
    expect(() => createKaeruServer({ port: 0, routes: [{ ...route, path: '/healthz' }] })).toThrow(/reserved/);
  });

  it('close() stops accepting and waits for in-flight requests', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const route: HttpRoute = { method: 'POST', path: '/slow', handler: async () => (await gate, { status: 200, body: 'done' }) };
    const { server, url } = await serve({ routes: [route] });
    const inFlight = fetch(`${url}/slow`, { method: 'POST' });
    await until(() => server.inFlight === 1);
    let closed = false;
    const closing = server.close().then(() => (closed = true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(closed).toBe(false);
    await expect(fetch(`${url}/healthz`)).rejects.toThrow();
    release();
    const response = await inFlight;
    expect([response.status, await response.text()]).toEqual([200, 'done']);
    await closing;
    expect(closed).toBe(true);
  });

  it('close() cuts requests that outlive the shutdown timeout', async () => {
    const route: HttpRoute = { method: 'POST', path: '/stuck', handler: () => new Promise(() => {}) };
    const { server, url } = await serve({ routes: [route], shutdownTimeoutMs: 100 });
    const stuck = fetch(`${url}/stuck`, { method: 'POST' }).catch((e: unknown) => e);
    await until(() => server.inFlight === 1);
    await server.close();
    // undici's TypeError comes from another realm under jest, so match the text.
    expect(String(await stuck)).toMatch(/fetch failed/);
  });

  it('mounts the Slack adapter\'s route as an HttpRoute', () => {
    const slack = createSlackAdapter({ botToken: 'xoxb-1', signingSecret: 'secret' });
    // Compile-time check that the adapter's structural route type fits the server's.
    const routes: HttpRoute[] = slack.routes();
    expect(routes.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /slack/events']);
  });
});

/** Sends a body in chunks without Content-Length (chunked), so only the streamed count can catch it. */
function rawPost(base: string, path: string, chunks: string[]): Promise<number> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path, method: 'POST', headers: { 'transfer-encoding': 'chunked' } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', (error) => ((error as NodeJS.ErrnoException).code === 'ECONNRESET' || (error as NodeJS.ErrnoException).code === 'EPIPE' ? undefined : reject(error)));
    for (const chunk of chunks) req.write(chunk);
    req.end();
  });
}

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
  if (!condition()) throw new Error('condition never held');
}
