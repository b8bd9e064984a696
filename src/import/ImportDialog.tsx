import { useEffect, useMemo, useRef, useState } from 'react';

import { Dialog } from '../app/Dialog';
import { describeError } from '../app/notices';
import { commitImport, type SheetRecord } from '../db';
import { loadPhoneLibrary } from '../fields/phoneLibrary';
import type { DateOrder, FieldContext, FieldType } from '../fields/types';
import { choiceToMapping, initialMapping, mappingToChoice, previewFields } from './columnChoice';
import { SUPPORTED_ENCODINGS } from './csv/decode';
import { suggestMappingPlan, type MappingPlan } from './csv/mapping';
import { ImportWorkerClient } from './importClient';
import { ImportPreview } from './ImportPreview';
import { ImportSummary, type ImportTotals } from './ImportSummary';
import type { FileAnalysis, NewSheetColumnChoice } from './protocol';

/** Destination of an import, with any file chosen before the dialog opened. */
export type ImportDialogTarget = { kind: 'newSheet'; file?: File } | { kind: 'existingSheet'; sheet: SheetRecord };

interface Props {
  settings: FieldContext;
  target: ImportDialogTarget;
  onClose: () => void;
}

type Step = 'choose' | 'analysing' | 'review' | 'importing' | 'done';

const DELIMITER_CHOICES = [
  { value: ',', label: 'Comma (,)' },
  { value: ';', label: 'Semicolon (;)' },
  { value: '\t', label: 'Tab' },
  { value: '|', label: 'Pipe (|)' },
];

/** Thrown from the progress callback to roll the import transaction back. */
class ImportCancelled extends Error {}

function fileBaseName(name: string): string {
  return name.replace(/\.[^.]+$/, '') || 'Imported';
}

