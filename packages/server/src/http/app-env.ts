import type { HeaderList } from './staged-headers.js';

/** Per-request values Hono carries between middleware. */
export interface AppEnv {
  Variables: { requestId: string; stagedHeaders: HeaderList };
}
