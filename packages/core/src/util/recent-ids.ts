/**
 * A bounded set of recently seen event ids, oldest forgotten first, for adapters. It only spares
 * the engine the obvious redeliveries of this process; durable dedup across restarts
 * and instances is core's (`storage.inbound`).
 */
export class RecentIds {
  private readonly seen = new Map<string, true>();

  constructor(private readonly capacity = 2000) {}

  /** Records `id`; `false` when it was already there (a redelivery). */
  remember(id: string): boolean {
    if (this.seen.has(id)) {
      // Refresh its place so a burst of retries keeps it.
      this.seen.delete(id);
      this.seen.set(id, true);
      return false;
    }
    this.seen.set(id, true);
    if (this.seen.size > this.capacity) this.seen.delete(this.seen.keys().next().value as string);
    return true;
  }

  get size(): number {
    return this.seen.size;
  }
}
