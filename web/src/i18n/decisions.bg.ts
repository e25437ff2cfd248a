/**
 * Bulgarian texts of the decisions register (/decisions): the `decisions` section of the messages,
 * registered by decisions.ts when the page loads (not bundled with the shell).
 */
export const decisionsBg = {
  title: 'Регистър на решенията',
  intro:
    'Решенията на инициативния комитет за приемане на нови членове. Членовете на клъстера виждат и останалите решения, включително по членството, с резултатите от гласуването.',
  introMembers:
    'Всички решения на инициативния комитет по заявленията и по членството (категория, спиране, изключване), с резултатите от гласуването.',
  filters: 'Търсене и филтри',
  searchLabel: 'Търсене',
  searchPlaceholder: 'Номер на решение или организация',
  outcomeLabel: 'Вид решение',
  outcomeAny: 'Всички решения',
  outcome: {
    approved: 'Приета за член',
    rejected: 'Отказано членство',
  },
  yearLabel: 'Година',
  yearAny: 'Всички години',
  results: 'Решения',
  found_one: '{{count, number}} решение',
  found_other: '{{count, number}} решения',
  emptyTitle: 'Няма решения, отговарящи на търсенето',
  emptyText: 'Опитайте с друга дума или изчистете филтрите.',
  noneTitle: 'Все още няма взети решения',
  number: 'Решение № {{number}}',
  tally: 'За: {{for}}, против: {{against}}, въздържали се: {{abstain}}',
  eligible: 'с право на глас: {{eligible}}, отвели се: {{recused}}',
  text: 'Текст на решението',
  application: 'Заявлението по решение № {{number}}',
  membership: 'Членство: {{action}}',
  membershipOnly: 'Членство',
  meetingBadge: 'Решение на заседание',
  meetingOutcome: { approved: 'Прието', rejected: 'Отхвърлено' },
  meeting: 'Заседание „{{title}}“, {{date}}',
  membershipAction: {
    change_category: 'промяна на категорията',
    suspend: 'спиране',
    reinstate: 'възстановяване',
    withdraw: 'напускане',
    exclude: 'изключване',
  },
};

export type DecisionsMessages = typeof decisionsBg;
