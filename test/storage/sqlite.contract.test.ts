import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from '@jest/globals';
import { storageContract } from '@kaeru/core/testing';
import { createTypeormStorage } from '@kaeru/storage-typeorm';

// A real SQLite file per test, in a directory the storage must create itself.
const dir = mkdtempSync(join(tmpdir(), 'kaeru-sqlite-contract-'));
let n = 0;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

storageContract('sqlite (typeorm)', async () => createTypeormStorage({ type: 'sqlite', file: join(dir, `db-${++n}`, 'kaeru.sqlite') }));
