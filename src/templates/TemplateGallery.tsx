import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useId, useRef, useState, type ChangeEvent } from 'react';

import { Dialog } from '../app/Dialog';
import { openImportDialog } from '../app/importRequest';
import { describeError, reportError, showNotice } from '../app/notices';
import { createSheets, DEFAULT_WORKBOOK_SETTINGS, getWorkbookSettings } from '../db';
import { deleteSavedTemplate, listSavedTemplates, saveTemplate, type SavedTemplate } from '../db/templates';
import { downloadTextFile } from '../export/download';
import { loadPhoneLibrary } from '../fields/phoneLibrary';
import { FirstRunRestore } from '../settings/FirstRunRestore';
import { instantiateTemplate, TEMPLATES, uniqueTemplateName } from './gallery';
import { instantiateTemplateRules } from './templateRules';
import { SaveTemplateDialog } from './SaveTemplateDialog';
import { TemplatePreviewDialog } from './TemplatePreviewDialog';
import { MAX_TEMPLATE_FILE_BYTES, parseTemplateFile, serializeTemplate, templateFileName } from './templateFile';
import type { TemplateDefinition } from './templateTypes';
import './templates.css';

interface Props {
  /**
   * The first-run screen, before the workbook has sheets: a template's name
   * button creates the workbook at once. Otherwise the page adds a
   * template's sheets to the open workbook.
   */
  firstRun: boolean;
  /** Called after a template's sheets were added, so the app can show them. */
  onTemplateUsed?: () => void;
}

interface GalleryEntry {
  template: TemplateDefinition;
  /** Set for a template the user saved or imported. */
  saved?: SavedTemplate;
}

/**
 * Shows the template gallery: built-in and saved templates with a preview,
 * template file download and import, and on the Templates page "Save this
 * workbook as a template".
 */
