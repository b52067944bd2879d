export * from './test-bot';
export * from './recording-adapter';
export * from './storage-contract';
export * from './fixtures';
