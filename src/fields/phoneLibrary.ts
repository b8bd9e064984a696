// libphonenumber-js and its metadata are about 30 KB gzip, the largest piece
// of the first load after the grid. Phones are shown as typed, so the library
// is needed only to normalise a phone being written: callers that parse a
// phone (a grid edit, the import worker, the import preview) await
// loadPhoneLibrary first, and the app prefetches it once the workbook shows.

type PhoneLibrary = typeof import('libphonenumber-js/min');

let library: PhoneLibrary | null = null;
let loading: Promise<PhoneLibrary> | null = null;

export async function loadPhoneLibrary(): Promise<void> {
  loading ??= import('libphonenumber-js/min');
  library = await loading;
}

/** Returns the loaded library; throws when a caller skipped loadPhoneLibrary. */
export function phoneLibrary(): PhoneLibrary {
  if (!library) throw new Error('Phone number support has not finished loading; try again in a moment.');
  return library;
}
