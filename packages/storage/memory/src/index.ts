/**
 * `@kaeru/storage-memory`: the in-memory backend, for tests and trials.
 *
 * The implementation lives in `@kaeru/core` because core's test kit (`createTestBot`)
 * runs on it by default and core may depend on no storage package. This package is the
 * name integrators pick a backend by (`@kaeru/storage-<backend>`), so it only re-exports.
 *
 * ```ts
 * import { createMemoryStorage } from '@kaeru/storage-memory';
 * const storage = createMemoryStorage();
 * ```
 */
export { MemoryStorage, createMemoryStorage } from '@kaeru/core';
