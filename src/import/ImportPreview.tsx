import { fieldTypeOrder, formatCell, getFieldType } from '../fields/registry';
import type { DateOrder, FieldContext, FieldDef, FieldType } from '../fields/types';
import { readImportCell, type ColumnReading } from './cellReading';
import { NEW_COLUMN_CHOICE, SKIP_CHOICE } from './columnChoice';
import { withoutFormulaGuard } from './csv/plan';

interface Props {
  headers: string[];
  previewRows: string[][];
  /** Row number of each preview row, to find its flagged cells. */
  previewRowNumbers: number[];
  /** The field each column fills, or null when skipped. */
  fields: (FieldDef | null)[];
  /** The select value of each column's destination. */
  choices: string[];
  /** Sheet columns offered as destinations; empty for a new sheet. */
  sheetFields: FieldDef[];
  /** Type of each column that becomes a new column, or undefined. */
  newColumnTypes: (FieldType | undefined)[];
  dateOrders: (DateOrder | undefined)[];
  /** Date format and decimal mark of each column. */
  readings: ColumnReading[];
  /** Cells kept as flagged text, as 'rowNumber:column'. */
  flagged: ReadonlySet<string>;
  /** Date columns whose format the user has yet to choose; their cells show the file's text. */
  undecidedColumns: ReadonlySet<number>;
  settings: FieldContext;
  onChoiceChange: (column: number, choice: string) => void;
  onTypeChange: (column: number, type: FieldType) => void;
}

interface CellProps {
  text: string;
  field: FieldDef | null;
  ctx: FieldContext;
  reading: ColumnReading;
  flagged: boolean;
  undecided: boolean;
}

function PreviewCell({ text, field, ctx, reading, flagged, undecided }: CellProps) {
  if (flagged && text.trim()) {
    return (
      <td className="cell-invalid" title="Kept as text and flagged; see the warnings above">
        {text}
      </td>
    );
  }
  if (!field || !text.trim()) return <td>{text}</td>;
  if (undecided) {
    return (
      <td className="muted" title="Choose this column's date format to see how the date is read">
        {text}
      </td>
    );
  }
  // A new select column gets its choices from the whole file, so the preview shows its text as is.
  const choicesPending = (field.type === 'select' || field.type === 'multiSelect') && !field.settings.options?.length;
  if (choicesPending) return <td>{text}</td>;

  const result = readImportCell(withoutFormulaGuard(text), field, ctx, reading);
  if (!result.ok) {
    return (
      <td className="cell-invalid" title={result.error}>
        {text}
      </td>
    );
  }
  return <td title={text}>{formatCell(result.value, field, ctx)}</td>;
}

/** The first rows of the file as they will be stored, under each column's destination. */
export function ImportPreview(props: Props) {
  const { headers, fields, settings } = props;

  return (
    <div className="preview-wrap">
      <table className="preview">
        <thead>
          <tr>
            {headers.map((header, column) => (
              <th key={column} scope="col">
                {header}
              </th>
            ))}
          </tr>
          <tr className="preview-choices">
            {headers.map((header, column) => (
              <th key={column}>
                <select
                  aria-label={`Destination of column ${header}`}
                  value={props.choices[column]}
                  onChange={(event) => props.onChoiceChange(column, event.target.value)}
                >
                  {props.sheetFields.map((field) => (
                    <option key={field.id} value={`field:${field.id}`}>
                      {field.name}
                    </option>
                  ))}
                  <option value={NEW_COLUMN_CHOICE}>{props.sheetFields.length ? 'New column' : 'Import'}</option>
                  <option value={SKIP_CHOICE}>Skip</option>
                </select>
                {props.newColumnTypes[column] ? (
                  <select
                    aria-label={`Type of column ${header}`}
                    value={props.newColumnTypes[column]}
                    onChange={(event) => props.onTypeChange(column, event.target.value as FieldType)}
                  >
                    {fieldTypeOrder
                      .filter((type) => type !== 'link')
                      .map((type) => (
                        <option key={type} value={type}>
                          {getFieldType(type).label}
                        </option>
                      ))}
                  </select>
                ) : null}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.previewRows.map((row, rowIndex) => (
            <tr key={rowIndex}>
              {headers.map((_, column) => (
                <PreviewCell
                  key={column}
                  text={row[column] ?? ''}
                  field={fields[column] ?? null}
                  ctx={{ ...settings, dateOrder: props.dateOrders[column] ?? settings.dateOrder }}
                  reading={props.readings[column] ?? {}}
                  flagged={props.flagged.has(`${props.previewRowNumbers[rowIndex]}:${column}`)}
                  undecided={props.undecidedColumns.has(column)}
                />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
