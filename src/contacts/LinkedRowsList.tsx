import { useId } from 'react';

import type { LinkedRows } from '../db/customers';
import { nameFieldOf } from '../grid/useLinkLookup';
import { formatCell } from '../fields/registry';
import type { FieldContext } from '../fields/types';

interface Props {
  title: string;
  groups: LinkedRows[];
  ctx: FieldContext;
  onOpenRow: (sheetId: string, rowId: string) => void;
}

/** Most cells shown beside a linked row's name, so a deal shows its stage and value without crowding. */
const MAX_SUMMARY_CELLS = 2;

/** Lists linked rows by sheet and column; each opens in the panel. */
export function LinkedRowsList({ title, groups, ctx, onOpenRow }: Props) {
  const headingId = useId();
  if (!groups.length) return null;

  return (
    <section className="customer-section" aria-labelledby={headingId}>
      <h3 id={headingId}>{title}</h3>
      {groups.map(({ sheet, field, rows }) => {
        const nameField = nameFieldOf(sheet);
        const summaryFields = sheet.fields
          .filter((each) => each.role === 'stage' || each.role === 'dealValue' || each.role === 'status')
          .slice(0, MAX_SUMMARY_CELLS);
        return (
          <div key={`${sheet.id}-${field.id}`} className="linked-group">
            <h4>
              {sheet.name} <span className="muted">({field.name})</span>
            </h4>
            <ul>
              {rows.map((row) => {
                const name = nameField ? formatCell(row.values[nameField.id], nameField, ctx) : '';
                const summary = summaryFields
                  .map((each) => formatCell(row.values[each.id], each, ctx))
                  .filter(Boolean)
                  .join(', ');
                return (
                  <li key={row.id}>
                    <button type="button" className="link-button" onClick={() => onOpenRow(sheet.id, row.id)}>
                      {name || 'Unnamed row'}
                    </button>
                    {summary ? <span className="muted"> {summary}</span> : null}
                  </li>
                );
              })}
            </ul>
          </div>
        );
      })}
    </section>
  );
}
