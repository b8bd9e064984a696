// English date formats are built in; the other languages load on demand
// (about 2 KB gzip each), so the first load carries only what an English
// workbook uses. Call loadDateLocale before formatting in another language.

import type { Locale } from 'date-fns';
import { enGB, enUS } from 'date-fns/locale';

const LOCALE_LOADERS: Record<string, () => Promise<Locale>> = {
  de: () => import('date-fns/locale/de').then((module) => module.de),
  fr: () => import('date-fns/locale/fr').then((module) => module.fr),
  es: () => import('date-fns/locale/es').then((module) => module.es),
  nl: () => import('date-fns/locale/nl').then((module) => module.nl),
  it: () => import('date-fns/locale/it').then((module) => module.it),
};

const loadedLocales: Record<string, Locale> = { en: enGB };

function languageAndRegion(locale: string): [string, string] {
  const [language = '', region = ''] = locale.toLowerCase().split(/[-_]/);
  return [language, region];
}

/** Loads the date-fns locale for a BCP 47 tag; a no-op for English and unknown languages. */
export async function loadDateLocale(locale: string): Promise<void> {
  const [language] = languageAndRegion(locale);
  const loader = LOCALE_LOADERS[language];
  if (!loader || loadedLocales[language]) return;
  loadedLocales[language] = await loader();
}

/**
 * Returns the date-fns locale for a BCP 47 tag: en-US is American, other
 * English is British, and a language not loaded yet (or unknown) falls back
 * to enGB.
 */
export function dateFnsLocale(locale: string): Locale {
  const [language, region] = languageAndRegion(locale);
  if (language === 'en' && region === 'us') return enUS;
  return loadedLocales[language] ?? enGB;
}
