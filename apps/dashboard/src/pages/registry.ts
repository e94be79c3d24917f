// The list of dashboard pages. The navigation and the router are built from it, so a new page
// (Customers, Journeys, Patterns, …) is added by appending one entry. Pages read the selected project
// and date range with useDashboard().
import type { ComponentType } from 'react';
import { OverviewPage } from './overview-page';

export interface PageDefinition {
  /** URL segment: the page lives at `#/<id>`. */
  id: string;
  title: string;
  component: ComponentType;
}

export const PAGES: readonly PageDefinition[] = [
  { id: 'overview', title: 'Overview', component: OverviewPage },
];
