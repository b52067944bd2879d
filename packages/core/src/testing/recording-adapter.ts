import type { AdapterCapabilities, ChatAdapter, Button, IncomingSink, Outgoing, OutgoingKind, SentMessage, Target } from '../ports/chat-adapter';
import type { Clock } from '../ports/clock';
import { RateLimitedError, TransientSendError } from '../errors';

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
  /** Every call of `send`, answered or not, with its instant (to check waits). */
  readonly attempts: { to: string; at: string; outcome: 'sent' | 'rate_limited' | 'transient' | 'failed' | 'hung' }[] = [];
  private rateLimited = { count: 0, retryAfterMs: 0 };
  private transient = 0;
  private hangIn?: number;
  /** Called when a send starts hanging (the test kit kills the process there). */
  onHang?: () => void;
  private counter = 0;

  constructor(
    private readonly clock: Clock,
    readonly capabilities: AdapterCapabilities = { buttons: true, directMessages: true, editMessages: false, userDirectory: false },
  ) {}

  async start(_sink: IncomingSink): Promise<void> {}

  async stop(): Promise<void> {}

  /** The next `count` sends answer 429 with `Retry-After: retryAfterMs`, as a platform under load does. */
  rateLimitNext(count: number, retryAfterMs: number): void {
    this.rateLimited = { count, retryAfterMs };
  }

  /** The next `count` sends fail transiently (a timeout, a 503). */
  failTransientlyNext(count: number): void {
    this.transient = count;
  }

  /** After `count` more successful sends, every send hangs forever: the process died mid-fan-out. */
  hangAfter(count: number): void {
    this.hangIn = count;
  }

  async send(target: Target, message: Outgoing): Promise<SentMessage> {
    const attempt = (outcome: (typeof this.attempts)[number]['outcome']): void => void this.attempts.push({ to: target.id, at: this.clock.now().toISOString(), outcome });
    if (this.hangIn !== undefined && this.hangIn <= 0) {
      attempt('hung');
      this.onHang?.();
      return new Promise<SentMessage>(() => {});
    }
    if (this.rateLimited.count > 0) {
      this.rateLimited.count--;
      attempt('rate_limited');
      throw new RateLimitedError(this.rateLimited.retryAfterMs, 'test');
    }
    if (this.transient > 0) {
      this.transient--;
      attempt('transient');
      throw new TransientSendError('simulated timeout', 'test');
    }
    if (this.failNext > 0) {
      this.failNext--;
      attempt('failed');
      throw new Error('[kaeru] [test] simulated send failure');
    }
    attempt('sent');
    if (this.hangIn !== undefined) this.hangIn--;
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
