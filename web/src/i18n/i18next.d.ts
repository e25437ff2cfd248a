import 'i18next';
import type { Messages } from './bg.ts';

// Typed keys: `t('directory.titel')` is a compile error, so no component can use a key the resources lack.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Messages };
  }
}
