import { ConfigError } from '../errors';

export type CreditMode = 'standard' | 'unlimited';

/** A burstable instance type: how fast it earns CPU credits and how many it can bank. */
export interface InstanceSpec {
  name: string;
  /** Who sells it, for messages. */
  provider: 'aws' | 'azure';
  vcpus: number;
  /** Baseline utilisation per vCPU, in percent, that the earn rate pays for. */
  baselinePercent: number;
  /** Credits earned per hour (1 credit = one vCPU at 100% for one minute). */
  earnPerHour: number;
  /** Most credits the balance can hold (AWS: 24 hours of earnings). */
  cap: number;
  /** The mode a new instance of this type gets by default. */
  defaultMode: CreditMode;
  /** Whether the provider offers unlimited mode (surplus credits, billed) for it. */
  unlimited: boolean;
}

/**
 * Published figures: AWS "Burstable performance instances" credit table (t2/t3/t4g) and
 * Azure's B-series table (B1s banks 6 credits an hour, up to 144, at a 10% baseline).
 */
export const INSTANCES: Readonly<Record<string, InstanceSpec>> = {
  't2.micro': { name: 't2.micro', provider: 'aws', vcpus: 1, baselinePercent: 10, earnPerHour: 6, cap: 144, defaultMode: 'standard', unlimited: true },
  't2.small': { name: 't2.small', provider: 'aws', vcpus: 1, baselinePercent: 20, earnPerHour: 12, cap: 288, defaultMode: 'standard', unlimited: true },
  't3.micro': { name: 't3.micro', provider: 'aws', vcpus: 2, baselinePercent: 10, earnPerHour: 12, cap: 288, defaultMode: 'unlimited', unlimited: true },
  't3.small': { name: 't3.small', provider: 'aws', vcpus: 2, baselinePercent: 20, earnPerHour: 24, cap: 576, defaultMode: 'unlimited', unlimited: true },
  't4g.micro': { name: 't4g.micro', provider: 'aws', vcpus: 2, baselinePercent: 10, earnPerHour: 12, cap: 288, defaultMode: 'unlimited', unlimited: true },
  B1s: { name: 'B1s', provider: 'azure', vcpus: 1, baselinePercent: 10, earnPerHour: 6, cap: 144, defaultMode: 'standard', unlimited: false },
};

/** Azure writes its sizes `Standard_B1s`; both spellings, any case, name the same entry. */
function canonical(name: string): string {
  return name.trim().toLowerCase().replace(/^standard_/, '');
}

/**
 * The spec of an instance type; an unknown name throws a `ConfigError` naming the
 * `setting` (default `instance`) and listing the valid names.
 */
export function instanceSpec(name: string, setting = 'instance'): InstanceSpec {
  const wanted = canonical(String(name ?? ''));
  const found = Object.values(INSTANCES).find((spec) => canonical(spec.name) === wanted);
  if (!found) throw new ConfigError(setting, `"${String(name)}" is not a known instance type`, `use one of ${Object.keys(INSTANCES).join(', ')}`);
  return found;
}

/** Credits a day the instance earns. */
export function earnPerDay(spec: InstanceSpec): number {
  return spec.earnPerHour * 24;
}
