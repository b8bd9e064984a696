// The built-in templates. Each is a JSON file in ./library with the same shape
// as a downloaded template file, and goes through the same shape check when
// the app loads, so a typo in one fails every test rather than a user's click.

import blankFile from './library/blank.json';
import customerLifetimeValueFile from './library/customer-lifetime-value.json';
import googleSheetsCrmFile from './library/google-sheets-crm.json';
import salesPipelineFile from './library/sales-pipeline.json';
import serviceBusinessFile from './library/service-business.json';
import simpleClientListFile from './library/simple-client-list.json';
import { MAX_TEMPLATE_NAME_LENGTH, validateTemplate } from './templateFile';
import type { TemplateDefinition } from './templateTypes';

export { findInvalidSample, instantiateTemplate, type InstantiateOptions } from './instantiate';

function builtInTemplate(file: unknown): TemplateDefinition {
  const checked = validateTemplate(file);
  if (!checked.ok) throw new Error(`Built-in template is invalid: ${checked.error}`);
  return checked.template;
}

/** Built-in templates in the order the gallery shows them. */
export const TEMPLATES: TemplateDefinition[] = [
  simpleClientListFile,
  googleSheetsCrmFile,
  salesPipelineFile,
  serviceBusinessFile,
  customerLifetimeValueFile,
  blankFile,
].map(builtInTemplate);

/** Returns the name, or the name with " 2", " 3"… when a template in the gallery already has it. */
export function uniqueTemplateName(name: string, takenNames: string[]): string {
  const taken = new Set(takenNames.map((each) => each.trim().toLocaleLowerCase()));
  const base = name.trim();
  let candidate = base;
  for (let suffix = 2; taken.has(candidate.toLocaleLowerCase()); suffix += 1) {
    // The suffix replaces the end of a name at the length limit, so the result still passes validateTemplate.
    candidate = `${base.slice(0, MAX_TEMPLATE_NAME_LENGTH - String(suffix).length - 1)} ${suffix}`;
  }
  return candidate;
}
