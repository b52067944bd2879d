import type { Locale, Member } from '../domain/types';

/** Where a message goes: a member's direct messages or a room. */
export interface Target {
  kind: 'member' | 'room';
  id: string;
  /** Display name, for adapters that label output. */
  name?: string;
}

export interface Button {
  label: string;
  /** Sent back verbatim as `Incoming.action` when clicked. */
  value: string;
}

export type OutgoingKind = 'hearing' | 'reminder' | 'report' | 'reply';

/** A neutral message; adapters render it (blocks, cards, quick replies, text). */
export interface Outgoing {
  kind: OutgoingKind;
  /** Complete plain text; every adapter can show this alone. */
  text: string;
  locale: Locale;
  buttons?: Button[];
}

/** A neutral inbound event, made by an adapter after it authenticated the request. */
export interface Incoming {
  /** Platform event id, unique per delivery of the same event (dedup key). */
  eventId: string;
  adapter: string;
  memberId: string;
  /** The room it was written in; `undefined` for a direct message. */
  roomId?: string;
  text?: string;
  /** A clicked button's `value`. */
  action?: string;
  receivedAt: Date;
  /** What the platform told about the member (name, zone, locale), if anything. */
  profile?: Partial<Omit<Member, 'id'>>;
}

/** What the adapter hands every inbound event to; resolves to the replies sent. */
export type IncomingSink = (incoming: Incoming) => Promise<Outgoing[]>;

/** The platform's handle to a sent message (for edits). */
export interface SentMessage {
  ref?: string;
}

export interface AdapterCapabilities {
  /** Renders `Outgoing.buttons` as clickable buttons. */
  buttons: boolean;
  /** Can write to a member directly. */
  directMessages: boolean;
  /** `edit` works. */
  editMessages: boolean;
  /** Can look up member profiles. */
  userDirectory: boolean;
  /** Sends per second the platform allows (token bucket rate), if limited. */
  sendsPerSecond?: number;
}

/** The chat adapter port: one platform behind a few methods. */
export interface ChatAdapter {
  /** Short platform name, also the prefix of its member ids. */
  readonly name: string;
  /** What the platform can do; checked in one place by the engine. */
  readonly capabilities: AdapterCapabilities;
  /** Starts receiving; every event goes to `sink`. */
  start(sink: IncomingSink): Promise<void>;
  /** Stops receiving and releases resources. */
  stop(): Promise<void>;
  /** Sends one message. */
  send(target: Target, message: Outgoing): Promise<SentMessage>;
  /** Replaces a sent message; throws `NotSupportedError` without `capabilities.editMessages`. */
  edit(target: Target, ref: string, message: Outgoing): Promise<void>;
}
