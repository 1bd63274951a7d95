import { describe, expect, it } from 'vitest';
import { renderEmail } from '../../src/mail/render-email.js';

const invitation = (variables: Record<string, string>) =>
  renderEmail('organization_invitation', {
    applicationName: 'Acme',
    url: 'https://acme.test/accept',
    organizationName: 'Rocket',
    inviterName: 'Ada',
    ...variables,
  });

describe('email HTML', () => {
  it('escapes every variable, wherever it appears', () => {
    const email = invitation({
      applicationName: `Tom & Jerry's <b>`,
      organizationName: '"><img src=x onerror=alert(1)>',
      inviterName: '<script>alert(1)</script>',
      url: 'https://acme.test/accept?a=1&b="><script>x</script>',
    });
    expect(email.html).not.toMatch(/<script|<img|<b>/);
    expect(email.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(email.html).toContain('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;');
    expect(email.html).toContain('Tom &amp; Jerry&#39;s &lt;b&gt;');
    // The link is used as given; escaping keeps it inside its attribute.
    expect(email.html).toContain('href="https://acme.test/accept?a=1&amp;b=&quot;&gt;&lt;script&gt;x&lt;/script&gt;"');
    expect(email.html).toContain('<title>&lt;script&gt;alert(1)&lt;/script&gt; invited you');
    // The text part is not HTML: it carries the values as typed.
    expect(email.text).toContain('<script>alert(1)</script> invited you to join the "><img src=x onerror=alert(1)>');
  });

  it('refuses links that are not http(s)', () => {
    for (const url of [
      'javascript:alert(1)',
      'JAVASCRIPT:alert(1)',
      'data:text/html,<script>',
      '/relative',
      'not a url',
    ]) {
      expect(() => invitation({ url }), url).toThrow(/absolute http\(s\) URL/);
    }
  });

  it('treats a value that looks like a placeholder as text', () => {
    const email = invitation({ inviterName: '{url} {organizationName}' });
    expect(email.text).toContain('{url} {organizationName} invited you');
  });

  it('keeps the subject on one line whatever the variables hold', () => {
    const email = invitation({ inviterName: 'Ada\r\nBcc: victim@example.com' });
    expect(email.subject).toBe('Ada Bcc: victim@example.com invited you to join Rocket on Acme');
  });

  it('is one inline-styled presentation table with the code in a large monospace block', () => {
    const { html } = renderEmail('verification_code', { locale: 'fr', applicationName: 'Acme', code: '042042' });
    expect(html.match(/<table/g)).toHaveLength(1);
    expect(html).toContain('<table role="presentation"');
    expect(html).not.toMatch(/<style|class=/);
    expect(html).toMatch(/<p style="[^"]*monospace[^"]*font-size:32px[^"]*">042042<\/p>/);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('<title>042042 est votre code de vérification Acme</title>');
    expect(html).toContain('<h1 ');
  });

  it('shows a button and the raw link for invitations', () => {
    const { html, text } = invitation({});
    expect(html).toMatch(
      /<a href="https:\/\/acme.test\/accept" style="display:inline-block[^"]*">Accept invitation<\/a>/,
    );
    expect(html).toContain('If the button doesn&#39;t work, copy and paste this link into your browser:');
    expect(text).toContain('Accept invitation: https://acme.test/accept');
  });
});
