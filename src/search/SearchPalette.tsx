// "Search everything" (Ctrl+K): a dialog with one box that searches the rows
// of every sheet, the conversation log included. Arrow keys choose a result
// and Enter opens it. The index is built when the palette opens and follows
// changes while it stays open.

import { useEffect, useId, useMemo, useState } from 'react';

import { Dialog } from '../app/Dialog';
import { reportError, showNotice } from '../app/notices';
import { revealRowInSegment } from '../db/segments';
import type { FieldContext } from '../fields/types';
import { MAX_SEARCH_RESULTS, searchEntries, type SearchEntry, type SearchResult } from './searchIndex';
import { watchSearchIndex } from './watchIndex';
import './search.css';

interface Props {
  settings: FieldContext;
  /** Opens a row: its customer panel, or the row in its sheet's grid. */
  onOpenRow: (sheetId: string, rowId: string) => void;
  onClose: () => void;
}

/** Renders the search dialog. */
export function SearchPalette({ settings, onOpenRow, onClose }: Props) {
  const [entries, setEntries] = useState<SearchEntry[] | null>(null);
  const [query, setQuery] = useState('');
  const [activeIndex, setActiveIndex] = useState(0);
  const listId = useId();
  const optionId = (index: number) => `${listId}-option-${index}`;

  useEffect(
    () =>
      watchSearchIndex(settings, setEntries, (error) =>
        reportError('Could not search: reading the sheets failed.', error),
      ),
    [settings],
  );

  const results = useMemo(() => (entries ? searchEntries(entries, query) : []), [entries, query]);
  const titles = useMemo(() => new Map(entries?.map((entry) => [entry.rowId, entry.title])), [entries]);
  const active = Math.min(activeIndex, Math.max(results.length - 1, 0));

  const open = async (result: SearchResult | undefined) => {
    if (!result) return;
    const { sheetId, rowId } = result.entry;
    try {
      if (await revealRowInSegment(sheetId, rowId, settings)) showNotice('The segment that hid this row was cleared.');
    } catch (error) {
      console.error('Checking the active segment failed', error);
    }
    onOpenRow(sheetId, rowId);
    onClose();
  };

  const status =
    entries === null
      ? 'Reading every sheet…'
      : query.trim() === ''
        ? `Type to search ${entries.length} ${entries.length === 1 ? 'row' : 'rows'} in every sheet.`
        : results.length === 0
          ? `No row contains “${query.trim()}”.`
          : results.length === MAX_SEARCH_RESULTS
            ? `The best ${MAX_SEARCH_RESULTS} matches. Type more to narrow them, the arrow keys to choose and Enter to open.`
            : `${results.length} ${results.length === 1 ? 'match' : 'matches'}. Use the arrow keys to choose and Enter to open.`;

  return (
    <Dialog title="Search everything" onClose={onClose} wide>
      <div className="search-palette">
        <input
          type="search"
          role="combobox"
          aria-label="Search every sheet"
          aria-expanded={results.length > 0}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={results.length ? optionId(active) : undefined}
          placeholder="Name, email, phone, company, note…"
          autoComplete="off"
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            setActiveIndex(0);
          }}
          onKeyDown={(event) => {
            if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
              event.preventDefault();
              if (!results.length) return;
              const offset = event.key === 'ArrowDown' ? 1 : -1;
              setActiveIndex((active + offset + results.length) % results.length);
              document.getElementById(optionId((active + offset + results.length) % results.length))?.scrollIntoView({
                block: 'nearest',
              });
            } else if (event.key === 'Enter') {
              event.preventDefault();
              void open(results[active]);
            }
          }}
        />
        <p className="muted" role="status">
          {status}
        </p>
        <ul id={listId} role="listbox" aria-label="Matches" className="search-results">
          {results.map((result, index) => (
            <li
              key={`${result.entry.sheetId}:${result.entry.rowId}`}
              id={optionId(index)}
              role="option"
              aria-selected={index === active}
              className={result.underCustomer ? 'search-result search-result-activity' : 'search-result'}
              onMouseMove={() => setActiveIndex(index)}
              onClick={() => void open(result)}
            >
              <span className="search-result-title">{result.entry.title}</span>
              <span className="search-result-detail">
                {result.entry.sheetName}
                {result.entry.customer && !result.underCustomer && titles.get(result.entry.customer.rowId)
                  ? ` · ${titles.get(result.entry.customer.rowId)}`
                  : ''}
                {result.cell.isName ? '' : ` · ${result.cell.fieldName}: ${result.cell.text}`}
              </span>
            </li>
          ))}
        </ul>
      </div>
    </Dialog>
  );
}
