import type { WebClient } from '@slack/web-api';
import type { Locale, Member } from '@kaeru/core';
import { call } from '../api/slack-sender';
import { parseSlackId, slackMemberId } from '../ids';

/** What Slack tells about a member, in kaeru's words. */
export type SlackProfile = Partial<Omit<Member, 'id'>> & { isBot?: boolean; deleted?: boolean };

interface Cached {
  profile: SlackProfile;
  fetchedAt: number;
}

/**
 * Members' profiles from `users.info` (cached, refreshed after `ttlMs`, a day by
 * default: names and zones rarely change, and Tier 4 calls are still calls) and room
 * membership from `conversations.members`.
 */
export class SlackDirectory {
  private readonly profiles = new Map<string, Cached>();
  private readonly pending = new Map<string, Promise<SlackProfile | undefined>>();

  constructor(
    private readonly client: WebClient,
    private readonly ttlMs: number,
    private readonly now: () => Date,
  ) {}

  /** A member's profile (`slack:T:U`), or `undefined` for a non-Slack id or an unknown user. */
  async profile(memberId: string): Promise<SlackProfile | undefined> {
    const parsed = parseSlackId(memberId);
    if (!parsed) return undefined;
    const cached = this.profiles.get(memberId);
    if (cached && this.now().getTime() - cached.fetchedAt < this.ttlMs) return cached.profile;
    let inFlight = this.pending.get(memberId);
    if (!inFlight) {
      inFlight = this.fetchProfile(memberId, parsed.localId).finally(() => this.pending.delete(memberId));
      this.pending.set(memberId, inFlight);
    }
    return inFlight;
  }

  /** A full member record for kaeru storage, or `undefined` for bots, deleted and unknown users. */
  async member(memberId: string): Promise<Member | undefined> {
    const profile = await this.profile(memberId);
    if (!profile || profile.isBot || profile.deleted || !profile.name) return undefined;
    return { id: memberId, name: profile.name, aliases: profile.aliases ?? [], timeZone: profile.timeZone, locale: profile.locale };
  }

  /** The human members of a channel (`slack:T:C`), as member ids; bots and deactivated users left out. */
  async roomMembers(roomId: string): Promise<string[]> {
    const parsed = parseSlackId(roomId);
    if (!parsed) return [];
    const users: string[] = [];
    let cursor: string | undefined;
    do {
      const page = (await call('conversations.members', roomId, () =>
        this.client.conversations.members({ channel: parsed.localId, limit: 200, cursor }),
      )) as { members?: string[]; response_metadata?: { next_cursor?: string } };
      users.push(...(page.members ?? []));
      cursor = page.response_metadata?.next_cursor || undefined;
    } while (cursor);
    const ids = users.map((user) => slackMemberId(parsed.teamId, user));
    const profiles = await Promise.all(ids.map((id) => this.profile(id)));
    return ids.filter((_, i) => profiles[i] && !profiles[i]!.isBot && !profiles[i]!.deleted);
  }

  /** The workspace and the bot's own user, from `auth.test` (to build `slack:<team>:…` ids at start). */
  async whoAmI(): Promise<{ teamId: string; botUserId: string }> {
    const result = (await call('auth.test', 'self', () => this.client.auth.test())) as { team_id?: string; user_id?: string };
    return { teamId: result.team_id ?? '', botUserId: result.user_id ?? '' };
  }

  /** Forgets a cached profile (e.g. on `user_change`). */
  forget(memberId: string): void {
    this.profiles.delete(memberId);
  }

  private async fetchProfile(memberId: string, userId: string): Promise<SlackProfile | undefined> {
    let result: unknown;
    try {
      result = await call('users.info', memberId, () => this.client.users.info({ user: userId, include_locale: true }));
    } catch (error) {
      if ((error as { context?: { slackError?: string } }).context?.slackError === 'user_not_found') return undefined;
      throw error;
    }
    const profile = toProfile((result as { user?: SlackUser }).user);
    this.profiles.set(memberId, { profile, fetchedAt: this.now().getTime() });
    return profile;
  }
}

interface SlackUser {
  name?: string;
  real_name?: string;
  tz?: string;
  locale?: string;
  is_bot?: boolean;
  deleted?: boolean;
  profile?: { display_name?: string; real_name?: string };
}

/** Display name first (what colleagues see), then the real name; both kept as aliases for search. */
function toProfile(user: SlackUser | undefined): SlackProfile {
  if (!user) return {};
  const display = user.profile?.display_name?.trim();
  const real = (user.profile?.real_name ?? user.real_name)?.trim();
  const name = display || real || user.name;
  const aliases = [...new Set([real, user.name].filter((a): a is string => !!a && a !== name))];
  return { name, aliases, timeZone: user.tz || undefined, locale: toLocale(user.locale), isBot: user.is_bot || undefined, deleted: user.deleted || undefined };
}

function toLocale(locale: string | undefined): Locale | undefined {
  if (!locale) return undefined;
  if (locale.startsWith('ja')) return 'ja';
  if (locale.startsWith('en')) return 'en';
  return undefined;
}
