// The data seam: the UI reads and changes data only through these functions.
// Column changes live in ./fields and are imported from there, so they load
// with the dialogs that use them instead of with the first page.
// Reminders live in ./reminders for the same reason: they load with the
// Reminders page and the scheduler, after the first render.
export { getDatabase, onNewerVersionElsewhere } from './connection';
export type * from './records';
export { createSheets, listSheets, renameSheet, type NewSheet } from './sheets';
export { addRows, deleteRows, editCells, listRows, listTrash, purgeRows, restoreRows, type CellEdit } from './rows';
export { pasteCells } from './paste';
export {
  createView,
  deleteView,
  getActiveView,
  getDefaultView,
  listViews,
  saveViewLayout,
  setActiveView,
  type ViewLayout,
} from './views';
export {
  addSheet,
  deleteSheet,
  duplicateSheet,
  listDeletedSheets,
  moveSheet,
  purgeSheet,
  restoreSheet,
} from './workbook';
export { redoLastUndone, undoLastChange } from './history';
export {
  getActiveSheetId,
  getWorkbookSettings,
  saveWorkbookSettings,
  setActiveSheetId,
  DEFAULT_WORKBOOK_SETTINGS,
} from './settings';
export { commitImport, type ImportCommit, type ImportOutcome, type ImportTarget } from './imports';
export { requestPersistentStorage } from './persistence';
