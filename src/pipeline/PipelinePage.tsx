// The pipeline board: the rows of a sheet as cards in one lane per stage,
// moved by drag and drop or by keyboard. It is loaded on demand.

import { useLiveQuery } from 'dexie-react-hooks';

import { describeError, reportError } from '../app/notices';
import { requestRowFocus } from '../app/rowFocus';
import { setActiveSheetId } from '../db/settings';
import { getPipelineChoice, savePipelineChoice, type PipelineChoice } from '../db/pipeline';
import type { SheetRecord } from '../db/records';
import type { FieldContext } from '../fields/types';
import { hasStageColumn, laneFieldChoices } from './boardColumns';
import { resolveBoardSource, type BoardSource } from './boardChoice';
import { PipelineBoard } from './PipelineBoard';
import './pipeline.css';

interface Props {
  sheets: SheetRecord[];
  settings: FieldContext;
  /** Shows the Sheets page, after the page has made the right sheet active. */
  onShowSheets: () => void;
}

function saveChoice(choice: PipelineChoice): void {
  savePipelineChoice(choice).catch((error: unknown) =>
    reportError(`Could not save the board's sheet and column: ${describeError(error)}`, error),
  );
}

/** Renders the sheet and lane column pickers. */
function SourcePicker({ sheets, source }: { sheets: SheetRecord[]; source: BoardSource | undefined }) {
  const laneFields = source ? laneFieldChoices(source.sheet) : [];
  return (
    <div className="pipeline-source">
      <label className="inline-field">
        Sheet
        <select
          value={source?.sheet.id ?? ''}
          onChange={(event) => {
            const sheet = sheets.find((each) => each.id === event.target.value);
            if (sheet) saveChoice({ sheetId: sheet.id, fieldId: laneFieldChoices(sheet)[0]?.id ?? '' });
          }}
        >
          {source ? null : <option value="">Choose a sheet</option>}
          {sheets.map((sheet) => (
            <option key={sheet.id} value={sheet.id}>
              {sheet.name}
            </option>
          ))}
        </select>
      </label>
      {source && laneFields.length > 0 ? (
        <label className="inline-field">
          Lanes from
          <select
            value={source.field?.id ?? ''}
            onChange={(event) => saveChoice({ sheetId: source.sheet.id, fieldId: event.target.value })}
          >
            {laneFields.map((field) => (
              <option key={field.id} value={field.id}>
                {field.name}
                {field.role === 'stage' ? ' (Stage)' : ''}
              </option>
            ))}
          </select>
        </label>
      ) : null}
    </div>
  );
}

export function PipelinePage({ sheets, settings, onShowSheets }: Props) {
  // null once read and nothing is saved, so undefined means still loading.
  const saved = useLiveQuery(async () => (await getPipelineChoice()) ?? null);
  if (saved === undefined) return <p className="loading">Opening the pipeline…</p>;

  const source = resolveBoardSource(sheets, saved ?? undefined);
  const openRow = (sheetId: string, rowId: string) => {
    requestRowFocus(sheetId, rowId);
    setActiveSheetId(sheetId).then(onShowSheets, (error: unknown) =>
      reportError(`Could not open the row: ${describeError(error)}`, error),
    );
  };

  return (
    <section className="pipeline" aria-labelledby="pipeline-heading">
      <h1 id="pipeline-heading">Pipeline</h1>
      {sheets.some(hasStageColumn) ? null : (
        <div className="pipeline-empty">
          <p>
            No sheet has a column with the Stage role, which the board takes its lanes from. To set one, open the sheet
            of your deals, choose Columns in its toolbar, and set the Role of its stage column to Stage. Until then you
            can show any single-choice column below.
          </p>
          <button type="button" onClick={onShowSheets}>
            Open Sheets
          </button>
        </div>
      )}
      <SourcePicker sheets={sheets} source={source} />
      {source?.field ? (
        <PipelineBoard
          key={`${source.sheet.id}:${source.field.id}`}
          sheet={source.sheet}
          stage={source.field}
          settings={settings}
          onOpenRow={(rowId) => openRow(source.sheet.id, rowId)}
        />
      ) : source ? (
        <p className="pipeline-empty">
          {source.sheet.name} has no single-choice column to make lanes from. Add one, or give a column the Stage role
          under Columns → Role.
        </p>
      ) : null}
    </section>
  );
}
