import type { GridApi } from 'ag-grid-community';
import { useId, useState } from 'react';

import { Dialog } from '../app/Dialog';
import { describeError, reportError, showNotice } from '../app/notices';
import type { RowRecord, SheetRecord } from '../db';
import type { FieldContext } from '../fields/types';
import { exportFileName, exportSheetCsv } from './csv';
import { downloadBlob, downloadTextFile } from './download';
import { loadWorkbookSheets, sheetScope, viewRows, type ExportScope } from './exportScope';
import './export.css';
import { CSV_PRESETS, csvPresetOptions, decimalSeparatorOf, type CsvPresetId } from './presets';

interface Props {
  sheet: SheetRecord;
  rows: RowRecord[];
  gridApi: GridApi<RowRecord> | null;
  settings: FieldContext;
  onClose: () => void;
}

type ExportFormat = 'csv' | 'xlsx' | 'vcard';

const FORMATS: { id: ExportFormat; label: string; button: string }[] = [
  { id: 'csv', label: 'CSV', button: 'Download CSV' },
  { id: 'xlsx', label: 'Excel workbook (.xlsx)', button: 'Download workbook' },
  { id: 'vcard', label: 'vCard (.vcf)', button: 'Download vCard' },
];

/** Returns the locale of this computer, which sets the separators Excel expects when it opens a CSV. */
function computerLocale(settings: FieldContext): string {
  return typeof navigator !== 'undefined' && navigator.language ? navigator.language : settings.locale;
}

function describeExcelSeparators(locale: string): string {
  return decimalSeparatorOf(locale) === ','
    ? `Semicolons between values and decimal commas, as Excel expects on this computer (${locale}).`
    : `Commas between values and decimal points, as Excel expects on this computer (${locale}).`;
}

function plural(count: number, word: string): string {
  return `${count.toLocaleString('en')} ${word}${count === 1 ? '' : 's'}`;
}

