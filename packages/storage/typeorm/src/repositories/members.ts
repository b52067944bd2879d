import type { Member, MemberRepository } from '@kaeru/core';
import { MemberEntity } from '../entities/member';
import { type Session, chunks, lastByKey } from '../session';

const byId = (a: { id: string }, b: { id: string }): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function toRow(member: Member): MemberEntity {
  return {
    id: member.id,
    name: member.name,
    aliases: JSON.stringify(member.aliases ?? []),
    timeZone: member.timeZone ?? null,
    locale: member.locale ?? null,
  };
}

function toMember(row: MemberEntity): Member {
  const member: Member = { id: row.id, name: row.name, aliases: JSON.parse(row.aliases) as string[] };
  if (row.timeZone !== null) member.timeZone = row.timeZone;
  if (row.locale !== null) member.locale = row.locale as Member['locale'];
  return member;
}

export function memberRepository(session: Session): MemberRepository {
  return {
    get: (id) => session.run(async (m) => {
      const row = await m.findOneBy(MemberEntity, { id });
      return row ? toMember(row) : undefined;
    }),
    // Sorted here, not by ORDER BY: database collations disagree on id order; code units don't.
    list: () => session.run(async (m) => (await m.find(MemberEntity)).map(toMember).sort(byId)),
    upsert: (members) =>
      session.run(async (m) => {
        for (const chunk of chunks(lastByKey(members, (member) => member.id))) {
          await m
            .createQueryBuilder()
            .insert()
            .into(MemberEntity)
            .values(chunk.map(toRow))
            .orUpdate(['name', 'aliases', 'time_zone', 'locale'], ['id'])
            .updateEntity(false)
            .execute();
        }
      }, true),
    remove: (id) => session.run(async (m) => void (await m.delete(MemberEntity, { id }))),
  };
}
