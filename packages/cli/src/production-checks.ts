/**
 * What `latch start` refuses to run without. Each problem names the variable to set and why,
 * and all are reported together so one restart fixes them all.
 */
export function findProductionProblems(env: Record<string, string | undefined>): string[] {
  const problems: string[] = [];
  const frontendApiUrl = env.LATCH_FRONTEND_API_URL;
  if (!frontendApiUrl) {
    problems.push(
      'LATCH_FRONTEND_API_URL is not set. Set it to the public https URL browsers reach Latch at, e.g. https://auth.example.com.',
    );
  } else {
    let url: URL | null = null;
    try {
      url = new URL(frontendApiUrl);
    } catch {
      problems.push(`LATCH_FRONTEND_API_URL is not a URL: ${frontendApiUrl}`);
    }
    if (url && url.protocol !== 'https:') {
      problems.push(
        'LATCH_FRONTEND_API_URL must use https in production: session cookies are Secure and tokens travel in it.',
      );
    }
    if (url && /^(localhost|127\.|\[::1\]|0\.0\.0\.0)/.test(url.host)) {
      problems.push(
        `LATCH_FRONTEND_API_URL points at a loopback address (${url.host}); browsers of your users cannot reach it.`,
      );
    }
  }
  if (!env.DATABASE_URL) {
    problems.push(
      'DATABASE_URL is not set. Use postgres://… to run several processes, or sqlite:/absolute/path/latch.db for one.',
    );
  }
  if (!env.LATCH_SMTP_URL) {
    problems.push(
      'LATCH_SMTP_URL is not set. Production instances email verification codes: smtp://user:pass@host:587 or smtps://….',
    );
  }
  if (!env.LATCH_EMAIL_FROM) {
    problems.push('LATCH_EMAIL_FROM is not set. Give the sender address, e.g. "Acme <no-reply@acme.com>".');
  }
  if (env.LATCH_LOG_LEVEL === 'debug') {
    problems.push('LATCH_LOG_LEVEL=debug logs request details that do not belong in production logs; use info.');
  }
  return problems;
}
