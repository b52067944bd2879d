import { inject, injectable } from 'inversify';
import type { ChatAdapter, Outgoing, SentMessage, Target } from '../ports/chat-adapter';
import type { Logger } from '../ports/logger';
import type { Metrics } from '../ports/metrics';
import { KaeruError } from '../errors';
import { TOKENS } from '../tokens';

/** Routes each message to the adapter that owns the target, and counts what went out. */
@injectable()
export class Outbox {
  constructor(
    @inject(TOKENS.Adapters) private readonly adapters: ChatAdapter[],
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

  async send(target: Target, message: Outgoing): Promise<SentMessage> {
    const adapter = this.adapterFor(target.id);
    try {
      const sent = await adapter.send(target, message);
      this.metrics.increment('kaeru_messages_out_total', { adapter: adapter.name, kind: message.kind });
      return sent;
    } catch (error) {
      this.metrics.increment('kaeru_send_failures_total', { adapter: adapter.name, kind: message.kind });
      this.logger.error('send failed', { adapter: adapter.name, target: target.id, kind: message.kind, error: String(error) });
      throw error;
    }
  }

  /** Edits a sent message where the adapter can; `false` when it cannot. */
  async edit(target: Target, ref: string, message: Outgoing): Promise<boolean> {
    const adapter = this.adapterFor(target.id);
    if (!adapter.capabilities.editMessages) return false;
    await adapter.edit(target, ref, message);
    this.metrics.increment('kaeru_messages_edited_total', { adapter: adapter.name, kind: message.kind });
    return true;
  }

  /** Whether the adapter reaching `id` shows buttons. */
  hasButtons(id: string): boolean {
    return this.adapterFor(id).capabilities.buttons;
  }
}
