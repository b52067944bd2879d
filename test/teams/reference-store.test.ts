import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileReferenceStore, MemoryReferenceStore, StorageReferenceStore, TEAMS_REFERENCES_NAMESPACE, type ConversationReferenceStore, type StoredReference } from '@kaeru/adapter-teams';
import { createMemoryStorage } from '@kaeru/core';

const reference: StoredReference = {
  channelId: 'msteams',
  serviceUrl: 'https://smba.trafficmanager.net/apac/',
  tenantId: 'T',
  conversation: { id: 'a:1chat', conversationType: 'personal' },
  user: { id: '29:1u', aadObjectId: 'aad' },
  updatedAt: '2026-12-07T00:00:00.000Z',
};

/** One contract, every store. */
describe.each([
  ['memory', () => new MemoryReferenceStore()],
  ['file', () => new FileReferenceStore(join(mkdtempSync(join(tmpdir(), 'kaeru-teams-')), 'refs.json'))],
  ['storage', () => new StorageReferenceStore(createMemoryStorage().adapterData)],
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

describe('storage reference store', () => {
  it('keeps references as JSON under its namespace of kaeru storage, where another instance finds them', async () => {
    const storage = createMemoryStorage();
    await storage.adapterData.put('slack.other', 'teams:T:aad', 'not a reference');
    const first = new StorageReferenceStore(storage.adapterData);
    await first.put('teams:T:aad', reference);
    await first.put('teams:T:19:chan', { ...reference, conversation: { id: '19:chan', conversationType: 'channel' } });
    expect(JSON.parse((await storage.adapterData.get(TEAMS_REFERENCES_NAMESPACE, 'teams:T:aad'))!)).toEqual(reference);

    const second = new StorageReferenceStore(storage.adapterData);
    expect(await second.get('teams:T:aad')).toEqual(reference);
    expect((await second.entries()).map(([key]) => key)).toEqual(['teams:T:19:chan', 'teams:T:aad']);
    await second.delete('teams:T:aad');
    expect(await first.get('teams:T:aad')).toBeUndefined();
    expect(await storage.adapterData.get('slack.other', 'teams:T:aad')).toBe('not a reference');
  });
});
