import 'reflect-metadata';
import { ConfigError, createBot, InMemoryMetrics, type Member } from '@kaeru/core';
import { createSlackAdapter, slackConfigFromEnv, slackRoomId } from '@kaeru/adapter-slack';
import { createBotServer, createJsonLogger, parseLogLevel } from '@kaeru/server';
import { createTypeormStorage } from '@kaeru/storage-typeorm';

// One Slack channel is the room; its human members are asked every weekday at 09:00.
async function main(): Promise<void> {
  const env = process.env;
  const logger = createJsonLogger({ level: parseLogLevel(env.LOG_LEVEL), secrets: [env.SLACK_BOT_TOKEN, env.SLACK_SIGNING_SECRET, env.SLACK_APP_TOKEN].filter((s): s is string => !!s) });
  const metrics = new InMemoryMetrics();
  const slack = createSlackAdapter({ ...slackConfigFromEnv(env), logger, metrics });
  const storage = createTypeormStorage({ type: 'sqlite', file: env.KAERU_DB ?? 'kaeru.sqlite' });

  // Members come from the channel itself (conversations.members + users.info).
  const { teamId } = await slack.directory.whoAmI();
  const roomId = slackRoomId(teamId, required(env.KAERU_SLACK_CHANNEL, 'KAERU_SLACK_CHANNEL'));
  const memberIds = await slack.directory.roomMembers(roomId);
  const members = (await Promise.all(memberIds.map((id) => slack.directory.member(id)))).filter((m): m is Member => !!m);
  const room = { id: roomId, name: env.KAERU_ROOM_NAME ?? 'team', timeZone: env.KAERU_TIME_ZONE ?? 'Asia/Tokyo', members: members.map((m) => m.id) };

  // Joins and leaves keep the room current without a restart.
  slack.onDirectoryChange(async ({ type, roomId: changed, memberId }) => {
    const stored = await storage.rooms.get(changed);
    const member = type === 'joined' ? await slack.directory.member(memberId) : undefined;
    if (!stored || (type === 'joined' && !member)) return;
    if (member) await storage.members.upsert([member]);
    const ids = type === 'joined' ? [...new Set([...stored.members, memberId])] : stored.members.filter((id) => id !== memberId);
    await storage.rooms.upsert([{ ...stored, members: ids }]);
  });

  const bot = createBot({ config: { rooms: [room], members }, storage, adapters: [slack], logger, metrics });
  const server = createBotServer({ bot, storage, adapters: [slack], metrics, logger, port: Number(env.PORT ?? 3000) });
  await bot.start();
  await server.listen();
  process.once('SIGTERM', () => void server.close().then(() => bot.stop()).then(() => process.exit(0)));
}

function required(value: string | undefined, name: string): string {
  if (!value) throw new ConfigError(name, 'is not set', "copy the channel id (C…) from the bottom of the channel's details");
  return value;
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
