/** Bulgarian texts of what happens at a meeting (decision 043): the `meetingConduct` section. */
export const meetingConductBg = {
  quorumTitle: 'Кворум',
  quorumRule: {
    more_than_half: 'Кворум: повече от половината от членовете',
    two_thirds: 'Кворум: поне две трети от членовете',
    all: 'Кворум: всички членове',
  },
  attending_one: 'Присъства или е представляван {{count, number}} от {{seats, number}} членове',
  attending_other: 'Присъстват или са представлявани {{count, number}} от {{seats, number}} членове',
  quorumMet: 'Има кворум — заседанието може да взема решения',
  quorumMissing_one: 'Няма кворум — нужен е още {{count, number}} член; заседанието може само да обсъжда',
  quorumMissing_other:
    'Няма кворум — нужни са още {{count, number}} членове; заседанието може само да обсъжда',
  tallyTitle: 'Резултат от гласуването',
  for: 'За',
  against: 'Против',
  abstain: 'Въздържал се',
  eligible_one: 'Гласува {{count, number}} присъстващ или представляван член',
  eligible_other: 'Гласуват до {{count, number}} присъстващи или представлявани членове',
  tallyTooMany:
    'Гласовете ({{total, number}}) са повече от присъстващите и представляваните ({{eligible, number}}).',
  close: 'Закрий гласуването',
};
export type MeetingConductMessages = typeof meetingConductBg;
