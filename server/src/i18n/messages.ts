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
