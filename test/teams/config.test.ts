import { ConfigError } from '@kaeru/core';
import { createTeamsAdapter, resolveTeamsConfig, teamsConfigFromEnv } from '@kaeru/adapter-teams';
import { APP_ID, TENANT } from './teams-harness';

const settingOf = (work: () => unknown): string | undefined => {
  try {
    work();
  } catch (error) {
    if (error instanceof ConfigError) return error.setting;
    throw error;
  }
  return undefined;
};

describe('Teams configuration', () => {
  const full = { MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'secret-value', MicrosoftAppType: 'SingleTenant', MicrosoftAppTenantId: TENANT };

  it('reads botbuilder’s variable names and accepts a complete set', () => {
    expect(resolveTeamsConfig(teamsConfigFromEnv(full))).toMatchObject({ appId: APP_ID, appType: 'SingleTenant', tenantId: TENANT, auth: 'on', path: '/api/messages' });
  });

  it.each([
    ['MicrosoftAppId', { ...full, MicrosoftAppId: '' }],
    ['MicrosoftAppType', { ...full, MicrosoftAppType: '' }],
    ['MicrosoftAppTenantId', { ...full, MicrosoftAppTenantId: '' }],
    ['MicrosoftAppPassword', { ...full, MicrosoftAppPassword: '' }],
    ['MicrosoftAppType', { ...full, MicrosoftAppType: 'Whatever' }],
    ['MicrosoftAppId', { ...full, MicrosoftAppId: 'not-a-guid' }],
  ])('a missing or malformed setting names %s', (setting, env) => {
    expect(settingOf(() => createTeamsAdapter(teamsConfigFromEnv(env)))).toBe(setting);
  });

  it('MultiTenant needs no tenant; UserAssignedMSI needs no password', () => {
    expect(settingOf(() => resolveTeamsConfig(teamsConfigFromEnv({ ...full, MicrosoftAppType: 'MultiTenant', MicrosoftAppTenantId: '' })))).toBeUndefined();
    expect(settingOf(() => resolveTeamsConfig(teamsConfigFromEnv({ ...full, MicrosoftAppType: 'UserAssignedMSI', MicrosoftAppPassword: '' })))).toBeUndefined();
  });

  it('auth off is refused with NODE_ENV=production, and with an app id set', () => {
    expect(settingOf(() => createTeamsAdapter(teamsConfigFromEnv({ KAERU_TEAMS_AUTH: 'disabled-for-local-testing', NODE_ENV: 'production' })))).toBe('KAERU_TEAMS_AUTH');
    expect(settingOf(() => createTeamsAdapter(teamsConfigFromEnv({ ...full, KAERU_TEAMS_AUTH: 'disabled-for-local-testing' })))).toBe('MicrosoftAppId');
  });

  it('auth off is loudly logged at construction and start', async () => {
    const warnings: string[] = [];
    const logger = { debug() {}, info() {}, error() {}, warn: (message: string) => void warnings.push(message) };
    const adapter = createTeamsAdapter({ auth: 'disabled-for-local-testing', env: {}, logger });
    await adapter.start(async () => []);
    expect(warnings.filter((w) => w.includes('TEAMS AUTHENTICATION IS DISABLED'))).toHaveLength(2);
  });

  it('the error message never quotes the password', () => {
    try {
      createTeamsAdapter(teamsConfigFromEnv({ ...full, MicrosoftAppId: 'nope' }));
    } catch (error) {
      expect(String(error)).not.toContain('secret-value');
    }
  });
});
