// Until core's index re-exports it, the credits API is imported from its folder.
import { costsFromBench, daysToEmpty, instanceSpec, INSTANCES, projectDay, projectInstance, REFERENCE_COSTS, stepBalance, type CostFigures } from '../../packages/core/src/credits';

const COSTS: CostFigures = { messageCpuS: 0.01, hearingCpuS: 0.002, reminderCpuS: 0.003, reportCpuS: 0.05, idleCpuSPerMinute: 0.01, source: 'test' };

describe('credit projection', () => {
  it('adds up a day: one hearing, 1.5 answers, a fifth reminded, the reports, searches and idle time', () => {
    const day = projectDay(COSTS, 1000);
    expect(day.rooms).toBe(50);
    expect(day.cpuS.hearings).toBeCloseTo(2, 10);
    expect(day.cpuS.answers).toBeCloseTo(15, 10);
    expect(day.cpuS.reminders).toBeCloseTo(0.6, 10);
    expect(day.cpuS.reports).toBeCloseTo(2.5, 10);
    expect(day.cpuS.searches).toBeCloseTo(3, 10);
    expect(day.cpuS.other).toBeCloseTo(1.5, 10);
    expect(day.cpuS.idle).toBeCloseTo(14.4, 10);
    expect(day.cpuS.total).toBeCloseTo(39, 10);
    expect(day.creditsPerDay).toBeCloseTo(0.65, 10);
  });

  it('compares the day with what an instance earns', () => {
    const p = projectInstance(instanceSpec('t2.micro'), projectDay(COSTS, 1000));
    expect(p.earnPerDay).toBe(144);
    expect(p.percentOfEarnings).toBeCloseTo((0.65 / 144) * 100, 10);
    expect(p.sustainable).toBe(true);
    expect(p.daysToEmpty).toBe(Number.POSITIVE_INFINITY);
    expect(projectInstance(instanceSpec('t3.micro'), projectDay(COSTS, 1000)).earnPerDay).toBe(288);
  });

  it('says how many days a full balance lasts when the day costs more than it earns', () => {
    const heavy = { ...COSTS, idleCpuSPerMinute: 9 }; // 15% of a vCPU all day: 216 credits
    const p = projectInstance(instanceSpec('t2.micro'), projectDay(heavy, 100));
    expect(p.sustainable).toBe(false);
    expect(p.netPerDay).toBeLessThan(0);
    expect(p.daysToEmpty).toBeCloseTo(144 / -p.netPerDay, 10);
  });

  it('reads the cost figures of a bench result, and nothing from an incomplete one', () => {
    const result = {
      machine: { cpu_model: 'Xeon', measured_at: '2026-12-03T00:00:00Z' },
      credits: { costs: { message_cpu_s: 0.01, hearing_cpu_s: 0.002, reminder_cpu_s: 0.003, report_cpu_s: 0.05, idle_cpu_s_per_min: 0.01 } },
    };
    expect(costsFromBench(result)).toMatchObject({ messageCpuS: 0.01, reportCpuS: 0.05, idleCpuSPerMinute: 0.01 });
    expect(costsFromBench(result)?.source).toContain('Xeon');
    expect(costsFromBench({ credits: { costs: { message_cpu_s: 0.01 } } })).toBeUndefined();
    expect(costsFromBench(undefined)).toBeUndefined();
  });

  it('has reference figures that say where they come from', () => {
    expect(REFERENCE_COSTS.source).toMatch(/reference/);
    for (const v of [REFERENCE_COSTS.messageCpuS, REFERENCE_COSTS.hearingCpuS, REFERENCE_COSTS.reportCpuS, REFERENCE_COSTS.idleCpuSPerMinute]) expect(v).toBeGreaterThan(0);
  });

  it('keeps every instance cap at 24 hours of earnings', () => {
    for (const spec of Object.values(INSTANCES)) expect(spec.cap).toBe(spec.earnPerHour * 24);
  });

  it('steps a balance exactly as minute-by-minute accounting would with an even load', () => {
    const spec = instanceSpec('t2.small');
    let minuteByMinute = { balance: 100, throttled: false };
    for (let i = 0; i < 90; i++) minuteByMinute = stepBalance(spec, 'standard', minuteByMinute, 1, 15);
    expect(stepBalance(spec, 'standard', { balance: 100, throttled: false }, 90, 90 * 15).balance).toBeCloseTo(minuteByMinute.balance, 9);
    expect(daysToEmpty(spec, 100, spec.earnPerHour * 24)).toBe(Number.POSITIVE_INFINITY);
  });
});
