import { isLatchAPIResponseError } from '@latch/js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES } from '../../server/test/support/databases.js';
import { type LatchUnderTest, PASSWORD, startLatchUnderTest } from './support/latch-server.js';

describe.each(DATABASES)('@latch/js user profile against a real Latch (%s)', (database) => {
  let latch: LatchUnderTest;
  beforeAll(async () => {
    latch = await startLatchUnderTest(database);
  });
  afterAll(async () => {
    await latch?.stop();
  });

  async function signedIn(email: string) {
    await latch.createUser(email);
    const opened = await latch.openBrowser();
    const signIn = await opened.latch.client!.signIn.create({
      identifier: email,
      strategy: 'password',
      password: PASSWORD,
    });
    await opened.latch.setActive({ session: signIn.createdSessionId });
    return opened;
  }

  it('updates the profile and the instance state follows', async () => {
    const { latch: sdk, browser } = await signedIn('profile@example.com');
    const updated = await sdk.user!.update({
      firstName: 'Ada',
      lastName: 'Lovelace',
      unsafeMetadata: { theme: 'dark' },
    });
    expect(updated.fullName).toBe('Ada Lovelace');
    expect(updated.unsafeMetadata).toEqual({ theme: 'dark' });
    expect(sdk.user?.firstName).toBe('Ada');
    // `/me` calls name the acting session.
    const call = browser.requestsTo(/\/v1\/me$/).at(-1);
    expect(call?.url.searchParams.get('_clerk_session_id')).toBe(sdk.session?.id);
    expect(call?.url.searchParams.get('_method')).toBe('PATCH');
    expect((await sdk.user!.reload()).lastName).toBe('Lovelace');
  });

  it('adds and verifies an email address, then makes it primary', async () => {
    const { latch: sdk } = await signedIn('first@example.com');
    const added = await sdk.user!.createEmailAddress({ email: 'second@example.com' });
    expect(added.verification.status).toBeNull();
    const prepared = await added.prepareVerification({ strategy: 'email_code' });
    expect(prepared.verification.status).toBe('unverified');
    const verified = await added.attemptVerification({ code: await latch.codeFor('second@example.com') });
    expect(verified.verification.status).toBe('verified');
    await sdk.user!.update({ primaryEmailAddressId: verified.id });
    expect(sdk.user?.primaryEmailAddress?.emailAddress).toBe('second@example.com');
    await sdk.user!.emailAddresses.find((email) => email.emailAddress === 'first@example.com')!.destroy();
    expect((await sdk.user!.reload()).emailAddresses.map(String)).toEqual(['second@example.com']);
  });

  it('changes the password; a wrong current password is a typed error', async () => {
    const { latch: sdk } = await signedIn('password@example.com');
    const wrong = await sdk
      .user!.updatePassword({ currentPassword: 'not-it-at-all-9', newPassword: 'another-good-passphrase-5' })
      .catch((error: unknown) => error);
    expect(isLatchAPIResponseError(wrong) && wrong.code).toBe('form_password_incorrect');
    expect(isLatchAPIResponseError(wrong) && wrong.errors[0]?.meta?.paramName).toBe('current_password');
    await sdk.user!.updatePassword({ currentPassword: PASSWORD, newPassword: 'another-good-passphrase-5' });
    const verify = await latch.t.api(`/users/${sdk.user!.id}/verify_password`, {
      method: 'POST',
      body: { password: 'another-good-passphrase-5' },
    });
    expect(verify.status).toBe(200);
  });

  it('lists the active sessions with their activity, and deletes the account', async () => {
    const { latch: sdk } = await signedIn('devices@example.com');
    const sessions = await sdk.user!.getSessions();
    expect(sessions.map((session) => session.id)).toEqual([sdk.session?.id]);
    expect(sessions[0]?.latestActivity).not.toBeNull();
    const userId = sdk.user!.id;
    await sdk.user!.delete();
    expect((await latch.t.api(`/users/${userId}`)).status).toBe(404);
    expect(sdk.session).toBeNull();
  });
});
