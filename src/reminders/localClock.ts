// Local wall-clock text for an instant. Kept apart from ./localTime because
// the badge on the first screen needs only this.

import type { LocalDateTime } from '../db/records';

export function pad2(value: number): string {
  return String(value).padStart(2, '0');
}

/** Returns the local calendar day of an instant as 'YYYY-MM-DD'. */
export function toLocalDate(instant: Date): string {
  return `${String(instant.getFullYear()).padStart(4, '0')}-${pad2(instant.getMonth() + 1)}-${pad2(instant.getDate())}`;
}

/** Returns the local wall-clock time of an instant to the minute, as 'YYYY-MM-DDTHH:mm'. */
export function toLocalDateTime(instant: Date): LocalDateTime {
  return `${toLocalDate(instant)}T${pad2(instant.getHours())}:${pad2(instant.getMinutes())}`;
}
