import { ConfigError } from '@kaeru/core';
import { createSlackAdapter, slackConfigFromEnv } from '@kaeru/adapter-slack';

describe('Slack adapter configuration', () => {
  const fail = (config: Parameters<typeof createSlackAdapter>[0]) => {
    try {
      createSlackAdapter(config);
    } catch (error) {
      return error as ConfigError;
    }
    throw new Error('expected a ConfigError');
  };

  it('names SLACK_BOT_TOKEN when the token is missing or not a bot token', () => {
    expect(fail({ signingSecret: 's' })).toMatchObject({ name: 'ConfigError', setting: 'SLACK_BOT_TOKEN' });
    const wrong = fail({ botToken: 'xapp-1-secretpart', signingSecret: 's' });
    expect(wrong.message).toContain('SLACK_BOT_TOKEN: does not start with "xoxb-"');
    expect(wrong.message).not.toContain('secretpart');
  });

  it('names SLACK_SIGNING_SECRET for the HTTP transport', () => {
    expect(fail({ botToken: 'xoxb-1' })).toMatchObject({ setting: 'SLACK_SIGNING_SECRET' });
    expect(fail({ botToken: 'xoxb-1' }).message).toMatch(/Fix: copy the Signing Secret/);
  });

  it('names SLACK_APP_TOKEN for Socket Mode, which needs no signing secret', () => {
    expect(fail({ botToken: 'xoxb-1', transport: 'socket' })).toMatchObject({ setting: 'SLACK_APP_TOKEN' });
    expect(() => createSlackAdapter({ botToken: 'xoxb-1', transport: 'socket', appToken: 'xapp-1' }).routes()).not.toThrow();
  });

  it('names SLACK_TRANSPORT when it is neither http nor socket', () => {
    expect(fail({ botToken: 'xoxb-1', signingSecret: 's', transport: 'smoke' as never })).toMatchObject({ setting: 'SLACK_TRANSPORT' });
  });

  it('reads SLACK_* from the environment', () => {
    expect(slackConfigFromEnv({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's', SLACK_TRANSPORT: 'socket', SLACK_APP_TOKEN: 'xapp-1', SLACK_TEAM_ID: '' })).toEqual({
      botToken: 'xoxb-1',
      signingSecret: 's',
      appToken: 'xapp-1',
      transport: 'socket',
      teamId: undefined,
    });
  });

  it('reads SLACK_API_URL (GovSlack, a gateway, a fake) and refuses to send the token over plain http elsewhere', () => {
    expect(slackConfigFromEnv({ SLACK_API_URL: 'https://slack-gov.com/api/' }).apiUrl).toBe('https://slack-gov.com/api/');
    const ok = { botToken: 'xoxb-1', signingSecret: 's' };
    expect(() => createSlackAdapter({ ...ok, apiUrl: 'https://slack-gov.com/api/' })).not.toThrow();
    expect(() => createSlackAdapter({ ...ok, apiUrl: 'http://127.0.0.1:9999/api/' })).not.toThrow();
    expect(fail({ ...ok, apiUrl: 'http://proxy.example.com/api/' })).toMatchObject({ setting: 'SLACK_API_URL' });
    expect(fail({ ...ok, apiUrl: 'slack.com/api' }).message).toContain('SLACK_API_URL: is not a URL');
  });
});
