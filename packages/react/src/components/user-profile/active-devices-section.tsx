'use client';
import type { SessionWithActivities, User } from '@latch/js';
import { useCallback, useEffect, useState } from 'react';
import { useLatchContext } from '../../latch-context.js';
import { Alert } from '../primitives/alert.js';
import { useFormFlow } from '../primitives/form-flow.js';
import { useUI } from '../ui-context.js';
import { ProfileSection } from './profile-section.js';

/** Every device the user is signed in on; any but this one can be signed out from here. */
export function ActiveDevicesSection({ user }: { user: User }) {
  const { el, l, fmt } = useUI();
  const { resources } = useLatchContext();
  const [sessions, setSessions] = useState<SessionWithActivities[] | null>(null);
  const actions = useFormFlow({});
  const currentId = resources?.session?.id;

  const load = useCallback(async () => setSessions(await user.getSessions()), [user]);
  useEffect(() => {
    load().catch(() => setSessions([]));
  }, [load]);

  const dateFormat = new Intl.DateTimeFormat(l.locale, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <ProfileSection title={l.userProfile.securityPage.activeDevicesSection} id="activeDevices">
      <Alert message={actions.errors.global} />
      {/* A fixed-height placeholder while loading keeps the sections below from jumping. */}
      {sessions === null ? <div style={{ minHeight: '3rem' }} aria-busy="true" /> : null}
      {(sessions ?? []).map((session) => {
        const activity = session.latestActivity;
        const device =
          [activity?.browserName, activity?.browserVersion].filter(Boolean).join(' ') ||
          l.userProfile.securityPage.unknownDevice;
        const place = [activity?.ipAddress, [activity?.city, activity?.country].filter(Boolean).join(', ')]
          .filter(Boolean)
          .join(' · ');
        const isCurrent = session.id === currentId;
        return (
          <div key={session.id} {...el('activeDevice')} data-session-id={session.id}>
            <div {...el('activeDeviceText')}>
              <strong>
                {device} {isCurrent ? <span {...el('badge')}>{l.badge__thisDevice}</span> : null}
              </strong>
              {place ? <span>{place}</span> : null}
              {session.lastActiveAt ? (
                <span>
                  {fmt(l.userProfile.securityPage.lastActive, { date: dateFormat.format(session.lastActiveAt) })}
                </span>
              ) : null}
            </div>
            {isCurrent ? null : (
              <button
                type="button"
                {...el('profileSectionItemButton')}
                onClick={() =>
                  void actions.submit(async () => {
                    await session.revoke();
                    await load();
                  }, [])
                }
              >
                {l.userProfile.securityPage.revokeSession}
              </button>
            )}
          </div>
        );
      })}
    </ProfileSection>
  );
}
