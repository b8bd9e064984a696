// The CSV presets the export dialog offers. Each one is a set of options for
// exportSheetCsv chosen for who opens the file.
//
// Every preset writes dates as ISO YYYY-MM-DD. Excel reads that form as a
// date under every regional setting, while a local form such as 03/04/2026
// is read as 3 April or 4 March depending on the computer that opens the file.

import type { ExportCsvOptions } from './csv';

export type CsvPresetId = 'excel' | 'accountant' | 'plain';

export interface CsvPreset {
  id: CsvPresetId;
  label: string;
  description: string;
}

/** The header of the column that the Accountant preset adds. */
export const CURRENCY_COLUMN_HEADER = 'Currency';

export const CSV_PRESETS: readonly CsvPreset[] = [
  {
    id: 'excel',
    label: 'Excel (this computer)',
    description: 'Opens in Excel with a double-click: the separators this computer uses, UTF-8 with a BOM.',
  },
  {
    id: 'accountant',
    label: 'Accountant',
    description: 'Amounts as plain numbers such as 1234.50, a Currency column, dates as YYYY-MM-DD.',
  },
  {
    id: 'plain',
    label: 'Plain CSV',
    description: 'RFC 4180: commas, no BOM, for other programs and scripts.',
  },
];

/** Returns the decimal separator of a locale: ',' for 'de-DE', '.' for 'en-GB'. */
export function decimalSeparatorOf(locale: string): '.' | ',' {
  const decimal = new Intl.NumberFormat(locale).formatToParts(1.5).find((part) => part.type === 'decimal')?.value;
  return decimal === ',' ? ',' : '.';
}

/**
 * Returns the exportSheetCsv options of a preset. The Excel preset follows
 * the locale of the computer: where it writes 1,5, Excel splits CSV at ';'
 * and reads only ',' as the decimal separator, so both change together.
 */
export function csvPresetOptions(preset: CsvPresetId, computerLocale: string): ExportCsvOptions {
  switch (preset) {
    case 'excel': {
      const decimalSeparator = decimalSeparatorOf(computerLocale);
      return { delimiter: decimalSeparator === ',' ? ';' : ',', decimalSeparator, bom: true };
    }
    case 'accountant':
      return { delimiter: ',', decimalSeparator: '.', bom: true, currencyColumn: CURRENCY_COLUMN_HEADER };
    case 'plain':
      return { delimiter: ',', decimalSeparator: '.', bom: false };
  }
}
