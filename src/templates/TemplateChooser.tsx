import { useState } from 'react';

import { openImportDialog } from '../app/importRequest';
import { reportError } from '../app/notices';
import { createSheets } from '../db';
import { instantiateTemplate, TEMPLATES } from './gallery';
import type { TemplateDefinition } from './templateTypes';

/** The first-run screen: start from a template or from the user's own file. */
export function TemplateChooser() {
  const [busy, setBusy] = useState(false);

  const startFromTemplate = async (template: TemplateDefinition) => {
    setBusy(true);
    try {
      await createSheets(instantiateTemplate(template));
    } catch (error) {
      reportError(`Could not create the "${template.name}" workbook.`, error);
      setBusy(false);
    }
  };

  return (
    <section className="template-chooser" aria-labelledby="choose-template-heading">
      <h1 id="choose-template-heading">Choose a template</h1>
      <p>Start with a layout you can change later, or bring the customer list you already have.</p>
      <ul className="template-list">
        {TEMPLATES.map((template, index) => (
          <li key={template.name}>
            <button
              type="button"
              disabled={busy}
              onClick={() => void startFromTemplate(template)}
              aria-describedby={`template-${index}`}
            >
              {template.name}
            </button>
            <p id={`template-${index}`}>{template.description}</p>
          </li>
        ))}
      </ul>
      <div className="import-instead">
        <p>Already keep customers in a spreadsheet? Save it as CSV and start from it.</p>
        <button type="button" onClick={() => openImportDialog({ kind: 'newSheet' })}>
          Import a file
        </button>
      </div>
    </section>
  );
}
