import { randomBytes } from 'node:crypto';
import { createInterface, type Interface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { AdapterCapabilities, Button, ChatAdapter, Incoming, IncomingSink, Outgoing, SentMessage, Target } from '@kaeru/core';
import { findByIdOrName, parseConsoleLine, type Named } from './console-line';
import { CONSOLE_MESSAGES, type ConsoleLocale, type ConsoleMessages } from './console-messages';
import { localParts, parseTimeArgument } from './local-time';
import { labelOf, renderMessage } from './render';

/** A clock the console may move: present only when the bot runs on a virtual clock. */
export interface ConsoleClock {
  now(): Date;
  advanceTo(target: Date): Promise<void>;
}

export interface ConsoleAdapterConfig {
  /** Where lines come from: a terminal (interactive) or a pipe (a script). */
  input: Readable;
  /** Where the transcript goes. */
  output: Writable;
  /** Who can be spoken as; the first one speaks until `/as`. */
  members: Named[];
  /** Where `/in` can go. */
  rooms: Named[];
  /** The bot's virtual clock, to let `/time` move it; leave out with a real clock. */
  clock?: ConsoleClock;
  /** IANA zone `/time HH:mm` is read in and the clock is shown in. */
  timeZone: string;
  /** Language of the console's own lines (not the bot's); `ja` by default. */
  locale?: ConsoleLocale;
  /**
   * Lines wait for this before the first turn. `createBot().start()` starts adapters
   * before it arms the scheduler; a piped `/time 09:00` must not run in between.
   */
  inputReady?: PromiseLike<unknown>;
  /** Extra lines printed under the first one (where the data lives, which config is used). */
  notes?: string[];
  /** Echo each typed line as `山田 洋子> …`; by default only when input is not a terminal. */
  echo?: boolean;
}

const isTerminal = (stream: Readable | Writable): boolean => (stream as { isTTY?: boolean }).isTTY === true;

/**
 * The bot in a terminal. Each line is one turn, handled strictly in order (the next
 * line waits until the bot has answered the last), so a piped script gives the same
 * transcript as typing. `closed` resolves once input ended (or `/quit`) and every
 * pending turn is done.
 */
export class ConsoleAdapter implements ChatAdapter {
  readonly name = 'console';
  readonly capabilities: AdapterCapabilities = { buttons: true, directMessages: true, editMessages: true, userDirectory: false };
  /** Resolves when the console is done: end of input or `/quit`, after the last turn. */
  readonly closed: Promise<void>;

  private readonly messages: ConsoleMessages;
  private readonly echo: boolean;
  private readonly interactive: boolean;
  /** Event ids must stay unique across runs: the engine remembers them in storage. */
  private readonly runId = randomBytes(8).toString('hex');
  private markClosed!: () => void;
  private sink?: IncomingSink;
  private lines?: Interface;
  /** The chain of turns: each line runs after the previous one settled. */
  private turns: Promise<void> = Promise.resolve();
  private speaker: Named | undefined;
  private room: Named | undefined;
  /** Last buttons shown per conversation (`member:<id>` or `room:<id>`). */
  private readonly lastButtons = new Map<string, Button[]>();
  private lineSeq = 0;
  private sentSeq = 0;
  /** `/quit` or `stop()`: lines after it are dropped. */
  private quitting = false;
  /** A turn is running: its own prompt follows it, timers must not redraw one. */
  private busy = false;

  constructor(private readonly config: ConsoleAdapterConfig) {
    this.messages = CONSOLE_MESSAGES[config.locale ?? 'ja'];
    this.interactive = isTerminal(config.input) && isTerminal(config.output);
    this.echo = config.echo ?? !isTerminal(config.input);
    this.speaker = config.members[0];
    this.closed = new Promise((resolve) => (this.markClosed = resolve));
  }

  async start(sink: IncomingSink): Promise<void> {
    this.sink = sink;
    this.print(this.messages.banner(this.config.members, this.config.rooms, this.config.clock !== undefined));
    for (const note of this.config.notes ?? []) this.print(`-- ${note}`);
    if (this.config.clock) this.print(this.messages.clockAt(this.describeNow()));
    if (this.speaker) this.print(this.messages.speakingFirst(this.speaker));
    if (this.config.inputReady) {
      this.busy = true;
      // A failed start is reported by whoever awaited it; the console then reads nothing.
      this.turns = Promise.resolve(this.config.inputReady).then(
        () => void (this.busy = false),
        () => void (this.quitting = true),
      );
    }
    this.lines = createInterface({
      input: this.config.input,
      // Only a terminal gets readline's echo and prompt; a pipe is echoed by us, labelled.
      output: this.interactive ? this.config.output : undefined,
      terminal: this.interactive,
    });
    this.lines.on('line', (line) => {
      this.turns = this.turns.then(() => (this.quitting ? undefined : this.turn(line)));
    });
    // Ctrl+C in a terminal is /quit, not a paused prompt.
    this.lines.on('SIGINT', () => this.lines?.close());
    // End of input: lines already read still run, in order, before `closed` resolves.
    this.lines.on('close', () => {
      void this.turns.then(() => this.markClosed());
    });
    void this.turns.then(() => this.prompt());
  }

  async stop(): Promise<void> {
    this.quitting = true;
    this.lines?.close();
    await this.turns;
    this.markClosed();
  }

  async send(target: Target, message: Outgoing): Promise<SentMessage> {
    const key = `${target.kind}:${target.id}`;
    if (message.buttons?.length) this.lastButtons.set(key, message.buttons);
    this.print(renderMessage(labelOf(target, this.nameOf(target)), message));
    return { ref: `console:${this.runId}:m${++this.sentSeq}` };
  }

  async edit(target: Target, _ref: string, message: Outgoing): Promise<void> {
    if (message.buttons?.length) this.lastButtons.set(`${target.kind}:${target.id}`, message.buttons);
    this.print(renderMessage(labelOf(target, this.nameOf(target)), message, true));
  }

  /** One typed line; never throws, so one bad turn cannot stop the script. */
  private async turn(raw: string): Promise<void> {
    this.busy = true;
    try {
      const line = parseConsoleLine(raw);
      switch (line.kind) {
        case 'empty':
          break;
        case 'unknown-command':
          this.print(this.messages.unknownCommand(line.name));
          break;
        case 'command':
          await this.command(line.command, line.arg);
          break;
        case 'number': {
          const view = this.buttonsInView();
          const button = view?.buttons[line.n - 1];
          // A number with no such button is plain text: 「18」 may well mean 18時.
          if (view && button) await this.say({ action: button.value }, `[${line.n}] ${button.label}`, view.room);
          else await this.say({ text: line.text }, line.text, this.room);
          break;
        }
        case 'text':
          await this.say({ text: line.text }, line.text, this.room);
          break;
      }
    } catch (error) {
      this.print(this.messages.failed(error instanceof Error ? error.message : String(error)));
    }
    this.busy = false;
    this.prompt();
  }

  private async command(command: string, arg: string): Promise<void> {
    switch (command) {
      case 'as': {
        const member = this.pick(this.config.members, arg, this.messages.unknownMember);
        if (!member) return;
        this.speaker = member;
        this.room = undefined;
        this.print(this.messages.speakingAs(member));
        return;
      }
      case 'in': {
        const room = this.pick(this.config.rooms, arg, this.messages.unknownRoom);
        if (!room) return;
        this.room = room;
        if (this.speaker) this.print(this.messages.speakingAs(this.speaker, room));
        return;
      }
      case 'dm':
        this.room = undefined;
        if (this.speaker) this.print(this.messages.speakingAs(this.speaker));
        return;
      case 'time':
        return this.moveClock(arg);
      case 'help':
        this.print(this.messages.help(this.config.clock !== undefined));
        return;
      case 'quit':
        this.print(this.messages.bye);
        this.quitting = true;
        this.lines?.close();
        return;
    }
  }

  private async moveClock(arg: string): Promise<void> {
    const clock = this.config.clock;
    if (!clock) return this.print(this.messages.realClock);
    if (arg.trim() === '') return this.print(this.messages.clockAt(this.describeNow()));
    const target = parseTimeArgument(arg, clock.now(), this.config.timeZone);
    if (!target) return this.print(this.messages.badTime(arg));
    if (target.getTime() < clock.now().getTime()) return this.print(this.messages.timeGoesBack(this.describeNow()));
    // Said before moving, so the messages due on the way read as happening at that time.
    this.print(this.messages.clockAt(this.describe(target)));
    await clock.advanceTo(target);
  }

  /** Hands one line to the bot as the current member, in the current room or DM. */
  private async say(content: { text?: string; action?: string }, shown: string, room: Named | undefined): Promise<void> {
    const speaker = this.speaker;
    if (!speaker || !this.sink) return;
    if (this.echo) this.print(`${room ? `[#${room.name}] ` : ''}${speaker.name}> ${shown}`);
    const incoming: Incoming = {
      eventId: `console:${this.runId}:${++this.lineSeq}`,
      adapter: this.name,
      memberId: speaker.id,
      roomId: room?.id,
      ...content,
      receivedAt: this.config.clock?.now() ?? new Date(),
    };
    // Replies are printed by `send` as the engine sends them; the result adds nothing.
    await this.sink(incoming);
  }

  /**
   * The buttons a number clicks: the room's when it has some, else the member's last
   * DM buttons (a hearing answered while looking at the room); with where they were shown.
   */
  private buttonsInView(): { buttons: Button[]; room?: Named } | undefined {
    if (!this.speaker) return undefined;
    const inRoom = this.room && this.lastButtons.get(`room:${this.room.id}`);
    if (inRoom) return { buttons: inRoom, room: this.room };
    const dm = this.lastButtons.get(`member:${this.speaker.id}`);
    return dm && { buttons: dm, room: undefined };
  }

  private pick<T extends Named>(items: readonly T[], query: string, notFound: (q: string, all: readonly T[]) => string): T | undefined {
    const found = findByIdOrName(items, query);
    if (Array.isArray(found)) this.print(this.messages.ambiguous(query, found));
    else if (!found) this.print(notFound(query, items));
    return Array.isArray(found) ? undefined : found;
  }

  private nameOf(target: Target): string {
    if (target.name) return target.name;
    const known = target.kind === 'member' ? this.config.members : this.config.rooms;
    return known.find((item) => item.id === target.id)?.name ?? target.id;
  }

  private describeNow(): string {
    return this.describe(this.config.clock?.now() ?? new Date());
  }

  /** `2026-12-07 (Mon) 09:00 Asia/Tokyo`, in the console's zone. */
  private describe(instant: Date): string {
    const { date, time, weekday } = localParts(instant, this.config.timeZone);
    const names = this.config.locale === 'en' ? ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] : ['月', '火', '水', '木', '金', '土', '日'];
    return `${date} (${names[weekday - 1]}) ${time} ${this.config.timeZone}`;
  }

  private prompt(): void {
    if (!this.interactive || this.quitting || !this.lines) return;
    this.lines.setPrompt(this.speaker ? `${this.room ? `#${this.room.name} ` : ''}${this.speaker.name}> ` : '> ');
    this.lines.prompt();
  }

  /** Writes whole lines; on a terminal a message from a timer clears and redraws the prompt. */
  private print(text: string): void {
    if (this.interactive) this.config.output.write('\r\x1b[K');
    this.config.output.write(`${text}\n`);
    if (this.interactive && !this.busy) this.prompt();
  }
}

/** The console adapter: `createBot({ adapters: [createConsoleAdapter({ input: process.stdin, ... })] })`. */
export function createConsoleAdapter(config: ConsoleAdapterConfig): ConsoleAdapter {
  return new ConsoleAdapter(config);
}
