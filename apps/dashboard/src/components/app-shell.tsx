// Layout of the signed-in dashboard: header on top, page navigation on the left, the routed page in
// the middle. The page is chosen from the registry by the URL hash.
import { useEffect } from 'react';
import type { StoredProject } from '../auth/session';
import type { DateRange } from '../dates/range';
import type { PageDefinition } from '../pages/registry';
import { useHashRoute } from '../routing/hash-route';
import { AppHeader } from './app-header';
import { DemoNotice } from './demo-notice';
import { SideNav } from './side-nav';

interface Props {
  pages: readonly PageDefinition[];
  projects: readonly StoredProject[];
  project: StoredProject;
  range: DateRange;
  onSelectProject: (projectId: string) => void;
  onAddProject: () => void;
  onRangeChange: (range: DateRange) => void;
  onSignOut: () => void;
}

export function AppShell({ pages, projects, project, range, ...handlers }: Props) {
  const first = pages[0];
  if (first === undefined) throw new Error('The page registry is empty');
  const routeId = useHashRoute(
    pages.map((p) => p.id),
    first.id,
  );
  const page = pages.find((p) => p.id === routeId) ?? first;
  const Page = page.component;

  useEffect(() => {
    document.title = `${page.title} · ${project.projectName} · Centric`;
  }, [page.title, project.projectName]);

  return (
    <div className="app">
      <AppHeader
        projects={projects}
        currentProjectId={project.projectId}
        range={range}
        onSelectProject={handlers.onSelectProject}
        onAddProject={handlers.onAddProject}
        onRangeChange={handlers.onRangeChange}
        onSignOut={handlers.onSignOut}
      />
      <div className="app-body">
        <SideNav pages={pages} currentId={page.id} />
        <main className="app-main">
          <DemoNotice key={`demo-${project.projectId}`} />
          {/* Keyed by project so a page's local state never leaks from one project into another. */}
          <Page key={project.projectId} />
        </main>
      </div>
    </div>
  );
}
