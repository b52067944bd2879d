import { randomUUID } from 'node:crypto';
import { ConfigError } from './errors';
import { resolveConfig, resolveMember, resolveRoom, type KaeruConfig, type MemberConfig, type ResolvedConfig, type RoomConfig } from './config';
import { createContainer } from './container';
import { createDefaultHolidaySource } from './calendar/world-holidays';
import { ScheduleSignal } from './engine/signals';
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
import { CreditGuard } from './credits/credit-guard';
import { createRetentionJob } from './storage/retention';

/** A claim outlives any one batch of sends (see `CLAIM_BATCH` in the scheduler). */
const DEFAULT_LEASE_MS = 5 * 60_000;

export interface CreateBotOptions {
  /** Rooms, members, company holidays and admins; validated when the bot is created. */
  config: KaeruConfig;
  storage: Storage;
  adapters?: ChatAdapter[];
  /** The real clock by default; a `VirtualClock` for tests and demos. */
  clock?: Clock;
  /** National holidays; by default Japan built in and other countries' public holidays (`createDefaultHolidaySource`). */
  holidays?: HolidaySource;
  logger?: Logger;
  metrics?: Metrics;
  /** Extra dialog handlers, asked before the built-in ones and listed in help. */
  handlers?: Handler[];
  /** This process's name in job claims; random by default. */
  instanceId?: string;
  /** How long a job claim protects a job whose holder may have died mid-send (default 5 minutes). */
  leaseMs?: number;
}

export interface Bot {
  /** Brings storage up, seeds configured rooms and members, arms the scheduler (catching up), starts adapters. */
  start(): Promise<void>;
  /** Stops adapters and the scheduler, releases unfinished claims, closes storage. */
  stop(): Promise<void>;
  /** Processes one inbound event; resolves to the replies, already sent. */
  handle(incoming: Incoming): Promise<Outgoing[]>;
  /** Resolves when no scheduled run is in progress. */
  idle(): Promise<void>;
  /**
   * Adds or replaces members and rooms while running (a member joined or left a room),
   * validated like the configuration; the schedule is re-planned at once. A member added
   * after the room's hearing but before its first report is asked right away; after the
   * first report, from the next business day.
   */
  upsert(changes: { members?: MemberConfig[]; rooms?: RoomConfig[] }): Promise<void>;
  /** The instant of the next scheduled job, when armed. */
  readonly nextDueAt: Date | undefined;
  readonly clock: Clock;
  readonly config: ResolvedConfig;
  /** The CPU-credit guard when `config.credits` names an instance; `sample()` refreshes its gauges. */
  readonly credits?: CreditGuard;
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
  container.bind(TOKENS.HolidaySource).toConstantValue(options.holidays ?? createDefaultHolidaySource());
  container.bind(TOKENS.Adapters).toConstantValue(options.adapters ?? []);
  container.bind(TOKENS.ExtraHandlers).toConstantValue(options.handlers ?? []);
  container.bind(TOKENS.Config).toConstantValue(config);
  container.bind(TOKENS.InstanceId).toConstantValue(options.instanceId ?? randomUUID());
  container.bind(TOKENS.LeaseMs).toConstantValue(options.leaseMs ?? DEFAULT_LEASE_MS);
  const engine = container.get(Engine);
  const scheduler = container.get(Scheduler);
  const logger = options.logger ?? silentLogger;
  const metrics = container.get(TOKENS.Metrics);
  const retention = createRetentionJob(options.storage, config.retention, logger);
  scheduler.onCycleEnd((now) => retention.runIfDue(now).then(() => undefined));
  const credits = config.credits && new CreditGuard({ instance: config.credits.instance, mode: config.credits.mode, clock, metrics, logger });
  if (credits) scheduler.onCycleEnd((now) => void credits.sample(now));
  const adapters = options.adapters ?? [];
  const sink = (incoming: Incoming): Promise<Outgoing[]> => engine.handle(incoming);

  return {
    clock,
    config,
    credits,
    get nextDueAt() {
      return scheduler.nextDueAt;
    },
    async start() {
      await options.storage.init();
      await seed(options.storage, config);
      // Catch up and arm first, so the first inbound event already sees today's jobs done.
      await scheduler.start();
      for (const adapter of adapters) await adapter.start(sink);
    },
    async stop() {
      for (const adapter of adapters) await adapter.stop();
      await scheduler.stop();
      await options.storage.close();
    },
    handle: sink,
    idle: () => scheduler.idle(),
    async upsert(changes) {
      const members = (changes.members ?? []).map((m, i) => resolveMember(m, `members[${i}]`));
      const rooms = (changes.rooms ?? []).map((r, i) => resolveRoom(r, `rooms[${i}]`));
      const known = new Set([...members.map((m) => m.id), ...(await options.storage.members.list()).map((m) => m.id)]);
      rooms.forEach((room, i) =>
        room.members.forEach((id, j) => {
          if (!known.has(id)) throw new ConfigError(`rooms[${i}].members[${j}]`, `"${id}" is not a known member`, 'upsert the member first, or in the same call');
        }),
      );
      if (members.length) await options.storage.members.upsert(members);
      if (rooms.length) await options.storage.rooms.upsert(rooms);
      container.get(ScheduleSignal).changed();
    },
  };
}

/** Configured rooms and members replace their stored versions; company holidays are added. */
async function seed(storage: Storage, config: ResolvedConfig): Promise<void> {
  if (config.members.length) await storage.members.upsert(config.members);
  if (config.rooms.length) await storage.rooms.upsert(config.rooms);
  if (config.companyHolidays.length) await storage.calendar.add('company', config.companyHolidays);
}
