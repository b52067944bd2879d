import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ConfigError, silentLogger, type Logger } from '@kaeru/core';
import { jsonResponse, type HttpRoute, type RawResponse } from './http-route';
import { BodyTooLargeError, readBody } from './read-body';

/** What `/healthz` reports; 200 only when storage answers and the scheduler has a timer armed. */
export interface HealthStatus {
  storage: 'ok' | 'down';
  scheduler: 'armed' | 'idle';
}

export interface KaeruServerOptions {
  /** 0 picks a free port (tests). */
  port: number;
  /** Default `0.0.0.0`: platforms must reach it (usually through a proxy). */
  host?: string;
  /** Routes of every webhook adapter; paths must be unique. */
  routes: HttpRoute[];
  health?: () => Promise<HealthStatus>;
  /** Prometheus exposition text. */
  metricsText?: () => string | Promise<string>;
  logger?: Logger;
  /** Larger bodies get 413; Slack's payloads are a few KB. Default 1 MiB. */
  bodyLimitBytes?: number;
  /** How long `close()` waits for in-flight requests before cutting connections. Default 10 s. */
  shutdownTimeoutMs?: number;
  /** A health callback slower than this counts as down. Default 2 s. */
  healthTimeoutMs?: number;
}

export interface KaeruServer {
  /** Starts listening; resolves to the bound address. */
  listen(): Promise<{ host: string; port: number; url: string }>;
  /** Stops accepting, waits for in-flight requests (bounded by `shutdownTimeoutMs`), then resolves. */
  close(): Promise<void>;
  /** Requests being handled right now. */
  readonly inFlight: number;
}

const RESERVED = ['/healthz', '/metrics'];

/**
 * The long-running HTTP server of `kaeru serve`: node's own `http`, no framework,
 * because it only mounts a handful of fixed webhook paths.
 *
 * ```ts
 * const server = createKaeruServer({ port: 3000, routes: slack.routes(), health, metricsText, logger });
 * await server.listen();
 * process.on('SIGTERM', () => server.close().then(() => bot.stop()));
 * ```
 */
export function createKaeruServer(options: KaeruServerOptions): KaeruServer {
  const logger = options.logger ?? silentLogger;
  const bodyLimit = options.bodyLimitBytes ?? 1024 * 1024;
  const table = routeTable(options.routes);
  let inFlight = 0;
  let closing: Promise<void> | undefined;

  const server: Server = createServer((req, res) => {
    inFlight++;
    res.on('close', () => inFlight--);
    handle(req).then(
      (response) => write(res, response, closing !== undefined),
      (error: unknown) => {
        logger.error('request failed', { method: req.method, path: req.url?.split('?')[0], error });
        write(res, jsonResponse(500, { error: 'internal' }), closing !== undefined);
      },
    );
  });

  async function handle(req: IncomingMessage): Promise<RawResponse> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const method = req.method ?? 'GET';
    if (method === 'GET' && url.pathname === '/healthz') return healthz();
    if (method === 'GET' && url.pathname === '/metrics') return metrics();
    const byMethod = table.get(url.pathname);
    const route = byMethod?.get(method);
    if (!route) {
      req.resume();
      return byMethod ? jsonResponse(405, { error: 'method not allowed' }) : jsonResponse(404, { error: 'not found' });
    }
    let body: Buffer;
    try {
      body = await readBody(req, bodyLimit);
    } catch (error) {
      if (error instanceof BodyTooLargeError) {
        logger.warn('request body too large', { path: url.pathname, limitBytes: bodyLimit });
        return { ...jsonResponse(413, { error: 'payload too large' }), headers: { connection: 'close', 'content-type': 'application/json' } };
      }
      throw error;
    }
    return route.handler({ method, path: url.pathname, query: url.searchParams, headers: req.headers, body, receivedAt: new Date() });
  }

  async function healthz(): Promise<RawResponse> {
    if (!options.health) return jsonResponse(200, { status: 'ok' });
    let status: HealthStatus;
    try {
      status = await withTimeout(options.health(), options.healthTimeoutMs ?? 2000);
    } catch (error) {
      logger.warn('health check failed', { error });
      status = { storage: 'down', scheduler: 'idle' };
    }
    const healthy = status.storage === 'ok' && status.scheduler === 'armed';
    return jsonResponse(healthy ? 200 : 503, { storage: status.storage, scheduler: status.scheduler });
  }

  async function metrics(): Promise<RawResponse> {
    if (!options.metricsText) return jsonResponse(404, { error: 'metrics not configured' });
    return { status: 200, headers: { 'content-type': 'text/plain; version=0.0.4; charset=utf-8' }, body: await options.metricsText() };
  }

  return {
    get inFlight() {
      return inFlight;
    },
    listen() {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(options.port, options.host ?? '0.0.0.0', () => {
          server.off('error', reject);
          const address = server.address() as AddressInfo;
          const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
          logger.info('listening', { host: address.address, port: address.port, routes: options.routes.map((r) => `${r.method} ${r.path}`) });
          resolve({ host: address.address, port: address.port, url: `http://${host}:${address.port}` });
        });
      });
    },
    close() {
      closing ??= shutdown();
      return closing;
    },
  };

  async function shutdown(): Promise<void> {
    if (!server.listening) return;
    logger.info('closing: no new connections; waiting for in-flight requests', { inFlight });
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    const timeoutMs = options.shutdownTimeoutMs ?? 10_000;
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs)));
    const outcome = await Promise.race([closed, timedOut]);
    clearTimeout(timer);
    if (outcome === 'timeout') {
      logger.warn('in-flight requests did not finish in time; closing their connections', { inFlight, timeoutMs });
      server.closeAllConnections();
      await closed;
    }
    logger.info('closed');
  }
}

function routeTable(routes: HttpRoute[]): Map<string, Map<string, HttpRoute>> {
  const table = new Map<string, Map<string, HttpRoute>>();
  for (const route of routes) {
    if (RESERVED.includes(route.path))
      throw new ConfigError('routes', `${route.path} is reserved by the server`, 'mount the adapter on another path');
    const byMethod = table.get(route.path) ?? new Map<string, HttpRoute>();
    if (byMethod.has(route.method))
      throw new ConfigError('routes', `${route.method} ${route.path} is mounted twice`, 'give each adapter its own path');
    byMethod.set(route.method, route);
    table.set(route.path, byMethod);
  }
  return table;
}

function write(res: ServerResponse, response: RawResponse, closing: boolean): void {
  if (res.headersSent) return;
  // While shutting down, a keep-alive connection would hold `close()` open: end it with this answer.
  if (closing) res.setHeader('connection', 'close');
  res.writeHead(response.status, response.headers);
  res.end(response.body);
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
