// The notice that offers a backup when the last one is old. App loads this
// module after the first render, so it adds nothing to the first load.

import { showNotice } from '../app/notices';
import { readBackupAgeFacts, recordBackupNoticeShown, type BackupAgeFacts } from '../db/backup';
import { localDay } from './format';

/** A month of work is as much as a person should risk losing to a broken disk or cleared browser data. */
export const BACKUP_MAX_AGE_DAYS = 30;

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Returns the whole days since the last backup (or since the workbook was
 * made, when there has been none) when a notice is due today, or null.
 * No notice is due for a workbook without rows, or on a local day that
 * already had one.
 */
export function backupNoticeAgeDays(facts: BackupAgeFacts, now: Date): number | null {
  if (!facts.hasRows) return null;
  if (facts.noticeShownOn === localDay(now)) return null;

  const since = facts.lastBackupAt ?? facts.workbookCreatedAt;
  if (since === undefined) return null;
  const age = Math.floor((now.getTime() - Date.parse(since)) / DAY_MS);
  return age > BACKUP_MAX_AGE_DAYS ? age : null;
}

export function backupNoticeText(ageDays: number, neverBackedUp: boolean): string {
  return neverBackedUp
    ? `This workbook is ${ageDays} days old and has never been backed up. A backup file keeps your customers safe if this browser's data is lost.`
    : `Your last backup is ${ageDays} days old. Download a new one to keep recent changes safe.`;
}

/** Set by the first check of this page, so a second caller (React's development double effect) shows nothing. */
let checkedThisPage = false;

/** Shows the old-backup notice once per page load when one is due, with a button that opens Settings. */
export async function checkBackupAge(openSettings: () => void, now: Date = new Date()): Promise<boolean> {
  if (checkedThisPage) return false;
  checkedThisPage = true;

  const facts = await readBackupAgeFacts();
  const ageDays = backupNoticeAgeDays(facts, now);
  if (ageDays === null) return false;

  await recordBackupNoticeShown(localDay(now));
  showNotice(backupNoticeText(ageDays, facts.lastBackupAt === undefined), 'info', {
    label: 'Back up now',
    run: openSettings,
  });
  return true;
}
