// The segment controls in a sheet's toolbar: "New segment", and while a
// segment filters the grid, a chip naming it with a button that clears it,
// plus "Edit segment" and "Check in with every row".

import { useLiveQuery } from 'dexie-react-hooks';
import { lazy, Suspense, useState } from 'react';

import { reportError } from '../app/notices';
import type { SegmentRecord, SheetRecord } from '../db/records';
import { listSegmentRows, setActiveSegment } from '../db/segments';
import type { FieldContext } from '../fields/types';
import './segments.css';

const SegmentEditorDialog = lazy(() =>
  import('./SegmentEditorDialog').then((module) => ({ default: module.SegmentEditorDialog })),
);
const SegmentCheckInDialog = lazy(() =>
  import('./SegmentCheckInDialog').then((module) => ({ default: module.SegmentCheckInDialog })),
);

interface Props {
  sheet: SheetRecord;
  /** The segment filtering the grid, or null. */
  segment: SegmentRecord | null;
  settings: FieldContext;
}

type OpenDialog = 'new' | 'edit' | 'checkIn' | null;

/** Renders the segment buttons and the active segment's chip. */
export function SegmentBar({ sheet, segment, settings }: Props) {
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const segmentRows = useLiveQuery(
    () => (segment ? listSegmentRows(segment, settings) : Promise.resolve([])),
    [segment, settings],
  );

  const clear = () =>
    setActiveSegment(sheet.id, null).catch((error: unknown) => reportError('Could not clear the segment.', error));

  return (
    <>
      <button type="button" onClick={() => setDialog('new')}>
        New segment
      </button>
      {segment ? (
        <>
          <span className="segment-chip">
            <span>Segment: {segment.name}</span>
            <button type="button" aria-label={`Clear segment ${segment.name}`} title="Show every row" onClick={clear}>
              ×
            </button>
          </span>
          <button type="button" onClick={() => setDialog('edit')}>
            Edit segment
          </button>
          <button type="button" onClick={() => setDialog('checkIn')} disabled={!segmentRows?.length}>
            Check in with every row
          </button>
        </>
      ) : null}
      <Suspense fallback={null}>
        {dialog === 'new' || (dialog === 'edit' && segment) ? (
          <SegmentEditorDialog
            sheets={[sheet]}
            sheetId={sheet.id}
            segment={dialog === 'edit' ? (segment ?? undefined) : undefined}
            settings={settings}
            onClose={() => setDialog(null)}
          />
        ) : null}
        {dialog === 'checkIn' && segment ? (
          <SegmentCheckInDialog
            segment={segment}
            rowCount={segmentRows?.length ?? 0}
            settings={settings}
            onClose={() => setDialog(null)}
          />
        ) : null}
      </Suspense>
    </>
  );
}
