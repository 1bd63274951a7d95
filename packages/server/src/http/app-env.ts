/** Per-request values Hono carries between middleware. */
export interface AppEnv {
  Variables: { requestId: string };
}
