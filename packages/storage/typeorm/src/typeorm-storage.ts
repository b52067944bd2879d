import { AsyncLocalStorage } from 'node:async_hooks';
import {
  type AdapterDataRepository,
  type CalendarRepository,
  type DeclarationRepository,
  type InboundRepository,
  type JobRepository,
  KaeruError,
  type MaintenanceRepository,
  type MemberRepository,
  type RoomRepository,
  type Storage,
  type StorageCapabilities,
} from '@kaeru/core';
import { DataSource, type EntityManager } from 'typeorm';
import { type TypeormStorageOptions, type TypeormStorageTarget, toDataSourceOptions } from './options';
import { adapterDataRepository } from './repositories/adapter-data';
import { calendarRepository } from './repositories/calendar';
import { declarationRepository } from './repositories/declarations';
import { inboundRepository } from './repositories/inbound';
import { jobRepository } from './repositories/jobs';
import { maintenanceRepository } from './repositories/maintenance';
import { memberRepository } from './repositories/members';
import { roomRepository } from './repositories/rooms';
import { SOURCE, prepareSchema } from './schema';
import { SerialQueue } from '@kaeru/core';
import type { Session } from './session';

/** Where the data is, for messages: the file, or the URL without its password. */
export function describeTarget(options: TypeormStorageOptions): string {
  if (options.type === 'sqlite') return `sqlite:${options.file}`;
  try {
    const url = new URL(options.url);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return `${options.type} (unparsable url)`;
  }
}

/** The repositories over one session; the storage and each transaction view share this. */
function repositories(session: Session) {
  return {
    members: memberRepository(session),
    rooms: roomRepository(session),
    declarations: declarationRepository(session),
    calendar: calendarRepository(session),
    jobs: jobRepository(session, SOURCE),
    inbound: inboundRepository(session),
    adapterData: adapterDataRepository(session),
    maintenance: maintenanceRepository(session),
  };
}

/** Errors a retry cures: the database chose this work as a deadlock or serialization victim. */
function isRetryable(error: unknown): boolean {
  const driver = (error as { driverError?: { code?: string; errno?: number } }).driverError;
  return driver?.code === '40P01' || driver?.code === '40001' || driver?.errno === 1213;
}

/**
 * Storage over TypeORM: SQLite by default (one file, WAL), PostgreSQL or MySQL by URL.
 *
 * ```ts
 * import { createTypeormStorage } from '@kaeru/storage-typeorm';
 * const storage = createTypeormStorage({ type: 'sqlite', file: './data/kaeru.sqlite' });
 * await storage.init(); // connects and runs migrations
 * ```
 */
export class TypeormStorage implements Storage {
  readonly capabilities: StorageCapabilities;
  // Assigned in the constructor from `repositories()`, shared with transaction views.
  readonly members!: MemberRepository;
  readonly rooms!: RoomRepository;
  readonly declarations!: DeclarationRepository;
  readonly calendar!: CalendarRepository;
  readonly jobs!: JobRepository;
  readonly inbound!: InboundRepository;
  readonly adapterData!: AdapterDataRepository;
  readonly maintenance!: MaintenanceRepository;
  private readonly dataSource: DataSource;
  /** sqlite3 gives TypeORM one connection: everything on it must take turns, transactions above all. */
  private readonly queue: SerialQueue | undefined;
  /** The manager of the transaction whose async context this is; calls from inside it join it. */
  private readonly current = new AsyncLocalStorage<EntityManager>();
  private opening: Promise<void> | undefined;

  constructor(private readonly options: TypeormStorageOptions) {
    this.dataSource = new DataSource(toDataSourceOptions(options));
    this.queue = options.type === 'sqlite' ? new SerialQueue() : undefined;
    // SQLite is left out on purpose: several processes on one file are not what it is for.
    this.capabilities = { transactions: true, sharedAcrossProcesses: options.type !== 'sqlite' };
    const top: Session = { run: (work, atomic) => this.run(work, atomic ?? false) };
    Object.assign(this, repositories(top));
  }

  init(): Promise<void> {
    this.opening ??= this.open().catch((error: unknown) => {
      this.opening = undefined; // a later init() may try again
      throw error;
    });
    return this.opening;
  }

  /** Runs migrations now; what `kaeru migrate` calls. Returns the names it ran. */
  async migrate(): Promise<string[]> {
    await this.connect();
    return prepareSchema(this.dataSource, true, describeTarget(this.options));
  }

  transaction<T>(work: (tx: Storage) => Promise<T>): Promise<T> {
    const joined = this.current.getStore();
    if (joined) return work(this.view(joined));
    return this.exclusive(() => this.dataSource.transaction((manager) => this.current.run(manager, () => work(this.view(manager)))));
  }

  async ping(): Promise<boolean> {
    try {
      await this.run((manager) => manager.query('SELECT 1'), false);
      return true;
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    this.opening = undefined;
    if (this.dataSource.isInitialized) await this.exclusive(() => this.dataSource.destroy());
  }

  private async open(): Promise<void> {
    await this.connect();
    try {
      await prepareSchema(this.dataSource, this.options.migrate ?? true, describeTarget(this.options));
    } catch (error) {
      await this.dataSource.destroy();
      throw error;
    }
  }

  private async connect(): Promise<void> {
    if (this.dataSource.isInitialized) return;
    try {
      await this.dataSource.initialize();
      // In WAL mode NORMAL never corrupts the file; it syncs at checkpoints instead of at
      // every commit, which made each inbound message wait for (and burn CPU on) an fsync.
      // A power cut may lose the last moments of writes, never the database.
      if (this.options.type === 'sqlite') await this.dataSource.query('PRAGMA synchronous = NORMAL');
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new KaeruError('storage_failed', `cannot open ${describeTarget(this.options)}: ${reason}`, SOURCE, {}, { cause: error });
    }
  }

  private exclusive<T>(task: () => Promise<T>): Promise<T> {
    return this.queue ? this.queue.run(task) : task();
  }

  private run<T>(work: (manager: EntityManager) => Promise<T>, atomic: boolean): Promise<T> {
    const joined = this.current.getStore();
    if (joined) return work(joined);
    if (!atomic) return this.exclusive(() => work(this.dataSource.manager));
    // Our own multi-statement operations have no side effects outside the database, so
    // unlike a caller's transaction they are safe to retry when picked as a deadlock victim.
    return this.exclusive(async () => {
      for (let attempt = 1; ; attempt++) {
        try {
          return await this.dataSource.transaction((manager) => work(manager));
        } catch (error) {
          if (attempt >= 3 || !isRetryable(error)) throw error;
        }
      }
    });
  }

  private view(manager: EntityManager): Storage {
    const storage: Storage = {
      capabilities: this.capabilities,
      ...repositories({ run: (work) => work(manager) }),
      init: async () => {},
      // Nested: one transaction, decided by the outermost.
      transaction: (work) => work(storage),
      ping: () => this.ping(),
      close: async () => {},
    };
    return storage;
  }
}

/** A TypeORM-backed storage; call `init()` before use. */
export function createTypeormStorage(options: TypeormStorageOptions): TypeormStorage {
  return new TypeormStorage(options);
}

/** Runs pending migrations and closes: `kaeru migrate`. Returns the names of those it ran. */
// Omit<> over the union would drop its discriminant (`file` would no longer type-check).
export async function migrate(options: TypeormStorageTarget & { logging?: boolean }): Promise<string[]> {
  const storage = new TypeormStorage({ ...options, migrate: true });
  try {
    return await storage.migrate();
  } finally {
    await storage.close();
  }
}