export function ExportDialog({ sheet, rows, gridApi, settings, onClose }: Props) {
  const idPrefix = useId();
  const [format, setFormat] = useState<ExportFormat>('csv');
  const [preset, setPreset] = useState<CsvPresetId>('excel');
  const [scope, setScope] = useState<ExportScope>('sheet');
  const [busy, setBusy] = useState(false);

  const shownCount = gridApi?.getDisplayedRowCount() ?? rows.length;
  const tickedRows = gridApi?.getSelectedRows() ?? [];
  const locale = computerLocale(settings);
  const effectiveScope: ExportScope = format !== 'xlsx' && scope === 'workbook' ? 'sheet' : scope;
  const current = FORMATS.find((each) => each.id === format)!;

  const downloadCsv = () => {
    const picked = sheetScope(effectiveScope === 'view' ? 'view' : 'sheet', sheet, rows, gridApi);
    const csv = exportSheetCsv(picked.fields, picked.rows, settings, csvPresetOptions(preset, locale));
    downloadTextFile(csv, exportFileName(sheet.name, new Date()), 'text/csv;charset=utf-8');
  };

  const downloadXlsx = async () => {
    const { buildXlsx, XLSX_MIME_TYPE } = await import('./xlsx');
    let result;
    if (effectiveScope === 'workbook') {
      const workbook = await loadWorkbookSheets(settings);
      result = await buildXlsx(workbook.sheets, workbook.settings);
    } else {
      const picked = sheetScope(effectiveScope, sheet, rows, gridApi);
      result = await buildXlsx([{ name: sheet.name, ...picked }], settings);
    }
    const fileName = exportFileName(sheet.name, new Date(), 'xlsx');
    downloadBlob(new Blob([result.data], { type: XLSX_MIME_TYPE }), fileName);
    if (result.truncatedCells > 0) {
      showNotice(
        `${plural(result.truncatedCells, 'cell')} had more than 32,767 characters, the most an Excel cell holds, and ${result.truncatedCells === 1 ? 'was' : 'were'} cut to fit. The CSV export keeps the full text.`,
      );
    }
  };

  const downloadVCard = async () => {
    const { contactFromRow, writeVCards, hasContactDetails } = await import('../vcard/write');
    const source = tickedRows.length ? tickedRows : viewRows(rows, gridApi);
    const contacts = source.map((row) => contactFromRow(sheet, row, settings)).filter(hasContactDetails);
    if (!contacts.length) {
      showNotice('None of these rows has a name, company, email or phone, so there is no contact card to export.');
      return;
    }
    downloadTextFile(writeVCards(contacts), exportFileName(sheet.name, new Date(), 'vcf'), 'text/vcard;charset=utf-8');
    const skipped = source.length - contacts.length;
    if (skipped > 0) showNotice(`${plural(skipped, 'row')} without a name, company, email or phone left out.`);
  };

  const download = async () => {
    setBusy(true);
    try {
      if (format === 'csv') downloadCsv();
      else if (format === 'xlsx') await downloadXlsx();
      else await downloadVCard();
      onClose();
    } catch (error) {
      reportError(`Could not export "${sheet.name}": ${describeError(error)}`, error);
      setBusy(false);
    }
  };

  const radio = (name: string, checked: boolean, onChange: () => void, label: string, describedBy?: string) => (
    <label>
      <input
        type="radio"
        name={`${idPrefix}-${name}`}
        checked={checked}
        onChange={onChange}
        aria-describedby={describedBy}
      />{' '}
      {label}
    </label>
  );

  return (
    <Dialog title="Export" onClose={onClose} busy={busy}>
      <fieldset>
        <legend>Format</legend>
        {FORMATS.map((each) => (
          <div key={each.id}>{radio('format', format === each.id, () => setFormat(each.id), each.label)}</div>
        ))}
      </fieldset>

      {format === 'csv' ? (
        <fieldset>
          <legend>CSV for</legend>
          {CSV_PRESETS.map((each) => {
            const hintId = `${idPrefix}-preset-${each.id}`;
            return (
              <div key={each.id}>
                {radio('preset', preset === each.id, () => setPreset(each.id), each.label, hintId)}
                <p className="muted export-hint" id={hintId}>
                  {each.id === 'excel' ? `${each.description} ${describeExcelSeparators(locale)}` : each.description}
                </p>
              </div>
            );
          })}
          <p className="muted export-hint">
            Dates are written as YYYY-MM-DD, which Excel reads as a date in every country.
          </p>
        </fieldset>
      ) : null}

      {format === 'vcard' ? (
        <p>
          {tickedRows.length
            ? `One contact card for each of the ${plural(tickedRows.length, 'ticked row')}.`
            : `One contact card for each of the ${plural(shownCount, 'row')} shown. Tick rows to export only those.`}{' '}
          Name, company, emails, phones, address, web links, tags and notes are included.
        </p>
      ) : (
        <fieldset>
          <legend>Rows and columns</legend>
          <div>
            {radio(
              'scope',
              effectiveScope === 'view',
              () => setScope('view'),
              `Current view: the ${plural(shownCount, 'row')} and the columns shown, in their order`,
            )}
          </div>
          <div>
            {radio(
              'scope',
              effectiveScope === 'sheet',
              () => setScope('sheet'),
              `Whole sheet: all ${plural(rows.length, 'row')} and every column`,
            )}
          </div>
          {format === 'xlsx' ? (
            <div>
              {radio(
                'scope',
                effectiveScope === 'workbook',
                () => setScope('workbook'),
                'All sheets: one worksheet for each sheet of this workbook',
              )}
            </div>
          ) : null}
        </fieldset>
      )}

      <div className="dialog-actions">
        <button type="button" onClick={onClose} disabled={busy}>
          Cancel
        </button>
        <button type="button" className="primary" onClick={() => void download()} disabled={busy}>
          {current.button}
        </button>
      </div>
    </Dialog>
  );
}
