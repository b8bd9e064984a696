// Templates the user saved from a workbook or imported from a file. Each is
// one record of the settings table under the key 'template:<id>', so saving
// one needs no schema change.

import { validateTemplate } from '../templates/templateFile';
import type { TemplateDefinition } from '../templates/templateTypes';
import { getDatabase } from './connection';
import { newId, nowTimestamp } from './ids';
import type { Timestamp } from './records';

const KEY_PREFIX = 'template:';

export interface SavedTemplate {
  id: string;
  savedAt: Timestamp;
  template: TemplateDefinition;
}

interface StoredTemplate {
  savedAt: Timestamp;
  template: unknown;
}

function isStoredTemplate(value: unknown): value is StoredTemplate {
  return typeof value === 'object' && value !== null && typeof (value as StoredTemplate).savedAt === 'string';
}

/**
 * Returns the saved templates, oldest first. A record whose template no longer
 * passes the shape check is left out and logged, so one damaged record does
 * not hide the others.
 */
export async function listSavedTemplates(): Promise<SavedTemplate[]> {
  const records = await getDatabase().settings.where('key').startsWith(KEY_PREFIX).toArray();
  const saved: SavedTemplate[] = [];
  for (const record of records) {
    const id = record.key.slice(KEY_PREFIX.length);
    const checked = isStoredTemplate(record.value) ? validateTemplate(record.value.template) : null;
    if (!checked?.ok) {
      console.error(`Saved template ${id} is damaged and is not shown`, checked?.error ?? record.value);
      continue;
    }
    saved.push({ id, savedAt: (record.value as StoredTemplate).savedAt, template: checked.template });
  }
  return saved.sort((a, b) => a.savedAt.localeCompare(b.savedAt) || a.id.localeCompare(b.id));
}

/** Stores a template under a new id and returns it. Throws when the template fails the shape check. */
export async function saveTemplate(template: TemplateDefinition): Promise<SavedTemplate> {
  const checked = validateTemplate(template);
  if (!checked.ok) throw new Error(`Could not save the template "${template.name}": ${checked.error}`);

  const saved: SavedTemplate = { id: newId(), savedAt: nowTimestamp(), template: checked.template };
  const value: StoredTemplate = { savedAt: saved.savedAt, template: saved.template };
  await getDatabase().settings.add({ key: `${KEY_PREFIX}${saved.id}`, value });
  return saved;
}

export async function deleteSavedTemplate(id: string): Promise<void> {
  await getDatabase().settings.delete(`${KEY_PREFIX}${id}`);
}
