import type { FapiRoute } from '../fapi-route.js';
import { createDevBrowser } from '../handshake/create-dev-browser.js';
import { getHandshake } from '../handshake/get-handshake.js';
import { touchClient } from '../handshake/touch-client.js';

/** The handshake and the browser-level plumbing around it (touch, dev browser); PROTOCOL.md §3. */
export const HANDSHAKE_ROUTES: FapiRoute[] = [getHandshake, touchClient, createDevBrowser];
