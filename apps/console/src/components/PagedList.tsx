import type { ReactNode } from 'react';
import { Text } from '@mantine/core';
import { Loading } from './Loading';
import { ProblemAlert } from './ProblemAlert';
import { ShowMore } from './ShowMore';
import type { useCursorPages } from './cursor-pages';

/**
 * A list read by cursor pages, in the states every list has: what went wrong, loading, nothing to
 * show (said in words), the items, and "show more" while there is a next page.
 */
export function PagedList<T>({
  pages,
  empty,
  children,
}: {
  pages: ReturnType<typeof useCursorPages<T>>;
  empty: string;
  children: (items: readonly T[]) => ReactNode;
}) {
  return (
    <>
      {pages.error && <ProblemAlert problem={pages.error} />}
      {pages.isPending ? (
        <Loading />
      ) : pages.items.length === 0 ? (
        <Text data-testid="empty">{empty}</Text>
      ) : (
        children(pages.items)
      )}
      <ShowMore
        hasMore={pages.hasNextPage}
        loading={pages.isFetchingNextPage}
        onMore={() => void pages.fetchNextPage()}
      />
    </>
  );
}
