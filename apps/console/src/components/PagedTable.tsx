import type { ReactNode } from 'react';
import { Table } from '@mantine/core';
import { PagedList } from './PagedList';
import type { useCursorPages } from './cursor-pages';

export interface PagedColumn {
  readonly heading: ReactNode;
  readonly align?: 'right';
}

/**
 * A list read by cursor pages shown as a table: the headings once, one row per item (its cells given
 * by `cells`), the states every list has (PagedList), and a caption by `aria-labelledby`.
 */
export function PagedTable<T>({
  pages,
  empty,
  columns,
  labelledBy,
  minWidth = 800,
  rowKey,
  rowData,
  cells,
}: {
  pages: ReturnType<typeof useCursorPages<T>>;
  empty: string;
  columns: readonly PagedColumn[];
  labelledBy?: string;
  minWidth?: number;
  rowKey: (item: T) => string;
  /** `data-*` attributes of an item's row (`{ 'data-id': … }`), for the tests and the benchmark to find it. */
  rowData?: (item: T) => Readonly<Record<`data-${string}`, string>>;
  /** The `<Table.Td>` cells of one item's row, in the order of `columns`. */
  cells: (item: T) => ReactNode;
}) {
  return (
    <PagedList pages={pages} empty={empty}>
      {(items) => (
        <Table.ScrollContainer minWidth={minWidth}>
          <Table striped verticalSpacing="xs" aria-labelledby={labelledBy}>
            <Table.Thead>
              <Table.Tr>
                {columns.map((column, index) => (
                  <Table.Th key={index} ta={column.align}>
                    {column.heading}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((item) => (
                <Table.Tr key={rowKey(item)} {...rowData?.(item)}>
                  {cells(item)}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </PagedList>
  );
}
