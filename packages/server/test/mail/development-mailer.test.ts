import { describe, expect, it } from 'vitest';
import { createDevelopmentMailer } from '../../src/mail/development-mailer.js';

const clock = { now: () => Date.UTC(2026, 0, 2, 3, 4, 5) };

function terminal() {
  const lines: string[] = [];
  return { lines, write: (line: string) => lines.push(line) };
}

describe('development mailer', () => {
  it('prints recipient, subject and the code, one newline-terminated line per write', async () => {
    const output = terminal();
    const mailer = createDevelopmentMailer({ write: output.write, applicationName: 'Acme', clock });
    await mailer.send({ to: 'ada@example.com', template: 'sign_in_code', variables: { code: '271828' } });

    expect(output.lines.every((line) => line.endsWith('\n') && !line.slice(0, -1).includes('\n'))).toBe(true);
    expect(output.lines.join('')).toBe(
      [
        '┌── email (development) ─────────────────────────────────────',
        '│ To       ada@example.com',
        '│ Subject  271828 is your Acme sign-in code',
        '│ Template sign_in_code',
        '│',
        '│ CODE     271828',
        `└${'─'.repeat(60)}`,
        '',
      ].join('\n'),
    );
  });

  it('prints the link of an invitation and no code line for a notice', async () => {
    const output = terminal();
    const mailer = createDevelopmentMailer({ write: output.write, applicationName: 'Acme' });
    await mailer.send({
      to: 'ada@example.com',
      template: 'organization_invitation',
      variables: { url: 'http://127.0.0.1:3000/accept?t=abc', organizationName: 'Rocket', inviterName: 'Grace' },
    });
    await mailer.send({ to: 'ada@example.com', template: 'password_changed', locale: 'fr', variables: {} });
    const printed = output.lines.join('');
    expect(printed).toContain('│ Link     http://127.0.0.1:3000/accept?t=abc\n');
    expect(printed).toContain('│ Subject  Votre mot de passe Acme a été modifié\n');
    expect(printed).not.toContain('CODE');
  });

  it('keeps messages in memory, newest last, up to its limit', async () => {
    const mailer = createDevelopmentMailer({ write: () => {}, applicationName: 'Acme', clock, limit: 3 });
    const sent = [];
    for (const code of ['100001', '100002', '100003', '100004', '100005']) {
      sent.push(await mailer.send({ to: 'ada@example.com', template: 'verification_code', variables: { code } }));
    }
    const kept = mailer.list();
    expect(kept.map((email) => email.variables.code)).toEqual(['100003', '100004', '100005']);
    expect(kept.at(-1)).toEqual(sent.at(-1));
    expect(kept.at(-1)).toMatchObject({
      to: 'ada@example.com',
      from: 'Acme <no-reply@localhost>',
      subject: '100005 is your Acme verification code',
      template: 'verification_code',
      createdAt: clock.now(),
    });
    expect(kept.at(-1)?.html).toContain('>100005</p>');
    expect(kept.at(-1)?.text).toContain('    100005\n');
    // list() is a copy: callers cannot drop messages from the inbox.
    kept.length = 0;
    expect(mailer.list()).toHaveLength(3);
  });

  it('prints and keeps a message sent elsewhere', () => {
    const output = terminal();
    const mailer = createDevelopmentMailer({ write: output.write, applicationName: 'Acme' });
    const email = {
      id: 'ema_x',
      to: 'ada@example.com',
      from: 'Acme <no-reply@acme.test>',
      subject: 'Hello',
      text: 'Hello',
      html: '<p>Hello</p>',
      template: 'reset_password_code',
      variables: { code: '999000' },
      createdAt: 0,
    };
    mailer.record(email);
    expect(mailer.list()).toEqual([email]);
    expect(output.lines).toContain('│ CODE     999000\n');
  });

  it('neutralises terminal control sequences in user-chosen values', async () => {
    const output = terminal();
    const mailer = createDevelopmentMailer({ write: output.write, applicationName: 'Acme' });
    await mailer.send({
      to: 'ada@example.com',
      template: 'organization_invitation',
      variables: {
        url: 'https://acme.test/a',
        organizationName: 'Rocket\u001b[2J\u001b[H',
        inviterName: 'Eve\u202e\nFake line',
      },
    });
    const printed = output.lines.join('');
    expect(printed.includes('\u001b') || printed.includes('\u202e')).toBe(false);
    expect(printed).toContain('Rocket\uFFFD[2J\uFFFD[H');
    expect(output.lines.every((line) => !line.slice(0, -1).includes('\n'))).toBe(true);
  });
});
