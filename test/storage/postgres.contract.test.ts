import { describe, it } from '@jest/globals';
import { storageContract } from '@kaeru/core/testing';
import { createTypeormStorage } from '@kaeru/storage-typeorm';
import { freshDatabase } from './server-database';

const url = process.env.KAERU_TEST_POSTGRES_URL;

if (url) {
  storageContract('postgres (typeorm)', async () => createTypeormStorage({ type: 'postgres', url: await freshDatabase('postgres', url) }));
} else {
  describe.skip('storage contract: postgres (set KAERU_TEST_POSTGRES_URL=postgres://user@127.0.0.1:5432/db to run it)', () => {
    it('runs the storage contract', () => {});
  });
}
