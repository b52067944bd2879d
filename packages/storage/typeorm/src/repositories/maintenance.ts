import type { MaintenanceRepository, PurgeCounts } from '@kaeru/core';
import { type EntityManager, type FindOptionsWhere, LessThan, Not, type ObjectLiteral } from 'typeorm';
import { DeclarationEntity } from '../entities/declaration';
import { DeclarationChangeEntity } from '../entities/declaration-change';
import { InboundEventEntity } from '../entities/inbound-event';
import { JobEntity } from '../entities/job';
import { MemberEntity } from '../entities/member';
import { RoomEntity } from '../entities/room';
import type { Session } from '../session';

const noneRemoved = (): PurgeCounts => ({ members: 0, declarations: 0, history: 0, jobs: 0, rooms: 0, inbound: 0 });

/** One DELETE; the driver's row count (every driver here reports it for DELETE). */
async function remove<E extends ObjectLiteral>(m: EntityManager, entity: new () => E, where: FindOptionsWhere<E>): Promise<number> {
  return (await m.delete(entity, where)).affected ?? 0;
}

export function maintenanceRepository(session: Session): MaintenanceRepository {
  return {
    // Whole-table range deletes on indexed `business_date`: retention runs once a day, so
    // a single statement per table is simpler than batching and still short.
    purgeBefore: (date) =>
      session.run(async (m) => {
        const counts = noneRemoved();
        counts.declarations = await remove(m, DeclarationEntity, { date: LessThan(date) });
        counts.history = await remove(m, DeclarationChangeEntity, { date: LessThan(date) });
        counts.jobs = await remove(m, JobEntity, { date: LessThan(date) });
        return counts;
      }, true),
    forgetInboundBefore: (at) => session.run((m) => remove(m, InboundEventEntity, { receivedAt: LessThan(at.getTime()) })),
    purgeMember: (memberId) =>
      session.run(async (m) => {
        const counts = noneRemoved();
        counts.members = await remove(m, MemberEntity, { id: memberId });
        counts.declarations = await remove(m, DeclarationEntity, { memberId });
        counts.history = await remove(m, DeclarationChangeEntity, { memberId });
        // Report jobs target rooms; only a member's own sends (hearing, reminder) name it.
        counts.jobs = await remove(m, JobEntity, { target: memberId, kind: Not('report') });
        // Room member lists are JSON text: rooms are few, so read them and rewrite the ones that change.
        for (const room of await m.find(RoomEntity, { select: { id: true, members: true } })) {
          const members = JSON.parse(room.members) as string[];
          if (!members.includes(memberId)) continue;
          await m.update(RoomEntity, { id: room.id }, { members: JSON.stringify(members.filter((id) => id !== memberId)) });
          counts.rooms++;
        }
        return counts;
      }, true),
  };
}
