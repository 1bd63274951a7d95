import type { EmailContent } from './email-content.js';

/**
 * The plain-text part: always sent, because some clients and most screen-reader users prefer it, and
 * spam filters distrust HTML-only mail. The code sits alone on an indented line so it is easy to copy.
 *
 * @example
 * renderEmailText({ lang: 'en', applicationName: 'Acme', subject: 'Hi', heading: 'Hi', intro: 'Your code:', code: '123456', notes: [], footer: 'Acme' })
 */
export function renderEmailText(content: EmailContent): string {
  const blocks = [content.heading, content.intro];
  if (content.code !== undefined) blocks.push(`    ${content.code}`);
  if (content.action) blocks.push(`${content.action.label}: ${content.action.url}`);
  blocks.push(...content.notes, `-- \n${content.footer}`);
  return `${blocks.join('\n\n')}\n`;
}
