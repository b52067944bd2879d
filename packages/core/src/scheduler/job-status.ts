import type { Job, JobStatus } from '../domain/types';
import type { Storage } from '../ports/storage';

/** What `kaeru status` prints: a date's jobs counted by kind and status, and every failure with its reason. */
export interface JobStatusSummary {
  date: string;
  counts: Record<string, Partial<Record<JobStatus, number>>>;
  failed: Array<Pick<Job, 'key' | 'reason' | 'doneAt'>>;
  /** Claimed and not finished: in flight, or held by an instance that died (until its lease ends). */
  unfinished: Array<Pick<Job, 'key' | 'owner' | 'leaseUntil'>>;
}

export async function jobStatus(storage: Storage, date: string): Promise<JobStatusSummary> {
  const jobs = await storage.jobs.listByDate(date);
  const counts: JobStatusSummary['counts'] = {};
  for (const job of jobs) {
    const byStatus = (counts[job.kind] ??= {});
    byStatus[job.status] = (byStatus[job.status] ?? 0) + 1;
  }
  return {
    date,
    counts,
    failed: jobs.filter((j) => j.status === 'failed').map((j) => ({ key: j.key, reason: j.reason, doneAt: j.doneAt })),
    unfinished: jobs.filter((j) => j.status === 'claimed').map((j) => ({ key: j.key, owner: j.owner, leaseUntil: j.leaseUntil })),
  };
}

/** The summary as lines of text. */
export function formatJobStatus(summary: JobStatusSummary): string[] {
  const lines = [`jobs of ${summary.date}:`];
  const kinds = Object.keys(summary.counts).sort();
  if (kinds.length === 0) lines.push('  none');
  for (const kind of kinds)
    lines.push(`  ${kind}: ${Object.entries(summary.counts[kind]).map(([status, n]) => `${n} ${status}`).join(', ')}`);
  if (summary.failed.length) lines.push('failed:', ...summary.failed.map((f) => `  ${f.key}: ${f.reason ?? '(no reason)'}`));
  if (summary.unfinished.length) lines.push('unfinished:', ...summary.unfinished.map((u) => `  ${u.key} (held by ${u.owner ?? '?'} until ${u.leaseUntil ?? '?'})`));
  return lines;
}
