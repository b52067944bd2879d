import { daysToEmpty, MINUTES_PER_DAY } from './balance';
import type { CreditMode, InstanceSpec } from './instances';

/** What kaeru's work costs, in CPU seconds (one vCPU), as measured by `npm run bench`. */
export interface CostFigures {
  /** One inbound member message: understand, store, reply (SQLite). */
  messageCpuS: number;
  /** One hearing sent by the scheduler. */
  hearingCpuS: number;
  /** One reminder sent by the scheduler. */
  reminderCpuS: number;
  /** One room's report. */
  reportCpuS: number;
  /** The engine doing nothing, per minute. */
  idleCpuSPerMinute: number;
  /** Where the figures come from, said with every projection. */
  source: string;
}

/** The day the projection assumes, per member (the issue's: 1.5 answers, a fifth reminded). */
export interface Workload {
  answersPerMember: number;
  reminderShare: number;
  searchesPerMember: number;
  /** Help and on-demand reports. */
  otherMessagesPerMember: number;
  membersPerRoom: number;
}

export const DEFAULT_WORKLOAD: Workload = { answersPerMember: 1.5, reminderShare: 0.2, searchesPerMember: 0.3, otherMessagesPerMember: 0.15, membersPerRoom: 20 };

/**
 * Reference figures, used when no bench result is at hand: measured by `node bench/run.js`
 * on the 2-core Intel Xeon bench machine (Node 20.20, SQLite file) on 2026-12-03, before
 * the hot-path fixes proposed in bench/README.md. A faster or slower CPU scales them.
 */
export const REFERENCE_COSTS: CostFigures = {
  messageCpuS: 0.0238,
  hearingCpuS: 0.0082,
  reminderCpuS: 0.0061,
  reportCpuS: 0.0752,
  idleCpuSPerMinute: 0.0635,
  source: 'reference figures measured by the kaeru bench on a 2-core Xeon, Node 20, SQLite (2026-12-03)',
};

export interface DailyCost {
  members: number;
  rooms: number;
  /** CPU seconds a day, by kind of work. */
  cpuS: { hearings: number; answers: number; reminders: number; reports: number; searches: number; other: number; idle: number; total: number };
  /** 1 credit = one vCPU for one minute. */
  creditsPerDay: number;
  source: string;
}

/** The CPU a day of an organisation of `members` costs (idle counted all day: an upper bound). */
export function projectDay(costs: CostFigures, members: number, workload: Workload = DEFAULT_WORKLOAD): DailyCost {
  const rooms = Math.max(1, Math.ceil(members / workload.membersPerRoom));
  const cpuS = {
    hearings: members * costs.hearingCpuS,
    answers: members * workload.answersPerMember * costs.messageCpuS,
    reminders: members * workload.reminderShare * costs.reminderCpuS,
    reports: rooms * costs.reportCpuS,
    searches: members * workload.searchesPerMember * costs.messageCpuS,
    other: members * workload.otherMessagesPerMember * costs.messageCpuS,
    idle: MINUTES_PER_DAY * costs.idleCpuSPerMinute,
    total: 0,
  };
  cpuS.total = cpuS.hearings + cpuS.answers + cpuS.reminders + cpuS.reports + cpuS.searches + cpuS.other + cpuS.idle;
  return { members, rooms, cpuS, creditsPerDay: cpuS.total / 60, source: costs.source };
}

export interface InstanceProjection {
  instance: string;
  mode: CreditMode;
  earnPerDay: number;
  creditsPerDay: number;
  /** The day's spend as a share of the day's earnings. */
  percentOfEarnings: number;
  /** Earned minus spent, a day (negative drains the balance). */
  netPerDay: number;
  /** From a full balance; `Infinity` when sustainable. */
  daysToEmpty: number;
  sustainable: boolean;
}

/** The day's cost against what `spec` earns. */
export function projectInstance(spec: InstanceSpec, day: DailyCost, mode: CreditMode = spec.defaultMode): InstanceProjection {
  const earn = spec.earnPerHour * 24;
  const days = daysToEmpty(spec, spec.cap, day.creditsPerDay);
  return {
    instance: spec.name,
    mode,
    earnPerDay: earn,
    creditsPerDay: day.creditsPerDay,
    percentOfEarnings: (day.creditsPerDay / earn) * 100,
    netPerDay: earn - day.creditsPerDay,
    daysToEmpty: days,
    sustainable: days === Number.POSITIVE_INFINITY,
  };
}

/** The cost figures a bench result (`bench/results/latest.json`) carries, if it has them. */
export function costsFromBench(result: unknown, label = 'bench/results/latest.json'): CostFigures | undefined {
  const costs = (result as { credits?: { costs?: Record<string, unknown> } } | undefined)?.credits?.costs;
  if (!costs) return undefined;
  const n = (key: string): number | undefined => (typeof costs[key] === 'number' && Number.isFinite(costs[key]) ? (costs[key] as number) : undefined);
  const figures = {
    messageCpuS: n('message_cpu_s'),
    hearingCpuS: n('hearing_cpu_s'),
    reminderCpuS: n('reminder_cpu_s'),
    reportCpuS: n('report_cpu_s'),
    idleCpuSPerMinute: n('idle_cpu_s_per_min'),
  };
  if (Object.values(figures).some((v) => v === undefined)) return undefined;
  const machine = (result as { machine?: { cpu_model?: string; measured_at?: string } }).machine;
  const where = machine ? ` (${machine.cpu_model ?? 'unknown CPU'}, ${machine.measured_at ?? 'undated'})` : '';
  return { ...(figures as Omit<CostFigures, 'source'>), source: `measured by the kaeru bench: ${label}${where}` };
}
