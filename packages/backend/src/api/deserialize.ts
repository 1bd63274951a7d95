import { toCamelKeys } from './case-conversion.js';
import type { EmailAddress, PhoneNumber } from './resources.js';

type JSONObject = Record<string, unknown>;

/**
 * Wire JSON → SDK values, as Clerk's `deserialize` does: `{ data, total_count }` → `{ data, totalCount }`,
 * arrays item by item, resources camelCased with their raw JSON kept (non-enumerable) as `raw`, users
 * given Clerk's computed `primaryEmailAddress`, `primaryPhoneNumber` and `fullName`.
 */
export function deserialize(json: unknown): unknown {
  if (Array.isArray(json)) return json.map(deserializeObject);
  if (isObject(json) && Array.isArray(json.data) && 'total_count' in json) {
    return { data: json.data.map(deserializeObject), totalCount: json.total_count };
  }
  return deserializeObject(json);
}

function deserializeObject(json: unknown): unknown {
  if (!isObject(json)) return json;
  if (json.object === 'total_count') return json.total_count;
  const resource = toCamelKeys(json) as JSONObject;
  if (json.deleted === true) return resource;
  if (typeof json.object === 'string' && typeof json.id === 'string') {
    Object.defineProperty(resource, 'raw', { value: json, enumerable: false });
  }
  if (json.object === 'user') addUserGetters(resource);
  return resource;
}

function addUserGetters(user: JSONObject): void {
  const emails = (user.emailAddresses ?? []) as EmailAddress[];
  const phones = (user.phoneNumbers ?? []) as PhoneNumber[];
  user.privateMetadata ??= {};
  user.primaryEmailAddress = emails.find((email) => email.id === user.primaryEmailAddressId) ?? null;
  user.primaryPhoneNumber = phones.find((phone) => phone.id === user.primaryPhoneNumberId) ?? null;
  const name = [user.firstName, user.lastName].filter((part) => typeof part === 'string' && part !== '').join(' ');
  user.fullName = name === '' ? null : name;
}

function isObject(value: unknown): value is JSONObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
