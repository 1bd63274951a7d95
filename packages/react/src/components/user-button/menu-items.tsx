'use client';
import { Children, isValidElement, type ReactElement, type ReactNode } from 'react';

/** `<UserButton.MenuItems>`: the container for custom items; only read by `<UserButton>`, renders nothing itself. */
export function MenuItems(_props: { children?: ReactNode }) {
  return null;
}

export interface UserButtonLinkProps {
  label: string;
  labelIcon?: ReactNode;
  href: string;
}

/** `<UserButton.Link label labelIcon href>`: a custom menu item that navigates. */
export function MenuLink(_props: UserButtonLinkProps) {
  return null;
}

export interface UserButtonActionProps {
  /** A custom label, or `'manageAccount'` / `'signOut'` to place the built-in items among custom ones. */
  label: string;
  labelIcon?: ReactNode;
  onClick?: () => void;
  /** Opens `<UserProfile/>` at this custom page (its `url`) instead of running `onClick`. */
  open?: string;
}

/** `<UserButton.Action label labelIcon onClick>`: a custom menu item that runs code. */
export function MenuAction(_props: UserButtonActionProps) {
  return null;
}

export type MenuItem =
  | { kind: 'manageAccount' }
  | { kind: 'signOut' }
  | { kind: 'link'; label: string; icon: ReactNode; href: string }
  | { kind: 'action'; label: string; icon: ReactNode; onClick?: (() => void) | undefined; open?: string | undefined };

/**
 * The menu's items in order. Without `manageAccount`/`signOut` markers the built-ins frame the custom
 * items (manage account first, sign out last); with markers, the app's order wins and a built-in left
 * out keeps its default place.
 */
export function collectMenuItems(children: ReactNode): MenuItem[] {
  const custom: MenuItem[] = [];
  for (const child of Children.toArray(children)) {
    if (!isValidElement(child) || child.type !== MenuItems) continue;
    for (const item of Children.toArray((child as ReactElement<{ children?: ReactNode }>).props.children)) {
      if (!isValidElement(item)) continue;
      if (item.type === MenuLink) {
        const props = item.props as UserButtonLinkProps;
        custom.push({ kind: 'link', label: props.label, icon: props.labelIcon, href: props.href });
      } else if (item.type === MenuAction) {
        const props = item.props as UserButtonActionProps;
        if (props.label === 'manageAccount') custom.push({ kind: 'manageAccount' });
        else if (props.label === 'signOut') custom.push({ kind: 'signOut' });
        else
          custom.push({
            kind: 'action',
            label: props.label,
            icon: props.labelIcon,
            onClick: props.onClick,
            open: props.open,
          });
      }
    }
  }
  const items = [...custom];
  if (!items.some((item) => item.kind === 'manageAccount')) items.unshift({ kind: 'manageAccount' });
  if (!items.some((item) => item.kind === 'signOut')) items.push({ kind: 'signOut' });
  return items;
}
