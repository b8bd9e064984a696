import type { Locale } from 'date-fns';
import { de, enGB, enUS, es, fr, it, nl } from 'date-fns/locale';

const LOCALES_BY_LANGUAGE: Record<string, Locale> = { en: enGB, de, fr, es, nl, it };

/** Returns the date-fns locale for a BCP 47 tag: en-US is American, other English is British, unknown falls back to enGB. */
export function dateFnsLocale(locale: string): Locale {
  const [language = '', region = ''] = locale.toLowerCase().split(/[-_]/);
  if (language === 'en' && region === 'us') return enUS;
  return LOCALES_BY_LANGUAGE[language] ?? enGB;
}
