// Finds cells that Excel changed when the file was opened and saved again,
// so they are kept as flagged text instead of being imported as truth:
//   - a phone with a leading '+' became a negative number, because Excel read
//     '+1-813-324-8756' as the formula =1-813-324-8756 and saved its result, -9892;
//   - a long number became scientific notation ('4.47712E+11', '1,30E+01'),
//     which drops digits;
//   - a number lost its leading zero ('7700900123' among '07700900456' values).

export interface DamagedCell {
  /** Index into the parsed rows. */
  row: number;
  column: number;
  value: string;
  reason: string;
}

const PHONE_HEADER = /phone|\btel\b|telephone|mobile|\bcell\b|fax|handy|whatsapp/i;
const PHONE_SHAPED = /^\+?[\d\s().\-/]{7,}$/;
const NEGATIVE_INTEGER = /^-\d+$/;
const SCIENTIFIC = /^[+-]?\d+(?:[.,]\d+)?E[+-]?\d+$/i;
const DIGITS = /^\d+$/;

/** Share of a column's values that must start with 0 before a shorter value counts as a lost zero. */
const LEADING_ZERO_SHARE = 0.6;
/** Values with a leading zero a column needs before lost zeros are looked for. */
const LEADING_ZERO_MIN_VALUES = 3;

function nonEmpty(values: readonly string[]): string[] {
  return values.map((value) => value.trim()).filter((value) => value !== '');
}

/** Tells whether a column contains phones, by its header or because most of its values look like phone numbers. */
function isPhoneColumn(header: string, values: readonly string[]): boolean {
  if (PHONE_HEADER.test(header)) return true;
  const texts = nonEmpty(values);
  return texts.length > 0 && texts.filter((text) => PHONE_SHAPED.test(text)).length / texts.length >= 0.5;
}

/** True when every value other than those in scientific notation is a plain run of digits. */
function isDigitColumn(values: readonly string[]): boolean {
  const texts = nonEmpty(values).filter((text) => !SCIENTIFIC.test(text));
  return texts.length > 0 && texts.every((text) => DIGITS.test(text.replace(/[\s-]/g, '')));
}

/** Returns the digit count most values with a leading zero have, when the column clearly keeps leading zeros. */
function leadingZeroLength(values: readonly string[]): number | undefined {
  const digits = nonEmpty(values).map((text) => text.replace(/[\s-]/g, ''));
  if (!digits.length || !digits.every((text) => DIGITS.test(text))) return undefined;

  const withZero = digits.filter((text) => text.startsWith('0'));
  if (withZero.length < LEADING_ZERO_MIN_VALUES || withZero.length / digits.length < LEADING_ZERO_SHARE) {
    return undefined;
  }
  const counts = new Map<number, number>();
  for (const text of withZero) counts.set(text.length, (counts.get(text.length) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]![0];
}

/**
 * Returns every damaged cell of a parsed file. `rows` are the data rows and
 * `headers` their column names; damaged cells are left in place for the
 * caller to keep as flagged text.
 */
export function findExcelDamage(headers: readonly string[], rows: readonly (readonly string[])[]): DamagedCell[] {
  const damaged: DamagedCell[] = [];

  headers.forEach((header, column) => {
    const values = rows.map((row) => row[column] ?? '');
    const phone = isPhoneColumn(header, values);
    const digitColumn = isDigitColumn(values);
    const zeroLength = leadingZeroLength(values);

    values.forEach((raw, row) => {
      const value = raw.trim();
      if (value === '') return;
      let reason: string | undefined;
      if (phone && NEGATIVE_INTEGER.test(value)) {
        reason = 'Excel read a phone number starting with + as a formula and saved its result';
      } else if ((phone || digitColumn) && SCIENTIFIC.test(value)) {
        reason = 'Excel wrote the number in scientific notation, which drops digits';
      } else if (
        zeroLength !== undefined &&
        !value.startsWith('0') &&
        value.replace(/[\s-]/g, '').length === zeroLength - 1
      ) {
        reason = 'the value lost its leading zero, as Excel does when it reads the column as numbers';
      }
      if (reason) damaged.push({ row, column, value, reason });
    });
  });
  return damaged;
}
