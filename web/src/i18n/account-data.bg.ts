/**
 * Bulgarian texts of the account page's "Your data" section (download my data, erase my account): the
 * `accountData` section, registered by account-data.ts when the account page loads (not in the shell).
 */
export const accountDataBg = {
  title: 'Вашите данни',
  intro:
    'Изтеглете всичко, което порталът пази за вас: профила, ролите, сесиите, организациите, заявленията, гласовете, поканите, писмата до вас и записите в одитния журнал (файл JSON).',
  download: 'Изтегли моите данни',
  downloaded: 'Файлът {{name}} е изтеглен.',
  eraseTitle: 'Изтриване на профила',
  eraseIntro: 'Можете да изтриете профила си. Действието е необратимо:',
  eraseRemoved:
    'името, имейлът и паролата ви се изтриват, сесиите приключват, ролите и връзките с организации се премахват, а данните за контакт в заявленията ви се заличават;',
  eraseKept:
    'решенията, гласовете и одитните записи остават, но без ваши лични данни — там ще се вижда „Изтрит потребител“;',
  eraseRepresentative:
    'ако сте единственият представител на организация, първо поканете колега или се обърнете към комитета.',
  password: 'Парола (за потвърждение)',
  erase: 'Изтрий профила ми',
  confirmTitle: 'Изтриване на профила',
  confirmText: 'Профилът ви ще бъде изтрит окончателно и ще излезете от портала. Продължавате ли?',
  confirm: 'Да, изтрий профила',
  cancel: 'Отказ',
  close: 'Затвори',
};

export type AccountDataMessages = typeof accountDataBg;
