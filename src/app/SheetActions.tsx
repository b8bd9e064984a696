import { useState } from 'react';

import { addSheet, deleteSheet, duplicateSheet, moveSheet, renameSheet, type SheetRecord } from '../db';
import { describeError, reportError, showNotice } from './notices';
import { PromptDialog } from './PromptDialog';

interface Props {
  sheet: SheetRecord;
  isFirst: boolean;
  isLast: boolean;
}

type Prompt = 'add' | 'rename' | null;

/** Buttons beside the tabs for the workbook's sheets: add, rename, duplicate, move and delete. */
export function SheetActions({ sheet, isFirst, isLast }: Props) {
  const [prompt, setPrompt] = useState<Prompt>(null);

  const run = (what: string, action: () => Promise<unknown>) => {
    action().catch((error: unknown) => reportError(`Could not ${what}: ${describeError(error)}`, error));
  };

  return (
    <div className="sheet-tab-actions">
      <button type="button" onClick={() => setPrompt('add')}>
        Add sheet
      </button>
      <button type="button" onClick={() => setPrompt('rename')}>
        Rename sheet
      </button>
      <button type="button" onClick={() => run('duplicate the sheet', () => duplicateSheet(sheet.id, true))}>
        Duplicate sheet
      </button>
      <button
        type="button"
        disabled={isFirst}
        aria-label="Move sheet left"
        onClick={() => run('move the sheet', () => moveSheet(sheet.id, -1))}
      >
        ←
      </button>
      <button
        type="button"
        disabled={isLast}
        aria-label="Move sheet right"
        onClick={() => run('move the sheet', () => moveSheet(sheet.id, 1))}
      >
        →
      </button>
      <button
        type="button"
        onClick={() =>
          run('delete the sheet', async () => {
            await deleteSheet(sheet.id);
            showNotice(`"${sheet.name}" moved to the trash. Restore it from Trash in any sheet.`);
          })
        }
      >
        Delete sheet
      </button>
      {prompt === 'add' ? (
        <PromptDialog
          title="Add sheet"
          label="Sheet name"
          submitLabel="Add sheet"
          onSubmit={async (name) => {
            if (!name.trim()) throw new Error('A sheet name cannot be empty.');
            await addSheet(name);
          }}
          onClose={() => setPrompt(null)}
        />
      ) : null}
      {prompt === 'rename' ? (
        <PromptDialog
          title="Rename sheet"
          label="Sheet name"
          initialValue={sheet.name}
          submitLabel="Rename"
          onSubmit={(name) => renameSheet(sheet.id, name)}
          onClose={() => setPrompt(null)}
        />
      ) : null}
    </div>
  );
}
