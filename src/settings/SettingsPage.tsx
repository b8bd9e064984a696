import { reportError } from '../app/notices';
import { saveWorkbookSettings } from '../db';
import type { DateOrder, FieldContext } from '../fields/types';
import { ConversationTypesSection } from './ConversationTypesSection';
import { BackupSection } from './BackupSection';
import { StorageSection } from './StorageSection';
import { RulesSection } from '../rules/RulesSection';

interface Props {
  settings: FieldContext;
}

const LOCALES = [
  ['en-GB', 'English (United Kingdom)'],
  ['en-US', 'English (United States)'],
  ['en-IE', 'English (Ireland)'],
  ['en-AU', 'English (Australia)'],
  ['en-CA', 'English (Canada)'],
  ['de-DE', 'German formats (Germany)'],
  ['fr-FR', 'French formats (France)'],
  ['es-ES', 'Spanish formats (Spain)'],
  ['it-IT', 'Italian formats (Italy)'],
  ['nl-NL', 'Dutch formats (Netherlands)'],
] as const;

const CURRENCIES = ['GBP', 'EUR', 'USD', 'CAD', 'AUD', 'NZD', 'CHF', 'SEK', 'NOK', 'DKK', 'JPY'] as const;

const COUNTRIES = [
  ['GB', 'United Kingdom (+44)'],
  ['IE', 'Ireland (+353)'],
  ['US', 'United States (+1)'],
  ['CA', 'Canada (+1)'],
  ['AU', 'Australia (+61)'],
  ['NZ', 'New Zealand (+64)'],
  ['DE', 'Germany (+49)'],
  ['FR', 'France (+33)'],
  ['ES', 'Spain (+34)'],
  ['IT', 'Italy (+39)'],
  ['NL', 'Netherlands (+31)'],
] as const;

const DATE_ORDERS: [DateOrder, string][] = [
  ['dmy', 'Day first: 31/12/2026'],
  ['mdy', 'Month first: 12/31/2026'],
];

interface ChoiceSettingProps {
  label: string;
  value: string;
  choices: readonly (readonly [string, string])[];
  onChange: (value: string) => void;
}

function ChoiceSetting({ label, value, choices, onChange }: ChoiceSettingProps) {
  return (
    <label className="field">
      {label}
      <select value={value} onChange={(event) => onChange(event.target.value)}>
        {choices.map(([choice, text]) => (
          <option key={choice} value={choice}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Workbook-wide formats: how numbers, money, dates and phones are read and shown. */
export function SettingsPage({ settings }: Props) {
  const save = (changes: Partial<FieldContext>) => {
    saveWorkbookSettings(changes).catch((error: unknown) => reportError('Could not save the settings.', error));
  };

  return (
    <section className="settings" aria-labelledby="settings-heading">
      <h1 id="settings-heading">Settings</h1>
      <p>These apply to the whole workbook. Stored values do not change; only how they are read and shown.</p>
      <ChoiceSetting
        label="Formats for dates and numbers"
        value={settings.locale}
        choices={LOCALES}
        // American formats write the month first, so typed and pasted dates follow suit.
        onChange={(locale) => save({ locale, dateOrder: locale === 'en-US' ? 'mdy' : 'dmy' })}
      />
      <ChoiceSetting
        label="Currency"
        value={settings.currency}
        choices={CURRENCIES.map((code) => [code, code] as const)}
        onChange={(currency) => save({ currency })}
      />
      <ChoiceSetting
        label="Country for phone numbers without a + prefix"
        value={settings.defaultCountry}
        choices={COUNTRIES}
        onChange={(defaultCountry) => save({ defaultCountry })}
      />
      <ChoiceSetting
        label="How to read dates like 03/04/2026"
        value={settings.dateOrder === 'mdy' ? 'mdy' : 'dmy'}
        choices={DATE_ORDERS}
        onChange={(dateOrder) => save({ dateOrder: dateOrder as DateOrder })}
      />
      <h2>Where your data lives</h2>
      <p>
        Everything you enter stays in this browser's storage on this computer. Nothing is sent anywhere. Clearing the
        browser's site data for Kindling deletes it, so export a CSV now and then.
      </p>
      <ConversationTypesSection />
      <BackupSection settings={settings} />
      <StorageSection settings={settings} />
      <RulesSection settings={settings} />
    </section>
  );
}
