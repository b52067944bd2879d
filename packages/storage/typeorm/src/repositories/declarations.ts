import type { Declaration, DeclarationChange, DeclarationRepository, DeclarationValue } from '@kaeru/core';
import { In } from 'typeorm';
import { fromEpoch, toEpoch } from '../entities/columns';
import { DeclarationEntity } from '../entities/declaration';
import { DeclarationChangeEntity } from '../entities/declaration-change';
import { READ_CHUNK, type Session, chunks } from '../session';

function toRow(memberId: string, date: string, d: Declaration): DeclarationEntity {
  return {
    memberId,
    date,
    state: d.state,
    time: d.time ?? null,
    approx: d.approx ?? null,
    rangeFrom: d.range?.from ?? null,
    rangeTo: d.range?.to ?? null,
    lateNight: d.lateNight ?? null,
    updatedAt: toEpoch(d.updatedAt),
  };
}

function toDeclaration(row: DeclarationEntity): Declaration {
  const d: Declaration = { memberId: row.memberId, date: row.date, state: row.state as Declaration['state'], updatedAt: fromEpoch(row.updatedAt) };
  if (row.time !== null) d.time = row.time;
  if (row.approx !== null) d.approx = row.approx;
  if (row.rangeFrom !== null && row.rangeTo !== null) d.range = { from: row.rangeFrom, to: row.rangeTo };
  if (row.lateNight !== null) d.lateNight = row.lateNight;
  return d;
}

function toChange(row: DeclarationChangeEntity): DeclarationChange {
  const change: DeclarationChange = { memberId: row.memberId, date: row.date, at: fromEpoch(row.at) };
  if (row.before !== null) change.before = JSON.parse(row.before) as DeclarationValue;
  if (row.after !== null) change.after = JSON.parse(row.after) as DeclarationValue;
  if (row.source !== null) change.source = row.source;
  return change;
}

const byMember = (a: Declaration, b: Declaration): number => (a.memberId < b.memberId ? -1 : a.memberId > b.memberId ? 1 : 0);

const DECLARATION_COLUMNS = ['state', 'leave_time', 'approx', 'range_from', 'range_to', 'late_night', 'updated_at'];

export function declarationRepository(session: Session): DeclarationRepository {
  return {
    get: (memberId, date) =>
      session.run(async (m) => {
        const row = await m.findOneBy(DeclarationEntity, { memberId, date });
        return row ? toDeclaration(row) : undefined;
      }),
    listByDate: (date, memberIds) =>
      session.run(async (m) => {
        if (!memberIds) return (await m.findBy(DeclarationEntity, { date })).map(toDeclaration).sort(byMember);
        const rows: DeclarationEntity[] = [];
        for (const ids of chunks([...new Set(memberIds)], READ_CHUNK)) rows.push(...(await m.findBy(DeclarationEntity, { date, memberId: In(ids) })));
        return rows.map(toDeclaration).sort(byMember);
      }),
    listByMember: (memberId, from, to) =>
      session.run(async (m) => {
        const rows = await m
          .createQueryBuilder(DeclarationEntity, 'd')
          .where('d.memberId = :memberId', { memberId })
          // `YYYY-MM-DD` strings order like the dates they name, in every collation.
          .andWhere('d.date >= :from AND d.date <= :to', { from, to })
          .orderBy('d.date', 'ASC')
          .getMany();
        return rows.map(toDeclaration);
      }),
    apply: (memberId, date, declaration, change) =>
      session.run(async (m) => {
        if (declaration) {
          await m
            .createQueryBuilder()
            .insert()
            .into(DeclarationEntity)
            .values(toRow(memberId, date, declaration))
            .orUpdate(DECLARATION_COLUMNS, ['member_id', 'business_date'])
            .updateEntity(false)
            .execute();
        } else {
          await m.delete(DeclarationEntity, { memberId, date });
        }
        await m
          .createQueryBuilder()
          .insert()
          .into(DeclarationChangeEntity)
          .values({
            memberId,
            date,
            at: toEpoch(change.at),
            before: change.before ? JSON.stringify(change.before) : null,
            after: change.after ? JSON.stringify(change.after) : null,
            source: change.source ?? null,
          })
          .updateEntity(false)
          .execute();
      }, true),
    history: (memberId, date) =>
      session.run(async (m) => (await m.find(DeclarationChangeEntity, { where: { memberId, date }, order: { id: 'ASC' } })).map(toChange)),
  };
}
