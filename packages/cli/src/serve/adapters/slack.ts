import type { SlackAdapterConfig } from '@kaeru/adapter-slack';
import { z } from 'zod';
import type { AdapterPlugin } from './plugin';

const settings = z.strictObject({
  /** `http` (Events API, default) or `socket` (Socket Mode); env SLACK_TRANSPORT wins. */
  transport: z.enum(['http', 'socket']).optional(),
  /** Where the server mounts the Events API webhook. Default `/slack/events`. */
  path: z.string().regex(/^\/\S*$/).optional(),
  /** Workspace id for payloads that carry none; env SLACK_TEAM_ID wins. */
  teamId: z.string().min(1).optional(),
  /** Declared send rate for the outbox. Default 1 per second. */
  sendsPerSecond: z.number().positive().optional(),
});

export type SlackSettings = z.infer<typeof settings>;

export const slackPlugin: AdapterPlugin<SlackSettings> = {
  name: 'slack',
  settings,
  secretKeys: { botToken: 'SLACK_BOT_TOKEN', token: 'SLACK_BOT_TOKEN', signingSecret: 'SLACK_SIGNING_SECRET', appToken: 'SLACK_APP_TOKEN' },
  secretEnv: ['SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET', 'SLACK_APP_TOKEN'],
  create(fileSettings, { env, logger, metrics }) {
    // Required here, not imported at the top: `kaeru console` never loads a platform SDK.
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- lazy on purpose, see above
    const slack = require('@kaeru/adapter-slack') as typeof import('@kaeru/adapter-slack');
    // The environment wins over the file, so a deployment can override a committed setting.
    const fromEnv = Object.fromEntries(Object.entries(slack.slackConfigFromEnv(env)).filter(([, v]) => v !== undefined)) as SlackAdapterConfig;
    return slack.createSlackAdapter({ ...fileSettings, ...fromEnv, logger, metrics });
  },
};
