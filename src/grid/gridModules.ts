// Registers only the AG Grid features Kindling uses, which keeps the first
// load small compared with AllCommunityModule.

import {
  CellStyleModule,
  CheckboxEditorModule,
  ClientSideRowModelApiModule,
  ClientSideRowModelModule,
  ColumnApiModule,
  CustomEditorModule,
  DateFilterModule,
  LargeTextEditorModule,
  ModuleRegistry,
  NumberFilterModule,
  QuickFilterModule,
  RenderApiModule,
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
    CheckboxEditorModule,
    CustomEditorModule,
    TextFilterModule,
    NumberFilterModule,
    DateFilterModule,
    QuickFilterModule,
    RenderApiModule,
    RowSelectionModule,
    RowStyleModule,
    CellStyleModule,
    TooltipModule,
    ...(import.meta.env.DEV ? [ValidationModule] : []),
  ]);
}
