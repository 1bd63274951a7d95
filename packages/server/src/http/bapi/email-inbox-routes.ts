import type { Route } from './route.js';

/** Filled in by the email-inbox work. */
export const EMAIL_INBOX_ROUTES: Route[] = [];
