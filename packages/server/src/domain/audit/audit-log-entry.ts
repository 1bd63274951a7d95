import type { AuditLogEntryJSON } from '@latch/protocol';
import type { EventRecord } from '../../store/webhook-store.js';

/** An event as the audit log shows it: action, actor, target, address, time. */
export function toAuditLogEntryJSON(event: EventRecord): AuditLogEntryJSON {
  return {
    object: 'audit_log_entry',
    id: event.id,
    action: event.type,
    actor: { type: event.actorType, id: event.actorId },
    target: { type: event.targetType, id: event.targetId },
    ip_address: event.clientIp,
    user_agent: event.userAgent,
    data: event.data,
    created_at: event.createdAt,
  };
}
