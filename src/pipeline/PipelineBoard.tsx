import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useId, useMemo, useRef, useState, type DragEvent } from 'react';

import { describeError, reportError } from '../app/notices';
import { createFormatters } from '../dashboard/format';
import { listRows } from '../db/rows';
import type { SheetRecord } from '../db/records';
import type { CellValue, FieldContext, FieldDef } from '../fields/types';
import { BoardFilters } from './BoardFilters';
import { findBoardColumns } from './boardColumns';
import { cardMatcher, NO_FILTER, ownerChoices, tagChoices, type CardFilter } from './filters';
import { buildLanes, type Card, type Lane } from './lanes';
import { LossReasonDialog } from './LossReasonDialog';
import { moveCard } from './move';
import type { FocusStep } from './PipelineCard';
import { PipelineLane } from './PipelineLane';

interface Props {
  sheet: SheetRecord;
  /** The column whose choices are the lanes. */
  stage: FieldDef;
  settings: FieldContext;
  /** Opens a row in the grid. */
  onOpenRow: (rowId: string) => void;
}

/** A move waiting for its loss reason. */
interface PendingLoss {
  card: Card;
  from: Lane;
  to: Lane;
}

/** A card to focus once it shows in a lane, after a move or a cancelled move. */
interface FocusTarget {
  rowId: string;
  laneKey: string;
}

function findCard(lanes: Lane[], rowId: string): { card: Card; lane: Lane; index: number } | undefined {
  for (const lane of lanes) {
    const index = lane.cards.findIndex((card) => card.row.id === rowId);
    if (index !== -1) return { card: lane.cards[index]!, lane, index };
  }
  return undefined;
}

/** Returns the card an arrow key moves focus to: the next in the lane, or the nearest in the next lane that has cards. */
function neighbourCard(lanes: Lane[], rowId: string, step: FocusStep): Card | undefined {
  const found = findCard(lanes, rowId);
  if (!found) return undefined;
  if (step === 'up' || step === 'down') return found.lane.cards[found.index + (step === 'up' ? -1 : 1)];

  const direction = step === 'left' ? -1 : 1;
  for (let at = lanes.indexOf(found.lane) + direction; at >= 0 && at < lanes.length; at += direction) {
    const cards = lanes[at]!.cards;
    if (cards.length > 0) return cards[Math.min(found.index, cards.length - 1)];
  }
  return undefined;
}

