// "Copy as vCard" and "Show QR code" for one row, for the customer panel and
// the grid's "Share contact" dialog. The QR code and its library load only
// when asked for.

import { lazy, Suspense, useMemo, useState } from 'react';

import { showNotice } from '../app/notices';
import type { RowRecord, SheetRecord } from '../db';
import type { FieldContext } from '../fields/types';
import { contactFromRow, displayName, hasContactDetails, writeVCards } from '../vcard/write';
import { copyText } from './copyText';
import './touchpoints.css';

const QrCodeDialog = lazy(() => import('./QrCodeDialog').then((module) => ({ default: module.QrCodeDialog })));

interface Props {
  sheet: SheetRecord;
  row: RowRecord;
  settings: FieldContext;
}

export type { Props as ContactCardActionsProps };

const NO_DETAILS = 'This row has no name, company, email or phone, so there is no contact card to share.';

export function ContactCardActions({ sheet, row, settings }: Props) {
  const [showQr, setShowQr] = useState(false);
  const contact = useMemo(() => contactFromRow(sheet, row, settings), [sheet, row, settings]);
  const name = displayName(contact);

  const copyCard = () => {
    if (!hasContactDetails(contact)) {
      showNotice(NO_DETAILS);
      return;
    }
    void copyText(writeVCards([contact]), `the contact card of ${name}`);
  };

  const openQr = () => {
    if (!hasContactDetails(contact)) {
      showNotice(NO_DETAILS);
      return;
    }
    setShowQr(true);
  };

  return (
    <div className="contact-card-actions" role="group" aria-label="Contact card">
      <button type="button" onClick={copyCard}>
        Copy as vCard
      </button>
      <button type="button" onClick={openQr}>
        Show QR code
      </button>
      {showQr ? (
        <Suspense fallback={null}>
          <QrCodeDialog contact={contact} name={name} onClose={() => setShowQr(false)} />
        </Suspense>
      ) : null}
    </div>
  );
}