export function ImportDialog({ settings, target, onClose }: Props) {
  const sheet = target.kind === 'existingSheet' ? target.sheet : null;
  const workerRef = useRef<ImportWorkerClient | null>(null);
  const cancelRequested = useRef(false);

  const [step, setStep] = useState<Step>('choose');
  const [file, setFile] = useState<{ name: string; bytes: ArrayBuffer } | null>(null);
  const [analysis, setAnalysis] = useState<FileAnalysis | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [destination, setDestination] = useState<'newSheet' | 'existingSheet'>(target.kind);
  const [newSheetChoices, setNewSheetChoices] = useState<NewSheetColumnChoice[]>([]);
  const [mapping, setMapping] = useState<MappingPlan>({ columns: [] });
  const [dateOrders, setDateOrders] = useState<(DateOrder | undefined)[]>([]);
  const [progress, setProgress] = useState<{ label: string; done: number; total: number } | null>(null);
  const [totals, setTotals] = useState<ImportTotals | null>(null);

  const worker = () => (workerRef.current ??= new ImportWorkerClient());
  useEffect(() => () => workerRef.current?.terminate(), []);

  // A file chosen on the first-run screen is read as soon as the dialog opens.
  const initialFile = target.kind === 'newSheet' ? target.file : undefined;
  useEffect(() => {
    if (initialFile) void onFileChosen(initialFile);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, for the file the dialog opened with
  }, [initialFile]);

  const analyse = async (chosen: { name: string; bytes: ArrayBuffer }, encoding?: string, delimiter?: string) => {
    setStep('analysing');
    setError(null);
    try {
      // The worker gets a copy, so the bytes can be decoded again with another encoding.
      // The preview parses phones on this page too.
      await loadPhoneLibrary();
      const result = await worker().analyse({ bytes: chosen.bytes.slice(0), encoding, delimiter, ctx: settings });
      if (!result.headers.length)
        throw new Error(`${chosen.name} has no header row. The first line must name the columns.`);

      setAnalysis(result);
      setNewSheetChoices(result.newSheetFields.map((field) => ({ keep: true, type: field.type })));
      setDateOrders(result.newSheetDateOrders);
      if (sheet) {
        const suggested = suggestMappingPlan(result.headers, sheet.fields);
        setMapping(initialMapping(suggested, result.headers, result.newSheetFields));
        const matched = suggested.columns.some((column) => column.kind === 'field');
        setDestination(matched ? 'existingSheet' : 'newSheet');
      }
      setStep('review');
    } catch (failure) {
      console.error('Import analysis failed', failure);
      setError(`Could not read ${chosen.name}: ${describeError(failure)}`);
      setStep('choose');
    }
  };

  const onFileChosen = async (chosen: File | undefined) => {
    if (!chosen) return;
    try {
      const picked = { name: chosen.name, bytes: await chosen.arrayBuffer() };
      setFile(picked);
      await analyse(picked);
    } catch (failure) {
      console.error('Reading the chosen file failed', failure);
      setError(`Could not open ${chosen.name}: ${describeError(failure)}`);
    }
  };

  const runImport = async () => {
    if (!file || !analysis) return;
    setStep('importing');
    setError(null);
    cancelRequested.current = false;

    try {
      setProgress({ label: 'Reading rows', done: 0, total: analysis.rowCount });
      const plan = await worker().plan(
        {
          ctx: settings,
          dateOrders,
          target:
            destination === 'newSheet' || !sheet
              ? { kind: 'newSheet', columns: newSheetChoices }
              : { kind: 'existingSheet', fields: sheet.fields, mapping },
        },
        (done, total) => setProgress({ label: 'Reading rows', done, total }),
      );

      const sheetName = destination === 'newSheet' || !sheet ? fileBaseName(file.name) : sheet.name;
      setProgress({ label: 'Saving', done: 0, total: plan.rows.length });
      await commitImport(
        {
          fileName: file.name,
          target:
            destination === 'newSheet' || !sheet
              ? { newSheet: { name: sheetName, fields: plan.fields } }
              : { sheetId: sheet.id, newFields: plan.fields },
          rows: plan.rows,
          skipped: plan.skipped,
          rejected: plan.rejected.length,
        },
        (done, total) => {
          if (cancelRequested.current) throw new ImportCancelled('Import cancelled; nothing was added.');
          setProgress({ label: 'Saving', done, total });
        },
      );

      setTotals({
        fileName: file.name,
        sheetName,
        added: plan.rows.length,
        updated: 0,
        skipped: plan.skipped,
        rejected: plan.rejected,
        headers: analysis.headers,
      });
      setStep('done');
    } catch (failure) {
      if (!(failure instanceof ImportCancelled)) console.error('Import failed', failure);
      setError(
        failure instanceof ImportCancelled
          ? failure.message
          : `Import of ${file.name} failed and nothing was added: ${describeError(failure)}`,
      );
      setStep('review');
    } finally {
      setProgress(null);
    }
  };

  const cancel = () => {
    cancelRequested.current = true;
    if (progress?.label === 'Reading rows') {
      workerRef.current?.terminate();
      workerRef.current = null;
      setError('Import cancelled; nothing was added. Choose the file again to start over.');
      setAnalysis(null);
      setStep('choose');
      setProgress(null);
    }
  };

  const fields = useMemo(
    () =>
      analysis
        ? previewFields(destination, analysis.newSheetFields, newSheetChoices, sheet?.fields ?? [], mapping)
        : [],
    [analysis, destination, newSheetChoices, sheet, mapping],
  );

  const choices = analysis
    ? analysis.headers.map((_, column) =>
        destination === 'newSheet'
          ? newSheetChoices[column]?.keep
            ? 'new'
            : 'skip'
          : mappingToChoice(mapping.columns[column]),
      )
    : [];

  const newColumnTypes = analysis
    ? analysis.headers.map((_, column): FieldType | undefined => {
        if (destination === 'newSheet') {
          const choice = newSheetChoices[column];
          return choice?.keep ? choice.type : undefined;
        }
        const mapped = mapping.columns[column];
        return mapped?.kind === 'new' ? mapped.type : undefined;
      })
    : [];

  const onChoiceChange = (column: number, choice: string) => {
    if (!analysis) return;
    const inferredType = analysis.newSheetFields[column]?.type ?? 'text';
    if (destination === 'newSheet') {
      setNewSheetChoices((current) =>
        current.map((each, index) =>
          index === column ? (choice === 'skip' ? { keep: false } : { keep: true, type: inferredType }) : each,
        ),
      );
      return;
    }
    setMapping((current) => ({
      ...current,
      columns: current.columns.map((each, index) =>
        index === column ? choiceToMapping(choice, analysis.headers[column]!, inferredType) : each,
      ),
    }));
  };

  const onTypeChange = (column: number, type: FieldType) => {
    if (destination === 'newSheet') {
      setNewSheetChoices((current) => current.map((each, index) => (index === column ? { keep: true, type } : each)));
      return;
    }
    setMapping((current) => ({
      ...current,
      columns: current.columns.map((each, index) =>
        index === column && each.kind === 'new' ? { ...each, type } : each,
      ),
    }));
  };

  const busy = step === 'importing' || step === 'analysing';
  const rowCount = analysis?.rowCount ?? 0;

  return (
    <Dialog title="Import CSV" onClose={onClose} busy={busy} wide>
      {error ? (
        <p role="alert" className="notice notice-error">
          {error}
        </p>
      ) : null}

      {step === 'choose' || step === 'analysing' ? (
        <label className="field">
          CSV file
          <input
            type="file"
            accept=".csv,.tsv,.txt,text/csv,text/tab-separated-values,text/plain"
            disabled={step === 'analysing'}
            onChange={(event) => void onFileChosen(event.target.files?.[0])}
          />
          <span className="muted">
            A file saved as CSV from Excel, Google Sheets, Outlook or another CRM. Comma, semicolon, tab and pipe
            separators and the common encodings are detected.
          </span>
        </label>
      ) : null}
      {step === 'analysing' ? <p>Reading {file?.name}…</p> : null}

      {analysis && (step === 'review' || step === 'importing') ? (
        <>
          <p>
            {file?.name}: {rowCount} {rowCount === 1 ? 'row' : 'rows'} and {analysis.headers.length} columns.
          </p>
          <div className="options-row">
            <label className="field">
              Encoding
              <select
                value={analysis.encoding}
                disabled={busy}
                onChange={(event) => file && void analyse(file, event.target.value, analysis.delimiter)}
              >
                {SUPPORTED_ENCODINGS.some((choice) => choice.value === analysis.encoding) ? null : (
                  <option value={analysis.encoding}>{analysis.encoding}</option>
                )}
                {SUPPORTED_ENCODINGS.map((choice) => (
                  <option key={choice.value} value={choice.value}>
                    {choice.label}
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              Delimiter
              <select
                value={analysis.delimiter}
                disabled={busy}
                onChange={(event) => file && void analyse(file, analysis.encoding, event.target.value)}
              >
                {DELIMITER_CHOICES.map((choice) => (
                  <option key={choice.value} value={choice.value}>
                    {choice.label}
                  </option>
                ))}
              </select>
            </label>
            {sheet ? (
              <label className="field">
                Import into
                <select
                  value={destination}
                  disabled={busy}
                  onChange={(event) => setDestination(event.target.value as 'newSheet' | 'existingSheet')}
                >
                  <option value="existingSheet">This sheet ({sheet.name})</option>
                  <option value="newSheet">A new sheet named {fileBaseName(file?.name ?? '')}</option>
                </select>
              </label>
            ) : null}
          </div>
          {analysis.warnings.length || analysis.parseErrors.length ? (
            <ul className="warnings">
              {analysis.warnings.map((warning) => (
                <li key={warning}>{warning}</li>
              ))}
              {analysis.parseErrors.slice(0, 5).map((parseError) => (
                <li key={parseError.row}>{parseError.message} This row will be rejected.</li>
              ))}
            </ul>
          ) : null}
          <ImportPreview
            headers={analysis.headers}
            previewRows={analysis.previewRows}
            fields={fields}
            choices={choices}
            sheetFields={destination === 'existingSheet' && sheet ? sheet.fields : []}
            newColumnTypes={newColumnTypes}
            dateOrders={dateOrders}
            settings={settings}
            onChoiceChange={onChoiceChange}
            onTypeChange={onTypeChange}
            onDateOrderChange={(column, order) =>
              setDateOrders((current) => current.map((each, index) => (index === column ? order : each)))
            }
          />
          {progress ? (
            <div>
              <label>
                {progress.label}{' '}
                <progress value={progress.done} max={Math.max(progress.total, 1)}>
                  {progress.done} of {progress.total}
                </progress>
              </label>
            </div>
          ) : null}
          <div className="dialog-actions">
            {step === 'importing' ? (
              <button type="button" onClick={cancel}>
                Cancel import
              </button>
            ) : (
              <button type="button" onClick={onClose}>
                Cancel
              </button>
            )}
            <button
              type="button"
              className="primary"
              disabled={busy || rowCount === 0}
              onClick={() => void runImport()}
            >
              Import {rowCount} {rowCount === 1 ? 'row' : 'rows'}
            </button>
          </div>
        </>
      ) : null}

      {step === 'done' && totals ? <ImportSummary totals={totals} onClose={onClose} /> : null}
    </Dialog>
  );
}
