import type { AccountDataMessages } from './account-data.bg.ts';
import type { AdminMessages } from './admin.bg.ts';
import type { ApplyMessages } from './apply.bg.ts';
import type { BoardMessages } from './board.bg.ts';
import type { BodiesMessages } from './bodies.bg.ts';
import type { CommitteeMessages } from './committee.bg.ts';
import type { ConversationsMessages } from './conversations.bg.ts';
import type { DashboardMessages } from './dashboard.bg.ts';
import type { DateFieldMessages } from './date-field.bg.ts';
import type { DecisionsMessages } from './decisions.bg.ts';
import type { FeesMessages } from './fees.bg.ts';
import type { MeetingConductMessages } from './meeting-conduct.bg.ts';
import type { MeetingsMessages } from './meetings.bg.ts';
import type { MembersViewMessages } from './members-view.bg.ts';
import type { MembershipsMessages } from './memberships.bg.ts';
import type { MinutesMessages } from './minutes.bg.ts';
import type { MyOrganizationMessages } from './my-organization.bg.ts';
import type { NewsMessages } from './news.bg.ts';
import type { ProjectsMessages } from './projects.bg.ts';
import type { ReadinessMessages } from './readiness.bg.ts';
import type { ResourcesMessages } from './resources.bg.ts';
import type { StrategyMessages } from './strategy.bg.ts';
import type { SuggestionsMessages } from './suggestions.bg.ts';

/**
 * Bulgarian — the portal's default language. Every user-facing string of the SPA lives here and in en.ts,
 * except the `admin` section (admin.bg.ts / admin.en.ts), which loads with the administration pages
 * (admin.ts). `Messages` types the keys, so en.ts cannot miss or add one.
 */
