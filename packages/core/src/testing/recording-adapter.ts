import type { AdapterCapabilities, ChatAdapter, Button, IncomingSink, Outgoing, OutgoingKind, SentMessage, Target } from '../ports/chat-adapter';
import type { Clock } from '../ports/clock';

/** One message the bot sent, as a test sees it. */
export interface SentRecord {
  to: { kind: Target['kind']; id: string };
  kind: OutgoingKind;
  text: string;
  buttons?: Button[];
  /** ISO instant (virtual clock) it was sent. */
  at: string;
  /** The message's reference, for edits. */
  ref: string;
}

/** One in-place edit of a sent message. */
export interface EditRecord {
  ref: string;
  text: string;
  at: string;
}

/** An adapter that records what the bot sends; its capabilities are the test's to choose. */
export class RecordingAdapter implements ChatAdapter {
  readonly name = 'test';
  readonly sent: SentRecord[] = [];
  readonly edits: EditRecord[] = [];
  /** When set, `send` throws it once per call while the count is positive (failure tests). */
  failNext = 0;
  private counter = 0;

  constructor(
    private readonly clock: Clock,
    readonly capabilities: AdapterCapabilities = { buttons: true, directMessages: true, editMessages: false, userDirectory: false },
  ) {}

  async start(_sink: IncomingSink): Promise<void> {}

  async stop(): Promise<void> {}

  async send(target: Target, message: Outgoing): Promise<SentMessage> {
    if (this.failNext > 0) {
      this.failNext--;
      throw new Error('[kaeru] [test] simulated send failure');
    }
    const ref = `m${++this.counter}`;
    this.sent.push({
      to: { kind: target.kind, id: target.id },
      kind: message.kind,
      text: message.text,
      ...(message.buttons ? { buttons: message.buttons } : {}),
      at: this.clock.now().toISOString(),
      ref,
    });
    return { ref };
  }

  async edit(_target: Target, ref: string, message: Outgoing): Promise<void> {
    this.edits.push({ ref, text: message.text, at: this.clock.now().toISOString() });
  }
}
