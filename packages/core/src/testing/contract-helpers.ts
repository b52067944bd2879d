import type { JobKind } from '../domain/types';
import { jobKey } from '../domain/types';
import type { JobClaim } from '../ports/storage';

/** Helpers shared by the parts of the storage contract (not part of the public test kit). */

export const claim = (kind: JobKind, date: string, target: string, dueAt = `${date}T00:00:00.000Z`): JobClaim => ({
  key: jobKey(kind, date, target),
  kind,
  date,
  target,
  dueAt,
});

export const ms = (iso: string | undefined): number => Date.parse(iso ?? 'missing');
export const T0 = new Date('2026-12-07T00:00:00.000Z');
export const at = (offsetMs: number): Date => new Date(T0.getTime() + offsetMs);
export const MINUTE = 60_000;
