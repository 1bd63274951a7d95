'use client';
import type { EmailAddress, User } from '@latch/js';
import { useState } from 'react';
import { Alert } from '../primitives/alert.js';
import { Field } from '../primitives/field.js';
import { useFormFlow } from '../primitives/form-flow.js';
import { PlusIcon } from '../primitives/icons.js';
import { CodeForm } from '../sign-in/code-form.js';
import { useUI } from '../ui-context.js';
import { FormButtons, ProfileSection } from './profile-section.js';

type Mode =
  | { kind: 'list' }
  | { kind: 'add' }
  | { kind: 'verify'; email: EmailAddress }
  | { kind: 'remove'; email: EmailAddress };

/** The user's email addresses: add (then verify by code), verify, set primary, remove. */
export function EmailAddressesSection({ user }: { user: User }) {
  const { el, l, fmt } = useUI();
  const [mode, setMode] = useState<Mode>({ kind: 'list' });
  const actions = useFormFlow({});

  const verify = async (email: EmailAddress) => {
    await email.prepareVerification({ strategy: 'email_code' });
    setMode({ kind: 'verify', email });
  };

  return (
    <ProfileSection title={l.userProfile.profilePage.emailAddressesSection} id="emailAddresses">
      <Alert message={actions.errors.global} />
      {user.emailAddresses.map((email) => {
        const primary = email.id === user.primaryEmailAddressId;
        const verified = email.verification.status === 'verified';
        return (
          <div key={email.id} {...el('profileSectionItem')} data-email={email.emailAddress}>
            <div className="latch-profileSectionItemMain">
              <span>{email.emailAddress}</span>
              {primary ? <span {...el('badge')}>{l.badge__primary}</span> : null}
              {verified ? null : (
                <span {...el('badge')} data-variant="warning">
                  {l.badge__unverified}
                </span>
              )}
            </div>
            <div className="latch-profileSectionItemActions">
              {verified ? null : (
                <button
                  type="button"
                  {...el('profileSectionItemButton')}
                  onClick={() => void actions.submit(() => verify(email), [])}
                >
                  {l.userProfile.profilePage.verify}
                </button>
              )}
              {verified && !primary ? (
                <button
                  type="button"
                  {...el('profileSectionItemButton')}
                  onClick={() =>
                    void actions.submit(async () => void (await user.update({ primaryEmailAddressId: email.id })), [])
                  }
                >
                  {l.userProfile.profilePage.setPrimary}
                </button>
              ) : null}
              {primary ? null : (
                <button
                  type="button"
                  {...el('profileSectionItemButton')}
                  onClick={() => setMode({ kind: 'remove', email })}
                >
                  {l.userProfile.profilePage.remove}
                </button>
              )}
            </div>
          </div>
        );
      })}
      {mode.kind === 'add' ? (
        <AddEmailForm user={user} onCancel={() => setMode({ kind: 'list' })} onAdded={verify} />
      ) : null}
      {mode.kind === 'verify' ? (
        <div className="latch-profileSectionForm">
          <p {...el('formFieldHintText')}>
            {fmt(l.userProfile.profilePage.verifyEmailSubtitle, { identifier: mode.email.emailAddress })}
          </p>
          <CodeForm
            label={l.formFieldLabel__code}
            onAttempt={async (code) => {
              await mode.email.attemptVerification({ code });
              setMode({ kind: 'list' });
            }}
            onResend={async () => {
              await mode.email.prepareVerification({ strategy: 'email_code' });
            }}
            resentMessage={l.signUp.emailCode.resent}
          />
        </div>
      ) : null}
      {mode.kind === 'remove' ? (
        <form
          {...el('form', 'latch-profileSectionForm')}
          onSubmit={actions.onSubmit(async () => {
            await mode.email.destroy();
            setMode({ kind: 'list' });
          }, [])}
        >
          <p>{fmt(l.userProfile.profilePage.removeConfirm, { identifier: mode.email.emailAddress })}</p>
          <FormButtons
            busy={actions.busy}
            onCancel={() => setMode({ kind: 'list' })}
            submitLabel={l.userProfile.profilePage.remove}
          />
        </form>
      ) : null}
      {mode.kind === 'list' ? (
        <div>
          <button type="button" {...el('profileSectionPrimaryButton')} onClick={() => setMode({ kind: 'add' })}>
            <PlusIcon />
            {l.userProfile.profilePage.addEmailAddress}
          </button>
        </div>
      ) : null}
    </ProfileSection>
  );
}

function AddEmailForm({
  user,
  onCancel,
  onAdded,
}: {
  user: User;
  onCancel(): void;
  onAdded(email: EmailAddress): Promise<void>;
}) {
  const { el, l } = useUI();
  const form = useFormFlow({ email_address: '' });
  return (
    <form
      {...el('form', 'latch-profileSectionForm')}
      noValidate
      onSubmit={form.onSubmit(async ({ email_address }) => {
        await onAdded(await user.createEmailAddress({ email: email_address.trim() }));
      })}
    >
      <Alert message={form.errors.global} />
      <Field
        id={form.idFor('email_address')}
        name="email_address"
        label={l.formFieldLabel__emailAddress}
        type="email"
        autoComplete="email"
        autoFocus
        value={form.values.email_address}
        onValueChange={(value) => form.setValue('email_address', value)}
        error={form.errors.fields.email_address}
        hint={l.userProfile.profilePage.addEmailAddressHint}
      />
      <FormButtons busy={form.busy} onCancel={onCancel} />
    </form>
  );
}
