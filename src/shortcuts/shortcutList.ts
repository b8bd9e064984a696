// Every keyboard shortcut of the app, in one list, for the "Keyboard
// shortcuts" dialog. A feature that adds or changes a key adds it here.

export interface Shortcut {
  /** Keys pressed together, each as shown on a keyboard, such as ['Ctrl', 'Z']. Alternatives are separate entries. */
  keys: string[][];
  action: string;
}

export interface ShortcutGroup {
  title: string;
  shortcuts: Shortcut[];
}

export const SHORTCUT_GROUPS: ShortcutGroup[] = [
  {
    title: 'Anywhere',
    shortcuts: [
      { keys: [['?']], action: 'Show these keyboard shortcuts (when you are not typing in a field)' },
      { keys: [['Ctrl', 'Alt', 'N']], action: 'Quick add a row to the current sheet' },
      { keys: [['Ctrl', 'K']], action: 'Search everything' },
      { keys: [['Escape']], action: 'Close a dialog or the customer panel' },
      { keys: [['Tab'], ['Shift', 'Tab']], action: 'Move to the next or previous control' },
    ],
  },
  {
    title: 'Sheet grid',
    shortcuts: [
      { keys: [['↑'], ['↓'], ['←'], ['→']], action: 'Move between cells' },
      { keys: [['Enter'], ['F2']], action: 'Edit the focused cell; Enter again saves the edit' },
      { keys: [['Escape']], action: 'Cancel the edit' },
      { keys: [['Space'], ['Shift', 'Enter']], action: 'Open the customer panel of the focused row' },
      { keys: [['Enter']], action: 'Open the customer panel, in the row selection column' },
      { keys: [['Space']], action: 'Select or unselect the row, in the row selection column' },
      { keys: [['Ctrl', 'Z']], action: 'Undo' },
      {
        keys: [
          ['Ctrl', 'Y'],
          ['Ctrl', 'Shift', 'Z'],
        ],
        action: 'Redo',
      },
      { keys: [['Ctrl', 'C']], action: 'Copy the focused cell or the selected rows' },
      { keys: [['Ctrl', 'V']], action: 'Paste cells copied from a spreadsheet' },
    ],
  },
  {
    title: 'Sheet tabs',
    shortcuts: [{ keys: [['←'], ['→']], action: 'Switch to the previous or next sheet' }],
  },
  {
    title: 'Search everything',
    shortcuts: [
      { keys: [['↑'], ['↓']], action: 'Move between matches' },
      { keys: [['Enter']], action: 'Open the chosen match' },
    ],
  },
  {
    title: 'Pipeline board',
    shortcuts: [
      { keys: [['↑'], ['↓'], ['←'], ['→']], action: 'Move between cards' },
      {
        keys: [
          ['Ctrl', '←'],
          ['Ctrl', '→'],
        ],
        action: 'Move the card to the previous or next stage',
      },
      { keys: [['Enter'], ['Space']], action: 'Open the card’s row in its sheet' },
    ],
  },
  {
    title: 'Customer panel',
    shortcuts: [
      { keys: [['Enter']], action: 'Save the field you changed' },
      { keys: [['Escape']], action: 'Put back a field you changed; otherwise close the panel and return to the grid' },
    ],
  },
  {
    title: 'Quick add',
    shortcuts: [
      { keys: [['Tab']], action: 'Next field' },
      { keys: [['Enter']], action: 'Save the new row' },
      { keys: [['Shift', 'Enter']], action: 'New line in a long text field' },
      { keys: [['Escape']], action: 'Cancel' },
    ],
  },
];
