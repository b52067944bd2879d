import { ConfigError, type Logger, type Metrics } from '@kaeru/core';

export type SlackTransport = 'http' | 'socket';

/** Backoff of the Web API client between attempts (429s wait `Retry-After` first). */
export interface SlackRetryConfig {
  retries: number;
  minTimeoutMs: number;
  maxTimeoutMs: number;
}

export interface SlackAdapterConfig {
  /** `xoxb-…` (env `SLACK_BOT_TOKEN`). */
  botToken?: string;
  /** Verifies Events API requests (env `SLACK_SIGNING_SECRET`); required for `http`. */
  signingSecret?: string;
  /** `xapp-…` with `connections:write` (env `SLACK_APP_TOKEN`); required for `socket`. */
  appToken?: string;
  /** `http` (Events API webhook, default) or `socket` (Socket Mode, no public URL). */
  transport?: SlackTransport;
  /** Web API base URL (env `SLACK_API_URL`): GovSlack's `https://slack-gov.com/api/`, an egress gateway, or a fake in tests. Default Slack's. */
  apiUrl?: string;
  /** Workspace id used when a payload carries none. */
  teamId?: string;
  /** Where the server mounts the webhook (events, interactivity and slash commands). Default `/slack/events`. */
  path?: string;
  /** Default: 5 retries, 1 s to 30 s apart. */
  retry?: SlackRetryConfig;
  /** Declared send rate for the engine's outbox. Default 1 (chat.postMessage allows ~1/s per channel). */
  sendsPerSecond?: number;
  /** How long a users.info profile is trusted. Default one day. */
  profileTtlMs?: number;
  /** Attach users.info profiles to `Incoming.profile`. Default true. */
  attachProfiles?: boolean;
  logger?: Logger;
  metrics?: Metrics;
  /** The time used to judge request timestamps and cache ages; tests with a virtual clock pass theirs. */
  now?: () => Date;
}

export type ResolvedSlackConfig = Required<Pick<SlackAdapterConfig, 'botToken' | 'transport' | 'path' | 'retry' | 'sendsPerSecond' | 'profileTtlMs' | 'attachProfiles'>> &
  SlackAdapterConfig;

export const DEFAULT_RETRY: SlackRetryConfig = { retries: 5, minTimeoutMs: 1000, maxTimeoutMs: 30_000 };

/** Checks the settings at start; a missing or malformed secret names its environment variable. */
export function resolveSlackConfig(config: SlackAdapterConfig): ResolvedSlackConfig {
  const transport = config.transport ?? 'http';
  if (transport !== 'http' && transport !== 'socket')
    throw new ConfigError('SLACK_TRANSPORT', `"${String(transport)}" is not a transport`, 'use "http" (Events API) or "socket" (Socket Mode)');
  const botToken = requireToken(config.botToken, 'SLACK_BOT_TOKEN', 'xoxb-', 'copy the Bot User OAuth Token from OAuth & Permissions in your Slack app');
  if (transport === 'http' && !config.signingSecret)
    throw new ConfigError('SLACK_SIGNING_SECRET', 'is not set', 'copy the Signing Secret from Basic Information → App Credentials in your Slack app');
  if (transport === 'socket')
    requireToken(config.appToken, 'SLACK_APP_TOKEN', 'xapp-', 'create an app-level token with connections:write under Basic Information, or use SLACK_TRANSPORT=http');
  if (config.apiUrl !== undefined) checkApiUrl(config.apiUrl);
  const sendsPerSecond = config.sendsPerSecond ?? 1;
  if (!(sendsPerSecond > 0)) throw new ConfigError('slack.sendsPerSecond', `${sendsPerSecond} is not a positive rate`, 'leave it out (1 per second) or give a number above 0');
  return {
    ...config,
    botToken,
    transport,
    path: config.path ?? '/slack/events',
    retry: config.retry ?? DEFAULT_RETRY,
    sendsPerSecond,
    profileTtlMs: config.profileTtlMs ?? 24 * 60 * 60 * 1000,
    attachProfiles: config.attachProfiles ?? true,
  };
}

/** The adapter's settings from the environment (`SLACK_*`); validated by `resolveSlackConfig`. */
export function slackConfigFromEnv(env: NodeJS.ProcessEnv = process.env): SlackAdapterConfig {
  return {
    botToken: env.SLACK_BOT_TOKEN || undefined,
    signingSecret: env.SLACK_SIGNING_SECRET || undefined,
    appToken: env.SLACK_APP_TOKEN || undefined,
    transport: (env.SLACK_TRANSPORT || undefined) as SlackTransport | undefined,
    teamId: env.SLACK_TEAM_ID || undefined,
    apiUrl: env.SLACK_API_URL || undefined,
  };
}

/** The bot token goes to this URL with every call: it must be https, or plain http on this machine only. */
function checkApiUrl(value: string): void {
  const fix = 'leave SLACK_API_URL unset for slack.com, or give an https URL such as https://slack-gov.com/api/';
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError('SLACK_API_URL', 'is not a URL', fix);
  }
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback))
    throw new ConfigError('SLACK_API_URL', `uses ${url.protocol} to ${url.hostname}, which would send the bot token unencrypted`, fix);
}

function requireToken(value: string | undefined, variable: string, prefix: string, fix: string): string {
  if (!value) throw new ConfigError(variable, 'is not set', fix);
  // Never quote the value: this message is logged.
  if (!value.startsWith(prefix)) throw new ConfigError(variable, `does not start with "${prefix}"`, fix);
  return value;
}
