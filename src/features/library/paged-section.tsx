import type { ReactNode } from 'react';
import { formatNumber } from '../../lib/format';
import { Notice } from '../../ui/notice';
import { Skeleton } from '../../ui/skeleton';
import { QueryError, StaleNotice } from './query-feedback';
import type { Missing, PagedList } from './use-paged-list';

/** Heading with the count, the sort, and what went wrong, around one of the Library's lists. */
export function PagedSection<T>({
  id,
  title,
  list,
  what,
  empty,
  tools,
  children,
}: {
  id: string;
  title: string;
  list: PagedList<T>;
  /** "list of artists": for the error message. */
  what: string;
  empty: string;
  tools?: ReactNode;
  children: ReactNode;
}) {
  const { head, total } = list;
  return (
    <section aria-labelledby={id}>
      <div className="list-head">
        <h2 id={id}>
          {title} {head.data ? <span className="muted">({formatNumber(total)})</span> : null}
        </h2>
        {tools}
      </div>
      {head.data ? (
        <StaleNotice updatedAt={head.dataUpdatedAt} refreshFailed={head.isRefetchError} />
      ) : null}
      {head.isError && !head.data ? (
        <QueryError error={head.error} what={what} onRetry={() => void head.refetch()} />
      ) : !head.data ? (
        <Skeleton height="12rem" />
      ) : total === 0 ? (
        <Notice tone="info" title={empty} />
      ) : (
        children
      )}
    </section>
  );
}

const missingText: Record<Missing, string> = {
  loading: 'Loading…',
  offline: 'Not saved for offline use',
  failed: "Couldn't load",
};

/**
 * Where an item will be once its page arrives: the shape of a row or card, and in words why it
 * is empty (a screen reader meets "Loading…" where a sighted user sees a grey bar).
 */
export function MissingItem({ why, shape }: { why: Missing; shape: 'row' | 'card' }) {
  return (
    <span className={`missing-item missing-${shape}`}>
      <span className="missing-art" aria-hidden="true" />
      <span className={why === 'loading' ? 'visually-hidden' : 'missing-text'}>
        {missingText[why]}
      </span>
    </span>
  );
}

/** Which order the server sends a list in. */
export function SortSelect({
  value,
  options,
  onChange,
}: {
  value: string;
  options: readonly { key: string; label: string }[];
  onChange: (key: string) => void;
}) {
  return (
    <label className="sort-select">
      <span>Sort by</span>
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        {options.map((o) => (
          <option key={o.key} value={o.key}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}
