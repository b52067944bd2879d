import type { AdapterDataRepository } from '@kaeru/core';
import { AdapterDataEntity } from '../entities/adapter-data';
import type { Session } from '../session';

const byKey = (a: { key: string }, b: { key: string }): number => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/** `!` escapes LIKE's wildcards: unlike `\`, it means the same in every dialect's string literals. */
const likePrefix = (prefix: string): string => `${prefix.replace(/[!%_]/g, (c) => `!${c}`)}%`;

export function adapterDataRepository(session: Session): AdapterDataRepository {
  return {
    get: (namespace, key) => session.run(async (m) => (await m.findOneBy(AdapterDataEntity, { namespace, key }))?.value),
    put: (namespace, key, value) =>
      session.run(async (m) => {
        await m.createQueryBuilder().insert().into(AdapterDataEntity).values({ namespace, key, value }).orUpdate(['data_value'], ['namespace', 'data_key']).updateEntity(false).execute();
      }),
    remove: (namespace, key) => session.run(async (m) => void (await m.delete(AdapterDataEntity, { namespace, key }))),
    list: (namespace, prefix = '') =>
      session.run(async (m) => {
        const query = m.createQueryBuilder(AdapterDataEntity, 'd').where('d.namespace = :namespace', { namespace });
        if (prefix) query.andWhere("d.key LIKE :prefix ESCAPE '!'", { prefix: likePrefix(prefix) });
        // SQLite's LIKE ignores ASCII case: it narrows, this decides. Sorted here, as rooms are:
        // database collations disagree on order; code units don't.
        const rows = (await query.getMany()).filter((row) => row.key.startsWith(prefix));
        return rows.map(({ key, value }) => ({ key, value })).sort(byKey);
      }),
  };
}
