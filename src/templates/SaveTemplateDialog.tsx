import { useId, useState, type FormEvent } from 'react';

import { Dialog } from '../app/Dialog';
import { describeError, reportError, showNotice } from '../app/notices';
import { listRows, listSheets, type RowRecord } from '../db';
import { saveTemplate } from '../db/templates';
import { loadPhoneLibrary } from '../fields/phoneLibrary';
import type { FieldContext } from '../fields/types';
import { MAX_SAVED_SAMPLE_ROWS, templateFromWorkbook } from './fromWorkbook';
import { findInvalidSample, uniqueTemplateName } from './gallery';
import { MAX_TEMPLATE_FILE_BYTES, MAX_TEMPLATE_NAME_LENGTH, serializeTemplate } from './templateFile';

interface Props {
  /** Names of the templates in the gallery. A name already taken gets " 2" added. */
  takenNames: string[];
  settings: FieldContext;
  onClose: () => void;
}

/** Asks for a name and saves the workbook's sheets as a template in the gallery. */
export function SaveTemplateDialog({ takenNames, settings, onClose }: Props) {
  const [name, setName] = useState('');
  const [includeRows, setIncludeRows] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const helpId = useId();

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (name.trim() === '') {
      setError('Enter a name for the template.');
      return;
    }

    setBusy(true);
    setError(null);
    try {
      await loadPhoneLibrary();
      const sheets = await listSheets();
      let rowsBySheet: Map<string, RowRecord[]> | undefined;
      if (includeRows) {
        rowsBySheet = new Map();
        for (const sheet of sheets) rowsBySheet.set(sheet.id, await listRows(sheet.id));
      }

      // Automation rules travel with the template; their store loads only now.
      const { listRules } = await import('../db/rules');
      const template = templateFromWorkbook({
        name: uniqueTemplateName(name, takenNames),
        sheets,
        rowsBySheet,
        context: settings,
        rules: await listRules(),
      });
      const bytes = new TextEncoder().encode(serializeTemplate(template)).length;
      if (bytes > MAX_TEMPLATE_FILE_BYTES) {
        setError(
          `With its rows the template is ${Math.ceil(bytes / 1024).toLocaleString('en')} KB, over the 1 MB a ` +
            'template file can be. Save it without sample rows.',
        );
        return;
      }
      // templateFromWorkbook leaves out cells that would not read back, so this only trips on a bug there.
      const invalidSample = findInvalidSample(template, settings);
      if (invalidSample !== null) throw new Error(invalidSample);

      await saveTemplate(template);
      showNotice(`Saved the template "${template.name}".`);
      onClose();
    } catch (caught) {
      reportError(`Could not save the template: ${describeError(caught)}`, caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog title="Save as template" onClose={onClose} busy={busy}>
      <form className="template-save-form" onSubmit={(event) => void save(event)}>
        <label className="field">
          Template name
          <input
            type="text"
            value={name}
            maxLength={MAX_TEMPLATE_NAME_LENGTH}
            required
            autoFocus
            onChange={(event) => setName(event.target.value)}
          />
        </label>
        <label className="template-option">
          <input
            type="checkbox"
            checked={includeRows}
            aria-describedby={helpId}
            onChange={(event) => setIncludeRows(event.target.checked)}
          />
          Include rows as sample rows
        </label>
        <p id={helpId} className="template-help">
          The first {MAX_SAVED_SAMPLE_ROWS} rows of each sheet. Without them, the template keeps only the sheets and
          their columns.
        </p>
        {error ? (
          <p role="alert" className="template-error">
            {error}
          </p>
        ) : null}
        <div className="dialog-actions">
          <button type="button" disabled={busy} onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy}>
            Save template
          </button>
        </div>
      </form>
    </Dialog>
  );
}
