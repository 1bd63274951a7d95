/**
 * Replaces `{name}` placeholders in one pass. A value is inserted as is and never scanned again, so a
 * user-chosen name such as `{code}` stays literal text. A placeholder without a value is a bug in a
 * dictionary, and throws rather than mailing a raw `{name}` to a user.
 *
 * @example
 * fillPlaceholders('{code} is your code', { code: '123456' }) // '123456 is your code'
 */
export function fillPlaceholders(message: string, values: Readonly<Record<string, string>>): string {
  return message.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = Object.hasOwn(values, name) ? values[name] : undefined;
    if (value === undefined) throw new Error(`Email message "${message}" uses {${name}}, which has no value`);
    return value;
  });
}
