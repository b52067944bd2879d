import { inject, injectable } from 'inversify';
import type { ChatAdapter, Outgoing, SentMessage, Target } from '../ports/chat-adapter';
import type { Clock } from '../ports/clock';
import type { Logger } from '../ports/logger';
import type { Metrics } from '../ports/metrics';
import { KaeruError, PermanentSendError, RateLimitedError, TransientSendError } from '../errors';
import { sleep } from '../clock/sleep';
import { TOKENS } from '../tokens';
import { TokenBucket } from './token-bucket';

/** How often one message may hit a 429 before it is given up (each wait honours Retry-After). */
const MAX_RATE_LIMITED = 10;
/** Attempts of one message that fails transiently (the first one included). */
const MAX_TRANSIENT_ATTEMPTS = 5;
const BACKOFF_BASE_MS = 1_000;
const BACKOFF_CAP_MS = 60_000;
/** A 429 without a usable Retry-After waits this long. */
const DEFAULT_RETRY_AFTER_MS = 1_000;

export interface SendOptions {
  /** Past this instant the message is pointless (a reminder after the report): give up instead of waiting. */
  deadline?: Date;
}

/**
 * Routes each message to the adapter that owns the target, at the rate that adapter
 * declares (`capabilities.sendsPerSecond`, a token bucket per adapter), waiting out
 * `Retry-After` on 429 and retrying transient failures with exponential backoff and
 * jitter. Every wait is on the injected clock. A send that failed for good is logged,
 * counted and thrown, so its job records the reason.
 */
@injectable()
export class Outbox {
  private readonly buckets = new Map<string, TokenBucket>();

  constructor(
    @inject(TOKENS.Adapters) private readonly adapters: ChatAdapter[],
    @inject(TOKENS.Clock) private readonly clock: Clock,
    @inject(TOKENS.Logger) private readonly logger: Logger,
    @inject(TOKENS.Metrics) private readonly metrics: Metrics,
  ) {}

  /** The adapter whose name prefixes the id (`slack:…`), else the only or first one. */
  adapterFor(id: string): ChatAdapter {
    const prefix = id.includes(':') ? id.slice(0, id.indexOf(':')) : undefined;
    const adapter = this.adapters.find((a) => a.name === prefix) ?? this.adapters[0];
    if (!adapter) throw new KaeruError('send_failed', `no chat adapter is configured to reach "${id}"`);
    return adapter;
  }

  async send(target: Target, message: Outgoing, options: SendOptions = {}): Promise<SentMessage> {
    const adapter = this.adapterFor(target.id);
    const labels = { adapter: adapter.name, kind: message.kind };
    try {
      const sent = await this.deliver(adapter, labels, options, () => adapter.send(target, message));
      this.metrics.increment('kaeru_messages_out_total', labels);
      return sent;
    } catch (error) {
      this.metrics.increment('kaeru_send_failures_total', labels);
      this.logger.error('send failed for good', { adapter: adapter.name, target: target.id, kind: message.kind, error: String(error) });
      throw error;
    }
  }

  /** Edits a sent message where the adapter can; `false` when it cannot. */
  async edit(target: Target, ref: string, message: Outgoing): Promise<boolean> {
    const adapter = this.adapterFor(target.id);
    if (!adapter.capabilities.editMessages) return false;
    const labels = { adapter: adapter.name, kind: message.kind };
    await this.deliver(adapter, labels, {}, () => adapter.edit(target, ref, message));
    this.metrics.increment('kaeru_messages_edited_total', labels);
    return true;
  }

  /** Whether the adapter reaching `id` shows buttons. */
  hasButtons(id: string): boolean {
    return this.adapterFor(id).capabilities.buttons;
  }

  private async deliver<T>(adapter: ChatAdapter, labels: Record<string, string>, options: SendOptions, attempt: () => Promise<T>): Promise<T> {
    const bucket = this.bucketOf(adapter);
    let rateLimited = 0;
    for (let tries = 1; ; tries++) {
      await this.wait(bucket.reserve(this.clock.now().getTime()), options, labels, 'rate');
      try {
        return await attempt();
      } catch (error) {
        if (error instanceof RateLimitedError && ++rateLimited <= MAX_RATE_LIMITED) {
          const after = error.retryAfterMs > 0 ? error.retryAfterMs : DEFAULT_RETRY_AFTER_MS;
          // The whole adapter holds back, not only this message: the limit is the platform's.
          bucket.pauseUntil(this.clock.now().getTime() + after);
          this.metrics.increment('kaeru_send_retries_total', { ...labels, reason: 'rate_limited' });
          this.logger.warn('rate limited by the platform; waiting', { adapter: adapter.name, retryAfterMs: after });
          continue;
        }
        if (error instanceof TransientSendError && tries < MAX_TRANSIENT_ATTEMPTS) {
          this.metrics.increment('kaeru_send_retries_total', { ...labels, reason: 'transient' });
          await this.wait(backoff(tries), options, labels, 'backoff');
          continue;
        }
        throw error;
      }
    }
  }

  private async wait(ms: number, options: SendOptions, labels: Record<string, string>, why: string): Promise<void> {
    if (ms <= 0) return;
    const until = this.clock.now().getTime() + ms;
    if (options.deadline && until >= options.deadline.getTime())
      throw new PermanentSendError(`gave up: a ${why} wait of ${ms} ms would end past ${options.deadline.toISOString()}`);
    this.metrics.increment('kaeru_outbox_wait_ms_total', { adapter: labels.adapter, why }, ms);
    await sleep(this.clock, ms);
  }

  private bucketOf(adapter: ChatAdapter): TokenBucket {
    let bucket = this.buckets.get(adapter.name);
    if (!bucket) {
      bucket = new TokenBucket(adapter.capabilities.sendsPerSecond, this.clock.now().getTime());
      this.buckets.set(adapter.name, bucket);
    }
    return bucket;
  }
}

/** Exponential backoff with "equal jitter": half fixed, half random, so retries of many sends spread out. */
export function backoff(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** (attempt - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
