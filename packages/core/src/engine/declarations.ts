import { inject, injectable } from 'inversify';
import type { Declaration, DeclarationValue } from '../domain/types';
import type { Storage } from '../ports/storage';
import type { Metrics } from '../ports/metrics';
import { sameValue } from '../i18n/format';
import { ReportService } from '../report/report-service';
import { TOKENS } from '../tokens';

/** What a change did: the value before and after (either may be absent). */
export interface DeclarationResult {
  date: string;
  before?: DeclarationValue;
  after?: DeclarationValue;
  changed: boolean;
}

/** Stores declarations with their history, and tells the reports about changes. */
@injectable()
export class DeclarationService {
  constructor(
    @inject(TOKENS.Storage) private readonly storage: Storage,
    @inject(ReportService) private readonly reports: ReportService,
    @inject(TOKENS.Metrics) private readonly metrics: Metrics,
  ) {}

  get(memberId: string, date: string): Promise<Declaration | undefined> {
    return this.storage.declarations.get(memberId, date);
  }

  /** The declarations of `memberIds` for one date, in one storage call. */
  listByDate(date: string, memberIds: string[]): Promise<Declaration[]> {
    return this.storage.declarations.listByDate(date, memberIds);
  }

  /** Sets (or clears, with `value` undefined) one member's declaration on each date, atomically. */
  async set(member: { id: string; name: string }, dates: string[], value: DeclarationValue | undefined, now: Date, source: string): Promise<DeclarationResult[]> {
    const at = now.toISOString();
    const results = await this.storage.transaction(async (tx) => {
      const out: DeclarationResult[] = [];
      for (const date of dates) {
        const current = await tx.declarations.get(member.id, date);
        const before = current ? toValue(current) : undefined;
        if (sameValue(before, value)) {
          out.push({ date, before, after: value, changed: false });
          continue;
        }
        const declaration: Declaration | undefined = value ? { ...clean(value), memberId: member.id, date, updatedAt: at } : undefined;
        await tx.declarations.apply(member.id, date, declaration, { memberId: member.id, date, at, before, after: value && clean(value), source });
        out.push({ date, before, after: value, changed: true });
      }
      return out;
    });
    for (const r of results.filter((x) => x.changed)) {
      this.metrics.increment('kaeru_declarations_total', { kind: r.after ? (r.before ? 'changed' : 'new') : 'cancelled' });
      await this.reports.onDeclarationChanged(member.id, member.name, r.date, r.before, r.after);
    }
    return results;
  }
}

export function toValue(d: DeclarationValue): DeclarationValue {
  return clean({ state: d.state, time: d.time, approx: d.approx, range: d.range, lateNight: d.lateNight });
}

/** Drops absent and false flags so stored values compare and print the same everywhere. */
function clean(v: DeclarationValue): DeclarationValue {
  const out: DeclarationValue = { state: v.state };
  if (v.time) out.time = v.time;
  if (v.approx) out.approx = true;
  if (v.range) out.range = { from: v.range.from, to: v.range.to };
  if (v.lateNight) out.lateNight = true;
  return out;
}