/** Renders the lanes of one sheet's stage column and moves cards between them. */
export function PipelineBoard({ sheet, stage, settings, onOpenRow }: Props) {
  const rows = useLiveQuery(() => listRows(sheet.id), [sheet.id]);
  const [filter, setFilter] = useState<CardFilter>(NO_FILTER);
  const [announcement, setAnnouncement] = useState('');
  const [pendingLoss, setPendingLoss] = useState<PendingLoss | null>(null);
  // The dragged card's row id is read by drop handlers from a ref, because state set in dragstart is not
  // rendered before the first dragover. The state only dims the card.
  const draggedRowId = useRef<string | null>(null);
  const [dimmedRowId, setDimmedRowId] = useState<string | null>(null);
  const [focusTarget, setFocusTarget] = useState<FocusTarget | null>(null);
  const cardElements = useRef(new Map<string, HTMLElement>());
  const helpId = useId();

  const columns = useMemo(() => findBoardColumns(sheet, stage), [sheet, stage]);
  const format = useMemo(() => createFormatters(settings.locale), [settings.locale]);
  const lanes = useMemo(() => {
    if (!rows) return undefined;
    return buildLanes(sheet, rows, columns, settings.currency, cardMatcher(sheet, columns, filter, settings));
  }, [rows, sheet, columns, filter, settings]);

  // A moved card shows in its new lane only after the database change comes back through the live query.
  useEffect(() => {
    if (!focusTarget) return;
    const element = cardElements.current.get(focusTarget.rowId);
    if (element?.dataset.laneKey !== focusTarget.laneKey) return;
    element.focus();
    setFocusTarget(null);
  }, [focusTarget, lanes]);

  const registerElement = useCallback((rowId: string, element: HTMLElement) => {
    cardElements.current.set(rowId, element);
    return () => {
      if (cardElements.current.get(rowId) === element) cardElements.current.delete(rowId);
    };
  }, []);

  if (!rows || !lanes) return <p className="loading">Reading {sheet.name}…</p>;

  const commitMove = async (card: Card, to: Lane, reason: CellValue) => {
    try {
      await moveCard(sheet.id, card.row.id, columns, to, reason);
      setAnnouncement(`Moved ${card.name} to ${to.label}`);
      setFocusTarget({ rowId: card.row.id, laneKey: to.key });
    } catch (error) {
      reportError(`Could not move ${card.name} to ${to.label}: ${describeError(error)}`, error);
    }
  };

  const requestMove = (card: Card, from: Lane, to: Lane) => {
    if (from.key === to.key) return;
    if (to.lost && columns.reason) setPendingLoss({ card, from, to });
    else void commitMove(card, to, null);
  };

  const moveBy = (card: Card, offset: -1 | 1) => {
    const found = findCard(lanes, card.row.id);
    if (!found) return;
    const to = lanes[lanes.indexOf(found.lane) + offset];
    if (to) requestMove(card, found.lane, to);
    else setAnnouncement(`${card.name} is already in the ${offset < 0 ? 'first' : 'last'} lane`);
  };

  const startDrag = (card: Card, event: DragEvent<HTMLElement>) => {
    event.dataTransfer.setData('text/plain', card.name);
    event.dataTransfer.effectAllowed = 'move';
    draggedRowId.current = card.row.id;
    // Chromium can end a drag at once when the dragged element changes during dragstart, so the dimming waits a task.
    setTimeout(() => setDimmedRowId(draggedRowId.current), 0);
  };

  const endDrag = () => {
    draggedRowId.current = null;
    setDimmedRowId(null);
  };

  const drop = (to: Lane) => {
    const rowId = draggedRowId.current;
    endDrag();
    const found = rowId === null ? undefined : findCard(lanes, rowId);
    if (found) requestMove(found.card, found.lane, to);
  };

  const cancelLoss = () => {
    if (!pendingLoss) return;
    const { card, from } = pendingLoss;
    setPendingLoss(null);
    setAnnouncement(`${card.name} stays in ${from.label}`);
    setFocusTarget({ rowId: card.row.id, laneKey: from.key });
  };

  const owners = columns.owner
    ? { field: columns.owner, labels: ownerChoices(rows, columns.owner, settings.locale) }
    : null;
  const tags = columns.tags ? { field: columns.tags, labels: tagChoices(rows, columns.tags, settings.locale) } : null;

  return (
    <>
      <BoardFilters filter={filter} onChange={setFilter} owners={owners} tags={tags} />
      <p id={helpId} className="muted pipeline-help">
        Drag a card to another lane, or focus it and press Ctrl+Left or Ctrl+Right arrow to move it one lane. Arrow keys
        move between cards; Enter opens the row in {sheet.name}.
      </p>
      <div className="pipeline-lanes">
        {lanes.map((lane) => (
          <PipelineLane
            key={lane.key}
            lane={lane}
            format={format}
            helpId={helpId}
            dimmedRowId={dimmedRowId}
            isDragging={() => draggedRowId.current !== null}
            registerElement={registerElement}
            onOpen={(card) => onOpenRow(card.row.id)}
            onMoveBy={moveBy}
            onFocusStep={(card, step) => {
              const next = neighbourCard(lanes, card.row.id, step);
              if (next) cardElements.current.get(next.row.id)?.focus();
            }}
            onDragStart={startDrag}
            onDragEnd={endDrag}
            onDrop={drop}
          />
        ))}
      </div>
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
      {pendingLoss && columns.reason ? (
        <LossReasonDialog
          cardName={pendingLoss.card.name}
          stageLabel={pendingLoss.to.label}
          reasonField={columns.reason}
          onCancel={cancelLoss}
          onSubmit={(reason) => {
            const { card, to } = pendingLoss;
            setPendingLoss(null);
            void commitMove(card, to, reason);
          }}
        />
      ) : null}
    </>
  );
}
