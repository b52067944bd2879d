import 'reflect-metadata';
import { createConsoleAdapter } from '@kaeru/adapter-console';
import { createBot } from '@kaeru/core';
import { JsonFileStorage } from './json-file-storage';

// kaeru on your own storage backend: the console bot of examples/console, its data in plain JSON files.
const room = { id: 'dev', name: '開発部', timeZone: 'Asia/Tokyo', hearingAt: '09:00', reportAt: '10:00', teiji: '18:00', members: ['sato', 'amy'] };
const members = [
  { id: 'sato', name: '佐藤 花子' },
  { id: 'amy', name: 'Amy Lee', locale: 'en' as const },
];

async function main(): Promise<void> {
  const terminal = createConsoleAdapter({ input: process.stdin, output: process.stdout, members, rooms: [room], timeZone: room.timeZone });
  const bot = createBot({
    config: { rooms: [room], members },
    storage: new JsonFileStorage('data'), // ./data/members.json, rooms.json, jobs.json, …
    adapters: [terminal],
  });
  await bot.start();
  await terminal.closed; // end of input, or /quit
  await bot.stop();
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
