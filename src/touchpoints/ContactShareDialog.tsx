import { Dialog } from '../app/Dialog';
import type { RowRecord, SheetRecord } from '../db';
import type { FieldContext } from '../fields/types';
import { contactFromRow, displayName } from '../vcard/write';
import { ContactCardActions } from './ContactCardActions';

interface Props {
  sheet: SheetRecord;
  row: RowRecord;
  settings: FieldContext;
  onClose: () => void;
}

/** Shows the contact card actions of the grid's focused row, without the customer panel. */
export function ContactShareDialog({ sheet, row, settings, onClose }: Props) {
  const name = displayName(contactFromRow(sheet, row, settings)) || 'this row';
  return (
    <Dialog title="Share contact" onClose={onClose}>
      <p>
        Share the contact card of <strong>{name}</strong> as a vCard, which phones and address books import.
      </p>
      <ContactCardActions sheet={sheet} row={row} settings={settings} />
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}
