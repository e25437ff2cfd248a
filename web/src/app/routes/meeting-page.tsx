import { useParams } from 'react-router';
import { MeetingPage } from '@/features/meetings/components/meeting-page.tsx';

/**
 * `/meetings/:id`: the meeting page. The conduct feature's panels (attendance, live quorum, votes) are
 * composed in here through `conduct` (features do not import each other).
 */
export function MeetingRoute() {
  const { id = '' } = useParams();
  return <MeetingPage id={id} conduct={() => null} />;
}
