import type { CalendarRepository } from '@kaeru/core';
import { In } from 'typeorm';
import { HolidayEntity } from '../entities/holiday';
import { type Session, chunks, insertIgnore } from '../session';

export function calendarRepository(session: Session): CalendarRepository {
  return {
    list: (scope, from, to) =>
      session.run(async (m) => {
        const rows = await m
          .createQueryBuilder(HolidayEntity, 'h')
          .where('h.scope = :scope', { scope })
          .andWhere('h.date >= :from AND h.date <= :to', { from, to })
          .orderBy('h.date', 'ASC')
          .getMany();
        return rows.map((row) => row.date);
      }),
    add: (scope, dates) =>
      session.run(async (m) => {
        // Idempotent: a date already there is simply ignored.
        for (const chunk of chunks([...new Set(dates)])) await insertIgnore(m, HolidayEntity, chunk.map((date) => ({ scope, date })));
      }, true),
    remove: (scope, dates) =>
      session.run(async (m) => {
        for (const chunk of chunks([...new Set(dates)])) await m.delete(HolidayEntity, { scope, date: In(chunk) });
      }, true),
  };
}
