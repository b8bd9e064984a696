// @vitest-environment jsdom
import { afterEach, describe, expect, test, vi } from 'vitest';
import { describeUncaught, installGlobalErrorHandlers } from './globalErrors';

const CELL_VALUE = 'Ada Quill-Zanzibar';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('describeUncaught', () => {
  test('keeps name and frames, drops message', () => {
    const error = new TypeError(`"${CELL_VALUE}" is not a valid date`);
    const described = describeUncaught(error);
    expect(described.name).toBe('TypeError');
    expect(described.frames).toMatch(/at /);
    expect(described.frames).not.toContain(CELL_VALUE);
  });

  test('message with an email and line break is dropped', () => {
    const error = new Error(`Row 4:\n"ada@quill.example" is taken by ${CELL_VALUE}`);
    expect(describeUncaught(error).frames).not.toContain('quill');
    expect(describeUncaught(error).frames).not.toContain(CELL_VALUE);
  });

  test('non-Error reason gives its type only', () => {
    expect(describeUncaught(CELL_VALUE)).toEqual({ name: 'string', frames: '' });
  });
});

describe('installGlobalErrorHandlers', () => {
  test('logs view and action, never the value', () => {
    document.body.innerHTML = '<nav><button aria-current="page">Dashboard</button></nav><div role="gridcell"></div>';
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    installGlobalErrorHandlers();

    document.querySelector('[role="gridcell"]')!.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true }));
    const error = new Error(`Could not read "${CELL_VALUE}"`);
    window.dispatchEvent(new ErrorEvent('error', { error, message: error.message }));

    const rejection = new Event('unhandledrejection') as Event & { reason?: unknown };
    rejection.reason = new RangeError(`${CELL_VALUE} is out of range`);
    window.dispatchEvent(rejection);

    const lines = logged.mock.calls.map((call) => call.map(String).join(' '));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain('uncaught error (Error) in view "Dashboard" after keydown on gridcell');
    expect(lines[1]).toContain('unhandled promise rejection (RangeError)');
    for (const line of lines) expect(line).not.toContain('Zanzibar');
  });
});
