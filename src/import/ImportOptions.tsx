// The file-wide choices of an import: encoding, delimiter, decimal mark,
// phone country and destination. Changing the encoding or delimiter reads the
// file again; the others only change how values are read.

import { useMemo } from 'react';

import { phoneLibrary } from '../fields/phoneLibrary';
import { SUPPORTED_ENCODINGS } from './csv/decode';
import type { DecimalMark } from './decimalMark';
import type { FileAnalysis } from './protocol';

interface Props {
  analysis: FileAnalysis;
  busy: boolean;
  decimalMark: DecimalMark;
  phoneCountry: string;
  /** The sheet the dialog was opened from, offered as a destination. */
  sheetName?: string;
  newSheetName: string;
  destination: 'newSheet' | 'existingSheet';
  onEncodingChange: (encoding: string) => void;
  onDelimiterChange: (delimiter: string) => void;
  onDecimalMarkChange: (mark: DecimalMark) => void;
  onPhoneCountryChange: (country: string) => void;
  onDestinationChange: (destination: 'newSheet' | 'existingSheet') => void;
}

const DELIMITER_CHOICES = [
  { value: ',', label: 'Comma (,)' },
  { value: ';', label: 'Semicolon (;)' },
  { value: '\t', label: 'Tab' },
  { value: '|', label: 'Pipe (|)' },
];

/** Returns the countries that libphonenumber-js has metadata for, named in English and sorted by name. */
function phoneCountries(): { code: string; name: string }[] {
  const names = new Intl.DisplayNames(['en'], { type: 'region' });
  return phoneLibrary()
    .getCountries()
    .map((code) => ({ code, name: names.of(code) ?? code }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

export function ImportOptions(props: Props) {
  const { analysis, busy } = props;
  const countries = useMemo(phoneCountries, []);

  return (
    <div className="options-row">
      <label className="field">
        Encoding
        <select
          value={analysis.encoding}
          disabled={busy}
          onChange={(event) => props.onEncodingChange(event.target.value)}
        >
          {SUPPORTED_ENCODINGS.some((choice) => choice.value === analysis.encoding) ? null : (
            <option value={analysis.encoding}>{analysis.encoding}</option>
          )}
          {SUPPORTED_ENCODINGS.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.label}
            </option>
          ))}
        </select>
      </label>
      {analysis.source === 'csv' ? (
        <label className="field">
          Delimiter
          <select
            value={analysis.delimiter}
            disabled={busy}
            onChange={(event) => props.onDelimiterChange(event.target.value)}
          >
            {DELIMITER_CHOICES.map((choice) => (
              <option key={choice.value} value={choice.value}>
                {choice.label}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <label className="field">
        Decimal mark
        <select
          value={props.decimalMark}
          disabled={busy}
          onChange={(event) => props.onDecimalMarkChange(event.target.value as DecimalMark)}
        >
          <option value=".">Point (1.50)</option>
          <option value=",">Comma (1,50)</option>
        </select>
      </label>
      <label className="field">
        Phone country
        <select
          value={props.phoneCountry}
          disabled={busy}
          onChange={(event) => props.onPhoneCountryChange(event.target.value)}
        >
          {countries.map((country) => (
            <option key={country.code} value={country.code}>
              {country.name}
            </option>
          ))}
        </select>
        <span className="muted">For phone numbers written without a +country code.</span>
      </label>
      {props.sheetName !== undefined ? (
        <label className="field">
          Import into
          <select
            value={props.destination}
            disabled={busy}
            onChange={(event) => props.onDestinationChange(event.target.value as 'newSheet' | 'existingSheet')}
          >
            <option value="existingSheet">This sheet ({props.sheetName})</option>
            <option value="newSheet">A new sheet named {props.newSheetName}</option>
          </select>
        </label>
      ) : null}
    </div>
  );
}
