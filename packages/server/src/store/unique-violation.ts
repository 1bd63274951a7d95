/** A write hit a unique constraint; `column` says which one when the driver tells us. */
export class UniqueViolation extends Error {
  constructor(readonly column: string | null) {
    super(`Unique constraint violated${column ? ` on ${column}` : ''}`);
    this.name = 'UniqueViolation';
  }
}

/**
 * Recognises unique-constraint errors from better-sqlite3 ("UNIQUE constraint failed: t.col") and
 * pg (SQLSTATE 23505, detail "Key (col)=(…) already exists"), so two racing writers get a clean 422, not a 500.
 */
export function asUniqueViolation(error: unknown): UniqueViolation | null {
  if (!(error instanceof Error)) return null;
  const { code, constraint, detail } = error as Error & { code?: string; constraint?: string; detail?: string };
  if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
    const match = /UNIQUE constraint failed: \w+\.(\w+)/.exec(error.message);
    return new UniqueViolation(match?.[1] ?? null);
  }
  if (code === '23505') {
    // pg's detail names the column for every key, primary ones included: 'Key (kid)=(…) already exists.'
    const keyColumn = /^Key \("?([^",)]+)"?[,)]/.exec(detail ?? '')?.[1];
    if (keyColumn) return new UniqueViolation(keyColumn);
    const column = (constraint ?? '')
      .replace(/^(user|email_address|phone_number|secret_key)_/, '')
      .replace(/_key$/, '');
    return new UniqueViolation(column || null);
  }
  return null;
}
