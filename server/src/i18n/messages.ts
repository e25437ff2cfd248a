import type { Language } from '@portal/shared';

/**
 * Our own bilingual catalogue: problem titles and details by stable code, and the field messages of
 * custom validation issues (zod's own issues are worded by zod's bg/en locales).
 */
type Values = Record<string, string | number>;
type Entry = Record<Language, string>;

export const messages = {
  // ---------- problems (title, detail) ----------
  'validation.failed.title': { bg: 'Невалидни данни', en: 'Invalid request' },
  'validation.failed.detail': {
    bg: 'Някои стойности в заявката са невалидни; вижте грешките по полета.',
    en: 'Some values in the request are invalid; see the field errors.',
  },
  'route.not_found.title': { bg: 'Няма такъв адрес', en: 'Not found' },
  'route.not_found.detail': {
    bg: 'Адресът {path} не съществува.',
    en: 'There is nothing at {path}.',
  },
  'organization.not_found.title': { bg: 'Организацията не е намерена', en: 'Organisation not found' },
  'organization.not_found.detail': {
    bg: 'Няма публично вписан член на клъстера с този идентификатор.',
    en: 'No publicly listed member of the cluster has this identifier.',
  },
  'user.not_found.title': { bg: 'Потребителят не е намерен', en: 'User not found' },
  'user.not_found.detail': {
    bg: 'Няма потребител с този идентификатор.',
    en: 'There is no user with this identifier.',
  },
  'session.not_found.title': { bg: 'Сесията не е намерена', en: 'Session not found' },
  'session.not_found.detail': {
    bg: 'Няма ваша активна сесия с този идентификатор.',
    en: 'You have no active session with this identifier.',
  },
  'auth.required.title': { bg: 'Необходим е вход', en: 'Sign-in required' },
  'auth.required.detail': {
    bg: 'Влезте в профила си, за да продължите.',
    en: 'Please log in to continue.',
  },
  'auth.forbidden.title': { bg: 'Нямате достъп', en: 'Access denied' },
  'auth.forbidden.detail': {
    bg: 'Профилът ви няма право да извърши това действие.',
    en: 'Your account is not allowed to do this.',
  },
  'auth.invalid_credentials.title': { bg: 'Неуспешен вход', en: 'Log-in failed' },
  'auth.invalid_credentials.detail': {
    bg: 'Имейлът или паролата не са верни.',
    en: 'The email or password is not correct.',
  },
  'auth.email_unverified.title': { bg: 'Имейлът не е потвърден', en: 'Email not confirmed' },
  'auth.email_unverified.detail': {
    bg: 'Отворете връзката, която ви изпратихме по имейл, или поискайте нова.',
    en: 'Open the link we emailed you, or ask for a new one.',
  },
  'user.self_lockout.title': { bg: 'Действието е отказано', en: 'Action refused' },
  'user.self_lockout.detail': {
    bg: 'Не можете да деактивирате себе си или да отнемете собствената си администраторска роля.',
    en: 'You cannot disable yourself or revoke your own administrator role.',
  },
  'rate_limited.title': { bg: 'Твърде много опити', en: 'Too many attempts' },
  'rate_limited.detail': {
    bg: 'Опитайте отново след {seconds} секунди.',
    en: 'Please try again in {seconds} seconds.',
  },
  'csrf.rejected.title': { bg: 'Заявката е отказана', en: 'Request refused' },
  'csrf.rejected.detail': {
    bg: 'Заявки, променящи данни, се приемат само от страниците на портала.',
    en: 'Requests that change data are accepted only from the portal itself.',
  },
  'application.not_found.title': { bg: 'Заявлението не е намерено', en: 'Application not found' },
  'application.not_found.detail': {
    bg: 'Няма заявление с този идентификатор, до което да имате достъп.',
    en: 'There is no application with this identifier that you can see.',
  },
  'application.transition_invalid.title': { bg: 'Действието не е възможно сега', en: 'Not possible now' },
  'application.transition_invalid.detail': {
    bg: 'Заявлението е в състояние „{state}“ и това действие не е позволено в него.',
    en: 'The application is in the state "{state}", which does not allow this action.',
  },
  'application.documents_full.title': { bg: 'Твърде много документи', en: 'Too many documents' },
  'application.documents_full.detail': {
    bg: 'Към едно заявление могат да се приложат най-много {max} документа.',
    en: 'An application can have at most {max} documents.',
  },
  'application.no_open_vote.title': { bg: 'Няма открито гласуване', en: 'No open vote' },
  'application.no_open_vote.detail': {
    bg: 'По това заявление в момента не се гласува.',
    en: 'There is no vote open on this application.',
  },
  'application.recused.title': {
    bg: 'Декларирали сте конфликт на интереси',
    en: 'You declared a conflict of interest',
  },
  'application.recused.detail': {
    bg: 'След деклариран конфликт на интереси не можете да гласувате по това заявление.',
    en: 'Having declared a conflict of interest, you cannot vote on this application.',
  },
  'precondition.required.title': { bg: 'Липсва версия на данните', en: 'Version required' },
  'precondition.required.detail': {
    bg: 'Промяната трябва да посочи версията, която сте отворили (заглавка If-Match), за да не презапише чужда редакция.',
    en: 'A change must name the version you opened (the If-Match header), so that it cannot overwrite someone else’s edit.',
  },
  'precondition.failed.title': { bg: 'Данните вече са променени', en: 'Changed in the meantime' },
  'precondition.failed.detail': {
    bg: 'Някой друг е записал промени, след като сте отворили тези данни. Заредете ги отново и повторете своите промени.',
    en: 'Someone else saved changes after you opened this. Reload it and make your changes again.',
  },
  'method.not_allowed.title': { bg: 'Методът не е разрешен', en: 'Method not allowed' },
  'method.not_allowed.detail': {
    bg: 'Адресът {path} не приема метода {method}; разрешени са: {allow}.',
    en: '{path} does not accept {method}; allowed: {allow}.',
  },
  'media_type.unsupported.title': { bg: 'Неподдържан формат', en: 'Unsupported media type' },
  'media_type.unsupported.detail': {
    bg: 'Тялото на заявката трябва да е JSON (application/json).',
    en: 'The request body must be JSON (application/json).',
  },
  'body.too_large.title': { bg: 'Твърде голяма заявка', en: 'Payload too large' },
  'body.too_large.detail': {
    bg: 'Тялото на заявката надхвърля допустимите {limit} байта.',
    en: 'The request body exceeds the allowed {limit} bytes.',
  },
  'body.invalid_json.title': { bg: 'Невалиден JSON', en: 'Malformed JSON' },
  'body.invalid_json.detail': {
    bg: 'Тялото на заявката не е валиден JSON.',
    en: 'The request body is not valid JSON.',
  },
  'request.bad.title': { bg: 'Невалидна заявка', en: 'Bad request' },
  'request.bad.detail': {
    bg: 'Сървърът не може да обработи тази заявка.',
    en: 'The server cannot process this request.',
  },
  'request.rejected.title': { bg: 'Заявката е отказана', en: 'Request rejected' },
  'request.rejected.detail': {
    bg: 'Сървърът отказа заявката (HTTP {status}).',
    en: 'The server refused the request (HTTP {status}).',
  },
  'service.unavailable.title': { bg: 'Услугата е временно недостъпна', en: 'Service unavailable' },
  'service.unavailable.detail': {
    bg: 'Опитайте отново след малко.',
    en: 'Please try again in a moment.',
  },
  'internal.title': { bg: 'Вътрешна грешка', en: 'Internal server error' },
  'internal.detail': {
    bg: 'Възникна неочаквана грешка. Опитайте отново; ако се повтаря, съобщете номера на заявката {requestId}.',
    en: 'Something went wrong on our side. Please try again; if it persists, quote request id {requestId}.',
  },

  // ---------- field messages of our custom issues ----------
  'eik.invalid': {
    bg: 'Невалиден ЕИК/БУЛСТАТ: очакват се 9 или 13 цифри с вярна контролна цифра.',
    en: 'Invalid ЕИК/BULSTAT: 9 or 13 digits with a correct check digit are expected.',
  },
  'area.unknown': {
    bg: 'Няма област на специализация „{value}“.',
    en: 'There is no specialisation area "{value}".',
  },
  'field.invalid': { bg: 'Невалидна стойност.', en: 'Invalid value.' },
  'field.required': { bg: 'Полето е задължително.', en: 'This field is required.' },
  'email.invalid': { bg: 'Невалиден имейл адрес.', en: 'Invalid email address.' },
  'password.too_short': {
    bg: 'Паролата трябва да е поне {min} знака.',
    en: 'The password must be at least {min} characters long.',
  },
  'password.too_long': {
    bg: 'Паролата може да е най-много {max} знака.',
    en: 'The password can be at most {max} characters long.',
  },
  'password.common': {
    bg: 'Тази парола е сред най-често използваните; изберете друга.',
    en: 'This password is one of the most common ones; choose another.',
  },
  'password.wrong': { bg: 'Паролата не е вярна.', en: 'The password is not correct.' },
  'eik.taken': {
    bg: 'ЕИК {eik} вече е на член на клъстера или на друго открито заявление.',
    en: 'EIK {eik} already belongs to a cluster member or to another open application.',
  },
  'application.section_missing': {
    bg: 'Тази част от заявлението още не е попълнена.',
    en: 'This part of the application is not filled in yet.',
  },
  'application.comment_required': {
    bg: 'Опишете какво трябва да се промени.',
    en: 'Describe what needs to change.',
  },
  'document.not_pdf': {
    bg: 'Файлът не е PDF документ.',
    en: 'The file is not a PDF document.',
  },
  'token.invalid': {
    bg: 'Връзката е невалидна, изтекла или вече използвана.',
    en: 'The link is invalid, expired or already used.',
  },
} satisfies Record<string, Entry>;

export type MessageKey = keyof typeof messages;

export function hasMessage(key: string): key is MessageKey {
  return Object.hasOwn(messages, key);
}

/** The message in the given language, with `{name}` placeholders filled from values. */
export function translate(lang: Language, key: MessageKey, values: Values = {}): string {
  return messages[key][lang].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}
