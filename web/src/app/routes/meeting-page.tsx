import { useParams } from 'react-router';
import { MeetingPage } from '@/features/meetings/components/meeting-page.tsx';
import { MinutesPanel } from '@/features/minutes/components/minutes-panel.tsx';

/**
 * `/meetings/:id`: the meeting page. Other features' panels are composed in here through `conduct`
 * (features do not import each other): the minutes (decision 045); the conduct feature's attendance,
 * live quorum and votes join them.
 */
export function MeetingRoute() {
  const { id = '' } = useParams();
  return <MeetingPage id={id} conduct={() => <MinutesPanel meetingId={id} />} />;
}
