import type { Storage } from '@kaeru/core';
import type { ConversationReferenceStore, StoredReference } from './reference-store';

/** Where Teams references live in `storage.adapterData`. */
export const TEAMS_REFERENCES_NAMESPACE = 'teams.references';

/**
 * References in kaeru storage (`storage.adapterData`): every instance on one database
 * sees the chats any of them learned, and they survive restarts and redeploys.
 * Values are the reference as JSON; a fresh parse per read hands out copies.
 */
export class StorageReferenceStore implements ConversationReferenceStore {
  constructor(private readonly data: Storage['adapterData']) {}

  async get(key: string): Promise<StoredReference | undefined> {
    const value = await this.data.get(TEAMS_REFERENCES_NAMESPACE, key);
    return value === undefined ? undefined : (JSON.parse(value) as StoredReference);
  }

  async put(key: string, reference: StoredReference): Promise<void> {
    await this.data.put(TEAMS_REFERENCES_NAMESPACE, key, JSON.stringify(reference));
  }

  async delete(key: string): Promise<void> {
    await this.data.remove(TEAMS_REFERENCES_NAMESPACE, key);
  }

  async entries(): Promise<[string, StoredReference][]> {
    return (await this.data.list(TEAMS_REFERENCES_NAMESPACE)).map(({ key, value }) => [key, JSON.parse(value) as StoredReference]);
  }
}