export const bg = {
  language: {
    label: 'Език',
    bg: { short: 'БГ', name: 'Български' },
    en: { short: 'EN', name: 'English' },
  },
  layout: {
    menu: 'Меню',
    menuUnread_one: 'Меню, {{count}} непрочетено съобщение',
    menuUnread_other: 'Меню, {{count}} непрочетени съобщения',
    skipToContent: 'Към съдържанието',
    defaultDescription: 'Портал на клъстера: членове, стратегия, новини и как да се присъедините.',
    mainNavigation: 'Основна навигация',
    portal: 'Портал на клъстера',
    footer: 'Публичен портал на клъстера',
    footerNavigation: 'Информационни страници',
  },
  sitePages: {
    statute: 'Устав',
    privacy: 'Защита на личните данни',
    contact: 'Контакти',
    bodies: 'Кой управлява клъстера',
    minutes: 'Протоколи',
    figures: 'Клъстерът в числа',
    empty: 'Тази страница още не е написана.',
    updated: 'Последна промяна: {{date}}',
    signUpNotice: 'С регистрацията приемате обработката на данните ви, описана в',
    signUpNoticeLink: 'информацията за защита на личните данни',
    declarationsRead: 'Прочетете',
    declarationsStatute: 'устава',
    declarationsAnd: 'и',
    declarationsPrivacy: 'информацията за защита на личните данни',
  },
  nav: {
    news: 'Новини',
    calls: 'Покани',
    home: 'Начало',
    members: 'Членове',
    decisions: 'Решения',
    resources: 'Ресурси',
    projects: 'Проекти',
    committee: 'Комитет',
    strategy: 'Стратегия',
    meetings: 'Заседания',
    board: 'Борса',
    cooperation: 'Сътрудничество',
    conversations: 'Разговори',
    /** The header link's accessible name with its badge (`count` unread messages). */
    conversationsUnread_one: 'Разговори, {{count}} непрочетено съобщение',
    conversationsUnread_other: 'Разговори, {{count}} непрочетени съобщения',
    /** The header's drop-down groups of links (the phone's menu shows them as headings). */
    groups: { cooperation: 'Сътрудничество', governance: 'Управление' },
    /** A group's button when its conversations link has `count` unread messages. */
    groupUnread_one: '{{group}}, {{count}} непрочетено съобщение',
    groupUnread_other: '{{group}}, {{count}} непрочетени съобщения',
  },
  common: {
    loading: 'Зареждане…',
    retry: 'Опитай отново',
    loadError: 'Данните не можаха да бъдат заредени.',
    loadErrorTitle: 'Възникна грешка',
    notProvided: 'Няма данни',
    erasedUser: 'Изтрит потребител',
    cancel: 'Отказ',
    close: 'Затвори',
  },
  categoryFee: {
    amount: 'Годишен членски внос за {{year}} г.: {{amount}}',
    none: 'Без членски внос за {{year}} г.',
  },
  home: {
    title: 'Начало',
    accountErased: 'Профилът ви е изтрит, а личните ви данни — заличени.',
    totalMembers_one: '{{count, number}} член',
    totalMembers_other: '{{count, number}} члена',
    hero: {
      join: 'Присъединете се',
      browse: 'Разгледайте членовете',
    },
    figures: {
      title: 'Клъстерът в числа',
      members_one: 'член',
      members_other: 'члена',
      smes_one: 'малко или средно предприятие',
      smes_other: 'малки и средни предприятия',
      universities_one: 'университет или научен институт',
      universities_other: 'университета и научни института',
      publicBodies_one: 'публична институция',
      publicBodies_other: 'публични институции',
      openCalls_one: 'отворена покана за финансиране',
      openCalls_other: 'отворени покани за финансиране',
      upcomingEvents_one: 'предстоящо събитие',
      upcomingEvents_other: 'предстоящи събития',
      more: 'Още числа за клъстера',
    },
    areas: {
      title: 'Тематични области',
      intro:
        'Членовете работят в областите на стратегията за интелигентна специализация; две от тях са приоритети на клъстера.',
      members_one: '{{count, number}} член',
      members_other: '{{count, number}} члена',
      empty: 'Все още няма членове в тази област.',
      membersOf: 'Членове в {{area}}',
    },
    strategyLink: 'Целите, задачите и индикаторите на стратегията',
    priorityBadge: 'Приоритет',
    logos: {
      title: 'Нашите членове',
      all_one: 'Вижте члена',
      all_other: 'Вижте всички {{count, number}} члена',
    },
    updates: {
      title: 'Какво ново',
    },
    news: {
      title: 'Последни новини',
      more: 'Всички новини',
      published: 'Публикувана на {{date}}',
    },
    events: {
      title: 'Предстоящи събития',
      more: 'Всички събития',
      online: 'Онлайн',
    },
    calls: {
      title: 'Отворени покани',
      more: 'Всички покани за финансиране',
      deadline: 'Срок: {{date}}',
      budget: 'Бюджет: {{amount}}',
    },
    nothingNew: 'Скоро тук ще има новини, събития и покани за финансиране.',
    board: {
      title: 'Борса за сътрудничество',
      intro_one:
        'Членовете споделят инфраструктура, информация и хора и търсят партньори за съвместни проекти. В борсата има {{count, number}} активно обявление.',
      intro_other:
        'Членовете споделят инфраструктура, информация и хора и търсят партньори за съвместни проекти. В борсата има {{count, number}} активни обявления.',
      more: 'Вижте борсата за сътрудничество',
    },
    join: {
      title: 'Как да станете член',
      intro:
        'Клъстерът е отворен за фирми, университети, научни организации, училища, неправителствени организации и публични институции, които споделят неговите цели.',
      step1: 'Подайте заявление за членство с данните на организацията и областите, в които работи.',
      step2:
        'Приложете учредителните документи и декларациите, че приемате устава и даването на съгласие за обработка на данни.',
      step3: 'Инициативният комитет разглежда заявлението и може да поиска допълнения.',
      step4: 'Комитетът гласува; при одобрение организацията става член и се появява в публичния регистър.',
      apply: 'Кандидатствайте онлайн',
      applyNote: 'Необходим е профил в портала; заявлението може да се попълва на няколко пъти.',
      feesTitle: 'Годишен членски внос за {{year}} г.',
      feeNone: 'Без внос',
      feesNote: 'Категорията се определя с решението за приемане.',
    },
  },
  directory: {
    title: 'Членове',
    heading: 'Регистър на членовете',
    intro: 'Търсете членовете на клъстера по име, област, вид и размер.',
    showFilters_one: 'Филтри (1 избран)',
    showFilters_other: 'Филтри ({{count}} избрани)',
    showFilters_zero: 'Филтри',
    hideFilters: 'Скрий филтрите',
    filtersLabel: 'Филтри',
    searchLabel: 'Търсене',
    searchPlaceholder: 'Име или описание',
    searchSubmit: 'Търси',
    areaLabel: 'Тематична област',
    areaAny: 'Всички области',
    areaWhole: '{{name}} (цялата област)',
    kindLabel: 'Вид организация',
    kindAny: 'Всички видове',
    sizeLabel: 'Размер',
    sizeAny: 'Всички размери',
    sortLabel: 'Подреждане',
    sort: {
      name: 'Име (А–Я)',
      '-name': 'Име (Я–А)',
      memberSince: 'Най-стари членове',
      '-memberSince': 'Най-нови членове',
    },
    clearFilters: 'Изчисти филтрите',
    found_one: 'Намерен: {{count, number}} член',
    found_other: 'Намерени: {{count, number}} члена',
    results: 'Резултати',
    emptyTitle: 'Няма членове, отговарящи на търсенето',
    emptyText: 'Опитайте с друга дума или изчистете филтрите.',
    badRequestTitle: 'Търсенето не е валидно',
    badRequestText: 'Някои параметри в адреса не са валидни. Изчистете филтрите и опитайте отново.',
    pageOutOfRange: 'На тази страница няма резултати.',
    pagination: 'Страници с резултати',
    page: 'Страница {{page}}',
    firstPage: 'Първа страница',
    previousPage: 'Предишна страница',
    nextPage: 'Следваща страница',
    lastPage: 'Последна страница',
    memberSince: 'Член от {{date}}',
    offers: 'Предлага: {{kinds}}',
    seeks: 'Търси: {{kinds}}',
    boardOffers: 'Предлага на борсата за сътрудничество',
    cardAreas: 'Тематични области',
    filterByArea: 'Покажи членовете в „{{name}}“',
    moreAreas_one: 'И още {{count}} област: {{names}}',
    moreAreas_other: 'И още {{count}} области: {{names}}',
  },
  profile: {
    partners: 'Партньори в клъстера',
    titleFallback: 'Профил на член',
    logoAlt: 'Лого на {{name}}',
    back: 'Обратно към членовете',
    details: 'Данни за организацията',
    about: 'За организацията',
    contacts: 'Контакти',
    membership: 'Членство',
    nameBg: 'Наименование (български)',
    nameEn: 'Наименование (английски)',
    eik: 'ЕИК/БУЛСТАТ',
    kind: 'Вид',
    size: 'Размер',
    employees: 'Служители',
    founded: 'Година на основаване',
    city: 'Град',
    address: 'Адрес',
    website: 'Уебсайт',
    websiteNewTab: '(отваря се в нов раздел)',
    visitWebsite: 'Към уебсайта',
    email: 'Имейл',
    phone: 'Телефон',
    contactPerson: 'Лице за контакт',
    areas: 'Тематични области',
    nace: 'Кодове по КИД-2008',
    memberSince: 'Член от',
    category: 'Категория',
    noDescription: 'Организацията все още няма описание.',
    descriptionInOtherLanguage: 'Описанието е налично само на английски.',
    notFoundTitle: 'Членът не е намерен',
    notFoundText: 'Няма публичен профил на член с този адрес. Възможно е връзката да е остаряла.',
    toDirectory: 'Към регистъра на членовете',
    goneTitle: 'Организацията вече не е член на клъстера',
    goneText:
      'Членството на тази организация в клъстера е прекратено, затова профилът ѝ вече не се показва. Настоящите членове можете да намерите в регистъра.',
    sharing: 'Предлага и търси',
    offers: 'Предлага',
    seeks: 'Търси',
    nothingOffered: 'Организацията не е посочила какво предлага и търси.',
    sharingKind: {
      infrastructure: 'Инфраструктура',
      information: 'Информация',
      people: 'Хора и експертиза',
      projects: 'Проекти',
    },
    contactForm: {
      title: 'Пишете на члена',
      intro:
        'Съобщението ви ще получат представителите на {{name}} по имейл. Те ще ви отговорят на вашия адрес; техните адреси не се показват.',
      name: 'Вашето име',
      email: 'Вашият имейл',
      emailHint: 'Отговорът ще дойде на този адрес.',
      organization: 'Организация (по желание)',
      subject: 'Тема',
      message: 'Съобщение',
      honeypot: 'Оставете това поле празно',
      consent: 'Съгласен/на съм порталът да обработи данните ми, за да предаде съобщението.',
      privacyLink: 'Информация за защита на личните данни',
      send: 'Изпрати съобщението',
      sentTitle: 'Съобщението ви е изпратено',
      sentText: 'Предадохме го на {{name}}. Отговорът ще дойде на имейла, който посочихте.',
      rateLimited: 'Изпратихте твърде много съобщения. Опитайте отново след {{time}}.',
      rateLimitedLater: 'Изпратихте твърде много съобщения. Опитайте отново по-късно.',
    },
  },
  calls: {
    title: 'Покани за финансиране',
    intro:
      'Покани по оперативни програми, към които членовете на клъстера се подготвят. Членовете заявяват интерес и виждат кой друг се интересува.',
    filter: 'Състояние',
    all: 'Всички',
    status: { upcoming: 'Предстояща', open: 'Отворена', closed: 'Затворена' },
    statusFilter: { upcoming: 'Предстоящи', open: 'Отворени', closed: 'Затворени' },
    none: 'Няма покани за финансиране.',
    noneFiltered: 'Няма покани в това състояние.',
    opens: 'Отваряне',
    deadline: 'Краен срок',
    budget: 'Бюджет',
    budgetUnknown: 'Не е обявен',
    eligible: 'Допустими партньори',
    eligibleAny: 'Всички видове организации',
    documents: 'Изисквани документи',
    noDocuments: 'Документите още не са обявени.',
    perPartner: 'от всеки партньор',
    link: 'Страница на поканата',
    interested_one: '{{count, number}} член е заявил интерес',
    interested_other: '{{count, number}} члена са заявили интерес',
    interestedNone: 'Още никой член не е заявил интерес',
    interestedMembers: 'Заинтересовани членове',
    markInterest: 'Заявете интерес',
    markInterestFor: 'Заявете интерес от името на {{name}}',
    weAreInterested: 'Заявихме интерес ({{name}})',
    startProject: 'Сформирайте консорциум за тази покана',
    unmark: 'Оттеглете интереса',
    closedNoInterest: 'Крайният срок е изтекъл.',
    notFound: 'Поканата не е намерена.',
    back: 'Всички покани',
    add: 'Нова покана',
    edit: 'Редактиране',
    delete: 'Премахване',
    deleteTitle: 'Премахване на поканата',
    deleteText:
      'Поканата и изискваните документи ще бъдат премахнати. Не може да се премахне покана, към която има заявен интерес.',
    form: {
      newTitle: 'Нова покана за финансиране',
      editTitle: 'Редактиране на покана',
      programme: 'Програма',
      code: 'Код на процедурата',
      titleBg: 'Наименование (български)',
      titleEn: 'Наименование (английски)',
      summaryBg: 'Описание (български)',
      summaryEn: 'Описание (английски)',
      opensAt: 'Отваряне (българско време)',
      time: 'Час',
      deadlineAt: 'Краен срок (българско време)',
      budget: 'Бюджет в евро',
      url: 'Връзка към поканата',
      eligible: 'Допустими видове организации (нито един: всички)',
      documents: 'Изисквани документи',
      documentNameBg: 'Документ (български)',
      documentNameEn: 'Документ (английски)',
      perPartner: 'От всеки партньор',
      addDocument: 'Добавете документ',
      removeDocument: 'Премахнете документа',
      moveUp: 'Преместете нагоре',
      moveDown: 'Преместете надолу',
      noDocuments: 'Още няма добавени документи.',
      save: 'Запазване',
      cancel: 'Отказ',
      required: 'Задължително поле',
      badNumber: 'Въведете неотрицателно число',
    },
  },
  notFound: {
    title: 'Страницата не е намерена',
    text: 'Адресът, който сте отворили, не съществува.',
    home: 'Към началната страница',
  },
  errorPage: {
    title: 'Нещо се обърка',
    text: 'Страницата не можа да бъде показана. Презаредете я или опитайте по-късно.',
    reload: 'Презареди',
  },
  kind: {
    company: 'Търговско дружество',
    sole_trader: 'Едноличен търговец',
    public_authority: 'Публичен орган',
    university: 'Университет',
    research_institute: 'Научен институт',
    school: 'Училище',
    ngo: 'Неправителствена организация',
    employers_organization: 'Работодателска организация',
    foreign_entity: 'Чуждестранно лице',
  },
  size: {
    micro: 'Микро (до 9 души)',
    small: 'Малко (10–49 души)',
    medium: 'Средно (50–249 души)',
    large: 'Голямо (250 и повече души)',
  },
  category: {
    candidate: 'Кандидат',
    regular: 'Редовен член',
    associated: 'Асоцииран член',
    engaged: 'Ангажиран член',
  },
  /** A join application's state (applicant and committee pages). */
  applicationState: {
    draft: 'Чернова',
    submitted: 'Подадено',
    under_review: 'В разглеждане',
    changes_requested: 'Поискани допълнения',
    in_vote: 'В гласуване',
    approved: 'Одобрено',
    rejected: 'Отхвърлено',
    withdrawn: 'Оттеглено',
  },
  auth: {
    header: {
      logIn: 'Вход',
      signUp: 'Регистрация',
      logOut: 'Изход',
      account: 'Моят профил',
      admin: 'Администрация',
      userArea: 'Профил',
      roles: 'Роли: {{roles}}',
    },
    fields: {
      email: 'Имейл',
      password: 'Парола',
      newPassword: 'Нова парола',
      currentPassword: 'Текуща парола',
      displayName: 'Име',
      displayNameHint: 'Така ще ви виждат другите в портала.',
      language: 'Език',
      languageHint: 'На този език ще виждате портала и ще получавате писмата.',
      passwordHint:
        'От {{min}} до {{max}} знака, на който и да е език, без вашето име или имейл и без лесни за отгатване поредици. Добра парола е фраза от няколко несвързани думи.',
      showPassword: 'Покажи паролата',
    },
    logIn: {
      /** Why the visitor was sent here (issue 11 C4): by the page in `next`. */
      reasonApply: 'За да кандидатствате за членство, влезте в профила си или създайте нов.',
      reasonInvitation: 'За да приемете поканата, влезте или създайте профил с имейла, до който е изпратена.',
      title: 'Вход',
      intro: 'Влезте в профила си в портала на клъстера.',
      submit: 'Влез',
      forgotPassword: 'Забравена парола?',
      noAccount: 'Нямате профил?',
      signUp: 'Регистрирайте се',
      invalidCredentials: 'Грешен имейл или парола.',
      unverified:
        'Имейл адресът ви още не е потвърден. Отворете връзката от писмото, което ви изпратихме при регистрацията.',
      resend: 'Изпрати писмото отново',
      resent: 'Ако профилът съществува и още не е потвърден, изпратихме нова връзка на {{email}}.',
      rateLimited: 'Твърде много опити за вход. Опитайте отново след {{time}}.',
      rateLimitedLater: 'Твърде много опити за вход. Опитайте отново по-късно.',
    },
    signUp: {
      title: 'Регистрация',
      intro:
        'Създайте профил, за да подадете заявление за членство или да представлявате своята организация.',
      submit: 'Създай профил',
      haveAccount: 'Вече имате профил?',
      logIn: 'Влезте',
      sentTitle: 'Проверете пощата си',
      sentText:
        'Изпратихме писмо на {{email}} с връзка за потвърждаване на адреса. Отворете връзката, за да активирате профила си.',
      notReceived: 'Не виждате писмото? Проверете папката за нежелана поща или го поискайте отново.',
      resend: 'Изпрати писмото отново',
      resent: 'Изпратихме нова връзка на {{email}}.',
    },
    verifyEmail: {
      title: 'Потвърждаване на имейл',
      working: 'Потвърждаваме имейл адреса ви…',
      successTitle: 'Имейл адресът е потвърден',
      successText: 'Профилът ви е активен. Вече можете да влезете.',
      invalidTitle: 'Връзката не е валидна',
      invalidText:
        'Връзката е невалидна, изтекла или вече използвана. Въведете имейла си и ще ви изпратим нова.',
      resendSubmit: 'Изпрати нова връзка',
      resent: 'Ако профилът съществува и още не е потвърден, изпратихме нова връзка на {{email}}.',
    },
    forgotPassword: {
      title: 'Забравена парола',
      intro: 'Въведете имейла на профила си и ще ви изпратим връзка за избор на нова парола.',
      submit: 'Изпрати връзка',
      sentTitle: 'Проверете пощата си',
      sentText: 'Ако има профил с адрес {{email}}, изпратихме на него връзка за нова парола.',
      backToLogIn: 'Обратно към входа',
    },
    resetPassword: {
      title: 'Нова парола',
      intro: 'Изберете нова парола за профила си.',
      submit: 'Запази новата парола',
      successTitle: 'Паролата е сменена',
      successText: 'Влезте с новата си парола.',
      invalidTitle: 'Връзката не е валидна',
      invalidText: 'Връзката за нова парола е невалидна, изтекла или вече използвана.',
      requestNew: 'Поискайте нова връзка',
    },
    confirmEmail: {
      title: 'Смяна на имейл',
      working: 'Потвърждаваме новия ви имейл адрес…',
      successTitle: 'Имейл адресът е сменен',
      successText: 'Отсега нататък влизате с новия адрес и писмата идват на него.',
      invalidTitle: 'Връзката не е валидна',
      invalidText:
        'Връзката е невалидна, изтекла или вече използвана. Можете да поискате смяна на имейла отново от профила си.',
    },
    forbidden: {
      title: 'Нямате достъп до тази страница',
      text: 'Профилът ви няма права за тази страница. Ако смятате, че това е грешка, свържете се с администратор.',
      home: 'Към началната страница',
    },
    toAccount: 'Към моя профил',
    toLogIn: 'Към входа',
    toLogInContinue: 'Влезте, за да продължите',
    toContinue: 'Продължете',
    errorTitle: 'Действието не беше изпълнено',
    networkError: 'Няма връзка със сървъра. Проверете интернет връзката си и опитайте отново.',
    seconds_one: '{{count}} секунда',
    seconds_other: '{{count}} секунди',
    minutes_one: '{{count}} минута',
    minutes_other: '{{count}} минути',
    hours_one: '{{count}} час',
    hours_other: '{{count}} часа',
  },
  account: {
    title: 'Моят профил',
    sections: 'Раздели на профила',
    notifications: { title: 'Известия' },
    profile: {
      title: 'Лични данни',
      email: 'Имейл',
      roles: 'Роли',
      noRoles: 'Все още нямате роли в портала.',
      createdAt: 'Профил от',
      submit: 'Запази',
      saved: 'Промените са запазени.',
    },
    password: {
      title: 'Смяна на паролата',
      submit: 'Смени паролата',
      changed: 'Паролата е сменена. Сесиите на другите ви устройства са прекратени.',
    },
    email: {
      title: 'Смяна на имейла',
      intro:
        'Текущ адрес: {{email}}. Ще изпратим връзка за потвърждение на новия адрес; имейлът се сменя, когато я отворите.',
      newEmail: 'Нов имейл',
      submit: 'Смени имейла',
      sent: 'Изпратихме връзка за потвърждение на {{email}}. Имейлът ще бъде сменен, когато я отворите.',
    },
    sessions: {
      title: 'Активни сесии',
      intro: 'Устройствата и браузърите, в които сте влезли в профила си.',
      current: 'Това устройство',
      device: '{{browser}} на {{os}}',
      unknownDevice: 'Неизвестно устройство',
      createdAt: 'Вход: {{date}}',
      lastSeenAt: 'Последна активност: {{date}}',
      end: 'Прекрати сесията',
      endNamed: 'Прекрати сесията на {{device}}',
      confirmTitle: 'Прекратяване на сесия',
      confirmText: 'Устройството „{{device}}“ ще бъде изведено от профила ви.',
      confirm: 'Да, прекрати',
      cancel: 'Отказ',
      close: 'Затвори',
      ended: 'Сесията е прекратена.',
      empty: 'Няма други активни сесии.',
    },
    applications: {
      title: 'Моите заявления за членство',
      empty: 'Все още нямате заявления за членство.',
      apply: 'Кандидатствайте за членство',
      untitled: 'Заявление без попълнено име',
      submittedAt: 'Подадено на {{date}}',
      updatedAt: 'Последна промяна: {{date}}',
    },
    organizations: {
      title: 'Моите организации',
      intro: 'Организациите, които представлявате в клъстера.',
      empty:
        'Все още не представлявате организация. За да присъедините организацията си към клъстера, кандидатствайте за членство; ако тя вече е член, помолете неин представител да ви покани.',
      eik: 'ЕИК/БУЛСТАТ',
      kind: 'Вид',
      category: 'Категория',
      status: 'Статус на членството',
      memberSince: 'Член от',
      notMember: 'Не е член',
      publicProfile: 'Публичен профил',
      editProfile: 'Редактирай профила',
      exportMembers: 'Изтегли списъка на членовете (CSV)',
      exportMembersHint: 'С полетата за контакт, които имате право да виждате.',
      membershipStatus: {
        active: 'Активно',
        suspended: 'Временно спряно',
        withdrawn: 'Прекратено (напуснала)',
        excluded: 'Прекратено (изключена)',
      },
    },
  },
  roles: {
    applicant: 'Заявител',
    representative: 'Представител на организация',
    committee_member: 'Член на комитета',
    committee_chair: 'Председател на комитета',
    admin: 'Администратор',
  },
  validation: {
    field: {
      required: 'Попълнете полето.',
      too_long: 'Въведете най-много {{max}} знака.',
      invalid: 'Стойността не е валидна.',
    },
    email: {
      invalid: 'Въведете валиден имейл адрес.',
    },
    password: {
      too_short: 'Паролата трябва да е поне {{min}} знака.',
      too_long: 'Паролата може да е най-много {{max}} знака.',
    },
    next: {
      invalid: 'Адресът за връщане не е страница на портала.',
    },
    token: {
      invalid: 'Връзката не е валидна.',
    },
    news: {
      markdown_html: 'Текстът не може да съдържа HTML (например <script>); използвайте Markdown.',
      markdown_link: 'Връзките може да водят само към адреси с http, https или mailto.',
      body_too_long: 'Текстът е твърде дълъг: най-много {{max}} знака (сега са {{length}}).',
      language_incomplete: 'Попълнете заглавие и текст поне на един език.',
    },
    event: {
      ends_before_starts: 'Краят трябва да е след началото.',
      place_required: 'Посочете място или връзка за участие онлайн.',
      closes_after_end: 'Записването трябва да приключи преди края на събитието.',
    },
    contact: {
      consent_required: 'Необходимо е съгласието ви, за да предадем съобщението.',
    },
    board: {
      language_incomplete: 'Попълнете заглавието и описанието поне на един език.',
      valid_until_past: 'Изберете дата след днешната.',
      valid_until_too_far: 'Изберете дата до една година от днес (най-късно {{max}}).',
    },
    eik: {
      invalid: 'Въведете ЕИК или БУЛСТАТ от 9 или 13 цифри.',
      check_digit: 'Контролната цифра не съвпада: проверете дали някоя цифра не е сгрешена.',
    },
  },
};

/** The texts bundled with the app shell: every section but `admin`. */
export type ShellMessages = typeof bg;

/** Every key the SPA may ask for (i18next.d.ts): the shell's texts plus the lazily loaded sections. */
export type Messages = ShellMessages & {
  accountData: AccountDataMessages;
  admin: AdminMessages;
  apply: ApplyMessages;
  board: BoardMessages;
  committee: CommitteeMessages;
  conversations: ConversationsMessages;
  dateField: DateFieldMessages;
  decisions: DecisionsMessages;
  memberships: MembershipsMessages;
  fees: FeesMessages;
  suggestions: SuggestionsMessages;
  dashboard: DashboardMessages;
  myOrganization: MyOrganizationMessages;
  membersView: MembersViewMessages;
  resources: ResourcesMessages;
  projects: ProjectsMessages;
  bodies: BodiesMessages;
  strategy: StrategyMessages;
  readiness: ReadinessMessages;
  meetingConduct: MeetingConductMessages;
  minutes: MinutesMessages;
  news: NewsMessages;
  meetings: MeetingsMessages;
};
