import { createContext, useContext } from 'react';

import type { Formatters } from '../format';
import type { PeriodKind, RowsTarget } from '../metrics/types';

export interface DashboardTools {
  format: Formatters;
  period: PeriodKind;
  /** Opens the sheet behind a figure, filtered to its rows. */
  open: (target: RowsTarget) => void;
}

export const DashboardContext = createContext<DashboardTools | null>(null);

export function useDashboard(): DashboardTools {
  const tools = useContext(DashboardContext);
  if (!tools) throw new Error('Dashboard parts must be inside DashboardContext.');
  return tools;
}
