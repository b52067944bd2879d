import { randomUUID } from 'node:crypto';
import { type Job, type JobClaim, type JobRepository, KaeruError } from '@kaeru/core';
import { In } from 'typeorm';
import { fromEpoch, fromEpochOrNull, toEpoch } from '../entities/columns';
import { JobEntity } from '../entities/job';
import { type Session, chunks, execute, insertIgnore } from '../session';

function toJob(row: JobEntity): Job {
  const job: Job = {
    key: row.key,
    kind: row.kind as Job['kind'],
    date: row.date,
    target: row.target,
    dueAt: fromEpoch(row.dueAt),
    status: row.status as Job['status'],
  };
  if (row.owner !== null) job.owner = row.owner;
  const leaseUntil = fromEpochOrNull(row.leaseUntil);
  if (leaseUntil) job.leaseUntil = leaseUntil;
  if (row.reason !== null) job.reason = row.reason;
  if (row.ref !== null) job.ref = row.ref;
  const doneAt = fromEpochOrNull(row.doneAt);
  if (doneAt) job.doneAt = doneAt;
  return job;
}

/** The first claim of each key, in key order: a stable lock order keeps two batches from deadlocking. */
function distinctSorted(jobs: JobClaim[]): JobClaim[] {
  const first = new Map<string, JobClaim>();
  for (const job of jobs) if (!first.has(job.key)) first.set(job.key, job);
  return [...first.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

export function jobRepository(session: Session, source: string): JobRepository {
  return {
    /**
     * Per chunk of keys, three statements whatever the chunk size: take over expired
     * claims (a conditional UPDATE, so of two claimers only the first matches), insert the
     * new ones ignoring conflicts, then read back the keys stamped with this call's token.
     */
    claim: async (jobs, owner, now, leaseMs) => {
      const batch = distinctSorted(jobs);
      if (batch.length === 0) return [];
      const token = randomUUID();
      const nowMs = now.getTime();
      const leaseUntil = nowMs + leaseMs;
      return session.run(async (m) => {
        const won: string[] = [];
        for (const chunk of chunks(batch)) {
          const keys = chunk.map((job) => job.key);
          await m
            .createQueryBuilder()
            .update(JobEntity)
            .set({ owner, leaseUntil, claimToken: token })
            .where({ key: In(keys) })
            .andWhere('status = :claimed AND lease_until < :now', { claimed: 'claimed', now: nowMs })
            .execute();
          await insertIgnore(
            m,
            JobEntity,
            chunk.map((job) => ({
              key: job.key,
              kind: job.kind,
              date: job.date,
              target: job.target,
              dueAt: toEpoch(job.dueAt),
              status: 'claimed',
              owner,
              leaseUntil,
              claimToken: token,
              reason: null,
              ref: null,
              doneAt: null,
            })),
          );
          const mine = await m.find(JobEntity, { select: { key: true }, where: { key: In(keys), claimToken: token } });
          won.push(...mine.map((row) => row.key));
        }
        return won;
      }, true);
    },
    complete: (key, outcome, now) =>
      session.run(async (m) => {
        // One plain statement: this runs once per message of a fan-out, and the query
        // builder cost more CPU than the database did.
        const $ = m.connection.options.type === 'postgres' ? (i: number) => `$${i}` : () => '?';
        const affected = await execute(
          m,
          `UPDATE kaeru_job SET status = ${$(1)}, reason = ${$(2)}, ref = ${$(3)}, done_at = ${$(4)} WHERE job_key = ${$(5)}`,
          [outcome.status, outcome.reason ?? null, outcome.ref ?? null, now.getTime(), key],
        );
        // MySQL counts changed rows, not matched ones: 0 may mean "already exactly so".
        if (!affected && !(await m.existsBy(JobEntity, { key }))) {
          throw new KaeruError('storage_failed', `job ${key} was never claimed`, source, { key });
        }
      }),
    release: (owner) =>
      session.run(async (m) => void (await m.delete(JobEntity, { owner, status: 'claimed' }))),
    get: (key) =>
      session.run(async (m) => {
        const row = await m.findOneBy(JobEntity, { key });
        return row ? toJob(row) : undefined;
      }),
    listByDate: (date) =>
      session.run(async (m) =>
        (await m.findBy(JobEntity, { date }))
          .map(toJob)
          .sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)),
      ),
  };
}
