import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useId, useRef, useState } from 'react';

import { getConversationTypes } from '../db/conversationTypes';
import { readCustomerDetails, type CustomerDetails } from '../db/customers';
import type { PhoneValue } from '../fields/types';
import type { FieldContext } from '../fields/types';
import { linkChoices, useLinkedSettings } from '../grid/useLinkLookup';
import { describeRow } from '../reminders/rowLabel';
import { ContactCardActions } from '../touchpoints/ContactCardActions';
import { ConversationLog, type LogPrefill } from './ConversationLog';
import { CustomerFields } from './CustomerFields';
import { CustomerReminders } from './CustomerReminders';
import { LinkedRowsList } from './LinkedRowsList';
import { PersonPrivacyActions } from './PersonPrivacyActions';
import './contacts.css';

interface Props {
  sheetId: string;
  rowId: string;
  settings: FieldContext;
  onClose: () => void;
  /** Shows another row in the panel, such as a deal linked to this customer. */
  onOpenRow: (sheetId: string, rowId: string) => void;
  /** Switches the grid to this row's sheet and scrolls to the row. */
  onShowInSheet: (sheetId: string, rowId: string) => void;
}

/** A mailto: or tel: link the user followed, offered afterwards as a conversation to log. */
interface Touchpoint {
  type: 'Email' | 'Call';
  at: Date;
}

/**
 * Renders the side panel of one customer: their cells, editable in place, the
 * conversation log, reminders and linked rows. It is a complementary region
 * beside the grid, not a modal, and Escape closes it.
 */
export function CustomerPanel(props: Props) {
  const { sheetId, rowId, onClose } = props;
  const details = useLiveQuery(
    () => readCustomerDetails(sheetId, rowId).then((found) => found ?? null),
    [sheetId, rowId],
  );
  const types = useLiveQuery(getConversationTypes);
  const asideRef = useRef<HTMLElement>(null);

  // Escape closes the panel from inside it, and also when the focus fell back to the page
  // (a control that disappeared), which leaves no other element to handle the key.
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      const target = event.target;
      const inPanel = target instanceof Node && asideRef.current?.contains(target);
      if (!inPanel && target !== document.body) return;
      event.preventDefault();
      onClose();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [onClose]);

  return (
    <aside ref={asideRef} className="customer-panel" aria-label="Customer details">
      {details === undefined || types === undefined ? (
        <p className="loading">Opening the customer…</p>
      ) : details === null ? (
        <>
          <p>This row is no longer in the sheet.</p>
          <button type="button" onClick={onClose}>
            Close
          </button>
        </>
      ) : (
        <PanelBody {...props} details={details} types={types} />
      )}
    </aside>
  );
}

function PanelBody({
  details,
  types,
  settings,
  onClose,
  onOpenRow,
  onShowInSheet,
}: Props & { details: CustomerDetails; types: string[] }) {
  const { sheet, row } = details;
  const { linkedSettings, linked } = useLinkedSettings(sheet, settings);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const headingId = useId();
  const [touchpoint, setTouchpoint] = useState<Touchpoint | null>(null);
  const [prefill, setPrefill] = useState<LogPrefill | null>(null);

  // Keyboard users land in the panel when it opens or shows another row.
  useEffect(() => {
    headingRef.current?.focus();
    setTouchpoint(null);
  }, [row.id]);

  const name = describeRow(sheet, row).name;
  const emails = sheet.fields
    .filter((field) => field.type === 'email')
    .map((field) => row.values[field.id])
    .filter((value): value is string => typeof value === 'string' && value !== '');
  const phones = sheet.fields
    .filter((field) => field.type === 'phone')
    .map((field) => row.values[field.id] as PhoneValue | undefined)
    .filter((value): value is PhoneValue => typeof value === 'object' && value !== null && 'text' in value);

  return (
    <>
      <header className="customer-panel-header">
        <h2 id={headingId} ref={headingRef} tabIndex={-1}>
          {name}
        </h2>
        <p className="muted">{sheet.name}</p>
        <div className="customer-panel-actions">
          <button type="button" onClick={() => onShowInSheet(sheet.id, row.id)}>
            Show in sheet
          </button>
          <button type="button" aria-label="Close customer details" onClick={onClose}>
            Close
          </button>
        </div>
      </header>

      {emails.length || phones.length ? (
        <ul className="touchpoints" aria-label="Contact">
          {emails.map((email) => (
            <li key={email}>
              <a href={`mailto:${email}`} onClick={() => setTouchpoint({ type: 'Email', at: new Date() })}>
                Email {email}
              </a>
            </li>
          ))}
          {phones.map((phone) => (
            <li key={phone.text}>
              <a
                href={`tel:${phone.e164 ?? phone.text.replace(/[^\d+]/g, '')}`}
                onClick={() => setTouchpoint({ type: 'Call', at: new Date() })}
              >
                Call {phone.text}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
      {touchpoint ? (
        <div className="touchpoint-offer" role="status">
          <span>Log this {touchpoint.type === 'Email' ? 'email' : 'call'}?</span>{' '}
          <button
            type="button"
            onClick={() => {
              setPrefill({ type: touchpoint.type, at: touchpoint.at });
              setTouchpoint(null);
            }}
          >
            Log {touchpoint.type === 'Email' ? 'the email' : 'the call'}
          </button>{' '}
          <button type="button" onClick={() => setTouchpoint(null)}>
            Not now
          </button>
        </div>
      ) : null}
      <ContactCardActions sheet={sheet} row={row} settings={linkedSettings} />

      <section className="customer-section" aria-labelledby={`${headingId}-details`}>
        <h3 id={`${headingId}-details`}>Details</h3>
        <CustomerFields
          sheet={sheet}
          row={row}
          ctx={linkedSettings}
          linkNames={(field) => linkChoices(linked, field.settings.linkSheetId, settings)}
        />
      </section>

      <ConversationLog
        sheetId={sheet.id}
        rowId={row.id}
        types={types}
        log={details.log}
        entries={details.entries}
        ctx={settings}
        prefill={prefill}
      />
      <CustomerReminders sheetId={sheet.id} rowId={row.id} locale={settings.locale} />
      <LinkedRowsList
        title="Linked from other sheets"
        groups={details.linkedFrom}
        ctx={settings}
        onOpenRow={onOpenRow}
      />
      <LinkedRowsList title="Links to" groups={details.linksTo} ctx={settings} onOpenRow={onOpenRow} />
      <section className="customer-section" aria-labelledby={`${headingId}-privacy`}>
        <h3 id={`${headingId}-privacy`}>Personal data</h3>
        <PersonPrivacyActions sheetId={sheet.id} rowId={row.id} onErased={onClose} />
      </section>
    </>
  );
}
