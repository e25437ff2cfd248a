import { useQueryClient } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { ConductPanel } from '@/features/meeting-conduct/components/conduct-panel.tsx';
import { meetingKeys } from '@/features/meetings/api/meetings.ts';
import { MeetingPage } from '@/features/meetings/components/meeting-page.tsx';
import { minutesKeys } from '@/features/minutes/api/minutes.ts';
import { MinutesPanel } from '@/features/minutes/components/minutes-panel.tsx';

/**
 * `/meetings/:id`: the meeting page. Other features' panels are composed in here through `conduct`
 * (features do not import each other): the conduct feature's attendance, live quorum and votes
 * (decision 043) and the minutes (decision 045). An act of the meeting's conduct may change the meeting
 * (recording attendance makes an invited meeting held, which opens the minutes to drafting; a closed vote
 * changes what the minutes are pre-filled with), so the meeting and its minutes are fetched again after one.
 */
export function MeetingRoute() {
  const { id = '' } = useParams();
  const client = useQueryClient();
  const changed = () => {
    void client.invalidateQueries({ queryKey: meetingKeys.one(id) });
    void client.invalidateQueries({ queryKey: minutesKeys.minutes(id) });
  };
  return (
    <MeetingPage
      id={id}
      conduct={(meeting) => (
        <>
          <ConductPanel meetingId={id} status={meeting.status} onChanged={changed} />
          <MinutesPanel meetingId={id} />
        </>
      )}
    />
  );
}
