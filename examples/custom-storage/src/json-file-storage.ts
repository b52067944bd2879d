import { access, mkdir } from 'node:fs/promises';
import { KaeruError, SerialQueue } from '@kaeru/core';
import type { Storage, StorageCapabilities } from '@kaeru/core';
import { type Repositories, repositories } from './repositories';
import { Draft, loadTables, saveTable, type Tables } from './tables';

/**
 * An integrator's own backend: the Storage port over plain JSON files in `dir`, one file per
 * table (`members.json`, `jobs.json`, …). Every operation runs through one in-process queue,
 * on a draft of the tables; only when it succeeds are the changed files written and the
 * draft made current. A transaction is the same, around several operations.
 * One process per directory: nothing here is shared across processes.
 */
export class JsonFileStorage implements Storage {
  readonly capabilities: StorageCapabilities = { transactions: true, sharedAcrossProcesses: false };
  readonly members: Repositories['members'];
  readonly rooms: Repositories['rooms'];
  readonly declarations: Repositories['declarations'];
  readonly calendar: Repositories['calendar'];
  readonly jobs: Repositories['jobs'];
  readonly inbound: Repositories['inbound'];
  readonly adapterData: Repositories['adapterData'];
  readonly maintenance: Repositories['maintenance'];

  private readonly queue = new SerialQueue();
  /** The committed tables, as on disk; undefined until `init()`. */
  private tables?: Tables;

  constructor(readonly dir: string) {
    ({
      members: this.members,
      rooms: this.rooms,
      declarations: this.declarations,
      calendar: this.calendar,
      jobs: this.jobs,
      inbound: this.inbound,
      adapterData: this.adapterData,
      maintenance: this.maintenance,
    } = repositories((work) => this.step(work)));
  }

  async init(): Promise<void> {
    await this.queue.run(async () => {
      if (this.tables) return;
      await mkdir(this.dir, { recursive: true });
      this.tables = await loadTables(this.dir);
    });
  }

  /**
   * Runs `work` atomically: its operations see its own writes, and nothing reaches the files
   * unless it succeeds. Inside, use `tx` only: this object's operations wait until it ends.
   */
  transaction<T>(work: (tx: Storage) => Promise<T>): Promise<T> {
    return this.step((draft) => work(this.inside(draft)));
  }

  async ping(): Promise<boolean> {
    return this.tables !== undefined && (await access(this.dir).then(() => true, () => false));
  }

  /** Waits for the operations under way, then forgets the tables (`init()` reads them again). */
  async close(): Promise<void> {
    await this.queue.run(async () => {
      this.tables = undefined;
    });
  }

  /** One atomic step, in turn: the work runs on a draft; its changed tables are saved, then become current. */
  private step<T>(work: (draft: Draft) => T | Promise<T>): Promise<T> {
    return this.queue.run(async () => {
      if (!this.tables) throw new KaeruError('storage_failed', `call init() before using ${this.dir}`, 'json-files');
      const draft = new Draft(this.tables);
      const result = await work(draft);
      await this.save(draft);
      return result;
    });
  }

  private async save(draft: Draft): Promise<void> {
    try {
      for (const [name, table] of draft.changed) await saveTable(this.dir, name, table);
    } catch (error) {
      // Some files may be written already, and the files are the truth: read them back.
      this.tables = await loadTables(this.dir).catch(() => this.tables);
      throw new KaeruError('storage_failed', `could not write ${this.dir}`, 'json-files', undefined, { cause: error });
    }
    this.tables = { ...this.tables, ...Object.fromEntries(draft.changed) } as Tables;
  }

  /** The storage as a transaction's work sees it: every operation on its draft, at once (it holds the queue). */
  private inside(draft: Draft): Storage {
    const tx: Storage = {
      capabilities: this.capabilities,
      ...repositories(async (work) => work(draft)),
      init: async () => {},
      transaction: (work) => work(tx), // a nested transaction joins: the outer one decides
      ping: async () => true,
      close: async () => {},
    };
    return tx;
  }
}
