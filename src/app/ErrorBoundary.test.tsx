// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, test, vi } from 'vitest';

import { resetDatabaseForTests } from '../db/connection';
import { createSheets } from '../db/sheets';
import { ErrorBoundary } from './ErrorBoundary';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  resetDatabaseForTests();
});

const CUSTOMER_TEXT = 'Perpetua Nakashima-Holt';

function Crash(): never {
  throw new Error(`Cannot show ${CUSTOMER_TEXT}`);
}

describe('ErrorBoundary', () => {
  test('offers a backup after a crash', async () => {
    await createSheets([
      { name: 'Clients', fields: [{ id: 'name', name: 'Name', type: 'text', settings: {} }], rows: [{ name: 'Ola' }] },
    ]);
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const download = await import('../export/download');
    const saved = vi.spyOn(download, 'downloadTextFile').mockImplementation(() => {});

    render(
      <ErrorBoundary area="the dashboard">
        <Crash />
      </ErrorBoundary>,
    );

    expect(screen.getByRole('heading', { name: 'Something went wrong while showing the dashboard.' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Download backup' }));
    await waitFor(() => expect(saved).toHaveBeenCalled());
    const [text, fileName] = saved.mock.calls[0]!;
    expect(fileName).toMatch(/^Kindling backup \d{4}-\d{2}-\d{2}\.json$/);
    expect(JSON.parse(text).tables.rows).toHaveLength(1);

    const boundaryLogs = logged.mock.calls.filter(([first]) =>
      String(first).startsWith('Kindling failed while showing'),
    );
    expect(boundaryLogs).toHaveLength(1);
    expect(JSON.stringify(boundaryLogs)).not.toContain(CUSTOMER_TEXT);
  });
});
