import { BoardItemPage } from '@/features/board/components/board-item-page.tsx';
import { InterestButton } from '@/features/conversations/components/interest-button.tsx';

/**
 * /board/:id — the board feature's item page with the conversations feature's "Interested" button, composed
 * here because features do not import each other.
 */
export function BoardItemRoute() {
  return <BoardItemPage actions={(item) => <InterestButton item={item} />} />;
}
