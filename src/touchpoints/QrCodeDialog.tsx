import { useEffect, useState } from 'react';

import { Dialog } from '../app/Dialog';
import { describeError } from '../app/notices';
import type { VCardContact } from '../vcard/contact';
import { contactQrCode, qrPath, type ContactQrCode } from './qrCode';

interface Props {
  contact: VCardContact;
  /** The name shown on the card, for the heading and the image's description. */
  name: string;
  onClose: () => void;
}

/** Shows a contact's vCard as a QR code that a phone camera adds to its contacts. */
export function QrCodeDialog({ contact, name, onClose }: Props) {
  const [code, setCode] = useState<ContactQrCode | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    contactQrCode(contact).then(
      (result) => {
        if (!cancelled) setCode(result);
      },
      (error: unknown) => {
        console.error('Building the QR code failed', error);
        if (!cancelled) setFailure(`Could not build the QR code: ${describeError(error)}`);
      },
    );
    return () => {
      cancelled = true;
    };
  }, [contact]);

  return (
    <Dialog title={`QR code for ${name}`} onClose={onClose}>
      {failure ? <p role="alert">{failure}</p> : null}
      {!failure && code === null ? <p>Building the QR code…</p> : null}
      {code && !code.ok ? <p role="alert">{code.message}</p> : null}
      {code?.ok ? (
        <>
          <svg
            className="qr-code"
            role="img"
            aria-label={`QR code with the contact card of ${name}`}
            viewBox={`0 0 ${code.modules.length} ${code.modules.length}`}
            shapeRendering="crispEdges"
          >
            <rect width="100%" height="100%" fill="#ffffff" />
            <path d={qrPath(code.modules)} fill="#000000" />
          </svg>
          <p>Point a phone camera at the code and choose to add the contact. Nothing is sent over the network.</p>
          {code.droppedNote ? (
            <p role="status">The note was left out, because the card with it is too big for a QR code.</p>
          ) : null}
        </>
      ) : null}
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}
