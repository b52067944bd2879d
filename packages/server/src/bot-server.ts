import type { Bot, ChatAdapter, Logger, Storage } from '@kaeru/core';
import { servesHttp } from './http-route';
import { createKaeruServer, type KaeruServer, type KaeruServerOptions } from './kaeru-server';
import { prometheusText } from './prometheus';

export interface BotServerOptions extends Pick<KaeruServerOptions, 'port' | 'host' | 'bodyLimitBytes' | 'shutdownTimeoutMs'> {
  bot: Pick<Bot, 'nextDueAt'> & Partial<Pick<Bot, 'credits'>>;
  storage: Pick<Storage, 'ping'>;
  /** Every adapter of the bot; those with `routes()` get mounted. */
  adapters: ChatAdapter[];
  /** Core's in-memory metrics (or anything with a snapshot) for `/metrics`. */
  metrics?: { snapshot(): Record<string, number> };
  logger?: Logger;
}

/**
 * The server of `kaeru serve`, wired to a bot: webhook adapters' routes, `/healthz` from
 * storage's ping and the scheduler's armed timer, `/metrics` from the metrics snapshot.
 *
 * ```ts
 * const server = createBotServer({ bot, storage, adapters: [slack], metrics, port: 3000, logger });
 * await bot.start();
 * await server.listen();
 * process.once('SIGTERM', async () => { await server.close(); await bot.stop(); });
 * ```
 */
export function createBotServer(options: BotServerOptions): KaeruServer {
  const { bot, storage, metrics } = options;
  return createKaeruServer({
    port: options.port,
    host: options.host,
    bodyLimitBytes: options.bodyLimitBytes,
    shutdownTimeoutMs: options.shutdownTimeoutMs,
    logger: options.logger,
    routes: options.adapters.filter(servesHttp).flatMap((adapter) => adapter.routes()),
    health: async () => ({
      storage: (await storage.ping().catch(() => false)) ? 'ok' : 'down',
      scheduler: bot.nextDueAt ? 'armed' : 'idle',
    }),
    metricsText: metrics
      ? () => {
          // A scrape is a wake-up that happens anyway: the credit gauges are brought up to date on it.
          bot.credits?.sample();
          return prometheusText(metrics.snapshot());
        }
      : undefined,
  });
}
