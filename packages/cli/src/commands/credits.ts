import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Command, Option } from 'commander';
import {
  costsFromBench,
  DEFAULT_WORKLOAD,
  instanceSpec,
  INSTANCES,
  projectDay,
  projectInstance,
  REFERENCE_COSTS,
  type CostFigures,
  type CreditMode,
} from '@kaeru/core';
import { EXIT, processIo, reportError, type CliIo } from '../cli-io';

export interface CreditsOptions {
  instance: string;
  members?: string;
  mode?: CreditMode;
  /** A bench result; else `bench/results/latest.json` here or in the kaeru checkout, else reference figures. */
  bench?: string;
  json?: boolean;
}

/** Where a bench result may be: given, in the working directory, or in the monorepo this CLI was built in. */
function findBench(options: CreditsOptions, io: CliIo): string | undefined {
  if (options.bench) return resolve(io.cwd, options.bench);
  const candidates = [join(io.cwd, 'bench/results/latest.json'), resolve(__dirname, '../../../../bench/results/latest.json')];
  return candidates.find((file) => existsSync(file));
}

function loadCosts(options: CreditsOptions, io: CliIo): CostFigures {
  const file = findBench(options, io);
  if (!file) return REFERENCE_COSTS;
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    // A named file that cannot be read is the user's mistake; say so instead of guessing.
    if (options.bench) throw new Error(`cannot read the bench result ${file}: ${error instanceof Error ? error.message : String(error)}`);
    return REFERENCE_COSTS;
  }
  return costsFromBench(parsed, file) ?? REFERENCE_COSTS;
}

const s = (n: number): string => (n >= 10 ? n.toFixed(0) : n.toFixed(1));

/** `kaeru credits`: the projected CPU credits a day of an organisation on a burstable instance. */
export function runCredits(options: CreditsOptions, io: CliIo): number {
  try {
    const spec = instanceSpec(options.instance, '--instance');
    const members = Number(options.members ?? 1000);
    if (!Number.isInteger(members) || members < 1) {
      io.stderr.write(`[kaeru] --members: "${options.members}" is not a number of members. Fix: give a whole number, e.g. --members 1000\n`);
      return EXIT.config;
    }
    const costs = loadCosts(options, io);
    const day = projectDay(costs, members);
    const p = projectInstance(spec, day, options.mode ?? spec.defaultMode);
    if (options.json) {
      io.stdout.write(`${JSON.stringify({ workload: DEFAULT_WORKLOAD, costs, day, projection: { ...p, daysToEmpty: p.sustainable ? null : p.daysToEmpty } }, null, 2)}\n`);
      return EXIT.ok;
    }
    const c = day.cpuS;
    const lines = [
      `kaeru on a ${spec.name} (${p.mode} mode): ${members.toLocaleString('en')} members in ${day.rooms.toLocaleString('en')} rooms`,
      `  costs: ${costs.source}`,
      `  a day: hearings ${s(c.hearings)} s, answers ${s(c.answers)} s, reminders ${s(c.reminders)} s, reports ${s(c.reports)} s, searches ${s(c.searches)} s, help/report ${s(c.other)} s, idle ${s(c.idle)} s`,
      `       = ${s(c.total)} CPU-seconds = ${day.creditsPerDay.toFixed(2)} credits (1 credit = one vCPU for one minute)`,
      `  a ${spec.name} earns ${p.earnPerDay} credits a day: this uses ${p.percentOfEarnings.toFixed(2)}% of it.`,
      p.sustainable
        ? `  sustainable: the balance stays at its cap of ${spec.cap}.`
        : `  NOT sustainable: a full balance of ${spec.cap} lasts ${p.daysToEmpty.toFixed(1)} days, then ${p.mode === 'standard' ? `the instance is held to its ${spec.baselinePercent}% baseline` : 'surplus credits are billed'}.`,
    ];
    io.stdout.write(`${lines.join('\n')}\n`);
    return EXIT.ok;
  } catch (error) {
    return reportError(error, io);
  }
}

/** Adds `kaeru credits --instance <type> [--members N]` to the program. */
export function registerCreditsCommand(program: Command, io: CliIo = processIo(), onExit: (code: number) => void = (code) => void (process.exitCode = code)): Command {
  return program
    .command('credits')
    .description('project the CPU credits a day kaeru spends on a burstable instance, from the benchmark\'s measured costs')
    .requiredOption('--instance <type>', `instance type: ${Object.keys(INSTANCES).join(', ')}`)
    .option('--members <n>', 'members in the organisation', '1000')
    .addOption(new Option('--mode <mode>', 'credit mode (default: the type\'s own)').choices(['standard', 'unlimited']))
    .option('--bench <file>', 'a bench result (default: bench/results/latest.json if present, else reference figures)')
    .option('--json', 'print the projection as JSON')
    .action((options: CreditsOptions) => onExit(runCredits(options, io)));
}
