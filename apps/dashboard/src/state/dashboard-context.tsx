// Shared state every page reads: the selected project, the selected date range, and the way to report
// that the project's key stopped working. Pages get it from context so adding a page needs no plumbing.
import { createContext, useContext } from 'react';
import type { StoredProject } from '../auth/session';
import type { DateRange } from '../dates/range';

export interface DashboardState {
  project: StoredProject;
  range: DateRange;
  setRange: (range: DateRange) => void;
  /** Call when the API answers 401: the key was revoked or rotated, so the project is signed out. */
  reportUnauthorized: (project: StoredProject, message: string) => void;
}

const DashboardContext = createContext<DashboardState | null>(null);

export const DashboardProvider = DashboardContext.Provider;

export function useDashboard(): DashboardState {
  const state = useContext(DashboardContext);
  if (state === null) throw new Error('useDashboard must be used inside <DashboardProvider>');
  return state;
}
