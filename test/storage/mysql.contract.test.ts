import { storageContract } from '@kaeru/core/testing';
import { createTypeormStorage } from '@kaeru/storage-typeorm';
import { freshDatabase } from './server-database';

const url = process.env.KAERU_TEST_MYSQL_URL;
// jest.config.js leaves this file out when the variable is unset.
if (!url) throw new Error('[kaeru] the mysql storage contract needs KAERU_TEST_MYSQL_URL');

storageContract('mysql (typeorm)', async () => createTypeormStorage({ type: 'mysql', url: await freshDatabase('mysql', url) }));
