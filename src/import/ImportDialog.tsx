import { useEffect, useMemo, useRef, useState } from 'react';

import { Dialog } from '../app/Dialog';
import { describeError } from '../app/notices';
import { commitImport, listRows, type SheetRecord } from '../db';
import { getRememberedImportChoices } from '../db/importHistory';
import { loadPhoneLibrary } from '../fields/phoneLibrary';
import type { DateOrder, FieldContext, FieldType } from '../fields/types';
import type { ColumnReading } from './cellReading';
import { choiceToMapping, initialMapping, mappingToChoice, previewFields } from './columnChoice';
import { suggestMappingPlan, type MappingPlan } from './csv/mapping';
import type { DateFormat } from './dateFormats';
import type { DecimalMark } from './decimalMark';
import {
  keyFieldsOf,
  keysOfValues,
  type DuplicateCounts,
  type DuplicateMode,
  type ExistingRowKeys,
} from './duplicates';
import { ImportDates } from './ImportDates';
import { ImportDuplicates } from './ImportDuplicates';
import { ImportHistory } from './ImportHistory';
import { ImportNotices } from './ImportNotices';
import { ImportOptions } from './ImportOptions';
import { ImportWorkerClient } from './importClient';
import { ImportPreview } from './ImportPreview';
import { ImportSummary, type ImportTotals } from './ImportSummary';
import type { FileAnalysis, ImportTargetRequest, NewSheetColumnChoice } from './protocol';
import {
  choicesFromMapping,
  choicesFromNewSheet,
  mappingFromChoices,
  newSheetChoicesFrom,
  readRememberedChoices,
  rememberedChoicesKey,
  type RememberedChoices,
} from './rememberedChoices';

/** Destination of an import, with any file chosen before the dialog opened. */
export type ImportDialogTarget = { kind: 'newSheet'; file?: File } | { kind: 'existingSheet'; sheet: SheetRecord };

interface Props {
  settings: FieldContext;
  target: ImportDialogTarget;
  onClose: () => void;
}

type Step = 'choose' | 'analysing' | 'review' | 'importing' | 'done';

/** Thrown from the progress callback to roll the import transaction back. */
class ImportCancelled extends Error {}

function fileBaseName(name: string): string {
  return name.replace(/\.[^.]+$/, '') || 'Imported';
}

