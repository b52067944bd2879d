#!/usr/bin/env node
import 'reflect-metadata';
import { runCli } from './program';

// Exit explicitly: a driver's idle pool must not keep a finished console alive.
runCli(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`[kaeru] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
