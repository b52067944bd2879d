import { storageContract } from '@kaeru/core/testing';
import { createTypeormStorage } from '@kaeru/storage-typeorm';
import { freshDatabase } from './server-database';

const url = process.env.KAERU_TEST_POSTGRES_URL;
// jest.config.js leaves this file out when the variable is unset.
if (!url) throw new Error('[kaeru] the postgres storage contract needs KAERU_TEST_POSTGRES_URL');

storageContract('postgres (typeorm)', async () => createTypeormStorage({ type: 'postgres', url: await freshDatabase('postgres', url) }));
