import { LatchProvider, SignIn, SignUp, UserButton, UserProfile } from '@latch/react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';

/**
 * The components render on the server (Node, no `window`, no Latch instance yet), as the App Router
 * does for client components: the sign-in/up cards appear in the HTML with their stylesheet, so the page
 * paints before hydration without a layout jump.
 */
describe('server rendering of the UI components', () => {
  const render = (children: React.ReactNode) =>
    renderToString(
      <LatchProvider
        publishableKey="pk_test_MTI3LjAuMC4xOjQwMDAk"
        appearance={{ variables: { colorPrimary: '#0f766e' } }}
      >
        {children}
      </LatchProvider>,
    );

  it('renders SignIn with its form, labels, element classes, variables and stylesheet', () => {
    const html = render(<SignIn />);
    expect(html).toContain('class="latch-rootBox latch-root latch-signIn"');
    expect(html).toContain('--latch-color-primary:#0f766e');
    expect(html).toContain('latch-formFieldInput');
    expect(html).toMatch(/<label class="latch-formFieldLabel" for="[^"]+">Email address<\/label>/);
    expect(html).toContain('Continue');
    expect(html).toContain(':where(.latch-card)');
  });

  it('renders SignUp with the default fields', () => {
    const html = render(<SignUp />);
    expect(html).toContain('Create your account');
    expect(html).toMatch(/<input[^>]*type="password"/);
    expect(html).toContain('>Email address</label>');
  });

  it('renders the submit buttons disabled until hydration, so the browser cannot submit a form itself', () => {
    // A native submit would be a GET with every field, the password included, in the page's URL.
    for (const html of [render(<SignIn />), render(<SignUp />)]) {
      const buttons = html.match(/<button[^>]*latch-formButtonPrimary[^>]*>/g) ?? [];
      expect(buttons.length).toBeGreaterThan(0);
      for (const button of buttons) {
        expect(button).toMatch(/ disabled=""/);
        expect(button).toContain('data-latch-hydrating=""');
      }
    }
  });

  it('renders UserButton as a fixed-size placeholder and UserProfile as a busy frame while loading', () => {
    expect(render(<UserButton />)).toContain('latch-userButtonBox');
    const profile = render(<UserProfile />);
    expect(profile).toContain('latch-navbar');
    expect(profile).toContain('aria-busy="true"');
  });
});
