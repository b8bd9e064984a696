// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, test, vi } from 'vitest';

import { DialogActions } from './DialogActions';

afterEach(cleanup);

describe('DialogActions', () => {
  test('shows the error as an alert', () => {
    render(<DialogActions error="Wrong passphrase." busy={false} onCancel={() => {}} confirmLabel="Open backup" />);

    expect(screen.getByRole('alert').textContent).toBe('Wrong passphrase.');
  });

  test('shows no alert without an error', () => {
    render(<DialogActions error={null} busy={false} onCancel={() => {}} confirmLabel="Open backup" />);

    expect(screen.queryByRole('alert')).toBeNull();
  });

  test('runs onConfirm and onCancel on click', () => {
    const onConfirm = vi.fn();
    const onCancel = vi.fn();
    render(<DialogActions error={null} busy={false} onCancel={onCancel} confirmLabel="Erase" onConfirm={onConfirm} />);

    fireEvent.click(screen.getByRole('button', { name: 'Erase' }));
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));

    expect(onConfirm).toHaveBeenCalledTimes(1);
    expect(onCancel).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('button', { name: 'Erase' }).getAttribute('type')).toBe('button');
  });

  test('submits the form without onConfirm', () => {
    const onSubmit = vi.fn((event: { preventDefault: () => void }) => event.preventDefault());
    render(
      <form onSubmit={onSubmit}>
        <DialogActions error={null} busy={false} onCancel={() => {}} confirmLabel="Add check-ins" />
      </form>,
    );

    fireEvent.click(screen.getByRole('button', { name: 'Add check-ins' }));

    expect(onSubmit).toHaveBeenCalledTimes(1);
  });

  test('disables both buttons while busy', () => {
    render(<DialogActions error={null} busy onCancel={() => {}} confirmLabel="Restoring…" onConfirm={() => {}} />);

    expect(screen.getByRole('button', { name: 'Cancel' }).hasAttribute('disabled')).toBe(true);
    expect(screen.getByRole('button', { name: 'Restoring…' }).hasAttribute('disabled')).toBe(true);
  });

  test('confirmDisabled disables only the main action', () => {
    render(<DialogActions error={null} busy={false} onCancel={() => {}} confirmLabel="Open backup" confirmDisabled />);

    expect(screen.getByRole('button', { name: 'Cancel' }).hasAttribute('disabled')).toBe(false);
    expect(screen.getByRole('button', { name: 'Open backup' }).hasAttribute('disabled')).toBe(true);
  });
});
