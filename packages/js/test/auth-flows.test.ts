import { isLatchAPIResponseError, type LatchResources } from '@latch/js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES } from '../../server/test/support/databases.js';
import { type LatchUnderTest, PASSWORD, startLatchUnderTest } from './support/latch-server.js';

describe.each(DATABASES)('@latch/js sign-up and sign-in flows against a real Latch (%s)', (database) => {
  let latch: LatchUnderTest;
  beforeAll(async () => {
    latch = await startLatchUnderTest(database);
  });
  afterAll(async () => {
    await latch?.stop();
  });

  it('loads the environment and an anonymous client', async () => {
    const { latch: sdk, browser } = await latch.openBrowser();
    expect(sdk.loaded).toBe(true);
    expect(sdk.environment?.displayConfig.applicationName).toBe('Latch');
    expect(sdk.environment?.userSettings.attributes.email_address?.enabled).toBe(true);
    expect(sdk.client?.id).toMatch(/^client_/);
    expect(sdk.session).toBeNull();
    expect(sdk.user).toBeNull();
    expect(browser.fapiCookies.has('__client')).toBe(true);
    // Every call carries the SDK version; only GET and POST go on the wire.
    for (const request of browser.requests) {
      expect(request.url.searchParams.get('_clerk_js_version')).toBe(sdk.version);
      expect(['GET', 'POST']).toContain(request.method);
    }
  });

  it('signs up with an email code, activates the session and tells listeners', async () => {
    const { latch: sdk, browser } = await latch.openBrowser();
    const seen: LatchResources[] = [];
    sdk.addListener((resources) => seen.push(resources));
    expect(seen).toHaveLength(1);
    expect(seen[0]?.session).toBeNull();

    const signUp = await sdk.client!.signUp.create({
      emailAddress: 'grace@example.com',
      password: PASSWORD,
      firstName: 'Grace',
    });
    expect(signUp.status).toBe('missing_requirements');
    expect(signUp.unverifiedFields).toContain('email_address');
    // The body went form-encoded with snake_case keys.
    const created = browser.requestsTo(/\/v1\/client\/sign_ups$/).at(-1);
    expect(new URLSearchParams(created?.body).get('email_address')).toBe('grace@example.com');

    await signUp.prepareEmailAddressVerification();
    expect(signUp.verifications.emailAddress.status).toBe('unverified');
    expect(signUp.verifications.emailAddress.strategy).toBe('email_code');
    const code = await latch.codeFor('grace@example.com');
    await signUp.attemptEmailAddressVerification({ code });
    expect(signUp.status).toBe('complete');
    expect(signUp.createdUserId).toMatch(/^user_/);
    expect(signUp.createdSessionId).toMatch(/^sess_/);

    await sdk.setActive({ session: signUp.createdSessionId });
    expect(sdk.session?.id).toBe(signUp.createdSessionId);
    expect(sdk.user?.firstName).toBe('Grace');
    expect(sdk.user?.primaryEmailAddress?.emailAddress).toBe('grace@example.com');
    expect(sdk.isSignedIn).toBe(true);
    expect(browser.appCookies.get('__session')).toMatch(/^ey/);
    expect(seen.at(-1)?.session?.id).toBe(signUp.createdSessionId);
    expect(seen.at(-1)?.user?.id).toBe(signUp.createdUserId);
  });

  it('completes a sign-up in steps with update()', async () => {
    const { latch: sdk } = await latch.openBrowser();
    const signUp = await sdk.client!.signUp.create({ emailAddress: 'steps@example.com' });
    expect(signUp.missingFields).toContain('password');
    await signUp.update({ password: PASSWORD, lastName: 'Hopper' });
    expect(signUp.missingFields).not.toContain('password');
    expect(signUp.lastName).toBe('Hopper');
    expect(signUp.hasPassword).toBe(true);
    // The resource held by the client follows the same attempt.
    expect(sdk.client?.signUp.id).toBe(signUp.id);
    expect((await sdk.client!.signUp.reload()).lastName).toBe('Hopper');
  });

  it('signs in with a password on the first call', async () => {
    const userId = await latch.createUser('ada@example.com');
    const { latch: sdk, browser } = await latch.openBrowser();
    const signIn = await sdk.client!.signIn.create({
      identifier: 'ada@example.com',
      strategy: 'password',
      password: PASSWORD,
    });
    expect(signIn.status).toBe('complete');
    await sdk.setActive({ session: signIn.createdSessionId });
    expect(sdk.user?.id).toBe(userId);
    const token = await sdk.session!.getToken();
    expect(browser.appCookies.get('__session')).toBe(token);
    expect(browser.appCookies.attributes.get('__session')).toEqual({
      maxAgeSeconds: 365 * 24 * 3600,
      sameSite: 'Lax',
      secure: false,
    });
  });

  it('signs in with a password as a first factor after identifying', async () => {
    await latch.createUser('alan@example.com');
    const { latch: sdk } = await latch.openBrowser();
    const signIn = await sdk.client!.signIn.create({ identifier: 'alan@example.com' });
    expect(signIn.status).toBe('needs_first_factor');
    expect(signIn.supportedFirstFactors.map((factor) => factor.strategy)).toEqual(
      expect.arrayContaining(['password', 'email_code']),
    );
    await signIn.attemptFirstFactor({ strategy: 'password', password: PASSWORD });
    expect(signIn.status).toBe('complete');
    // The piggy-backed client already holds the new session; it becomes active only through setActive.
    expect(sdk.client?.sessions.map((session) => session.id)).toContain(signIn.createdSessionId);
    expect(sdk.session).toBeNull();
    await sdk.setActive({ session: signIn.createdSessionId });
    expect(sdk.user?.primaryEmailAddress?.emailAddress).toBe('alan@example.com');
  });

  it('signs in with an email code', async () => {
    await latch.createUser('barbara@example.com');
    const { latch: sdk } = await latch.openBrowser();
    const signIn = await sdk.client!.signIn.create({ identifier: 'barbara@example.com' });
    const factor = signIn.supportedFirstFactors.find((candidate) => candidate.strategy === 'email_code');
    expect(factor?.emailAddressId).toMatch(/^idn_|^email_/);
    await signIn.prepareFirstFactor({ strategy: 'email_code', emailAddressId: factor!.emailAddressId! });
    expect(signIn.firstFactorVerification.status).toBe('unverified');
    const code = await latch.codeFor('barbara@example.com');
    await signIn.attemptFirstFactor({ strategy: 'email_code', code });
    expect(signIn.status).toBe('complete');
    await sdk.setActive({ session: signIn.createdSessionId });
    expect(sdk.user?.primaryEmailAddress?.emailAddress).toBe('barbara@example.com');
  });

  it('resets a forgotten password with an emailed code', async () => {
    await latch.createUser('edsger@example.com');
    const { latch: sdk } = await latch.openBrowser();
    const signIn = await sdk.client!.signIn.create({ identifier: 'edsger@example.com' });
    // Without an explicit id, the SDK uses the offered factor's address.
    await signIn.prepareFirstFactor({ strategy: 'reset_password_email_code' });
    const code = await latch.codeFor('edsger@example.com');
    await signIn.attemptFirstFactor({ strategy: 'reset_password_email_code', code });
    expect(signIn.status).toBe('needs_new_password');
    await signIn.resetPassword({ password: 'a-brand-new-passphrase-77', signOutOfOtherSessions: true });
    expect(signIn.status).toBe('complete');
    await sdk.setActive({ session: signIn.createdSessionId });
    await sdk.signOut();

    const again = await sdk.client!.signIn.create({
      identifier: 'edsger@example.com',
      strategy: 'password',
      password: 'a-brand-new-passphrase-77',
    });
    expect(again.status).toBe('complete');
  });

  it('navigates through the app router after setActive and signOut when asked to', async () => {
    await latch.createUser('router@example.com');
    const { latch: sdk } = await latch.openBrowser();
    const visited: string[] = [];
    await sdk.load({ routerPush: (to) => visited.push(to), signInUrl: '/login' });
    const signIn = await sdk.client!.signIn.create({
      identifier: 'router@example.com',
      strategy: 'password',
      password: PASSWORD,
    });
    await sdk.setActive({ session: signIn.createdSessionId, redirectUrl: '/dashboard' });
    await sdk.signOut({ redirectUrl: '/goodbye' });
    await sdk.redirectToSignIn({ redirectUrl: '/dashboard' });
    expect(visited).toEqual(['/dashboard', '/goodbye', '/login?redirect_url=%2Fdashboard']);
    expect(sdk.buildSignUpUrl()).toBe(
      `${sdk.environment?.displayConfig.signUpUrl ?? '/sign-up'}?redirect_url=${encodeURIComponent('http://localhost:3000/')}`,
    );
  });

  it('has the second-factor steps wired (the server offers no second factor yet and says so)', async () => {
    await latch.createUser('mfa@example.com');
    const { latch: sdk, browser } = await latch.openBrowser();
    const signIn = await sdk.client!.signIn.create({ identifier: 'mfa@example.com' });
    const prepared = await signIn.prepareSecondFactor({ strategy: 'totp' }).catch((error: unknown) => error);
    const attempted = await signIn
      .attemptSecondFactor({ strategy: 'totp', code: '123456' })
      .catch((error: unknown) => error);
    for (const error of [prepared, attempted]) {
      expect(isLatchAPIResponseError(error) && error.code).toBe('strategy_for_user_invalid');
      expect(isLatchAPIResponseError(error) && error.errors[0]?.meta?.paramName).toBe('strategy');
    }
    const attempt = browser.requestsTo(/attempt_second_factor$/).at(-1);
    expect(Object.fromEntries(new URLSearchParams(attempt?.body))).toEqual({ strategy: 'totp', code: '123456' });
  });

  it('surfaces Frontend API errors as typed errors with code and paramName', async () => {
    await latch.createUser('linus@example.com');
    const { latch: sdk } = await latch.openBrowser();
    const wrongPassword = await sdk
      .client!.signIn.create({ identifier: 'linus@example.com', strategy: 'password', password: 'not-the-password-1' })
      .catch((error: unknown) => error);
    expect(isLatchAPIResponseError(wrongPassword)).toBe(true);
    if (!isLatchAPIResponseError(wrongPassword)) return;
    expect(wrongPassword.status).toBe(422);
    expect(wrongPassword.code).toBe('form_password_incorrect');
    expect(wrongPassword.errors[0]?.meta?.paramName).toBe('password');

    const taken = await sdk
      .client!.signUp.create({ emailAddress: 'linus@example.com', password: PASSWORD })
      .catch((error: unknown) => error);
    expect(isLatchAPIResponseError(taken) && taken.code).toBe('form_identifier_exists');
    expect(isLatchAPIResponseError(taken) && taken.errors[0]?.meta?.paramName).toBe('email_address');

    const badCode = await (async () => {
      const signIn = await sdk.client!.signIn.create({ identifier: 'linus@example.com' });
      await signIn.prepareFirstFactor({ strategy: 'email_code' });
      await latch.codeFor('linus@example.com');
      return signIn.attemptFirstFactor({ strategy: 'email_code', code: '000000' }).catch((error: unknown) => error);
    })();
    expect(isLatchAPIResponseError(badCode) && badCode.code).toBe('form_code_incorrect');
    expect(isLatchAPIResponseError(badCode) && badCode.errors[0]?.meta?.paramName).toBe('code');
  });
});