export function ImportDialog({ settings, target, onClose }: Props) {
  const sheet = target.kind === 'existingSheet' ? target.sheet : null;
  const workerRef = useRef<ImportWorkerClient | null>(null);
  const cancelRequested = useRef(false);
  const matchRequest = useRef(0);

  const [step, setStep] = useState<Step>('choose');
  const [file, setFile] = useState<{ name: string; bytes: ArrayBuffer } | null>(null);
  const [analysis, setAnalysis] = useState<FileAnalysis | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [destination, setDestination] = useState<'newSheet' | 'existingSheet'>(target.kind);
  const [newSheetChoices, setNewSheetChoices] = useState<NewSheetColumnChoice[]>([]);
  const [mapping, setMapping] = useState<MappingPlan>({ columns: [] });
  const [dateOrders, setDateOrders] = useState<(DateOrder | undefined)[]>([]);
  const [dateFormats, setDateFormats] = useState<(DateFormat | undefined)[]>([]);
  const [decimalMark, setDecimalMark] = useState<DecimalMark>('.');
  const [phoneCountry, setPhoneCountry] = useState(settings.defaultCountry);
  const [duplicateMode, setDuplicateMode] = useState<DuplicateMode>('skip');
  const [existingKeys, setExistingKeys] = useState<ExistingRowKeys[]>([]);
  const [duplicateCounts, setDuplicateCounts] = useState<DuplicateCounts | null>(null);
  const [matchError, setMatchError] = useState<string | null>(null);
  const [rememberedApplied, setRememberedApplied] = useState(false);
  const [progress, setProgress] = useState<{ label: string; done: number; total: number } | null>(null);
  const [totals, setTotals] = useState<ImportTotals | null>(null);

  const worker = () => (workerRef.current ??= new ImportWorkerClient());
  useEffect(() => () => workerRef.current?.terminate(), []);
  const ctx = useMemo(() => ({ ...settings, defaultCountry: phoneCountry }), [settings, phoneCountry]);

  // The rows already in the sheet, reduced to what duplicate detection compares.
  useEffect(() => {
    if (!sheet) return;
    const keyFields = keyFieldsOf(sheet.fields);
    listRows(sheet.id)
      .then((rows) =>
        setExistingKeys(rows.map((row) => ({ rowId: row.id, keys: keysOfValues(row.values, keyFields) }))),
      )
      .catch((failure: unknown) => {
        console.error('Reading the sheet for duplicate detection failed', failure);
        setError(`Could not read ${sheet.name} to look for duplicates: ${describeError(failure)}`);
      });
  }, [sheet]);

  // A file chosen on the first-run screen is read as soon as the dialog opens.
  const initialFile = target.kind === 'newSheet' ? target.file : undefined;
  useEffect(() => {
    if (initialFile) void onFileChosen(initialFile);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, for the file the dialog opened with
  }, [initialFile]);

  const applyReadingChoices = (remembered: RememberedChoices) => {
    setDateFormats((current) => current.map((format, column) => remembered.dateFormats[column] ?? format));
    setDecimalMark(remembered.decimalMark);
    setDuplicateMode(remembered.duplicateMode);
    if (remembered.phoneCountry) setPhoneCountry(remembered.phoneCountry);
    setRememberedApplied(true);
  };

  const applyRemembered = (result: FileAnalysis, remembered: RememberedChoices, intoSheet: boolean) => {
    if (intoSheet) setMapping(mappingFromChoices(remembered, result.headers));
    else setNewSheetChoices(newSheetChoicesFrom(remembered));
    applyReadingChoices(remembered);
  };

  const analyse = async (chosen: { name: string; bytes: ArrayBuffer }, encoding?: string, delimiter?: string) => {
    setStep('analysing');
    setError(null);
    try {
      // The worker gets a copy, so the bytes can be decoded again with another encoding.
      // The preview parses phones on this page too.
      await loadPhoneLibrary();
      const result = await worker().analyse({
        bytes: chosen.bytes.slice(0),
        fileName: chosen.name,
        encoding,
        delimiter,
        ctx,
      });
      if (!result.headers.length)
        throw new Error(`${chosen.name} has no header row. The first line must name the columns.`);

      setAnalysis(result);
      setNewSheetChoices(result.newSheetFields.map((field) => ({ keep: true, type: field.type })));
      setDateOrders(result.newSheetDateOrders);
      setDateFormats(result.dateDetections.map((detection) => detection.format));
      setDecimalMark(result.decimal.mark);
      setRememberedApplied(false);

      let intoSheet = false;
      if (sheet) {
        const suggested = suggestMappingPlan(result.headers, sheet.fields);
        setMapping(initialMapping(suggested, result.headers, result.newSheetFields));
        intoSheet = suggested.columns.some((column) => column.kind === 'field');
      }
      const forSheet = sheet
        ? readRememberedChoices(
            await getRememberedImportChoices(rememberedChoicesKey(sheet.id, result.headers)),
            result.headers,
            sheet.fields,
          )
        : undefined;
      if (forSheet) intoSheet = true;
      const forNewSheet = forSheet
        ? undefined
        : readRememberedChoices(
            await getRememberedImportChoices(rememberedChoicesKey(undefined, result.headers)),
            result.headers,
            [],
          );
      setDestination(sheet && intoSheet ? 'existingSheet' : 'newSheet');
      if (forSheet) applyRemembered(result, forSheet, true);
      else if (forNewSheet && !(sheet && intoSheet)) applyRemembered(result, forNewSheet, false);
      // The same layout imported before into a new sheet: its column choices name no field of this
      // sheet, but its date formats, decimal mark, phone country and duplicate choice still apply.
      else if (forNewSheet) applyReadingChoices(forNewSheet);
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

  const intoSheet = destination === 'existingSheet' && sheet !== null;
  const targetRequest = (): ImportTargetRequest =>
    intoSheet
      ? { kind: 'existingSheet', fields: sheet.fields, mapping }
      : { kind: 'newSheet', columns: newSheetChoices };
  const readings = useMemo(
    (): ColumnReading[] =>
      (analysis?.headers ?? []).map((_, column) => ({ dateFormat: dateFormats[column], decimalMark })),
    [analysis, dateFormats, decimalMark],
  );
  const existingForTarget = intoSheet ? existingKeys : [];

  // Counts duplicates again whenever a choice that changes the values or keys changes.
  useEffect(() => {
    if (step !== 'review' || !analysis) return;
    const request = ++matchRequest.current;
    setDuplicateCounts(null);
    setMatchError(null);
    worker()
      .match({ ctx, dateOrders, readings, target: targetRequest(), existing: existingForTarget })
      .then((result) => {
        if (request === matchRequest.current) setDuplicateCounts(result.duplicates);
      })
      .catch((failure: unknown) => {
        if (request === matchRequest.current) setMatchError(describeError(failure));
      });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- targetRequest reads the states listed
  }, [step, analysis, ctx, dateOrders, readings, destination, mapping, newSheetChoices, existingKeys]);

  const rememberedValue = (): RememberedChoices => ({
    ...(intoSheet ? choicesFromMapping(mapping) : { columns: choicesFromNewSheet(newSheetChoices) }),
    dateFormats: dateFormats.map((format) => format ?? null),
    decimalMark,
    duplicateMode,
    phoneCountry,
  });

  const runImport = async () => {
    if (!file || !analysis) return;
    setStep('importing');
    setError(null);
    cancelRequested.current = false;

    try {
      setProgress({ label: 'Reading rows', done: 0, total: analysis.rowCount });
      const plan = await worker().plan(
        { ctx, dateOrders, readings, target: targetRequest(), duplicateMode, existing: existingForTarget },
        (done, total) => setProgress({ label: 'Reading rows', done, total }),
      );

      const sheetName = intoSheet ? sheet.name : fileBaseName(file.name);
      const skipped = plan.skippedEmpty + plan.skippedDuplicates;
      setProgress({ label: 'Saving', done: 0, total: plan.rows.length });
      // A new sheet with no row to put in it would only be an empty sheet to delete again.
      const nothingToSave = !intoSheet && plan.rows.length === 0;
      if (!nothingToSave) {
        await commitImport(
          {
            fileName: file.name,
            target: intoSheet
              ? { sheetId: sheet.id, newFields: plan.fields }
              : { newSheet: { name: sheetName, fields: plan.fields } },
            rows: plan.rows,
            updates: plan.updates,
            updated: plan.updatedRows,
            skipped,
            rejected: plan.rejected.length,
            remember: {
              key: rememberedChoicesKey(intoSheet ? sheet.id : undefined, analysis.headers),
              value: rememberedValue(),
            },
          },
          (done, total) => {
            if (cancelRequested.current) throw new ImportCancelled('Import cancelled; nothing was added.');
            setProgress({ label: 'Saving', done, total });
          },
        );
      }

      setTotals({
        fileName: file.name,
        sheetName: nothingToSave ? '' : sheetName,
        added: plan.rows.length,
        updated: plan.updatedRows,
        skipped,
        skippedDuplicates: plan.skippedDuplicates,
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

  const flagged = useMemo(
    () => new Set((analysis?.flagged ?? []).map((cell) => `${cell.rowNumber}:${cell.column}`)),
    [analysis],
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
  const rowNoun = `${(analysis?.rowLabel ?? 'Row').toLowerCase()}${rowCount === 1 ? '' : 's'}`;
  // TODO: date-time columns still read an ambiguous day/month order with the workbook's setting, because
  // the format picker and its ambiguity check cover date columns only.
  const dateColumns = fields.flatMap((field, column) => (field?.type === 'date' ? [column] : []));
  const undecidedDates = analysis
    ? dateColumns.filter((column) => dateFormats[column] === undefined && analysis.dateDetections[column]?.ambiguous)
    : [];

  return (
    <Dialog title="Import CSV" onClose={onClose} busy={busy} wide>
      {error ? (
        <p role="alert" className="notice notice-error">
          {error}
        </p>
      ) : null}

      {step === 'choose' || step === 'analysing' ? (
        <>
          <label className="field">
            CSV file
            <input
              type="file"
              accept=".csv,.tsv,.txt,.vcf,.vcard,text/csv,text/tab-separated-values,text/plain,text/vcard,text/x-vcard"
              disabled={step === 'analysing'}
              onChange={(event) => void onFileChosen(event.target.files?.[0])}
            />
            <span className="muted">
              A file saved as CSV from Excel, Google Sheets, Google Contacts, Outlook or another CRM, or a vCard (.vcf)
              file of contacts. Comma, semicolon, tab and pipe separators and the common encodings are detected.
            </span>
          </label>
          {step === 'choose' ? <ImportHistory locale={settings.locale} /> : null}
        </>
      ) : null}
      {step === 'analysing' ? <p>Reading {file?.name}…</p> : null}

      {analysis && (step === 'review' || step === 'importing') ? (
        <>
          <p>
            {file?.name}: {rowCount} {rowNoun} and {analysis.headers.length} columns
            {analysis.hadBom ? ', with a byte order mark' : ''}.
            {rememberedApplied ? ' Choices from your last import of this layout were applied.' : ''}
          </p>
          <ImportOptions
            analysis={analysis}
            busy={busy}
            decimalMark={decimalMark}
            phoneCountry={phoneCountry}
            sheetName={sheet?.name}
            newSheetName={fileBaseName(file?.name ?? '')}
            destination={destination}
            onEncodingChange={(encoding) => file && void analyse(file, encoding, analysis.delimiter || undefined)}
            onDelimiterChange={(delimiter) => file && void analyse(file, analysis.encoding, delimiter)}
            onDecimalMarkChange={setDecimalMark}
            onPhoneCountryChange={setPhoneCountry}
            onDestinationChange={setDestination}
          />
          <ImportNotices analysis={analysis} />
          <ImportDates
            headers={analysis.headers}
            dateColumns={dateColumns}
            detections={analysis.dateDetections}
            formats={dateFormats}
            workbookDateOrder={settings.dateOrder}
            disabled={busy}
            onChange={(column, format) =>
              setDateFormats((current) => current.map((each, index) => (index === column ? format : each)))
            }
          />
          <ImportDuplicates
            counts={duplicateCounts}
            intoExistingSheet={intoSheet}
            mode={duplicateMode}
            disabled={busy}
            onChange={setDuplicateMode}
          />
          {matchError ? (
            <p role="alert" className="notice notice-error">
              {matchError}
            </p>
          ) : null}
          <ImportPreview
            headers={analysis.headers}
            previewRows={analysis.previewRows}
            previewRowNumbers={analysis.previewRowNumbers}
            fields={fields}
            choices={choices}
            sheetFields={intoSheet ? sheet.fields : []}
            newColumnTypes={newColumnTypes}
            dateOrders={dateOrders}
            readings={readings}
            flagged={flagged}
            undecidedColumns={new Set(undecidedDates)}
            settings={ctx}
            onChoiceChange={onChoiceChange}
            onTypeChange={onTypeChange}
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
          {undecidedDates.length ? (
            <p className="date-warning" id="import-blocked-reason">
              Choose the date format of {undecidedDates.map((column) => analysis.headers[column]).join(', ')} to import.
            </p>
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
              disabled={busy || rowCount === 0 || undecidedDates.length > 0}
              aria-describedby={undecidedDates.length ? 'import-blocked-reason' : undefined}
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
