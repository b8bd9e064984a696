import { reportError, showNotice } from '../app/notices';

/** Copies text to the clipboard, then shows a notice naming what was copied or why copying failed. */
export async function copyText(text: string, what: string): Promise<void> {
  if (!navigator.clipboard) {
    reportError(`Could not copy ${what}: this browser allows copying only on a secure (https or localhost) page.`);
    return;
  }
  try {
    await navigator.clipboard.writeText(text);
    showNotice(`Copied ${what}.`);
  } catch (error) {
    reportError(
      `Could not copy ${what}: the browser denied clipboard access. Allow it for this site and try again.`,
      error,
    );
  }
}
