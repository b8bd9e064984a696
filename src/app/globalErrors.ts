// The last line of defence for errors no code caught: log where the app was
// and what the user last did, and tell the user. The log never contains an
// error's message, because messages such as `"Ada" is not a valid date` quote
// cell values, and logs get copied into bug reports.

import { showNotice } from './notices';

/** The user's last action, as an event type and the role or tag of its target, never its text. */
let lastAction = 'none';

function describeTarget(target: EventTarget | null): string {
  if (!(target instanceof Element)) return 'page';
  return target.getAttribute('role') ?? target.tagName.toLowerCase();
}

/** Returns the name of the open page from the navigation, such as "Dashboard". */
function currentView(): string {
  const current = document.querySelector('nav [aria-current="page"]');
  return current?.textContent?.trim() || 'first run';
}

/** Returns the error's type and its stack frames without the first line, which repeats the message. */
export function describeUncaught(error: unknown): { name: string; frames: string } {
  if (!(error instanceof Error)) return { name: typeof error, frames: '' };
  // Chromium's stack starts with "Name: message", which may span lines; Firefox's has frames only.
  const stack = (error.stack ?? '').replace(`${error.name}: ${error.message}`, '').replace(error.message, '');
  const frames = stack.split('\n').filter((line) => /^\s+at |^\S*@\S+:\d+/.test(line));
  return { name: error.name, frames: frames.slice(0, 5).join('\n') };
}

/** Logs an error with the view and the last action, without its message. */
export function logWithoutMessage(kind: string, error: unknown): string {
  const { name, frames } = describeUncaught(error);
  console.error(`Kindling: ${kind} (${name}) in view "${currentView()}" after ${lastAction}.`, frames);
  return name;
}

function report(kind: string, error: unknown): void {
  const name = logWithoutMessage(kind, error);
  showNotice(
    `Something went wrong in Kindling (${name}). Your saved data is safe; reload the page if something looks wrong.`,
    'error',
  );
}

/** Installs the window 'error' and 'unhandledrejection' handlers once, at start-up. */
export function installGlobalErrorHandlers(): void {
  for (const type of ['click', 'keydown', 'paste', 'change', 'submit'] as const) {
    window.addEventListener(type, (event) => (lastAction = `${type} on ${describeTarget(event.target)}`), true);
  }
  window.addEventListener('error', (event) => report('uncaught error', event.error ?? event.message));
  window.addEventListener('unhandledrejection', (event) => report('unhandled promise rejection', event.reason));
}
