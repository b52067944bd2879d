/**
 * Column conventions shared by every entity and the migrations, chosen to mean the same
 * on SQLite, PostgreSQL and MySQL:
 * - business dates `YYYY-MM-DD` and local times `HH:mm` are strings, never DATE/TIME
 *   columns that a driver would shift by the server's or the process's time zone;
 * - instants are epoch milliseconds in BIGINT: exact to the millisecond and ordered by
 *   value. pg and mysql2 hand BIGINT back as a string, so read them through `fromEpoch`;
 * - string arrays (aliases, room members, work days, holidays) are JSON in TEXT.
 */

/** Platform-qualified ids (`slack:T1:U2`), room ids, scopes, owners. */
export const ID_LENGTH = 255;
/** Job keys are `kind:date:target`, so a little longer than an id. */
export const JOB_KEY_LENGTH = 300;
/** Adapter data namespaces are short constants like `teams.references`. */
export const ADAPTER_NAMESPACE_LENGTH = 64;
export const DATE_LENGTH = 10;
export const TIME_LENGTH = 5;

/** A BIGINT as the drivers return it: a number on SQLite, a string on pg and mysql2. */
export type Epoch = number | string;

export function toEpoch(instant: string | Date): number {
  const ms = typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError(`not an ISO instant: ${String(instant)}`);
  return ms;
}

export function fromEpoch(value: Epoch): string {
  return new Date(Number(value)).toISOString();
}

export function fromEpochOrNull(value: Epoch | null): string | undefined {
  return value === null || value === undefined ? undefined : fromEpoch(value);
}
