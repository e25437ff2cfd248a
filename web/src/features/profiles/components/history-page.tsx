import { useParams } from 'react-router';
import { HistorySection } from './history-section.tsx';

/** /my/organizations/:id/history — who changed the organisation's data, when and what. */
export function HistoryPage() {
  const { id = '' } = useParams();
  return <HistorySection id={id} />;
}
