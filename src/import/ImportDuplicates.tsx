// The duplicate choice of an import: how many rows match an existing row or
// an earlier row of the file, by which key, and what to do with them.

import { DUPLICATE_MODE_LABELS, type DuplicateCounts, type DuplicateMode } from './duplicates';

interface Props {
  counts: DuplicateCounts | null;
  /** Whether the rows go into an existing sheet that may already hold them. */
  intoExistingSheet: boolean;
  mode: DuplicateMode;
  disabled: boolean;
  onChange: (mode: DuplicateMode) => void;
}

const MODE_HINTS: Record<DuplicateMode, string> = {
  skip: 'Matching rows are left out.',
  update:
    'Values from the file overwrite the matched row\u2019s mapped columns; empty cells in the file change nothing.',
  add: 'Matching rows are added as new rows.',
};

function plural(count: number, word: string): string {
  return `${count} ${count === 1 ? word : `${word}s`}`;
}

/** Describes the counts: "3 rows match rows in this sheet (2 by email, 1 by name); 1 row repeats an earlier row". */
export function describeDuplicateCounts(counts: DuplicateCounts): string {
  const { email, phone, name } = counts.existing;
  const existing = email + phone + name;
  const parts: string[] = [];
  if (existing) {
    const by = [
      email ? `${email} by email` : '',
      phone ? `${phone} by phone` : '',
      name ? `${name} by name` : '',
    ].filter((part) => part !== '');
    parts.push(
      `${plural(existing, 'row')} ${existing === 1 ? 'matches a row' : 'match rows'} in this sheet (${by.join(', ')})`,
    );
  }
  if (counts.withinFile) {
    parts.push(
      `${plural(counts.withinFile, 'row')} ${counts.withinFile === 1 ? 'repeats' : 'repeat'} an earlier row of the file`,
    );
  }
  return parts.length ? `${parts.join('; ')}.` : 'No row matches another by email, phone or name.';
}

export function ImportDuplicates({ counts, intoExistingSheet, mode, disabled, onChange }: Props) {
  const total = counts ? counts.existing.email + counts.existing.phone + counts.existing.name + counts.withinFile : 0;
  if (!intoExistingSheet && total === 0) return null;

  return (
    <fieldset className="import-duplicates">
      <legend>Duplicates</legend>
      <p className="duplicate-summary" role="status">
        {counts ? describeDuplicateCounts(counts) : 'Looking for duplicates…'}
      </p>
      <p className="muted">
        Rows match by email (ignoring case), else by phone number, else by name (ignoring case and accents). Two rows
        with different emails never match.
      </p>
      <div className="options-row" role="radiogroup" aria-label="When a row matches">
        {(Object.keys(DUPLICATE_MODE_LABELS) as DuplicateMode[]).map((each) => (
          <label key={each} className="inline-field">
            <input
              type="radio"
              name="duplicate-mode"
              value={each}
              checked={mode === each}
              disabled={disabled}
              onChange={() => onChange(each)}
            />
            {DUPLICATE_MODE_LABELS[each]}
          </label>
        ))}
      </div>
      <p className="muted">{MODE_HINTS[mode]}</p>
    </fieldset>
  );
}
