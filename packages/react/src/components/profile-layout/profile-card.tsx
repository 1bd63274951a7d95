'use client';
import { type ReactNode, useId } from 'react';
import { useLatchContext } from '../../latch-context.js';
import { useUI } from '../ui-context.js';
import { type NavEntry, navEntryId } from './nav-entries.js';

interface ProfileCardProps<Id extends string> {
  entries: NavEntry<Id>[];
  /** The open page's id. */
  page: string;
  goTo(page: string): void;
  title: ReactNode;
  subtitle: ReactNode;
  /** The navbar's accessible name. */
  navLabel: string;
  /** Label and icon of each built-in page (custom entries bring their own). */
  builtIn: Record<Id, { label: string; icon: ReactNode }>;
  /** The open built-in page; ignored while a custom page is open. */
  children: ReactNode;
  /** True while the data the pages need is loading: the page area shows a placeholder. */
  loading?: boolean;
}

/**
 * The two-column card of `<UserProfile/>` and `<OrganizationProfile/>`: a navbar of built-in pages, the
 * app's custom pages and links, and the open page. Element keys (`navbar`, `navbarButton`, `page`…)
 * match Clerk's, so appearance overrides written for one profile style the other.
 */
export function ProfileCard<Id extends string>(props: ProfileCardProps<Id>) {
  const { el } = useUI();
  const { navigate } = useLatchContext();
  const titleId = useId();
  const labelOf = (entry: NavEntry<Id>) => (entry.kind === 'builtIn' ? props.builtIn[entry.id].label : entry.label);
  const iconOf = (entry: NavEntry<Id>) => (entry.kind === 'builtIn' ? props.builtIn[entry.id].icon : entry.icon);
  const custom = props.entries.find((entry) => entry.kind === 'page' && entry.id === props.page);

  return (
    <div {...el('cardBox')}>
      <div {...el('card')}>
        <nav {...el('navbar')} aria-label={props.navLabel}>
          <div>
            <h1 {...el('navbarTitle')} id={titleId}>
              {props.title}
            </h1>
            <p {...el('navbarSubtitle')}>{props.subtitle}</p>
          </div>
          <ul {...el('navbarButtons')}>
            {props.entries.map((entry) => {
              const id = navEntryId(entry);
              const label = labelOf(entry);
              return (
                <li key={id ?? `link:${label}`}>
                  <button
                    type="button"
                    {...el('navbarButton', id ? `latch-navbarButton__${id}` : undefined)}
                    aria-current={id === props.page ? 'page' : undefined}
                    onClick={() => (entry.kind === 'link' ? navigate(entry.url) : id && props.goTo(id))}
                  >
                    <span {...el('navbarButtonIcon')} aria-hidden="true">
                      {iconOf(entry)}
                    </span>
                    {label}
                  </button>
                </li>
              );
            })}
          </ul>
        </nav>
        <div {...el('pageScrollBox')}>
          <div {...el('page')} data-page={props.page}>
            {props.loading ? (
              <div style={{ minHeight: '20rem' }} aria-busy="true" />
            ) : custom && custom.kind === 'page' ? (
              <>
                <h2>{custom.label}</h2>
                {custom.content}
              </>
            ) : (
              props.children
            )}
          </div>
        </div>
      </div>
    </div>
  );
}
