import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';

import { PromptDialog } from '../app/PromptDialog';
import { describeError, reportError, showNotice } from '../app/notices';
import { createView, deleteView, listViews, setActiveView, type ViewLayout, type ViewRecord } from '../db';

interface Props {
  sheetId: string;
  activeView: ViewRecord;
  /** The grid's current columns, sorts, filters and search, for "Save view". */
  currentLayout: () => Required<ViewLayout> & { search: string };
}

/** Switches between a sheet's saved views and saves the current layout as a new one. */
export function ViewControls({ sheetId, activeView, currentLayout }: Props) {
  const views = useLiveQuery(() => listViews(sheetId), [sheetId]);
  const [naming, setNaming] = useState(false);

  const switchTo = (viewId: string) => {
    setActiveView(sheetId, viewId).catch((error: unknown) => reportError('Could not switch views.', error));
  };

  const save = async (name: string) => {
    const viewId = await createView(sheetId, name, currentLayout());
    await setActiveView(sheetId, viewId);
    showNotice(`Saved the view "${name.trim()}".`);
  };

  const remove = async () => {
    try {
      await deleteView(activeView.id);
    } catch (error) {
      reportError(`Could not delete the view: ${describeError(error)}`, error);
    }
  };

  return (
    <>
      <label className="inline-field">
        View
        <select aria-label="View" value={activeView.id} onChange={(event) => switchTo(event.target.value)}>
          {(views ?? [activeView]).map((view) => (
            <option key={view.id} value={view.id}>
              {view.name}
            </option>
          ))}
        </select>
      </label>
      <button type="button" onClick={() => setNaming(true)}>
        Save view
      </button>
      {activeView.isDefault ? null : (
        <button type="button" onClick={() => void remove()}>
          Delete view
        </button>
      )}
      {naming ? (
        <PromptDialog
          title="Save view"
          label="View name"
          submitLabel="Save view"
          onSubmit={save}
          onClose={() => setNaming(false)}
        >
          <p className="muted">
            The view keeps the visible columns, their order and widths, sorts, filters and search.
          </p>
        </PromptDialog>
      ) : null}
    </>
  );
}
