'use client';
import type { ReactNode } from 'react';
import { useUI } from '../ui-context.js';

/**
 * The card every flow renders into: optional logo, a header (the title is the card's accessible name),
 * the body, and a footer. `titleId` ties the heading to `aria-labelledby` of a surrounding dialog or form.
 */
export function Card({
  title,
  subtitle,
  titleId,
  headerExtra,
  footer,
  children,
}: {
  title: ReactNode;
  subtitle?: ReactNode;
  titleId: string;
  headerExtra?: ReactNode;
  footer?: ReactNode;
  children: ReactNode;
}) {
  const { el, layout } = useUI();
  return (
    <div {...el('cardBox')}>
      <section {...el('card')} aria-labelledby={titleId}>
        {layout.logoImageUrl && layout.logoPlacement !== 'none' ? (
          <div {...el('logoBox')}>
            {layout.logoLinkUrl ? (
              <a href={layout.logoLinkUrl}>
                <img {...el('logoImage')} src={layout.logoImageUrl} alt="" />
              </a>
            ) : (
              <img {...el('logoImage')} src={layout.logoImageUrl} alt="" />
            )}
          </div>
        ) : null}
        <header {...el('header')}>
          <h1 {...el('headerTitle')} id={titleId}>
            {title}
          </h1>
          {subtitle ? <p {...el('headerSubtitle')}>{subtitle}</p> : null}
          {headerExtra}
        </header>
        <div {...el('main')}>{children}</div>
        {footer}
      </section>
    </div>
  );
}

/** The footer: "Don't have an account? Sign up" plus the help/privacy/terms links from `layout`. */
export function CardFooter({ children }: { children?: ReactNode }) {
  const { el, layout, l } = useUI();
  const pages: Array<[string, string | undefined]> = [
    [l.footerPageLink__help, layout.helpPageUrl],
    [l.footerPageLink__privacy, layout.privacyPageUrl],
    [l.footerPageLink__terms, layout.termsPageUrl],
  ];
  const links = pages.filter((page): page is [string, string] => Boolean(page[1]));
  if (!children && links.length === 0) return null;
  return (
    <footer {...el('footer')}>
      {children}
      {links.length > 0 ? (
        <div {...el('footerPages')}>
          {links.map(([label, href]) => (
            <a key={label} {...el('footerPagesLink')} href={href}>
              {label}
            </a>
          ))}
        </div>
      ) : null}
    </footer>
  );
}

/** "Text [link]" line of the footer. The link is a button when it switches views in place. */
export function FooterAction({
  text = '',
  linkText,
  onClick,
  href,
}: {
  text?: string;
  linkText: string;
  onClick?: () => void;
  href?: string;
}) {
  const { el } = useUI();
  return (
    <div {...el('footerAction')}>
      {text ? <span {...el('footerActionText')}>{text}</span> : null}
      {href && !onClick ? (
        <a {...el('footerActionLink')} href={href}>
          {linkText}
        </a>
      ) : (
        <button type="button" {...el('footerActionLink')} onClick={onClick}>
          {linkText}
        </button>
      )}
    </div>
  );
}
