import { useId, useMemo, useState } from 'react';

import { Dialog } from '../app/Dialog';
import type { FieldContext } from '../fields/types';
import { previewTemplate, type PreviewSheet } from './preview';
import type { TemplateDefinition } from './templateTypes';

interface Props {
  template: TemplateDefinition;
  settings: FieldContext;
  /** False until phone number support has loaded, which reading phone samples needs. */
  ready: boolean;
  busy: boolean;
  onUse: (withSampleRows: boolean) => void;
  onClose: () => void;
}

/** Shows a template's sheets, columns and first sample rows, and creates its sheets on "Use template". */
export function TemplatePreviewDialog({ template, settings, ready, busy, onUse, onClose }: Props) {
  const [withSampleRows, setWithSampleRows] = useState(false);
  const sheets = useMemo(() => (ready ? previewTemplate(template, settings) : null), [ready, template, settings]);
  const hasSamples = template.sheets.some((sheet) => (sheet.sampleRows?.length ?? 0) > 0);

  return (
    <Dialog title={template.name} onClose={onClose} busy={busy} wide>
      {template.description ? <p>{template.description}</p> : null}
      {sheets ? (
        sheets.map((sheet) => <SheetPreview key={sheet.name} sheet={sheet} />)
      ) : (
        <p className="loading">Loading the preview…</p>
      )}
      <div className="template-preview-footer">
        <label className="template-option">
          <input
            type="checkbox"
            checked={withSampleRows}
            disabled={!hasSamples}
            onChange={(event) => setWithSampleRows(event.target.checked)}
          />
          Include sample rows
        </label>
        <div className="dialog-actions">
          <button type="button" disabled={busy} onClick={onClose}>
            Cancel
          </button>
          <button type="button" className="primary" disabled={busy || !ready} onClick={() => onUse(withSampleRows)}>
            Use template
          </button>
        </div>
      </div>
    </Dialog>
  );
}

function SheetPreview({ sheet }: { sheet: PreviewSheet }) {
  const headingId = useId();
  const hiddenRows = sheet.sampleRowCount - sheet.rows.length;

  return (
    <section className="template-preview-sheet" aria-labelledby={headingId}>
      <h3 id={headingId}>{sheet.name}</h3>
      {/* Focusable, so a keyboard user can scroll a table wider than the dialog with the arrow keys. */}
      <div className="template-preview-scroll" tabIndex={0} role="group" aria-labelledby={headingId}>
        <table className="template-preview-table" aria-labelledby={headingId}>
          <thead>
            <tr>
              {sheet.columns.map((column, index) => (
                <th key={index} scope="col">
                  {column.name}
                  <span className="template-column-type">{column.typeLabel}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {sheet.rows.map((row, rowIndex) => (
              <tr key={rowIndex}>
                {row.map((text, columnIndex) => (
                  <td key={columnIndex}>{text}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="template-help">
        {sheet.sampleRowCount === 0
          ? 'No sample rows.'
          : hiddenRows > 0
            ? `${sheet.sampleRowCount} sample rows; the first ${sheet.rows.length} are shown.`
            : `${sheet.sampleRowCount} sample ${sheet.sampleRowCount === 1 ? 'row' : 'rows'}.`}
      </p>
    </section>
  );
}
