const MAX_QUOTED_LENGTH = 60;

/**
 * Quotes a cell's text for an error message, shortened so a long note
 * cannot flood a tooltip or an import report.
 */
export function quoteValue(text: string): string {
  const trimmed = text.trim();
  const shortened = trimmed.length > MAX_QUOTED_LENGTH ? `${trimmed.slice(0, MAX_QUOTED_LENGTH - 1)}…` : trimmed;
  return `"${shortened}"`;
}
