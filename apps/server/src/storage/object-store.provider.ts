import type { Provider } from '@nestjs/common';
import type { AppConfig } from '../config/config.ts';
import { APP_CONFIG } from '../utils/tokens.ts';
import { DataDirObjectStore } from './data-dir-object-store.ts';
import { OBJECT_STORE, type ObjectStore } from './object-store.ts';
import { S3ObjectStore } from './s3-object-store.ts';

export function createObjectStore(config: AppConfig): ObjectStore {
  return config.s3 ? new S3ObjectStore(config.s3) : new DataDirObjectStore(config.dataDir);
}

export const OBJECT_STORE_PROVIDER: Provider = {
  provide: OBJECT_STORE,
  inject: [APP_CONFIG],
  useFactory: createObjectStore,
};
