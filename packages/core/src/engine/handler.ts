import type { Locale, Member, Room } from '../domain/types';
import type { Understanding } from '../language/types';
import type { Button, Incoming } from '../ports/chat-adapter';

/** One inbound message on its way through the engine. */
export interface Turn {
  incoming: Incoming;
  member: Member;
  /** The room written in; `undefined` in a direct message. */
  room?: Room;
  /** The member's rooms. */
  rooms: Room[];
  locale: Locale;
  timeZone: string;
  /** The member's business date today. */
  today: string;
  now: Date;
  /** The normalised text (NFKC, trimmed); empty for a click. */
  text: string;
  understanding: Understanding;
}

/** A reply a handler produces; the engine addresses and sends it. */
export interface Reply {
  text: string;
  buttons?: Button[];
}

/** One line of help per language, and examples a member can type. */
export type HandlerHelp = Record<Locale, { summary: string; examples: string[] }>;

/**
 * A dialog handler. Built-in ones cover declare, cancel, report, help, holidays and
 * search; an embedder adds its own through `createBot({ handlers })` and help lists it.
 */
export interface Handler {
  /** Stable name, for logs. */
  readonly name: string;
  /** What help says about it. */
  readonly help: HandlerHelp;
  /** Whether this handler takes the turn. */
  canHandle(turn: Turn): boolean;
  /** Does the work; returns the replies. */
  handle(turn: Turn): Promise<Reply[]>;
}
