import { useId, useState, type DragEvent } from 'react';

import type { Formatters } from '../dashboard/format';
import type { Lane } from './lanes';
import { laneSummary } from './laneSummary';
import { PipelineCard } from './PipelineCard';

/** Cards drawn per lane at most. Thousands of cards would slow every render, and "Filter cards" narrows the rest. */
export const MAX_CARDS_PER_LANE = 200;

type CardProps = Omit<Parameters<typeof PipelineCard>[0], 'card' | 'laneKey' | 'dragging'>;

interface Props extends CardProps {
  lane: Lane;
  format: Formatters;
  /** Row id of the card shown dimmed while it is dragged, or null. */
  dimmedRowId: string | null;
  /** Returns whether a card of this board is being dragged, so the lane accepts the drop. */
  isDragging: () => boolean;
  onDrop: (lane: Lane) => void;
}

/** Renders a lane: its stage, totals and cards, and takes cards dropped on it. */
export function PipelineLane({ lane, format, dimmedRowId, isDragging, onDrop, ...cardProps }: Props) {
  const headingId = useId();
  const [dropping, setDropping] = useState(false);
  const hidden = lane.cards.length - MAX_CARDS_PER_LANE;

  const acceptDrag = (event: DragEvent<HTMLElement>) => {
    if (!isDragging()) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
    setDropping(true);
  };

  return (
    <section
      className={dropping ? 'pipeline-lane pipeline-lane-drop' : 'pipeline-lane'}
      aria-labelledby={headingId}
      data-lane-key={lane.key}
      onDragEnter={acceptDrag}
      onDragOver={acceptDrag}
      onDragLeave={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDropping(false);
      }}
      onDrop={(event) => {
        event.preventDefault();
        setDropping(false);
        onDrop(lane);
      }}
    >
      <header className="pipeline-lane-header">
        <h2 id={headingId}>{lane.label}</h2>
        <p className="pipeline-lane-totals">
          {laneSummary(lane, format).map((part) => (
            <span key={part}>{part}</span>
          ))}
        </p>
      </header>
      {lane.cards.length > 0 ? (
        <ul className="pipeline-cards" aria-labelledby={headingId}>
          {lane.cards.slice(0, MAX_CARDS_PER_LANE).map((card) => (
            <li key={card.row.id}>
              <PipelineCard
                card={card}
                laneKey={lane.key}
                format={format}
                dragging={card.row.id === dimmedRowId}
                {...cardProps}
              />
            </li>
          ))}
        </ul>
      ) : (
        <p className="pipeline-lane-empty">No cards</p>
      )}
      {hidden > 0 ? (
        <p className="muted">
          {format.number(hidden)} more not shown. Use Filter cards to find them; the totals include them.
        </p>
      ) : null}
    </section>
  );
}
