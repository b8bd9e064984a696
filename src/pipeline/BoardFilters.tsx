import type { FieldDef } from '../fields/types';
import { ANY, type CardFilter } from './filters';

interface Props {
  filter: CardFilter;
  onChange: (filter: CardFilter) => void;
  /** The owner column and its owners, or null when the sheet has no owner column. */
  owners: { field: FieldDef; labels: string[] } | null;
  /** The tags column and its tags, or null when the sheet has no tags column. */
  tags: { field: FieldDef; labels: string[] } | null;
}

/** Renders the board's filters: owner and tag when the sheet has those columns, and "Filter cards". */
export function BoardFilters({ filter, onChange, owners, tags }: Props) {
  return (
    <div className="pipeline-filters">
      {owners ? (
        <label className="inline-field">
          {owners.field.name}
          <select value={filter.owner} onChange={(event) => onChange({ ...filter, owner: event.target.value })}>
            <option value={ANY}>Everyone</option>
            {owners.labels.map((label) => (
              <option key={label} value={label}>
                {label}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      {tags ? (
        <label className="inline-field">
          {tags.field.name}
          <select value={filter.tag} onChange={(event) => onChange({ ...filter, tag: event.target.value })}>
            <option value={ANY}>Any tag</option>
            {tags.labels.map((label) => (
              <option key={label} value={label}>
                {label}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <label className="inline-field">
        Filter cards
        <input
          type="search"
          value={filter.text}
          onChange={(event) => onChange({ ...filter, text: event.target.value })}
        />
      </label>
    </div>
  );
}
