import { CallerIdConstants, ConfigurationBotFrameworkAuthentication, type ConfigurationBotFrameworkAuthenticationOptions } from 'botbuilder';
import type { ResolvedTeamsConfig } from '../config';

/**
 * The public cloud's endpoints (botframework-connector's `AuthenticationConstants`, which
 * `botbuilder` does not re-export; kaeru declares no dependency on the connector package).
 */
const PUBLIC_CLOUD = {
  ToChannelFromBotLoginUrl: 'https://login.microsoftonline.com/botframework.com',
  ToChannelFromBotOAuthScope: 'https://api.botframework.com',
  ToBotFromChannelTokenIssuer: 'https://api.botframework.com',
  OAuthUrl: 'https://api.botframework.com',
  ToBotFromEmulatorOpenIdMetadataUrl: 'https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration',
};

/**
 * botbuilder's authentication from kaeru's settings: inbound JWT validation and
 * outbound credentials. With auth disabled every credential is left empty, which is
 * what makes botbuilder skip both (no token is checked or fetched).
 */
export function createAuthentication(config: ResolvedTeamsConfig): ConfigurationBotFrameworkAuthentication {
  if (config.auth === 'disabled-for-local-testing') return new ConfigurationBotFrameworkAuthentication({});
  const options: ConfigurationBotFrameworkAuthenticationOptions & Record<string, unknown> = {
    MicrosoftAppId: config.appId,
    MicrosoftAppPassword: config.appPassword,
    MicrosoftAppType: config.appType,
    MicrosoftAppTenantId: config.tenantId,
    CertificateThumbprint: config.certificateThumbprint,
    CertificatePrivateKey: config.certificatePrivateKey,
  };
  if (config.openIdMetadataUrl) {
    // Setting one endpoint makes botbuilder treat every endpoint as given, so give the
    // public cloud's values for the rest.
    Object.assign(options, {
      ...PUBLIC_CLOUD,
      ValidateAuthority: true,
      ToBotFromChannelOpenIdMetadataUrl: config.openIdMetadataUrl,
      CallerId: CallerIdConstants.PublicAzureChannel,
    });
  }
  return new ConfigurationBotFrameworkAuthentication(stripUndefined(options));
}

function stripUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
