// "Segments" in the main navigation: a button that shows every segment with
// its live row count. Choosing one opens its sheet filtered by it. Counts are
// read only while the list is open, so a closed menu costs nothing.

import { useLiveQuery } from 'dexie-react-hooks';
import { lazy, Suspense, useEffect, useId, useRef, useState } from 'react';

import { reportError } from '../app/notices';
import type { SheetRecord } from '../db/records';
import { listSegmentSummaries, setActiveSegment } from '../db/segments';
import { setActiveSheetId } from '../db/settings';
import type { FieldContext } from '../fields/types';
import './segments.css';

const SegmentEditorDialog = lazy(() =>
  import('./SegmentEditorDialog').then((module) => ({ default: module.SegmentEditorDialog })),
);

interface Props {
  sheets: SheetRecord[];
  activeSheetId: string | undefined;
  settings: FieldContext;
  /** Called after a segment is opened, so the app shows the sheets. */
  onOpen: () => void;
}

/** Renders the "Segments" menu button and its list. */
export function SegmentsNavMenu({ sheets, activeSheetId, settings, onOpen }: Props) {
  const [open, setOpen] = useState(false);
  const [creating, setCreating] = useState(false);
  const menuId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const summaries = useLiveQuery(() => (open ? listSegmentSummaries(settings) : undefined), [open, settings]);

  // A click elsewhere closes the list, as a menu does.
  useEffect(() => {
    if (!open) return;
    const closeOnOutsideClick = (event: MouseEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', closeOnOutsideClick);
    return () => document.removeEventListener('mousedown', closeOnOutsideClick);
  }, [open]);

  const openSegment = async (sheetId: string, segmentId: string) => {
    try {
      await setActiveSegment(sheetId, segmentId);
      await setActiveSheetId(sheetId);
      setOpen(false);
      onOpen();
    } catch (error) {
      reportError('Could not open the segment.', error);
    }
  };

  const showSheetNames = new Set(summaries?.map((summary) => summary.segment.sheetId)).size > 1;

  return (
    <div
      className="segments-nav"
      ref={rootRef}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          event.stopPropagation();
          setOpen(false);
          buttonRef.current?.focus();
        }
      }}
    >
      <button
        ref={buttonRef}
        type="button"
        aria-expanded={open}
        aria-controls={menuId}
        onClick={() => setOpen((value) => !value)}
      >
        Segments
      </button>
      <div id={menuId} className="segments-menu" hidden={!open}>
        {open ? (
          <>
            {summaries === undefined ? (
              <p className="muted">Counting rows…</p>
            ) : summaries.length === 0 ? (
              <p className="muted">
                No segments yet. A segment is a saved filter, such as customers not contacted in 60 days.
              </p>
            ) : (
              <ul aria-label="Segments">
                {summaries.map(({ segment, sheetName, count }) => (
                  <li key={segment.id}>
                    <button
                      type="button"
                      aria-label={`${segment.name}: ${count} ${count === 1 ? 'row' : 'rows'}${showSheetNames ? ` in ${sheetName}` : ''}`}
                      onClick={() => void openSegment(segment.sheetId, segment.id)}
                    >
                      <span>
                        {segment.name}
                        {showSheetNames ? <span className="segment-sheet"> · {sheetName}</span> : null}
                      </span>
                      <span className="segment-count">{count}</span>
                    </button>
                  </li>
                ))}
              </ul>
            )}
            <button
              type="button"
              onClick={() => {
                setOpen(false);
                setCreating(true);
              }}
            >
              New segment
            </button>
          </>
        ) : null}
      </div>
      {creating ? (
        <Suspense fallback={null}>
          <SegmentEditorDialog
            sheets={sheets}
            sheetId={activeSheetId ?? sheets[0]?.id ?? ''}
            settings={settings}
            onClose={() => setCreating(false)}
            onCreated={(sheetId) => {
              setActiveSheetId(sheetId)
                .then(onOpen)
                .catch((error: unknown) => reportError('Could not open the segment.', error));
            }}
          />
        </Suspense>
      ) : null}
    </div>
  );
}
