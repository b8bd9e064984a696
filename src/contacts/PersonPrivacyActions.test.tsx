// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, test, vi } from 'vitest';

import { getDatabase, resetDatabaseForTests } from '../db/connection';
import { createSheets } from '../db/sheets';
import type { FieldDef } from '../fields/types';
import { PersonPrivacyActions } from './PersonPrivacyActions';

// jsdom has no modal dialogs; these open and close the element as a browser does, without the focus trap.
beforeAll(() => {
  HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
    this.open = true;
  };
  HTMLDialogElement.prototype.close ??= function (this: HTMLDialogElement) {
    this.open = false;
  };
});

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  resetDatabaseForTests();
});

const FIELDS: FieldDef[] = [
  { id: 'name', name: 'Name', type: 'text', settings: {}, role: 'name' },
  { id: 'email', name: 'Email', type: 'email', settings: {}, role: 'email' },
];

async function clients(): Promise<void> {
  await createSheets([
    {
      id: 'clients',
      name: 'Clients',
      fields: FIELDS,
      rowIds: ['row-wren', 'row-tomas'],
      rows: [
        { name: 'Wren Adebayo-Lund', email: 'wren@example.test' },
        { name: 'Tomás Rey', email: 'tomas@example.test' },
      ],
    },
  ]);
}

describe('PersonPrivacyActions', () => {
  test('erases after a confirmation that names the person', async () => {
    await clients();
    const onErased = vi.fn();
    render(<PersonPrivacyActions sheetId="clients" rowId="row-wren" onErased={onErased} />);

    fireEvent.click(await screen.findByRole('button', { name: 'Erase this person' }));
    const dialog = await screen.findByRole('dialog', { name: 'Erase Wren Adebayo-Lund?' });
    const confirm = within(dialog).getByRole('button', { name: 'Erase Wren Adebayo-Lund for good' });
    await waitFor(() => expect((confirm as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(confirm);

    await waitFor(() => expect(onErased).toHaveBeenCalled());
    expect(await getDatabase().rows.get('row-wren')).toBeUndefined();
    expect((await getDatabase().rows.get('row-tomas'))?.values.name).toBe('Tomás Rey');
  });

  test('cancel keeps the person', async () => {
    await clients();
    render(<PersonPrivacyActions sheetId="clients" rowId="row-wren" />);

    fireEvent.click(await screen.findByRole('button', { name: 'Erase this person' }));
    const dialog = await screen.findByRole('dialog', { name: 'Erase Wren Adebayo-Lund?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(await getDatabase().rows.get('row-wren')).toBeDefined();
  });

  test('downloads the person as JSON', async () => {
    await clients();
    const download = await import('../export/download');
    const saved = vi.spyOn(download, 'downloadTextFile').mockImplementation(() => {});
    render(<PersonPrivacyActions sheetId="clients" rowId="row-wren" />);

    fireEvent.click(await screen.findByRole('button', { name: "Export this person's data" }));

    await waitFor(() => expect(saved).toHaveBeenCalled());
    const [text, fileName, type] = saved.mock.calls[0]!;
    expect(fileName).toMatch(/^Wren Adebayo-Lund personal data \d{4}-\d{2}-\d{2}\.json$/);
    expect(type).toBe('application/json');
    expect(JSON.parse(text)).toMatchObject({ name: 'Wren Adebayo-Lund', person: { sheet: 'Clients' } });
    expect(text).not.toContain('Tomás');
  });
});
