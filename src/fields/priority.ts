// The order of the priority role's choices, shared by the pipeline board and
// the Reminders page so both rank rows the same way. It imports nothing, so
// the service worker can use it too.

/** Priority labels from most to least urgent, compared without case. */
export const PRIORITY_LABELS = ['High', 'Medium', 'Low'] as const;

/** Rank of a row with no priority or a label outside PRIORITY_LABELS, after every known label. */
export const NO_PRIORITY_RANK = PRIORITY_LABELS.length;

/** Returns 0 for High, 1 for Medium, 2 for Low, and NO_PRIORITY_RANK for anything else or no label. */
export function priorityRank(label: string | null | undefined): number {
  const key = label?.trim().toLowerCase();
  const index = PRIORITY_LABELS.findIndex((each) => each.toLowerCase() === key);
  return index === -1 ? NO_PRIORITY_RANK : index;
}
