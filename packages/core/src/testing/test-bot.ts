import { randomUUID } from 'node:crypto';
import { createBot, type Bot } from '../bot';
import type { KaeruConfig, MemberConfig, RoomConfig } from '../config';
import type { Clock, TimerHandle } from '../ports/clock';
import type { Logger } from '../ports/logger';
import { VirtualClock } from '../clock/virtual-clock';
import type { Declaration } from '../domain/types';
import type { Handler } from '../engine/handler';
import type { AdapterCapabilities } from '../ports/chat-adapter';
import type { HolidaySource } from '../ports/holiday-source';
import { InMemoryMetrics } from '../ports/metrics';
import type { Storage } from '../ports/storage';
import { createMemoryStorage } from '../storage/memory-storage';
import { RecordingAdapter, type EditRecord, type SentRecord } from './recording-adapter';

export interface TestBotOptions {
  /** Where the virtual clock starts (ISO with offset). */
  now: string;
  rooms?: RoomConfig[];
  members?: MemberConfig[];
  companyHolidays?: string[];
  admins?: string[];
  retention?: KaeruConfig['retention'];
  credits?: KaeruConfig['credits'];
  /** In-memory by default. */
  storage?: Storage;
  handlers?: Handler[];
  holidays?: HolidaySource;
  /** The test adapter's capabilities (buttons on, edits off by default). */
  capabilities?: Partial<AdapterCapabilities>;
  /** Silent by default. */
  logger?: Logger;
}

export interface DeclarationView {
  state: Declaration['state'];
  time?: string;
  approx?: boolean;
}

export interface TestBot {
  /** Every message sent so far, oldest first, across restarts. */
  readonly sent: SentRecord[];
  /** Every in-place edit so far (with `capabilities.editMessages`). */
  readonly edits: EditRecord[];
  readonly clock: VirtualClock;
  readonly storage: Storage;
  readonly metrics: InMemoryMetrics;
  /** The adapter of the current engine (to make sends fail, for instance). */
  readonly adapter: RecordingAdapter;
  /** Runs every job due up to `instant`, in order. */
  advanceTo(instant: string | Date): Promise<void>;
  /** The member writes (in DM, or in `room`); resolves to the replies. */
  say(memberId: string, text: string, options?: { room?: string; eventId?: string }): Promise<SentRecord[]>;
  /** The member clicks a button whose value came from `sent`. */
  click(memberId: string, value: string): Promise<SentRecord[]>;
  declaration(memberId: string, date: string): Promise<DeclarationView | undefined>;
  /**
   * A fresh engine over the same storage and clock, as after a process restart. With
   * `downUntil`, the process stays down (nothing fires) while the clock moves there. With
   * `crash`, the old process dies instead of stopping: nothing of it runs again, its
   * unfinished claims stay leased, and a send it was waiting on never returns.
   */
  restart(options?: { downUntil?: string | Date; crash?: boolean }): Promise<void>;
  /**
   * The process dies during its `count`+1-th send from now (that send never returns, no
   * later one is made); `restart()` then starts a fresh process, as after a crash.
   */
  crashAfterSends(count: number): void;
  /** Members join, leave or change while the bot runs (`Bot.upsert`); the schedule follows. */
  upsert(changes: { members?: MemberConfig[]; rooms?: RoomConfig[] }): Promise<void>;
  close(): Promise<void>;
}

