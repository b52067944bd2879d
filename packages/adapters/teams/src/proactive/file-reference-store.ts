import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { ConversationReferenceStore, StoredReference } from './reference-store';

/**
 * References in one JSON file, so proactive hearings survive restarts without a schema
 * change in core. Read once, written whole after each change through a temporary file
 * and a rename (a crash never leaves half a file); writes are serialised. One process
 * per file: several instances share references through `StorageReferenceStore`.
 */
export class FileReferenceStore implements ConversationReferenceStore {
  private cache?: Promise<Map<string, StoredReference>>;
  private writing: Promise<void> = Promise.resolve();

  constructor(private readonly file: string) {}

  async get(key: string): Promise<StoredReference | undefined> {
    const found = (await this.load()).get(key);
    return found && structuredClone(found);
  }

  async put(key: string, reference: StoredReference): Promise<void> {
    const map = await this.load();
    if (JSON.stringify(map.get(key)) === JSON.stringify(reference)) return;
    map.set(key, structuredClone(reference));
    await this.save(map);
  }

  async delete(key: string): Promise<void> {
    const map = await this.load();
    if (map.delete(key)) await this.save(map);
  }

  async entries(): Promise<[string, StoredReference][]> {
    return [...(await this.load())].map(([key, value]) => [key, structuredClone(value)]);
  }

  private load(): Promise<Map<string, StoredReference>> {
    this.cache ??= readFile(this.file, 'utf8').then(
      (text) => new Map(Object.entries(JSON.parse(text) as Record<string, StoredReference>)),
      (error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return new Map<string, StoredReference>();
        throw error;
      },
    );
    return this.cache;
  }

  private save(map: Map<string, StoredReference>): Promise<void> {
    const snapshot = JSON.stringify(Object.fromEntries(map), null, 2);
    const next = this.writing.then(async () => {
      await mkdir(dirname(this.file), { recursive: true });
      const temporary = `${this.file}.${process.pid}.tmp`;
      await writeFile(temporary, snapshot, { mode: 0o600 });
      await rename(temporary, this.file);
    });
    // A failed write must not block the next one; the caller still sees this failure.
    this.writing = next.catch(() => undefined);
    return next;
  }
}
