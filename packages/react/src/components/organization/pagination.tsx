'use client';
import { useOrgUI } from './org-elements.js';

/** "Page 1 of 3" with previous/next; nothing when everything fits on one page. */
export function Pagination({
  page,
  total,
  pageSize,
  onPage,
}: {
  page: number;
  total: number;
  pageSize: number;
  onPage(page: number): void;
}) {
  const { el, oel, l, fmt } = useOrgUI();
  const pages = Math.ceil(total / pageSize);
  if (pages <= 1) return null;
  const strings = l.organization.profile.membersPage;
  return (
    <nav {...oel('paginationRow')} aria-label={fmt(strings.pageOf, { page: page + 1, count: pages })}>
      <span aria-live="polite">{fmt(strings.pageOf, { page: page + 1, count: pages })}</span>
      <button
        type="button"
        {...el('profileSectionItemButton', 'latch-paginationButton')}
        disabled={page === 0}
        onClick={() => onPage(page - 1)}
      >
        {strings.previousPage}
      </button>
      <button
        type="button"
        {...el('profileSectionItemButton', 'latch-paginationButton')}
        disabled={page + 1 >= pages}
        onClick={() => onPage(page + 1)}
      >
        {strings.nextPage}
      </button>
    </nav>
  );
}
