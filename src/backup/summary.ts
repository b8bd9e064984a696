// Counts of a backup's content, for a person to check before replacing
// their data with it.

import type { RowRecord, SheetRecord } from '../db/records';
import type { BackupFile } from './format';

export interface SheetSummary {
  name: string;
  /** Rows outside the trash. */
  rows: number;
  /** Rows in the trash, which are restored too. */
  trashedRows: number;
  /** Whether the whole sheet is in the trash. */
  deleted: boolean;
}

export interface BackupSummary {
  createdAt: string;
  appVersion: string;
  sheets: SheetSummary[];
  views: number;
  reminders: number;
  historyEntries: number;
}

/** Counts the sheets, rows, views, reminders and history entries of a checked backup. */
export function summariseBackup(backup: BackupFile): BackupSummary {
  const sheets = [...((backup.tables.sheets ?? []) as SheetRecord[])].sort((a, b) => a.position - b.position);
  const rows = (backup.tables.rows ?? []) as RowRecord[];

  return {
    createdAt: backup.createdAt,
    appVersion: backup.appVersion,
    sheets: sheets.map((sheet) => {
      const own = rows.filter((row) => row.sheetId === sheet.id);
      const trashed = own.filter((row) => row.deleted === 1).length;
      return { name: sheet.name, rows: own.length - trashed, trashedRows: trashed, deleted: sheet.deleted === 1 };
    }),
    views: backup.tables.views?.length ?? 0,
    reminders: backup.tables.reminders?.length ?? 0,
    historyEntries: backup.tables.history?.length ?? 0,
  };
}
