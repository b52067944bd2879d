import type { SentRecord, TestBot } from '@kaeru/core/testing';

/** Messages of one kind, optionally to one target. */
export const sentOf = (bot: TestBot, kind: SentRecord['kind'], to?: string): SentRecord[] =>
  bot.sent.filter((s) => s.kind === kind && (to === undefined || s.to.id === to));

/** Local `YYYY-MM-DD HH:mm` of an ISO instant in a zone (to read assertions as wall time). */
export function local(at: string, zone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(new Date(at));
  const get = (type: string): string => parts.find((p) => p.type === type)!.value;
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`;
}

/** Every job of a date as `kind target status[ reason]`, sorted. */
export async function jobLines(bot: TestBot, date: string): Promise<string[]> {
  return (await bot.storage.jobs.listByDate(date)).map((j) => `${j.kind} ${j.target} ${j.status}${j.reason ? ` ${j.reason}` : ''}`).sort();
}
