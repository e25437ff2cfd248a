import type { MeetingConductMessages } from './meeting-conduct.bg.ts';

/** English texts of what happens at a meeting (decision 043): the `meetingConduct` section. */
export const meetingConductEn: MeetingConductMessages = {
  quorumTitle: 'Quorum',
  quorumRule: {
    more_than_half: 'Quorum: more than half of the members',
    two_thirds: 'Quorum: at least two thirds of the members',
    all: 'Quorum: all members',
  },
  attending_one: '{{count, number}} of {{seats, number}} members present or represented',
  attending_other: '{{count, number}} of {{seats, number}} members present or represented',
  quorumMet: 'Quorate — the meeting can take decisions',
  quorumMissing_one: 'Not quorate — {{count, number}} more member needed; the meeting can only consult',
  quorumMissing_other: 'Not quorate — {{count, number}} more members needed; the meeting can only consult',
  tallyTitle: 'Result of the vote',
  for: 'For',
  against: 'Against',
  abstain: 'Abstaining',
  eligible_one: '{{count, number}} member present or represented may vote',
  eligible_other: 'Up to {{count, number}} members present or represented may vote',
  tallyTooMany:
    'The votes ({{total, number}}) are more than the seats present or represented ({{eligible, number}}).',
  close: 'Close the vote',
};
