import { webhookEndpoints } from '@latch/protocol';
import { toAuditLogEntryJSON } from '../../domain/audit/audit-log-entry.js';
import { type Route, route } from './route.js';
import { listResponse } from './sessions/list-response.js';

/** `GET /audit_logs`: the event log, filtered by time, action, actor and target. */
export const AUDIT_LOG_ROUTES: Route[] = [
  route(webhookEndpoints.listAuditLogs, async ({ query }, { store }) => {
    const filter = {
      since: query.since,
      until: query.until,
      types: query.action,
      actorId: query.actor_id,
      targetId: query.target_id,
    };
    const [events, total] = await Promise.all([
      store.webhooks.events.list(filter, { limit: query.limit, offset: query.offset }),
      store.webhooks.events.count(filter),
    ]);
    return listResponse(events.map(toAuditLogEntryJSON), total, query.paginated);
  }),
];
