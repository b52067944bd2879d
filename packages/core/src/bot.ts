import { randomUUID } from 'node:crypto';
import { resolveConfig, type KaeruConfig, type ResolvedConfig } from './config';
import { createContainer } from './container';
import { JapanHolidaySource } from './calendar/japan-holidays';
import { SystemClock } from './clock/system-clock';
import { Engine } from './engine/engine';
import type { Handler } from './engine/handler';
import type { ChatAdapter, Incoming, Outgoing } from './ports/chat-adapter';
import type { Clock } from './ports/clock';
import type { HolidaySource } from './ports/holiday-source';
import { silentLogger, type Logger } from './ports/logger';
import { InMemoryMetrics, type Metrics } from './ports/metrics';
import type { Storage } from './ports/storage';
import { Scheduler } from './scheduler/scheduler';
import { TOKENS } from './tokens';

export interface CreateBotOptions {
  /** Rooms, members, company holidays and admins; validated when the bot is created. */
  config: KaeruConfig;
  storage: Storage;
  adapters?: ChatAdapter[];
  /** The real clock by default; a `VirtualClock` for tests and demos. */
  clock?: Clock;
  /** National holidays; Japanese ones built in. */
  holidays?: HolidaySource;
  logger?: Logger;
  metrics?: Metrics;
  /** Extra dialog handlers, asked before the built-in ones and listed in help. */
  handlers?: Handler[];
  /** This process's name in job claims; random by default. */
  instanceId?: string;
}

export interface Bot {
  /** Brings storage up, seeds configured rooms and members, starts adapters, arms the scheduler. */
  start(): Promise<void>;
  /** Stops adapters and the scheduler, releases unfinished claims, closes storage. */
  stop(): Promise<void>;
  /** Processes one inbound event; resolves to the replies, already sent. */
  handle(incoming: Incoming): Promise<Outgoing[]>;
  /** Resolves when no scheduled run is in progress. */
  idle(): Promise<void>;
  /** The instant of the next scheduled job, when armed. */
  readonly nextDueAt: Date | undefined;
  readonly clock: Clock;
  readonly config: ResolvedConfig;
}

/**
 * Builds a kaeru bot from its parts.
 *
 * ```ts
 * const bot = createBot({
 *   config: { rooms: [{ id: 'sales', name: '営業部', members: ['u1'] }], members: [{ id: 'u1', name: '山田' }] },
 *   storage: createTypeormStorage({ type: 'sqlite', file: 'kaeru.sqlite' }),
 *   adapters: [createConsoleAdapter({ ... })],
 * });
 * await bot.start();
 * ```
 */
export function createBot(options: CreateBotOptions): Bot {
  const config = resolveConfig(options.config);
  const clock = options.clock ?? new SystemClock();
  const container = createContainer();
  container.bind(TOKENS.Storage).toConstantValue(options.storage);
  container.bind(TOKENS.Clock).toConstantValue(clock);
  container.bind(TOKENS.Logger).toConstantValue(options.logger ?? silentLogger);
  container.bind(TOKENS.Metrics).toConstantValue(options.metrics ?? new InMemoryMetrics());
  container.bind(TOKENS.HolidaySource).toConstantValue(options.holidays ?? new JapanHolidaySource());
  container.bind(TOKENS.Adapters).toConstantValue(options.adapters ?? []);
  container.bind(TOKENS.ExtraHandlers).toConstantValue(options.handlers ?? []);
  container.bind(TOKENS.Config).toConstantValue(config);
  container.bind(TOKENS.InstanceId).toConstantValue(options.instanceId ?? randomUUID());
  const engine = container.get(Engine);
  const scheduler = container.get(Scheduler);
  const adapters = options.adapters ?? [];
  const sink = (incoming: Incoming): Promise<Outgoing[]> => engine.handle(incoming);

  return {
    clock,
    config,
    get nextDueAt() {
      return scheduler.nextDueAt;
    },
    async start() {
      await options.storage.init();
      await seed(options.storage, config);
      for (const adapter of adapters) await adapter.start(sink);
      await scheduler.start();
    },
    async stop() {
      for (const adapter of adapters) await adapter.stop();
      await scheduler.stop();
      await options.storage.close();
    },
    handle: sink,
    idle: () => scheduler.idle(),
  };
}

/** Configured rooms and members replace their stored versions; company holidays are added. */
async function seed(storage: Storage, config: ResolvedConfig): Promise<void> {
  if (config.members.length) await storage.members.upsert(config.members);
  if (config.rooms.length) await storage.rooms.upsert(config.rooms);
  if (config.companyHolidays.length) await storage.calendar.add('company', config.companyHolidays);
}
