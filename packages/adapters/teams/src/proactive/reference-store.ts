/**
 * Where a conversation can be reached again, as plain JSON (no botbuilder type): what
 * `continueConversationAsync` needs, or, without `conversation`, what
 * `createConversationAsync` needs to open a 1:1 chat with a member seen only in a team.
 */
export interface StoredReference {
  channelId: string;
  serviceUrl: string;
  tenantId: string;
  /** Absent for a member never seen in a 1:1 chat: the chat is created on first send. */
  conversation?: { id: string; conversationType?: string; isGroup?: boolean };
  bot?: { id: string; name?: string };
  user?: { id: string; aadObjectId?: string; name?: string };
  teamId?: string;
  /** ISO instant it was last saved (a stale serviceUrl is refreshed by the next activity). */
  updatedAt: string;
}

/**
 * The adapter's store of references, keyed by kaeru member and room ids: in kaeru storage
 * (`StorageReferenceStore`, what `kaeru serve` uses), in a file, or in memory.
 */
export interface ConversationReferenceStore {
  /** The reference saved under `key`, if any. */
  get(key: string): Promise<StoredReference | undefined>;
  /** Saves (replaces) the reference under `key`. */
  put(key: string, reference: StoredReference): Promise<void>;
  /** Forgets `key` (bot uninstalled, removed from a team, channel deleted). */
  delete(key: string): Promise<void>;
  /** Every saved reference (to find a tenant's service URL). */
  entries(): Promise<[string, StoredReference][]>;
}

/** References in memory: tests, the emulator, and trials where a restart may forget who was seen. */
export class MemoryReferenceStore implements ConversationReferenceStore {
  private readonly map = new Map<string, StoredReference>();

  async get(key: string): Promise<StoredReference | undefined> {
    const found = this.map.get(key);
    return found && structuredClone(found);
  }

  async put(key: string, reference: StoredReference): Promise<void> {
    this.map.set(key, structuredClone(reference));
  }

  async delete(key: string): Promise<void> {
    this.map.delete(key);
  }

  async entries(): Promise<[string, StoredReference][]> {
    return [...this.map].map(([key, value]) => [key, structuredClone(value)]);
  }
}
