import { storageContract } from '@kaeru/core/testing';
import { createMemoryStorage } from '@kaeru/storage-memory';

storageContract('memory', async () => createMemoryStorage());
