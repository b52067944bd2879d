/**
 * Runs tasks one at a time, in call order. Backends that have one logical connection
 * (the in-memory store, one sqlite3 handle) use it so that a transaction never sees,
 * or rolls back, another caller's writes.
 */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task);
    // The queue must move on whether the task failed or not; the caller gets the failure.
    this.tail = result.catch(() => undefined);
    return result;
  }
}
