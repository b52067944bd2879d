import { describe, it } from '@jest/globals';
import { storageContract } from '@kaeru/core/testing';
import { createTypeormStorage } from '@kaeru/storage-typeorm';
import { freshDatabase } from './server-database';

const url = process.env.KAERU_TEST_MYSQL_URL;

if (url) {
  storageContract('mysql (typeorm)', async () => createTypeormStorage({ type: 'mysql', url: await freshDatabase('mysql', url) }));
} else {
  describe.skip('storage contract: mysql (set KAERU_TEST_MYSQL_URL=mysql://user:pass@127.0.0.1:3306/db to run it)', () => {
    it('runs the storage contract', () => {});
  });
}
