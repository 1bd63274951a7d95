// The baseline HTTP server: Hono on @hono/node-server with one GET route returning a small JSON object.
// Same framework and adapter Latch uses, none of its work (auth, database, serialization of a user).
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { serveCalls } from '../lib/ipc.js';

let server = null;

serveCalls({
  async start() {
    const app = new Hono();
    app.get('/api/v1/users/:user_id', (c) =>
      c.json({ object: 'user', id: c.req.param('user_id'), first_name: 'Bench', last_name: 'User', banned: false }),
    );
    const info = await new Promise((resolve, reject) => {
      server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, resolve);
      server.once('error', reject);
    });
    return { url: `http://127.0.0.1:${info.port}` };
  },
  async stop() {
    if (!server) return;
    const closing = server;
    server = null;
    await new Promise((resolve) => {
      closing.close(() => resolve());
      closing.closeIdleConnections();
    });
  },
});
