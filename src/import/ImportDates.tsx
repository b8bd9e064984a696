// The date format of each column imported as dates. A column whose dates fit
// both day-first and month-first starts with no format, and the import waits
// until the user picks one, because a wrong guess silently swaps days and months.

import type { DateOrder } from '../fields/types';
import { DATE_FORMAT_LABELS, DATE_FORMATS, type DateFormat, type DateFormatDetection } from './dateFormats';

interface Props {
  headers: string[];
  /** Indexes of the columns imported into date fields. */
  dateColumns: number[];
  detections: DateFormatDetection[];
  formats: (DateFormat | undefined)[];
  workbookDateOrder: DateOrder;
  disabled: boolean;
  onChange: (column: number, format: DateFormat) => void;
}

const WORKBOOK_ORDER_NAMES: Record<DateOrder, string> = {
  iso: 'year-month-day',
  dmy: 'day/month/year',
  mdy: 'month/day/year',
};

export function ImportDates({
  headers,
  dateColumns,
  detections,
  formats,
  workbookDateOrder,
  disabled,
  onChange,
}: Props) {
  if (!dateColumns.length) return null;

  return (
    <fieldset className="import-dates">
      <legend>Date formats</legend>
      {dateColumns.map((column) => {
        const header = headers[column]!;
        const detection = detections[column];
        const chosen = formats[column];
        const ambiguous = detection?.ambiguous && chosen === undefined;
        const hintId = `date-hint-${column}`;
        return (
          <div key={column} className="inline-field">
            <label className="inline-field">
              Date format of column {header}
              <select
                value={chosen ?? ''}
                disabled={disabled}
                aria-invalid={ambiguous || undefined}
                aria-describedby={hintId}
                onChange={(event) => onChange(column, event.target.value as DateFormat)}
              >
                {chosen === undefined ? <option value="">Choose a format…</option> : null}
                {DATE_FORMATS.map((format) => (
                  <option key={format} value={format}>
                    {DATE_FORMAT_LABELS[format]}
                  </option>
                ))}
              </select>
            </label>
            <span id={hintId} className={ambiguous ? 'date-warning' : 'muted'}>
              {ambiguous
                ? `Every date in ${header} fits both day/month and month/day, so choose how to read them before ` +
                  `importing. Your workbook writes dates as ${WORKBOOK_ORDER_NAMES[workbookDateOrder]}; ` +
                  'dots usually mean day.month.year.'
                : chosen !== undefined
                  ? detection?.format === chosen
                    ? 'Detected from the values.'
                    : ''
                  : `No single format fits every value; they are read as your workbook reads dates ` +
                    `(${WORKBOOK_ORDER_NAMES[workbookDateOrder]}).`}
            </span>
          </div>
        );
      })}
    </fieldset>
  );
}
