import { afterEach, describe, expect, it, vi } from 'vitest';

import { resetDatabaseForTests } from '../db/connection';
import { createSheets } from '../db/sheets';
import type { BackupAgeFacts } from '../db/backup';
import { BACKUP_MAX_AGE_DAYS, backupNoticeAgeDays } from './ageReminder';

afterEach(() => {
  vi.resetModules();
  resetDatabaseForTests();
});

const NOW = new Date('2026-12-04T12:00:00');

function facts(changes: Partial<BackupAgeFacts>): BackupAgeFacts {
  return {
    lastBackupAt: undefined,
    workbookCreatedAt: '2026-01-01T00:00:00.000Z',
    hasRows: true,
    noticeShownOn: undefined,
    ...changes,
  };
}

function daysBefore(days: number): string {
  return new Date(NOW.getTime() - days * 24 * 60 * 60 * 1000).toISOString();
}

describe('backupNoticeAgeDays', () => {
  it('is due when the last backup is old', () => {
    expect(backupNoticeAgeDays(facts({ lastBackupAt: daysBefore(BACKUP_MAX_AGE_DAYS + 5) }), NOW)).toBe(
      BACKUP_MAX_AGE_DAYS + 5,
    );
  });

  it('is not due for a recent backup', () => {
    expect(backupNoticeAgeDays(facts({ lastBackupAt: daysBefore(BACKUP_MAX_AGE_DAYS) }), NOW)).toBeNull();
  });

  it('counts from the workbook without a backup', () => {
    expect(backupNoticeAgeDays(facts({ workbookCreatedAt: daysBefore(45) }), NOW)).toBe(45);
    expect(backupNoticeAgeDays(facts({ workbookCreatedAt: daysBefore(2) }), NOW)).toBeNull();
  });

  it('is not due for a workbook without rows', () => {
    expect(backupNoticeAgeDays(facts({ hasRows: false }), NOW)).toBeNull();
  });

  it('shows once per day', () => {
    expect(backupNoticeAgeDays(facts({ noticeShownOn: '2026-12-04' }), NOW)).toBeNull();
    expect(backupNoticeAgeDays(facts({ noticeShownOn: '2026-12-03' }), NOW)).not.toBeNull();
  });
});

describe('checkBackupAge', () => {
  async function oldWorkbook(): Promise<void> {
    vi.useFakeTimers({ now: new Date('2026-09-01T10:00:00Z'), toFake: ['Date'] });
    await createSheets([
      { name: 'Clients', fields: [{ id: 'name', name: 'Name', type: 'text', settings: {} }], rows: [{ name: 'Ola' }] },
    ]);
    vi.useRealTimers();
  }

  it('shows a notice with a button once per day', async () => {
    await oldWorkbook();
    const { checkBackupAge } = await import('./ageReminder');
    const notices = await import('../app/notices');
    const showNotice = vi.spyOn(notices, 'showNotice');
    const openSettings = vi.fn();

    expect(await checkBackupAge(openSettings, NOW)).toBe(true);
    expect(showNotice).toHaveBeenCalledTimes(1);
    const [text, kind, action] = showNotice.mock.calls[0]!;
    expect(text).toContain('never been backed up');
    expect(kind).toBe('info');
    action?.run();
    expect(openSettings).toHaveBeenCalled();

    vi.resetModules();
    const again = await import('./ageReminder');
    expect(await again.checkBackupAge(openSettings, NOW)).toBe(false);
  });

  it('stays quiet after a recent backup', async () => {
    await oldWorkbook();
    const { recordBackupMade } = await import('../db/backup');
    await recordBackupMade(daysBefore(3));
    const { checkBackupAge } = await import('./ageReminder');
    expect(await checkBackupAge(vi.fn(), NOW)).toBe(false);
  });
});
