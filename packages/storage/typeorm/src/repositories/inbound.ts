import type { InboundRepository } from '@kaeru/core';
import { InboundEventEntity } from '../entities/inbound-event';
import { type Session, insertIgnore } from '../session';

export function inboundRepository(session: Session): InboundRepository {
  return {
    // One statement decides: the row count says whether this call inserted it or a twin did.
    remember: (eventId, at) =>
      session.run(async (m) => (await insertIgnore(m, InboundEventEntity, [{ eventId, receivedAt: at.getTime() }])) === 1),
  };
}
