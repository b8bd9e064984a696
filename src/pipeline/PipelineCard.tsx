import type { DragEvent, KeyboardEvent } from 'react';

import type { Formatters } from '../dashboard/format';
import type { Card } from './lanes';

/** Direction in which a plain arrow key moves focus from a card. */
export type FocusStep = 'up' | 'down' | 'left' | 'right';

interface Props {
  card: Card;
  laneKey: string;
  format: Formatters;
  /** Id of the text that explains the card's keys, for aria-describedby. */
  helpId: string;
  dragging: boolean;
  registerElement: (rowId: string, element: HTMLElement) => () => void;
  onOpen: (card: Card) => void;
  onMoveBy: (card: Card, laneOffset: -1 | 1) => void;
  onFocusStep: (card: Card, step: FocusStep) => void;
  onDragStart: (card: Card, event: DragEvent<HTMLElement>) => void;
  onDragEnd: () => void;
}

const ARROW_STEPS: Record<string, FocusStep> = {
  ArrowUp: 'up',
  ArrowDown: 'down',
  ArrowLeft: 'left',
  ArrowRight: 'right',
};

/**
 * Renders one row as a card. Enter, Space or a click opens the row in its
 * sheet, Ctrl with Left or Right arrow moves it a lane, plain arrows move
 * focus, and it can be dragged to another lane.
 */
export function PipelineCard({ card, laneKey, format, helpId, dragging, registerElement, ...handlers }: Props) {
  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    const step = ARROW_STEPS[event.key];
    if ((event.ctrlKey || event.metaKey) && (event.key === 'ArrowLeft' || event.key === 'ArrowRight')) {
      event.preventDefault();
      handlers.onMoveBy(card, event.key === 'ArrowLeft' ? -1 : 1);
    } else if (step && !event.altKey && !event.shiftKey && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      handlers.onFocusStep(card, step);
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      handlers.onOpen(card);
    }
  };

  return (
    <div
      ref={(element) => (element ? registerElement(card.row.id, element) : undefined)}
      role="button"
      tabIndex={0}
      draggable
      className={dragging ? 'pipeline-card pipeline-card-dragging' : 'pipeline-card'}
      data-row-id={card.row.id}
      data-lane-key={laneKey}
      aria-describedby={helpId}
      onClick={() => handlers.onOpen(card)}
      onKeyDown={onKeyDown}
      onDragStart={(event) => handlers.onDragStart(card, event)}
      onDragEnd={handlers.onDragEnd}
    >
      <span className="pipeline-card-name">{card.name}</span>
      {card.value ? (
        <span className="pipeline-card-value">{format.money(card.value.minor, card.value.currency)}</span>
      ) : null}
      {card.followUpDay ? (
        <span className="pipeline-card-detail">
          Follow up <time dateTime={card.followUpDay}>{format.day(card.followUpDay)}</time>
        </span>
      ) : null}
      {card.priority ? <span className="pipeline-card-priority">{card.priority} priority</span> : null}
    </div>
  );
}
