import { USER_LIMITS } from '@latch/protocol';
import { formError } from '../../errors.js';
import type { Metadata } from '../../store/records.js';

export const METADATA_KINDS = ['public_metadata', 'private_metadata', 'unsafe_metadata'] as const;
export type MetadataKind = (typeof METADATA_KINDS)[number];

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Deep-merges `patch` into `target` as Clerk's `PATCH /users/{id}/metadata` does: objects merge key by
 * key at any depth, a `null` value deletes its key, anything else replaces.
 *
 * @example
 * mergeMetadata({ a: { b: 1, c: 2 }, d: 3 }, { a: { b: null }, d: 4 }) // { a: { c: 2 }, d: 4 }
 */
export function mergeMetadata(target: Metadata, patch: Metadata): Metadata {
  const result: Metadata = { ...target };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key];
    else if (isPlainObject(value) && isPlainObject(result[key])) define(result, key, mergeMetadata(result[key], value));
    else define(result, key, stripNulls(value));
  }
  return result;
}

/** Plain assignment to a key named `__proto__` would swap the prototype; define it as data instead. */
function define(object: Metadata, key: string, value: unknown): void {
  Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
}

/** New subtrees carry no `null` deletions of their own: drop them so stored metadata has no dead keys. */
function stripNulls(value: unknown): unknown {
  if (!isPlainObject(value)) return value;
  return mergeMetadata({}, value);
}

/** Throws a 422 when one metadata object would exceed Clerk's 8 KB limit. */
export function assertMetadataSize(kind: MetadataKind, metadata: Metadata): void {
  if (serializedBytes(metadata) > USER_LIMITS.metadataMaxBytes) {
    throw formError(
      'form_param_max_length_exceeded',
      kind,
      'is too large',
      `${kind} must be at most ${USER_LIMITS.metadataMaxBytes} bytes when serialised as JSON.`,
    );
  }
}

/**
 * Size as JSON. A body may nest tens of thousands of levels (JSON.parse copes); JSON.stringify then
 * overflows the stack. Anything that deep is far over the limit, so it counts as infinitely large.
 */
function serializedBytes(value: unknown): number {
  try {
    return Buffer.byteLength(JSON.stringify(value));
  } catch (error) {
    if (error instanceof RangeError) return Number.POSITIVE_INFINITY;
    throw error;
  }
}
