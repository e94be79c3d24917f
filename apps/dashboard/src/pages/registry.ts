// The list of dashboard pages. The navigation and the router are built from it, so a new page
// (Journeys, Patterns, …) is added by appending one entry. Pages read the selected project
// and date range with useDashboard(), and any sub-path (`#/customers/<id>`) with useHashRest().
import type { ComponentType } from 'react';
import { AssociationsPage } from './associations-page';
import { CohortsPage } from './cohorts-page';
import { CustomerKpisPage } from './customer-kpis-page';
import { CustomersPage } from './customers-page';
import { FunnelsPage } from './funnels-page';
import { JourneysPage } from './journeys-page';
import { OnsitePage } from './onsite-page';
import { OverviewPage } from './overview-page';
import { PatternsPage } from './patterns-page';
import { PersonasPage } from './personas-page';
import { RecommendationsPage } from './recommendations-page';
import { ReportsPage } from './reports-page';
import { SearchPage } from './search-page';
import { SegmentsPage } from './segments-page';

export interface PageDefinition {
  /** URL segment: the page lives at `#/<id>`. */
  id: string;
  title: string;
  component: ComponentType;
}

export const PAGES: readonly PageDefinition[] = [
  { id: 'overview', title: 'Overview', component: OverviewPage },
  { id: 'customers', title: 'Customers', component: CustomersPage },
  { id: 'segments', title: 'Segments', component: SegmentsPage },
  { id: 'cohorts', title: 'Cohorts', component: CohortsPage },
  { id: 'customer-kpis', title: 'Customer KPIs', component: CustomerKpisPage },
  { id: 'journeys', title: 'Journeys', component: JourneysPage },
  { id: 'funnels', title: 'Funnels', component: FunnelsPage },
  { id: 'patterns', title: 'Patterns', component: PatternsPage },
  { id: 'associations', title: 'Associations', component: AssociationsPage },
  { id: 'personas', title: 'Personas', component: PersonasPage },
  { id: 'reports', title: 'Reports', component: ReportsPage },
  { id: 'recommendations', title: 'Recommendations', component: RecommendationsPage },
  { id: 'onsite', title: 'On-site', component: OnsitePage },
  { id: 'search', title: 'Search', component: SearchPage },
];
