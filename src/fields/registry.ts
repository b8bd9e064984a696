// The entry point for reading and writing cells: the module of each field type
// plus the helpers that handle empty and invalid cells around it.

export { fieldTypeOrder, fieldTypes, getFieldType, isFieldType } from './typeModules';
export {
  cellToCsv,
  cellValueOrInvalid,
  compareCells,
  convertCell,
  formatCell,
  isEmptyCell,
  isInvalid,
  parseCell,
  parseCsvCell,
  validateCell,
} from './cells';
export { defaultFieldContext } from './context';
