// What the `latch webhooks` command uses: endpoint management, resend and replay, as the Backend API does.
export {
  createEndpoint,
  deleteEndpoint,
  previousSecretExpiresAt,
  requireEndpoint,
  rotateEndpointSecret,
  setEndpointDisabled,
  updateEndpoint,
} from './manage-endpoints.js';
export { replayMessages, resendMessage } from './replay-messages.js';
export { privateNetworksAllowed } from './webhook-config.js';
