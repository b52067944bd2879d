// TypeORM reads entity metadata through reflect-metadata: it must load before any entity.
import 'reflect-metadata';

export { type TypeormStorageOptions, type TypeormStorageTarget } from './options';
export { TypeormStorage, createTypeormStorage, migrate } from './typeorm-storage';
export { backupSqlite, restoreSqlite, type SqliteCopyResult } from './sqlite-backup';
