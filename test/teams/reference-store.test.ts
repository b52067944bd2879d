import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileReferenceStore, MemoryReferenceStore, type ConversationReferenceStore, type StoredReference } from '@kaeru/adapter-teams';

const reference: StoredReference = {
  channelId: 'msteams',
  serviceUrl: 'https://smba.trafficmanager.net/apac/',
  tenantId: 'T',
  conversation: { id: 'a:1chat', conversationType: 'personal' },
  user: { id: '29:1u', aadObjectId: 'aad' },
  updatedAt: '2026-12-07T00:00:00.000Z',
};

/** One contract, both stores. */
describe.each([
  ['memory', () => new MemoryReferenceStore()],
  ['file', () => new FileReferenceStore(join(mkdtempSync(join(tmpdir(), 'kaeru-teams-')), 'refs.json'))],
])('%s reference store', (_name, make: () => ConversationReferenceStore) => {
  it('puts, gets, lists and deletes', async () => {
    const store = make();
    expect(await store.get('teams:T:aad')).toBeUndefined();
    await store.put('teams:T:aad', reference);
    expect(await store.get('teams:T:aad')).toEqual(reference);
    expect(await store.entries()).toEqual([['teams:T:aad', reference]]);
    await store.delete('teams:T:aad');
    expect(await store.get('teams:T:aad')).toBeUndefined();
  });

  it('hands out copies, not its own objects', async () => {
    const store = make();
    await store.put('k', reference);
    (await store.get('k'))!.serviceUrl = 'changed';
    expect((await store.get('k'))!.serviceUrl).toBe(reference.serviceUrl);
  });
});

it('the file store keeps references across a restart', async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'kaeru-teams-')), 'nested', 'refs.json');
  await Promise.all([new FileReferenceStore(file).put('a', reference)]);
  const first = new FileReferenceStore(file);
  await first.put('b', { ...reference, tenantId: 'U' });
  expect(Object.keys(JSON.parse(readFileSync(file, 'utf8')))).toEqual(['a', 'b']);
  expect((await new FileReferenceStore(file).get('b'))?.tenantId).toBe('U');
});
