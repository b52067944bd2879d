import { tmpdir } from 'node:os';
import { FileReferenceStore, StorageReferenceStore, type TeamsAdapter } from '@kaeru/adapter-teams';
import { createMemoryStorage, InMemoryMetrics, silentLogger } from '@kaeru/core';
import { buildAdapters, secretValues } from './compose';

const context = (env: NodeJS.ProcessEnv) => ({ env, logger: silentLogger, metrics: new InMemoryMetrics(), baseDir: tmpdir(), storage: createMemoryStorage() });
const SLACK = { SLACK_BOT_TOKEN: 'xoxb-1-secret', SLACK_SIGNING_SECRET: 'signing-secret-value' };

function configError(run: () => unknown): { setting: string; message: string } {
  try {
    run();
  } catch (error) {
    expect(error).toMatchObject({ code: 'config_invalid' });
    return error as { setting: string; message: string };
  }
  throw new Error('expected a ConfigError');
}

describe('kaeru serve: adapters from the config file, secrets from the environment', () => {
  it('builds the Slack adapter with its webhook route', () => {
    const [slack] = buildAdapters({ slack: { path: '/hooks/slack' } }, context(SLACK));
    expect(slack.name).toBe('slack');
    expect((slack as unknown as { routes(): { path: string }[] }).routes().map((r) => r.path)).toEqual(['/hooks/slack']);
  });

  it('lets the environment override a setting of the file (SLACK_TRANSPORT=socket: no webhook)', () => {
    const [slack] = buildAdapters({ slack: { transport: 'http' } }, context({ ...SLACK, SLACK_TRANSPORT: 'socket', SLACK_APP_TOKEN: 'xapp-1' }));
    expect((slack as unknown as { routes(): unknown[] }).routes()).toEqual([]);
  });

  it('names the missing variable, without quoting any secret', () => {
    expect(configError(() => buildAdapters({ slack: {} }, context({ SLACK_SIGNING_SECRET: 'signing-secret-value' }))).setting).toBe('SLACK_BOT_TOKEN');
    const error = configError(() => buildAdapters({ slack: {} }, context({ SLACK_BOT_TOKEN: 'xoxb-1-secret' })));
    expect(error.setting).toBe('SLACK_SIGNING_SECRET');
    expect(error.message).not.toContain('xoxb-1-secret');
  });

  it('builds the Teams adapter; a missing Azure Bot setting names its variable', () => {
    expect(configError(() => buildAdapters({ teams: {} }, context({}))).setting).toBe('MicrosoftAppId');
    const [slack, teams] = buildAdapters({ slack: {}, teams: { path: '/hooks/teams' } }, context({ ...SLACK, KAERU_TEAMS_AUTH: 'disabled-for-local-testing' }));
    expect([slack.name, teams.name]).toEqual(['slack', 'teams']);
    expect((teams as unknown as { routes(): { path: string }[] }).routes().map((r) => r.path)).toEqual(['/hooks/teams']);
  });

  it('keeps Teams conversation references in kaeru storage, or in a file when referencesFile says so', async () => {
    const env = { KAERU_TEAMS_AUTH: 'disabled-for-local-testing' };
    const storage = createMemoryStorage();
    const [teams] = buildAdapters({ teams: {} }, { ...context(env), storage }) as unknown as [TeamsAdapter];
    expect(teams.references).toBeInstanceOf(StorageReferenceStore);
    await teams.references.put('teams:T:aad', { channelId: 'msteams', serviceUrl: 'https://s/', tenantId: 'T', updatedAt: '2026-12-07T00:00:00.000Z' });
    expect((await storage.adapterData.list('teams.references')).map((e) => e.key)).toEqual(['teams:T:aad']);
    const [fromFile] = buildAdapters({ teams: { referencesFile: 'refs.json' } }, context(env)) as unknown as [TeamsAdapter];
    expect(fromFile.references).toBeInstanceOf(FileReferenceStore);
  });

  it('refuses to serve nothing', () => {
    expect(configError(() => buildAdapters(undefined, context(SLACK))).message).toContain('adapters: is not set. Fix: add "adapters": ["slack"]');
    expect(configError(() => buildAdapters({}, context(SLACK))).message).toContain('adapters: lists no chat platform');
  });

  it('collects every secret to scrub from logs: platform variables and the database password', () => {
    const env = { ...SLACK, SLACK_APP_TOKEN: '', MicrosoftAppPassword: 'azure~secret', PATH: '/usr/bin' };
    const values = secretValues(env, { type: 'postgres', url: 'postgres://kaeru:p%40ss@db:5432/kaeru' });
    expect(values).toEqual(expect.arrayContaining(['xoxb-1-secret', 'signing-secret-value', 'azure~secret', 'postgres://kaeru:p%40ss@db:5432/kaeru', 'p%40ss', 'p@ss']));
    expect(values).not.toContain('');
    expect(values).not.toContain('/usr/bin');
  });
});
