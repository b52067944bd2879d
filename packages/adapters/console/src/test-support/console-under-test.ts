import { PassThrough } from 'node:stream';
import type { Incoming, Outgoing } from '@kaeru/core';
import { createConsoleAdapter, type ConsoleAdapter, type ConsoleAdapterConfig, type ConsoleClock } from '../console-adapter';

/** Test-only: a console on in-memory streams with a fake engine behind it. */

export const MEMBERS = [
  { id: 'yamada', name: '山田 洋子' },
  { id: 'tanaka', name: '田中 健' },
  { id: 'ken', name: 'Ken Smith' },
];
export const ROOMS = [{ id: 'sales', name: '営業部' }];

/** A clock the test moves by hand; records where `/time` sent it. */
export class FakeClock implements ConsoleClock {
  readonly moves: string[] = [];
  onAdvance?: (to: Date) => Promise<void>;
  constructor(private current: Date) {}
  now(): Date {
    return new Date(this.current);
  }
  async advanceTo(target: Date): Promise<void> {
    this.moves.push(target.toISOString());
    await this.onAdvance?.(target);
    this.current = target;
  }
}

export type FakeEngine = (incoming: Incoming, adapter: ConsoleAdapter) => Promise<Outgoing[]>;

/** Replies `got <text or action>` where it was written, like the engine would. */
export const echoEngine: FakeEngine = async (incoming, adapter) => {
  const reply: Outgoing = { kind: 'reply', text: `got ${incoming.text ?? `action ${incoming.action}`}`, locale: 'ja' };
  await adapter.send(incoming.roomId ? { kind: 'room', id: incoming.roomId } : { kind: 'member', id: incoming.memberId }, reply);
  return [reply];
};

export interface ConsoleUnderTest {
  adapter: ConsoleAdapter;
  received: Incoming[];
  /** Everything written so far. */
  output(): string;
  /** Pipes the lines in, ends input, waits until the console closed. */
  run(lines: string[]): Promise<string>;
}

export async function startConsole(overrides: Partial<ConsoleAdapterConfig> = {}, engine: FakeEngine = echoEngine): Promise<ConsoleUnderTest> {
  const input = new PassThrough();
  const output = new PassThrough();
  let written = '';
  output.on('data', (chunk: Buffer) => (written += chunk.toString('utf8')));
  const received: Incoming[] = [];
  const adapter = createConsoleAdapter({ input, output, members: MEMBERS, rooms: ROOMS, timeZone: 'Asia/Tokyo', locale: 'en', ...overrides });
  await adapter.start(async (incoming) => {
    received.push(incoming);
    return engine(incoming, adapter);
  });
  return {
    adapter,
    received,
    output: () => written,
    run: async (lines) => {
      input.end(lines.map((line) => `${line}\n`).join(''));
      await adapter.closed;
      return written;
    },
  };
}
