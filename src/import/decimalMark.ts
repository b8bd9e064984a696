// The decimal mark of the numbers in a file. A file follows the program and
// locale that wrote it, not the workbook: a German Excel file writes 1,50 for
// one and a half, a UK one writes 1.50. The import detects the mark from the
// values, shows a note when it differs from the workbook's, and reports values
// that fit either reading ('1,500').

import { numberSeparators } from '../fields/decimal';

export type DecimalMark = '.' | ',';

export interface DecimalMarkDetection {
  mark: DecimalMark;
  /** Messages for the preview: a mark unlike the workbook's, mixed marks, or values that fit both. */
  notes: string[];
}

const NUMERIC_CORE = /\d(?:[\d.,'’\s\u00a0\u202f]*\d)?/;
const GROUP_SPACES = /[\s\u00a0\u202f'’]/g;
/** Example values quoted in a message. */
const MAX_EXAMPLES = 3;

type Evidence = DecimalMark | 'either' | 'none';

/** Tells which decimal mark a number's text shows, 'either' when a single mark has exactly three digits after it. */
function evidenceOf(text: string): Evidence {
  const core = NUMERIC_CORE.exec(text)?.[0] ?? '';
  const dots = core.split('.').length - 1;
  const commas = core.split(',').length - 1;
  if (dots > 0 && commas > 0) return core.lastIndexOf('.') > core.lastIndexOf(',') ? '.' : ',';
  if (dots + commas === 0) return 'none';
  const mark: DecimalMark = dots > 0 ? '.' : ',';
  if (dots + commas > 1) return mark === '.' ? ',' : '.';
  // '1,500' fits both readings; '0.451' and '1234.567' do not, since a thousands group never
  // follows a leading 0 or more than three digits.
  const whole = core.slice(0, core.indexOf(mark));
  const couldBeGroup = /^[1-9]\d{0,2}$/.test(whole);
  return couldBeGroup && /^\d{3}$/.test(core.slice(core.indexOf(mark) + 1)) ? 'either' : mark;
}

/**
 * Detects the decimal mark from the text of the file's number columns. With
 * no evidence either way, a semicolon-separated file suggests a comma (Excel
 * writes semicolons where the comma is the decimal mark), else the workbook
 * locale's mark is used.
 */
export function detectDecimalMark(
  columns: readonly { header: string; values: readonly string[] }[],
  delimiter: string,
  locale: string,
): DecimalMarkDetection {
  const localeMark: DecimalMark = numberSeparators(locale).decimal === ',' ? ',' : '.';
  const examples: Record<Evidence, string[]> = { '.': [], ',': [], either: [], none: [] };
  for (const column of columns) {
    for (const value of column.values) {
      if (value.trim() !== '') examples[evidenceOf(value)].push(`${JSON.stringify(value.trim())} in ${column.header}`);
    }
  }

  const quote = (list: string[]) => list.slice(0, MAX_EXAMPLES).join(', ');
  const notes: string[] = [];
  let mark: DecimalMark;
  if (examples[','].length && examples['.'].length) {
    mark = localeMark;
    notes.push(
      `Numbers in this file use both marks: ${quote(examples[','])} read with a decimal comma, ` +
        `${quote(examples['.'])} with a decimal point. Read as "${mark}"; check the decimal mark above.`,
    );
  } else if (examples[','].length) {
    mark = ',';
  } else if (examples['.'].length) {
    mark = '.';
  } else {
    mark = examples.either.length && delimiter === ';' ? ',' : localeMark;
  }

  if (mark !== localeMark && !notes.length) {
    notes.push(
      `Numbers in this file use "${mark}" as the decimal mark (for example ${quote(examples[mark]) || 'by the file\u2019s separator'}), ` +
        `unlike your workbook (${locale}), so they are read that way. Change the decimal mark above if that is wrong.`,
    );
  }
  if (examples.either.length) {
    const other = mark === '.' ? ',' : '.';
    notes.push(
      `${quote(examples.either)} could mean a whole number with a thousands separator or a decimal with "${other}"; ` +
        `read with "${mark}" as the decimal mark.`,
    );
  }
  return { mark, notes };
}

/** The outcome of rewriting number text in plain form. */
export type PlainNumberText = { ok: true; text: string } | { ok: false; error: string };

/**
 * Rewrites the number in a cell's text in plain form ('1234.5') for a decimal
 * mark, leaving any currency sign or percent sign around it. The other mark,
 * spaces and apostrophes may only group digits in threes. Text that breaks
 * that rule does not fit the mark and gets an error naming it.
 */
export function toPlainNumberText(text: string, mark: DecimalMark): PlainNumberText {
  const match = NUMERIC_CORE.exec(text);
  if (!match) return { ok: true, text };

  const core = match[0];
  const group = mark === '.' ? ',' : '.';
  const decimalIndex = core.lastIndexOf(mark);
  const integerPart = decimalIndex === -1 ? core : core.slice(0, decimalIndex);
  const fraction = decimalIndex === -1 ? '' : core.slice(decimalIndex + 1);

  const groups = integerPart.replace(GROUP_SPACES, group).split(group);
  const grouped =
    groups.length === 1 || (/^[1-9]\d{0,2}$/.test(groups[0]!) && groups.slice(1).every((part) => /^\d{3}$/.test(part)));
  if (!grouped || !/^\d*$/.test(fraction) || integerPart.includes(mark)) {
    return {
      ok: false,
      error: `${JSON.stringify(text.trim())} does not fit "${mark}" as the decimal mark; change the decimal mark or fix the value`,
    };
  }

  const plain = groups.join('') + (decimalIndex === -1 ? '' : `.${fraction}`);
  return { ok: true, text: text.slice(0, match.index) + plain + text.slice(match.index + core.length) };
}