export function TemplateGallery({ firstRun, onTemplateUsed }: Props) {
  const savedTemplates = useLiveQuery(listSavedTemplates) ?? [];
  const settings = useLiveQuery(getWorkbookSettings) ?? DEFAULT_WORKBOOK_SETTINGS;
  const [busy, setBusy] = useState(false);
  const [preview, setPreview] = useState<TemplateDefinition | null>(null);
  const [saving, setSaving] = useState(false);
  const [importError, setImportError] = useState<string | null>(null);
  const [phoneLibraryReady, setPhoneLibraryReady] = useState(false);
  const headingId = useId();
  const [importingTemplate, setImportingTemplate] = useState(false);
  const csvInputRef = useRef<HTMLInputElement>(null);

  // Sample rows with phone numbers are read through the phone library, so the preview waits for it.
  useEffect(() => {
    loadPhoneLibrary()
      .then(() => setPhoneLibraryReady(true))
      .catch((error: unknown) => reportError('Could not load phone number support.', error));
  }, []);

  const allNames = [...TEMPLATES, ...savedTemplates.map((saved) => saved.template)].map((template) => template.name);

  const applyTemplate = async (template: TemplateDefinition, withSampleRows: boolean) => {
    setBusy(true);
    try {
      if (withSampleRows) await loadPhoneLibrary();
      const context = await getWorkbookSettings();
      const sheets = instantiateTemplate(template, { withSampleRows, context });
      if (template.rules?.length) {
        // The rule store loads only for a template that brings rules; the sheets and rules commit together.
        const { createSheetsWithRules } = await import('../db/rules');
        await createSheetsWithRules(sheets, instantiateTemplateRules(template.rules, template.sheets, sheets));
      } else {
        await createSheets(sheets);
      }
      setPreview(null);
      if (!firstRun) {
        showNotice(`Added the sheets of "${template.name}": ${template.sheets.map((sheet) => sheet.name).join(', ')}.`);
        onTemplateUsed?.();
      }
    } catch (error) {
      reportError(`Could not create the sheets of "${template.name}": ${describeError(error)}`, error);
    } finally {
      setBusy(false);
    }
  };

  const downloadTemplate = (template: TemplateDefinition) => {
    downloadTextFile(serializeTemplate(template), templateFileName(template.name), 'application/json');
  };

  const deleteTemplate = async (saved: SavedTemplate) => {
    try {
      await deleteSavedTemplate(saved.id);
      showNotice(`Deleted the template "${saved.template.name}".`);
    } catch (error) {
      reportError(`Could not delete the template "${saved.template.name}": ${describeError(error)}`, error);
    }
  };

  const importTemplateFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    // Clearing the input lets the user pick the same file again after fixing it.
    input.value = '';
    if (!file) return;

    setImportError(null);
    if (file.size > MAX_TEMPLATE_FILE_BYTES) {
      setImportError(
        `Could not import "${file.name}": the file is ${Math.ceil(file.size / 1024).toLocaleString('en')} KB, ` +
          'and a template file can be at most 1,024 KB (1 MB).',
      );
      return;
    }

    setBusy(true);
    try {
      const text = await file.text();
      await loadPhoneLibrary();
      const result = parseTemplateFile(text);
      if (!result.ok) {
        setImportError(`Could not import "${file.name}": ${result.error}`);
        return;
      }
      const template = { ...result.template, name: uniqueTemplateName(result.template.name, allNames) };
      await saveTemplate(template);
      setImportingTemplate(false);
      showNotice(`Added the template "${template.name}" to the gallery.`);
    } catch (error) {
      reportError(`Could not import "${file.name}": ${describeError(error)}`, error);
    } finally {
      setBusy(false);
    }
  };

  const entries: GalleryEntry[] = TEMPLATES.map((template) => ({ template }));
  const savedEntries: GalleryEntry[] = savedTemplates.map((saved) => ({ template: saved.template, saved }));

  const renderList = (list: GalleryEntry[]) => (
    <ul className="template-list">
      {list.map((entry) => (
        <TemplateCard
          key={entry.saved?.id ?? entry.template.name}
          entry={entry}
          firstRun={firstRun}
          busy={busy}
          onCreate={() => void applyTemplate(entry.template, false)}
          onPreview={() => setPreview(entry.template)}
          onDownload={() => downloadTemplate(entry.template)}
          onDelete={entry.saved ? () => void deleteTemplate(entry.saved!) : undefined}
        />
      ))}
    </ul>
  );

  return (
    <section className="template-chooser template-gallery" aria-labelledby={headingId}>
      <h1 id={headingId}>{firstRun ? 'Choose a template' : 'Templates'}</h1>
      <p>
        {firstRun
          ? 'Start with a layout you can change later, or bring the customer list you already have.'
          : 'Add the sheets of a template to this workbook, or keep this workbook’s layout as a template of your own.'}
      </p>

      {renderList(entries)}

      {savedEntries.length ? (
        <>
          <h2>Your templates</h2>
          {renderList(savedEntries)}
        </>
      ) : null}

      <div className="template-tools">
        {firstRun ? null : (
          <button type="button" disabled={busy} onClick={() => setSaving(true)}>
            Save this workbook as a template
          </button>
        )}
        <button type="button" disabled={busy} onClick={() => setImportingTemplate(true)}>
          Import a template file
        </button>
      </div>

      {importingTemplate ? (
        <Dialog title="Import a template file" onClose={() => setImportingTemplate(false)} busy={busy}>
          <label className="field">
            Template file
            <input
              type="file"
              accept=".json,application/json"
              disabled={busy}
              onChange={(event) => void importTemplateFile(event)}
            />
          </label>
          <p className="template-help">A .kindling-template.json file downloaded from Kindling, at most 1 MB.</p>
          {importError ? (
            <p role="alert" className="template-error">
              {importError}
            </p>
          ) : null}
          <div className="dialog-actions">
            <button type="button" onClick={() => setImportingTemplate(false)}>
              Close
            </button>
          </div>
        </Dialog>
      ) : null}

      {firstRun ? (
        <div className="import-instead">
          <p>Already keep customers in a spreadsheet? Save it as CSV and start from it.</p>
          <button type="button" onClick={() => csvInputRef.current?.click()}>
            Import a file
          </button>
          {/* The button opens the browser's file chooser through this input, hidden from the tab order and screen readers. */}
          <input
            ref={csvInputRef}
            type="file"
            className="visually-hidden"
            tabIndex={-1}
            aria-hidden="true"
            accept=".csv,.tsv,.txt,text/csv,text/tab-separated-values,text/plain"
            onChange={(event) => {
              const file = event.currentTarget.files?.[0];
              event.currentTarget.value = '';
              if (file) openImportDialog({ kind: 'newSheet', file });
            }}
          />
        </div>
      ) : null}
      {firstRun ? <FirstRunRestore /> : null}

      {preview ? (
        <TemplatePreviewDialog
          template={preview}
          settings={settings}
          ready={phoneLibraryReady}
          busy={busy}
          onUse={(withSampleRows) => void applyTemplate(preview, withSampleRows)}
          onClose={() => setPreview(null)}
        />
      ) : null}

      {saving ? (
        <SaveTemplateDialog takenNames={allNames} settings={settings} onClose={() => setSaving(false)} />
      ) : null}
    </section>
  );
}

interface CardProps {
  entry: GalleryEntry;
  firstRun: boolean;
  busy: boolean;
  onCreate: () => void;
  onPreview: () => void;
  onDownload: () => void;
  onDelete?: () => void;
}

/**
 * Shows one template. Its action buttons have short names ("Preview"), so the
 * only button named after the template is its own name button.
 */
function TemplateCard({ entry, firstRun, busy, onCreate, onPreview, onDownload, onDelete }: CardProps) {
  const nameId = useId();
  const descriptionId = useId();
  const { template } = entry;

  return (
    <li>
      <article className="template-card" aria-labelledby={nameId}>
        {firstRun ? (
          <button
            type="button"
            id={nameId}
            className="template-name"
            disabled={busy}
            onClick={onCreate}
            aria-describedby={descriptionId}
          >
            {template.name}
          </button>
        ) : (
          <h3 id={nameId} className="template-name">
            {template.name}
          </h3>
        )}
        <p id={descriptionId}>{template.description}</p>
        <p className="template-sheets">
          {template.sheets.length === 1 ? 'Sheet' : 'Sheets'}: {template.sheets.map((sheet) => sheet.name).join(', ')}
        </p>
        <div className="template-card-actions">
          <button type="button" disabled={busy} onClick={onPreview}>
            Preview
          </button>
          <button type="button" onClick={onDownload}>
            Download template file
          </button>
          {onDelete ? (
            <button type="button" disabled={busy} onClick={onDelete}>
              Delete
            </button>
          ) : null}
        </div>
      </article>
    </li>
  );
}
