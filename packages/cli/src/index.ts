export { runCli } from './program';
export { runConsole, type ConsoleOptions } from './commands/console';
export { runMigrate, type MigrateOptions } from './commands/migrate';
export { loadConfig, parseConfig, validateConfig, findConfigFile, settingPath, CONFIG_FILE_NAMES, type LoadedConfig } from './config/load-config';
export { configFileSchema, type ConfigFile, type StorageSetting } from './config/schema';
export { resolveDatabase, describeDatabase, DEFAULT_SQLITE_FILE, DATABASE_URL_ENV, type DatabaseOptions } from './config/database';
export { DEMO_CONFIG } from './demo';
export { defaultVirtualStart, parseStart } from './virtual-start';
export { EXIT, type CliIo } from './cli-io';
