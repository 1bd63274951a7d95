/** A write hit a unique constraint; `column` says which one when the driver tells us. */
export class UniqueViolation extends Error {
  constructor(readonly column: string | null) {
    super(`Unique constraint violated${column ? ` on ${column}` : ''}`);
    this.name = 'UniqueViolation';
  }
}

/**
 * Recognises unique-constraint errors from better-sqlite3 ("UNIQUE constraint failed: t.col") and
 * pg (SQLSTATE 23505, constraint "t_col_key"), so two racing writers get a clean 422, not a 500.
 */
export function asUniqueViolation(error: unknown): UniqueViolation | null {
  if (!(error instanceof Error)) return null;
  const { code, constraint } = error as Error & { code?: string; constraint?: string };
  if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
    const match = /UNIQUE constraint failed: \w+\.(\w+)/.exec(error.message);
    return new UniqueViolation(match?.[1] ?? null);
  }
  if (code === '23505') {
    const column = (constraint ?? '').replace(/^(user|email_address|phone_number|secret_key)_/, '').replace(/_key$/, '');
    return new UniqueViolation(column || null);
  }
  return null;
}
