/**
 * Bulgarian texts of an organisation's representatives tab and of the invitation accept page: part of the
 * `myOrganization` bundle (my-organization.bg.ts), under `myOrganization.representatives`.
 */
export const representativesBg = {
  title: 'Представители',
  intro:
    'Представителите редактират профила на организацията и канят колеги. Организацията винаги има поне един представител.',
  you: 'вие',
  linkedSince: 'Представител от {{date}}',
  remove: 'Премахни',
  removeNamed: 'Премахни {{name}}',
  leave: 'Напусни',
  lastOne:
    'Единственият представител не може да бъде премахнат: поканете колега и след като приеме, ще можете да напуснете.',
  removeTitle: 'Премахване на представител',
  removeText:
    '{{name}} ({{email}}) вече няма да може да редактира профила на организацията и да кани колеги.',
  leaveTitle: 'Напускане на организацията',
  leaveText:
    'Вече няма да можете да редактирате профила на организацията и да каните колеги. Само друг представител може да ви покани отново.',
  removeConfirm: 'Да, премахни',
  leaveConfirm: 'Да, напусни',
  removed: '{{name}} вече не е представител.',
  invite: {
    title: 'Покана към колега',
    intro:
      'Изпращаме връзка по имейл, валидна 7 дни. Колегата я приема, като влезе в портала с този имейл (или се регистрира с него).',
    email: 'Имейл на колегата',
    submit: 'Изпрати покана',
    sent: 'Поканата до {{email}} е изпратена.',
    resent: 'Поканата до {{email}} е изпратена отново с нова връзка.',
    unavailable:
      'Нови представители могат да се канят само докато организацията е действащ член на клъстера.',
  },
  invitations: {
    title: 'Изпратени покани',
    empty: 'Няма покани, които чакат отговор.',
    sentBy: 'Изпратена от {{name}} на {{date}}',
    sentOn: 'Изпратена на {{date}}',
    expires: 'Валидна до {{date}}',
    expired: 'Изтекла на {{date}} — изпратете я отново от формата по-горе.',
    expiredBadge: 'изтекла',
    revoke: 'Оттегли',
    revokeNamed: 'Оттегли поканата до {{email}}',
    revokeTitle: 'Оттегляне на покана',
    revokeText: 'Връзката, изпратена до {{email}}, ще спре да работи.',
    revokeConfirm: 'Да, оттегли',
    revoked: 'Поканата до {{email}} е оттеглена.',
  },
  accept: {
    pageTitle: 'Покана за представител',
    title: 'Покана да представлявате {{organization}}',
    text: '{{inviter}} ви кани да станете представител на {{organization}} в портала на клъстера.',
    textNoInviter: 'Поканени сте да станете представител на {{organization}} в портала на клъстера.',
    sentTo: 'Поканата е изпратена до {{email}} и е валидна до {{date}}.',
    mismatch:
      'Влезли сте като {{me}}, а поканата е за {{email}}. Излезте и влезте с профила с този имейл, за да я приемете.',
    submit: 'Приеми поканата',
    accepted: 'Вече сте представител на {{organization}}.',
    alreadyAccepted: 'Вече сте приели тази покана.',
    openProfile: 'Към профила на организацията',
    openRepresentatives: 'Към представителите',
    missingToken: 'Връзката е непълна. Отворете цялата връзка от имейла.',
    errorTitle: 'Поканата не може да бъде приета',
  },
};

export type RepresentativesMessages = typeof representativesBg;