/** A bot on a virtual clock that records what it sends: conversation tests read like transcripts. */
export async function createTestBot(options: TestBotOptions): Promise<TestBot> {
  const clock = new VirtualClock(options.now);
  const storage = options.storage ?? createMemoryStorage();
  // The storage outlives each engine: a restart must not close it.
  const kept = new Proxy(storage, {
    get(target, prop) {
      if (prop === 'close') return async () => {};
      const value = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  const sent: SentRecord[] = [];
  const edits: EditRecord[] = [];
  const metrics = new InMemoryMetrics();
  const config: KaeruConfig = {
    rooms: options.rooms,
    members: options.members,
    companyHolidays: options.companyHolidays,
    admins: options.admins,
    retention: options.retention,
    credits: options.credits,
  };
  let adapter!: RecordingAdapter;
  let bot!: Bot;
  let engineClock!: ProcessClock;

  const boot = async (): Promise<void> => {
    engineClock = new ProcessClock(clock);
    adapter = new RecordingAdapter(clock, { buttons: true, directMessages: true, editMessages: false, userDirectory: false, ...options.capabilities });
    // Every engine's adapter appends to the one shared history.
    (adapter as { sent: SentRecord[] }).sent = sent;
    (adapter as { edits: EditRecord[] }).edits = edits;
    bot = createBot({ config, storage: kept, adapters: [adapter], clock: engineClock, metrics, logger: options.logger, handlers: options.handlers, holidays: options.holidays, instanceId: `test-${randomUUID()}` });
    await bot.start();
  };
  await boot();

  const replies = async (memberId: string, input: { text?: string; action?: string; room?: string; eventId?: string }): Promise<SentRecord[]> => {
    const before = sent.length;
    await clock.settle(engineClock.orDeath(bot.handle({
      eventId: input.eventId ?? randomUUID(),
      adapter: 'test',
      memberId,
      roomId: input.room,
      text: input.text,
      action: input.action,
      receivedAt: clock.now(),
    })));
    await clock.settle(engineClock.orDeath(bot.idle()));
    return sent.slice(before).filter((r) => r.kind === 'reply');
  };

  return {
    sent,
    edits,
    clock,
    storage,
    metrics,
    get adapter() {
      return adapter;
    },
    async advanceTo(instant) {
      await clock.settle(engineClock.orDeath(bot.idle()));
      await clock.advanceTo(instant);
      await clock.settle(engineClock.orDeath(bot.idle()));
    },
    say: (memberId, text, opts) => replies(memberId, { text, room: opts?.room, eventId: opts?.eventId }),
    click: (memberId, value) => replies(memberId, { action: value }),
    async declaration(memberId, date) {
      const d = await storage.declarations.get(memberId, date);
      if (!d) return undefined;
      return { state: d.state, ...(d.time ? { time: d.time } : {}), ...(d.approx ? { approx: true } : {}) };
    },
    async upsert(changes) {
      await bot.upsert(changes);
      await clock.settle(engineClock.orDeath(bot.idle()));
    },
    crashAfterSends(count) {
      adapter.hangAfter(count);
      adapter.onHang = () => engineClock.die();
    },
    async restart(opts) {
      if (opts?.crash || engineClock.isDead) engineClock.die();
      else await bot.stop();
      if (opts?.downUntil) await clock.advanceTo(opts.downUntil);
      await boot();
    },
    async close() {
      await bot.stop();
      await storage.close();
    },
  };
}

/**
 * One process's view of the shared virtual clock: when the process dies, its timers never
 * fire again and whatever it was running counts as finished for the clock, so a crashed
 * engine neither runs on nor holds `advanceTo` up.
 */
class ProcessClock implements Clock {
  private dead = false;
  private readonly death: Promise<void>;
  private kill!: () => void;

  constructor(private readonly clock: VirtualClock) {
    this.death = new Promise((resolve) => (this.kill = resolve));
  }

  now(): Date {
    return this.clock.now();
  }

  setTimer(at: Date, fire: () => void | Promise<void>): TimerHandle {
    return this.clock.setTimer(at, () => (this.dead ? undefined : Promise.race([Promise.resolve(fire()), this.death])));
  }

  /** `work`, or the death of this process, whichever comes first. */
  orDeath(work: Promise<unknown>): Promise<unknown> {
    return Promise.race([work, this.death]);
  }

  get isDead(): boolean {
    return this.dead;
  }

  die(): void {
    this.dead = true;
    this.kill();
  }
}
