import { BoardItemPage } from '@/features/board/components/board-item-page.tsx';

/**
 * /board/:id — the board feature's item page, composed here because features do not import each other.
 * SLOT for the conversations feature: to show "Interested", change the line below to
 * `<BoardItemPage actions={(item) => <InterestButton item={item} />} />`.
 */
export function BoardItemRoute() {
  return <BoardItemPage />;
}
