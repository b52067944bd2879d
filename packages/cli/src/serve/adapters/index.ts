import type { AdapterPlugin } from './plugin';
import { slackPlugin } from './slack';
import { teamsPlugin } from './teams';

export type { AdapterContext, AdapterPlugin } from './plugin';

/**
 * Every adapter `kaeru serve` can run, by config name. The config schema, the secret
 * redaction and the composition all read this list: a new platform is one file in this
 * folder plus one entry here.
 *
 */
export const ADAPTER_PLUGINS: readonly AdapterPlugin<any>[] = [slackPlugin, teamsPlugin]; // eslint-disable-line @typescript-eslint/no-explicit-any -- each plugin types its own settings

export function adapterPlugin(name: string): AdapterPlugin | undefined {
  return ADAPTER_PLUGINS.find((plugin) => plugin.name === name);
}
