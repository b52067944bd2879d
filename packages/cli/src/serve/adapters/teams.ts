import { resolve } from 'node:path';
import type { TeamsAdapterConfig } from '@kaeru/adapter-teams';
import { z } from 'zod';
import type { AdapterPlugin } from './plugin';

const settings = z.strictObject({
  /** Where the server mounts the Bot Framework messaging endpoint. Default `/api/messages`. */
  path: z.string().regex(/^\/\S*$/).optional(),
  /** Declared send rate for the outbox. Default 5 per second. */
  sendsPerSecond: z.number().positive().optional(),
  /** Service URL for members never seen in a conversation. Default Teams' global one. */
  defaultServiceUrl: z.url().optional(),
  /**
   * A JSON file for conversation references (needed to DM a member), relative to the config
   * file, instead of kaeru's database (the default, shared by every instance). One process per file.
   */
  referencesFile: z.string().min(1).optional(),
});

export type TeamsSettings = z.infer<typeof settings>;

export const teamsPlugin: AdapterPlugin<TeamsSettings> = {
  name: 'teams',
  settings,
  secretKeys: { appPassword: 'MicrosoftAppPassword', password: 'MicrosoftAppPassword', certificatePrivateKey: 'CertificatePrivateKey' },
  secretEnv: ['MicrosoftAppPassword', 'CertificatePrivateKey'],
  create({ referencesFile, ...fileSettings }, { env, logger, metrics, baseDir, storage }) {
    // Required here, not imported at the top: botbuilder takes a second to load, and only Teams needs it.
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- lazy on purpose, see above
    const teams = require('@kaeru/adapter-teams') as typeof import('@kaeru/adapter-teams');
    const fromEnv = Object.fromEntries(Object.entries(teams.teamsConfigFromEnv(env)).filter(([, v]) => v !== undefined)) as TeamsAdapterConfig;
    // References in memory would be lost on restart, and with them every member's DM; in the
    // database every instance sees the chats any of them learned. A file only when asked for.
    const references = referencesFile
      ? new teams.FileReferenceStore(resolve(baseDir, referencesFile))
      : new teams.StorageReferenceStore(storage.adapterData);
    return teams.createTeamsAdapter({ ...fileSettings, ...fromEnv, references, logger, metrics });
  },
};
