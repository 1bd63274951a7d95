import type { EmailContent } from './email-content.js';
import { escapeHTML } from './escape-html.js';

// Email clients ignore <style> blocks and most layout CSS (Gmail, Outlook), so the layout is one
// presentation table with inline styles. Colours keep at least 4.5:1 contrast on white (WCAG AA).
const FONT = "-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,Helvetica,Arial,sans-serif";
const MONOSPACE = "ui-monospace,SFMono-Regular,Menlo,Consolas,'Liberation Mono',monospace";

const row = (style: string, html: string) => `<tr><td style="${style}">${html}</td></tr>`;
const paragraph = (style: string, text: string) => `<p style="margin:0;${style}">${escapeHTML(text)}</p>`;

/**
 * Lays out an email as a small, accessible HTML document. Every string from `content` is escaped
 * here, in one place, so nothing a user typed (a name, an organization) can become markup.
 *
 * @example
 * renderEmailHTML({ lang: 'en', applicationName: 'Acme', subject: 'Hi', heading: 'Hi', intro: 'Your code:', code: '123456', notes: [], footer: 'Acme' })
 */
export function renderEmailHTML(content: EmailContent): string {
  const rows = [
    row('padding:32px 32px 0;font-size:14px;font-weight:600;color:#52525b;', escapeHTML(content.applicationName)),
    row(
      'padding:8px 32px 0;',
      `<h1 style="margin:0;font-size:22px;line-height:1.3;font-weight:700;color:#18181b;">${escapeHTML(content.heading)}</h1>`,
    ),
    row('padding:16px 32px 0;', paragraph('font-size:16px;line-height:1.5;', content.intro)),
  ];
  if (content.code !== undefined) {
    // Extra left padding balances the letter-spacing after the last digit, so the code looks centred.
    const codeStyle = `margin:0;padding:16px 16px 16px 24px;font-family:${MONOSPACE};font-size:32px;font-weight:700;letter-spacing:8px;text-align:center;background-color:#f4f4f5;border-radius:6px;color:#18181b;`;
    rows.push(row('padding:24px 32px 0;', `<p style="${codeStyle}">${escapeHTML(content.code)}</p>`));
  }
  if (content.action) {
    const href = escapeHTML(content.action.url);
    const button = `<a href="${href}" style="display:inline-block;padding:12px 24px;background-color:#18181b;color:#ffffff;font-size:16px;font-weight:600;text-decoration:none;border-radius:6px;">${escapeHTML(content.action.label)}</a>`;
    rows.push(row('padding:24px 32px 0;', button));
    const fallback = `${escapeHTML(content.action.fallbackText)}<br><a href="${href}" style="color:#1d4ed8;word-break:break-all;">${href}</a>`;
    rows.push(
      row('padding:16px 32px 0;', `<p style="margin:0;font-size:13px;line-height:1.5;color:#52525b;">${fallback}</p>`),
    );
  }
  for (const note of content.notes) {
    rows.push(row('padding:16px 32px 0;', paragraph('font-size:14px;line-height:1.5;color:#52525b;', note)));
  }
  rows.push(row('padding:32px;', paragraph('font-size:12px;line-height:1.5;color:#71717a;', content.footer)));

  const table = `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="width:100%;max-width:480px;margin:0 auto;background-color:#ffffff;border:1px solid #e4e4e7;border-radius:8px;font-family:${FONT};color:#18181b;">\n${rows.join('\n')}\n</table>`;
  return [
    '<!DOCTYPE html>',
    `<html lang="${escapeHTML(content.lang)}" dir="ltr">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="color-scheme" content="light">',
    `<title>${escapeHTML(content.subject)}</title>`,
    '</head>',
    '<body style="margin:0;padding:24px 12px;background-color:#f4f4f5;">',
    table,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
