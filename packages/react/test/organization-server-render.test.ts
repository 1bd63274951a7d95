import { createElement, type ReactNode } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { organizationUrl } from '../src/components/organization/url-template.js';
import {
  CreateOrganization,
  type InitialAuthState,
  LatchProvider,
  OrganizationList,
  OrganizationProfile,
  OrganizationSwitcher,
} from '../src/index.js';

const PUBLISHABLE_KEY = 'pk_live_Y2xlcmsuYXBwLnRlc3Qk';
const SIGNED_IN: InitialAuthState = {
  userId: 'user_1',
  sessionId: 'sess_1',
  sessionStatus: 'active',
  sessionClaims: { sub: 'user_1', sid: 'sess_1' },
  actor: null,
  orgId: 'org_1',
  orgRole: 'org:admin',
  orgSlug: 'acme',
  orgPermissions: [],
};

function render(children: ReactNode, localization?: unknown): string {
  return renderToString(
    createElement(
      LatchProvider,
      { publishableKey: PUBLISHABLE_KEY, proxyUrl: '/__latch', initialState: SIGNED_IN, localization } as never,
      children,
    ),
  );
}

/**
 * What the server sends before `@latch/js` loads: each organization component renders its final frame
 * (card, fields, navbar) with the stylesheets, so the page paints styled and does not shift; the
 * switcher keeps its footprint.
 */
describe('organization components in server rendering', () => {
  it('CreateOrganization renders its card with labelled name and slug fields and both stylesheets', () => {
    const html = render(createElement(CreateOrganization, {}));
    expect(html).toContain('latch-createOrganization');
    expect(html).toMatch(/<label[^>]*for="[^"]+"[^>]*>Name<\/label>/);
    expect(html).toMatch(/<label[^>]*for="[^"]+"[^>]*>Slug<\/label>/);
    expect(html).toContain('latch-organizationSwitcherTrigger'); // the organization stylesheet's rules
    expect(html).toContain('latch-formButtonPrimary');
  });

  it('OrganizationProfile renders the navbar with built-in and custom pages, busy until loaded', () => {
    const html = render(
      createElement(
        OrganizationProfile,
        { routing: 'virtual' },
        createElement(OrganizationProfile.Page, { label: 'Billing', url: 'billing' }, 'Billing page'),
        createElement(OrganizationProfile.Link, { label: 'Home', url: '/' }),
      ),
    );
    expect(html).toContain('latch-organizationProfile');
    const buttons =
      /<button type="button" class="latch-navbarButton[^"]*"[^>]*><span[^>]*>(?:<svg.*?<\/svg>)?<\/span>([^<]+)<\/button>/g;
    const labels = [...html.matchAll(buttons)].map((match) => match[1]);
    expect(labels).toEqual(['General', 'Members', 'Billing', 'Home']);
    expect(html).toContain('aria-busy="true"');
  });

  it('OrganizationSwitcher keeps a placeholder of its size; OrganizationList renders its card in Polish', () => {
    expect(render(createElement(OrganizationSwitcher, {}))).toMatch(
      /<span style="[^"]*width:10rem[^"]*" aria-hidden="true">/,
    );
    const html = render(createElement(OrganizationList, {}), {
      organization: { list: { title: 'Wybierz organizację' } },
    });
    expect(html).toContain('Wybierz organizację');
    expect(html).toContain('Create organization');
  });

  it('fills :slug and :id in after-URLs, URL-encoded, falling back to the id without a slug', () => {
    expect(organizationUrl('/org/:slug/settings', { id: 'org_1', slug: 'acme' })).toBe('/org/acme/settings');
    expect(organizationUrl('/o/:id?s=:slug', { id: 'org_1', slug: 'a b' })).toBe('/o/org_1?s=a%20b');
    expect(organizationUrl('/org/:slug', { id: 'org_2', slug: null })).toBe('/org/org_2');
  });
});
