// Registers only the AG Grid features Kindling uses, which keeps the first
// load small compared with AllCommunityModule.

import {
  CellStyleModule,
  CheckboxEditorModule,
  ClientSideRowModelApiModule,
  ClientSideRowModelModule,
  ColumnApiModule,
  ColumnAutoSizeModule,
  CustomEditorModule,
  DateEditorModule,
  DateFilterModule,
  LargeTextEditorModule,
  ModuleRegistry,
  NumberFilterModule,
  QuickFilterModule,
  RowApiModule,
  RowSelectionModule,
  RowStyleModule,
  ScrollApiModule,
  SelectEditorModule,
  TextEditorModule,
  TextFilterModule,
  TooltipModule,
  ValidationModule,
} from 'ag-grid-community';

export function registerGridModules(): void {
  ModuleRegistry.registerModules([
    ClientSideRowModelModule,
    ClientSideRowModelApiModule,
    RowApiModule,
    ColumnApiModule,
    ScrollApiModule,
    TextEditorModule,
    LargeTextEditorModule,
    SelectEditorModule,
    DateEditorModule,
    CheckboxEditorModule,
    CustomEditorModule,
    TextFilterModule,
    NumberFilterModule,
    DateFilterModule,
    QuickFilterModule,
    RowSelectionModule,
    RowStyleModule,
    CellStyleModule,
    ColumnAutoSizeModule,
    TooltipModule,
    ...(import.meta.env.DEV ? [ValidationModule] : []),
  ]);
}
