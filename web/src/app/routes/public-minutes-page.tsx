import { useParams } from 'react-router';
import { PublicMinutesMeetingPage } from '@/features/minutes/components/public-minutes-page.tsx';

/** `/governance/minutes/:id`: one meeting's public minutes, printable (issue 15 §3). */
export function PublicMinutesRoute() {
  const { id = '' } = useParams();
  return <PublicMinutesMeetingPage id={id} />;
}
