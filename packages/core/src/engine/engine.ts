import { inject, injectable } from 'inversify';
import type { Member } from '../domain/types';
import { localDate } from '../calendar/zoned';
import { normalizeText, understand } from '../language';
import type { Understanding } from '../language/types';
import type { Incoming, Outgoing, Target } from '../ports/chat-adapter';
import type { Clock } from '../ports/clock';
import type { Logger } from '../ports/logger';
import type { Metrics } from '../ports/metrics';
import type { Storage } from '../ports/storage';
import { TOKENS } from '../tokens';
import { Directory } from './directory';
import type { Turn } from './handler';
import { HandlerRegistry } from './handler-registry';
import { parseAction } from './hearing';
import { Outbox } from './outbox';

/** The dialog engine: one inbound event in, its replies out (and sent). */
@injectable()
export class Engine {
  constructor(
    @inject(TOKENS.Storage) private readonly storage: Storage,
    @inject(Directory) private readonly directory: Directory,
    @inject(HandlerRegistry) private readonly handlers: HandlerRegistry,
    @inject(Outbox) private readonly outbox: Outbox,
    @inject(TOKENS.Clock) private readonly clock: Clock,
    @inject(TOKENS.Logger) private readonly logger: Logger,
    @inject(TOKENS.Metrics) private readonly metrics: Metrics,
  ) {}

  async handle(incoming: Incoming): Promise<Outgoing[]> {
    this.metrics.increment('kaeru_messages_in_total', { adapter: incoming.adapter });
    // A redelivered event (platform retry, another instance) is processed once.
    if (!(await this.storage.inbound.remember(incoming.eventId, incoming.receivedAt))) {
      this.metrics.increment('kaeru_messages_duplicate_total', { adapter: incoming.adapter });
      return [];
    }
    const text = normalizeText(incoming.text ?? '');
    if (!text && !incoming.action) return [];
    const member = await this.memberOf(incoming);
    const rooms = await this.directory.roomsOf(member.id);
    const room = incoming.roomId ? await this.directory.room(incoming.roomId) : undefined;
    const timeZone = Directory.zoneOf(member, room ? [room, ...rooms] : rooms);
    const locale = Directory.localeOf(member, room ? [room, ...rooms] : rooms);
    const now = this.clock.now();
    const teiji = (room ?? rooms[0])?.teiji ?? '18:00';
    const understanding: Understanding = (incoming.action && parseAction(incoming.action)) || understand(text, { now, timeZone, locale, teiji });
    const turn: Turn = { incoming, member, room, rooms, locale, timeZone, today: localDate(now, timeZone), now, text, understanding };
    const handler = this.handlers.pick(turn);
    this.logger.debug('turn', { member: member.id, room: room?.id, intent: understanding.intent, handler: handler.name });
    const replies = await handler.handle(turn);
    const target: Target = room ? { kind: 'room', id: room.id, name: room.name } : { kind: 'member', id: member.id, name: member.name };
    const outgoing: Outgoing[] = replies.map((r) => ({ kind: 'reply', text: r.text, locale, ...(r.buttons ? { buttons: r.buttons } : {}) }));
    for (const message of outgoing) await this.outbox.send(target, message);
    return outgoing;
  }

  /** The stored member, created or refreshed from what the platform told about them. */
  private async memberOf(incoming: Incoming): Promise<Member> {
    const stored = await this.directory.member(incoming.memberId);
    const profile = incoming.profile ?? {};
    if (stored) {
      const refreshed: Member = { ...stored, ...definedOnly(profile) };
      if (JSON.stringify(refreshed) !== JSON.stringify(stored)) await this.directory.saveMember(refreshed);
      return refreshed;
    }
    const created: Member = { id: incoming.memberId, name: profile.name ?? incoming.memberId, aliases: profile.aliases ?? [], ...definedOnly(profile) };
    await this.directory.saveMember(created);
    return created;
  }
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
