// The findings of the file analysis, shown before anything is imported: the
// layout it recognised, the decimal mark, cells kept as flagged text, and rows
// the parser could not read.

import type { FileAnalysis } from './protocol';

interface Props {
  analysis: FileAnalysis;
}

/** Flagged cells listed on screen; the rest are counted. */
const MAX_LISTED_FLAGGED = 20;
/** Parse errors listed on screen. */
const MAX_LISTED_PARSE_ERRORS = 5;

export function ImportNotices({ analysis }: Props) {
  const { flagged, parseErrors, rowLabel } = analysis;
  const warnings = [...analysis.decimal.notes, ...analysis.warnings];

  return (
    <>
      {analysis.layoutNote ? <p className="notice layout-note">{analysis.layoutNote}</p> : null}
      {warnings.length || parseErrors.length ? (
        <ul className="warnings">
          {warnings.map((warning) => (
            <li key={warning}>{warning}</li>
          ))}
          {parseErrors.slice(0, MAX_LISTED_PARSE_ERRORS).map((parseError) => (
            <li key={parseError.row}>{parseError.message} This row will be rejected.</li>
          ))}
        </ul>
      ) : null}
      {flagged.length ? (
        <div className="warnings" role="group" aria-labelledby="flagged-heading">
          <p id="flagged-heading">
            {flagged.length} {flagged.length === 1 ? 'cell is' : 'cells are'} kept as text and marked in red in the
            grid, because the value cannot be trusted:
          </p>
          <ul className="flagged-cells">
            {flagged.slice(0, MAX_LISTED_FLAGGED).map((cell) => (
              <li key={`${cell.rowNumber}:${cell.column}`}>
                {rowLabel} {cell.rowNumber}, {JSON.stringify(analysis.headers[cell.column])}:{' '}
                {JSON.stringify(cell.value)}: {cell.reason}.
              </li>
            ))}
          </ul>
          {flagged.length > MAX_LISTED_FLAGGED ? (
            <p className="muted">…and {flagged.length - MAX_LISTED_FLAGGED} more.</p>
          ) : null}
        </div>
      ) : null}
    </>
  );
}
