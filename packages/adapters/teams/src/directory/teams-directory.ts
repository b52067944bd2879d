import type { Member } from '@kaeru/core';
import { TeamsInfo, type TeamsChannelAccount, type TurnContext } from 'botbuilder';
import { parseTeamsId } from '../ids';
import { memberIdOf } from '../inbound/parse';
import type { TeamsMessenger } from '../proactive/messenger';
import type { ConversationReferenceStore, StoredReference } from '../proactive/reference-store';

/** What Teams tells about a member, in kaeru's words plus the mail addresses. */
export interface TeamsProfile {
  name?: string;
  aliases: string[];
  email?: string;
  userPrincipalName?: string;
}

/** The directory port of the Teams adapter, small so tests and embedders can swap it. */
export interface TeamsDirectory {
  /** A member's profile (display name, email, UPN), or `undefined` when no conversation shared with them is known. */
  profile(memberId: string): Promise<TeamsProfile | undefined>;
  /** A full member record for kaeru storage. */
  member(memberId: string): Promise<Member | undefined>;
  /** The channel's roster (its team's members) as member ids. */
  roomMembers(roomId: string): Promise<string[]>;
}

/**
 * The directory through `TeamsInfo` (the connector's `members` endpoints), read in a turn
 * continued from a stored reference. Reading a roster also saves each member's user id
 * as a seed, so the morning hearing can open a 1:1 chat with members who never wrote.
 */
export class ConnectorDirectory implements TeamsDirectory {
  constructor(
    private readonly messenger: TeamsMessenger,
    private readonly references: ConversationReferenceStore,
  ) {}

  async profile(memberId: string): Promise<TeamsProfile | undefined> {
    const parsed = parseTeamsId(memberId);
    if (!parsed) return undefined;
    const own = await this.references.get(memberId);
    const where = own?.conversation ? own : await this.teamConversationOf(own);
    if (!where) return undefined;
    const userId = own?.user?.id ?? parsed.localId;
    const account = await this.messenger.within(memberId, where, 'getMember', (context) => TeamsInfo.getMember(context, userId)).catch((error: unknown) => {
      if ((error as { message?: string }).message?.includes('HTTP 404')) return undefined;
      throw error;
    });
    return account && toProfile(account);
  }

  async member(memberId: string): Promise<Member | undefined> {
    const profile = await this.profile(memberId);
    if (!profile?.name) return undefined;
    return { id: memberId, name: profile.name, aliases: profile.aliases };
  }

  async roomMembers(roomId: string): Promise<string[]> {
    const parsed = parseTeamsId(roomId);
    const room = await this.references.get(roomId);
    if (!parsed || !room?.conversation) return [];
    const accounts = await this.messenger.within(roomId, room, 'getPagedMembers', (context) => allMembers(context));
    const ids: string[] = [];
    for (const account of accounts) {
      const memberId = memberIdOf(parsed.tenantId, account);
      ids.push(memberId);
      const known = await this.references.get(memberId);
      if (!known?.conversation) {
        const user = { id: account.id, ...(account.aadObjectId ? { aadObjectId: account.aadObjectId } : {}), ...(account.name ? { name: account.name } : {}) };
        await this.references.put(memberId, { ...withoutConversation(room), user, updatedAt: new Date().toISOString() });
      }
    }
    return ids;
  }

  /** A conversation in the team a seeded member was seen in. */
  private async teamConversationOf(seed: StoredReference | undefined): Promise<StoredReference | undefined> {
    if (!seed?.teamId) return undefined;
    return (await this.references.entries()).map(([, r]) => r).find((r) => r.teamId === seed.teamId && r.conversation);
  }
}

async function allMembers(context: TurnContext): Promise<TeamsChannelAccount[]> {
  const members: TeamsChannelAccount[] = [];
  let continuationToken: string | undefined;
  do {
    const page = await TeamsInfo.getPagedMembers(context, 100, continuationToken);
    members.push(...page.members);
    continuationToken = page.continuationToken || undefined;
  } while (continuationToken);
  return members;
}

function withoutConversation(reference: StoredReference): StoredReference {
  const { conversation: _conversation, ...rest } = reference;
  return rest;
}

/** The display name first (what colleagues see); given + family name in both orders as search aliases. */
function toProfile(account: TeamsChannelAccount): TeamsProfile {
  const name = account.name?.trim() || undefined;
  const given = account.givenName?.trim();
  const family = account.surname?.trim();
  const aliases = given && family ? [`${family} ${given}`, `${given} ${family}`, family, given] : [];
  return {
    name,
    aliases: [...new Set(aliases.filter((a) => a !== name))],
    ...(account.email ? { email: account.email } : {}),
    ...(account.userPrincipalName ? { userPrincipalName: account.userPrincipalName } : {}),
  };
}
