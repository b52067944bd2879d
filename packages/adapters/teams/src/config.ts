import { ConfigError, type Logger, type Metrics } from '@kaeru/core';
import type { ConversationReferenceStore } from './proactive/reference-store';

/** `on` (the default) checks every request's Bot Framework JWT; the other value exists for the emulator and local tests only. */
export type TeamsAuthMode = 'on' | 'disabled-for-local-testing';

export type TeamsAppType = 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';

export interface TeamsAdapterConfig {
  /** The Azure Bot's app (client) id (env `MicrosoftAppId`). */
  appId?: string;
  /** Client secret (env `MicrosoftAppPassword`); or a certificate below. */
  appPassword?: string;
  /** Env `CertificateThumbprint`, with `certificatePrivateKey` (PEM, env `CertificatePrivateKey`). */
  certificateThumbprint?: string;
  certificatePrivateKey?: string;
  /** Directory (tenant) id (env `MicrosoftAppTenantId`); required for SingleTenant and UserAssignedMSI. */
  tenantId?: string;
  /** Env `MicrosoftAppType`. */
  appType?: TeamsAppType;
  /** Env `KAERU_TEAMS_AUTH`; default `on`. */
  auth?: TeamsAuthMode;
  /** Where the server mounts the messaging endpoint. Default `/api/messages`. */
  path?: string;
  /**
   * Declared send rate for core's outbox (all conversations together). Default 5: Teams
   * allows a bot 7 messages a second in one conversation and about 50 a second per tenant,
   * and a first hearing to a member costs two calls (create the chat, post).
   */
  sendsPerSecond?: number;
  /** Service URL for members never seen in any conversation of their tenant. Default Teams' global one. */
  defaultServiceUrl?: string;
  /** The bot's channel account id (`28:<app id>`), needed to create chats with auth off. */
  botId?: string;
  /** Where conversation references live; in memory by default (lost on restart: give a file store in production). */
  references?: ConversationReferenceStore;
  /**
   * Bot Framework's OpenID metadata URL for channel tokens (sovereign clouds, tests).
   * Default the public cloud's `https://login.botframework.com/v1/.well-known/openidconfiguration`.
   */
  openIdMetadataUrl?: string;
  logger?: Logger;
  metrics?: Metrics;
  /** The environment to check `NODE_ENV` in. Default `process.env`. */
  env?: NodeJS.ProcessEnv;
}

export interface ResolvedTeamsConfig extends TeamsAdapterConfig {
  appId: string;
  auth: TeamsAuthMode;
  path: string;
  sendsPerSecond: number;
  defaultServiceUrl: string;
}

/** Teams' global service URL; regional ones (`…/amer/`, `…/emea/`) also accept it. */
export const TEAMS_GLOBAL_SERVICE_URL = 'https://smba.trafficmanager.net/teams/';
const APP_TYPES: TeamsAppType[] = ['MultiTenant', 'SingleTenant', 'UserAssignedMSI'];
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PORTAL = 'in the Azure portal, Azure Bot → Configuration';

/** Checks the settings at start; a missing or malformed one names its environment variable and the fix. */
export function resolveTeamsConfig(config: TeamsAdapterConfig): ResolvedTeamsConfig {
  const env = config.env ?? process.env;
  const auth = config.auth ?? 'on';
  if (auth !== 'on' && auth !== 'disabled-for-local-testing')
    throw new ConfigError('KAERU_TEAMS_AUTH', `"${String(auth)}" is not an auth mode`, 'leave it unset (JWT checked) or use "disabled-for-local-testing" with the emulator');
  if (auth === 'disabled-for-local-testing') {
    if (env.NODE_ENV === 'production')
      throw new ConfigError('KAERU_TEAMS_AUTH', 'authentication cannot be disabled when NODE_ENV=production', 'unset KAERU_TEAMS_AUTH and set MicrosoftAppId / MicrosoftAppPassword');
    // With an app id, botbuilder would check tokens after all: refuse the ambiguous setting.
    if (config.appId)
      throw new ConfigError('MicrosoftAppId', 'is set while KAERU_TEAMS_AUTH=disabled-for-local-testing', 'unset MicrosoftAppId for the emulator, or unset KAERU_TEAMS_AUTH');
  } else checkCredentials(config);
  const sendsPerSecond = config.sendsPerSecond ?? 5;
  if (!(sendsPerSecond > 0))
    throw new ConfigError('teams.sendsPerSecond', `${sendsPerSecond} is not a positive rate`, 'leave it out (5 per second) or give a number above 0');
  return {
    ...config,
    appId: config.appId ?? '',
    auth,
    path: config.path ?? '/api/messages',
    sendsPerSecond,
    defaultServiceUrl: config.defaultServiceUrl ?? TEAMS_GLOBAL_SERVICE_URL,
  };
}

function checkCredentials(config: TeamsAdapterConfig): void {
  if (!config.appId) throw new ConfigError('MicrosoftAppId', 'is not set', `copy the Microsoft App ID ${PORTAL}`);
  if (!GUID.test(config.appId)) throw new ConfigError('MicrosoftAppId', 'is not a GUID', `copy the Microsoft App ID ${PORTAL}`);
  if (!config.appType) throw new ConfigError('MicrosoftAppType', 'is not set', `use ${APP_TYPES.join(', ')} (the "Type of App" of your Azure Bot)`);
  if (!APP_TYPES.includes(config.appType))
    throw new ConfigError('MicrosoftAppType', `"${String(config.appType)}" is not an app type`, `use ${APP_TYPES.join(', ')}`);
  if (config.appType !== 'MultiTenant' && !config.tenantId)
    throw new ConfigError('MicrosoftAppTenantId', `is required for ${config.appType}`, `copy the App Tenant ID ${PORTAL}`);
  if (config.tenantId && !GUID.test(config.tenantId)) throw new ConfigError('MicrosoftAppTenantId', 'is not a GUID', `copy the App Tenant ID ${PORTAL}`);
  if (config.appType === 'UserAssignedMSI') return;
  const hasCertificate = !!config.certificateThumbprint || !!config.certificatePrivateKey;
  if (hasCertificate && !(config.certificateThumbprint && config.certificatePrivateKey))
    throw new ConfigError(config.certificateThumbprint ? 'CertificatePrivateKey' : 'CertificateThumbprint', 'is not set', 'give both the certificate thumbprint and its PEM private key');
  if (!hasCertificate && !config.appPassword)
    throw new ConfigError('MicrosoftAppPassword', 'is not set', 'create a client secret under the app registration → Certificates & secrets (or give CertificateThumbprint + CertificatePrivateKey)');
}

/** The adapter's settings from the environment, with botbuilder's variable names; validated by `resolveTeamsConfig`. */
export function teamsConfigFromEnv(env: NodeJS.ProcessEnv = process.env): TeamsAdapterConfig {
  return {
    appId: env.MicrosoftAppId || undefined,
    appPassword: env.MicrosoftAppPassword || undefined,
    tenantId: env.MicrosoftAppTenantId || undefined,
    appType: (env.MicrosoftAppType || undefined) as TeamsAppType | undefined,
    certificateThumbprint: env.CertificateThumbprint || undefined,
    certificatePrivateKey: env.CertificatePrivateKey || undefined,
    auth: (env.KAERU_TEAMS_AUTH || undefined) as TeamsAuthMode | undefined,
    env,
  };
}
