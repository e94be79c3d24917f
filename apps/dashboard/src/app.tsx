// Top-level state of the dashboard: which projects are signed in, which one is shown, and the date
// range. Decides between the sign-in screen and the dashboard shell.
import { useCallback, useEffect, useMemo, useState } from 'react';
import {
  loadCurrentProjectId,
  loadProjects,
  type StoredProject,
  saveCurrentProjectId,
  saveProjects,
  withoutProject,
  withProject,
} from './auth/session';
import { AppShell } from './components/app-shell';
import { type DateRange, defaultRange } from './dates/range';
import { PAGES } from './pages/registry';
import { SignInPage } from './pages/sign-in-page';
import { DashboardProvider, type DashboardState } from './state/dashboard-context';

export function App() {
  const [projects, setProjects] = useState<StoredProject[]>(loadProjects);
  const [currentId, setCurrentId] = useState<string | null>(loadCurrentProjectId);
  const [addingProject, setAddingProject] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [range, setRange] = useState<DateRange>(() => defaultRange());

  useEffect(() => saveProjects(projects), [projects]);

  const project = projects.find((p) => p.projectId === currentId) ?? projects[0] ?? null;
  const projectId = project?.projectId ?? null;
  useEffect(() => saveCurrentProjectId(projectId), [projectId]);

  const signedIn = useCallback((signedInProject: StoredProject) => {
    setProjects((list) => withProject(list, signedInProject));
    setCurrentId(signedInProject.projectId);
    setAddingProject(false);
    setNotice(null);
  }, []);

  const reportUnauthorized = useCallback((rejected: StoredProject, message: string) => {
    setProjects((list) => withoutProject(list, rejected.projectId));
    setNotice(`Signed out of “${rejected.projectName}”: ${message}`);
    setAddingProject(true);
  }, []);

  const signOut = useCallback(() => {
    if (projectId === null) return;
    setProjects((list) => withoutProject(list, projectId));
    setCurrentId(null);
    setNotice(null);
  }, [projectId]);

  const addProject = useCallback(() => {
    setNotice(null);
    setAddingProject(true);
  }, []);

  const cancelSignIn = useCallback(() => {
    setNotice(null);
    setAddingProject(false);
  }, []);

  const dashboard = useMemo<DashboardState | null>(
    () => (project === null ? null : { project, range, setRange, reportUnauthorized }),
    [project, range, reportUnauthorized],
  );

  if (dashboard === null || addingProject) {
    return (
      <SignInPage
        // Remounted per notice so a new sign-out reason replaces whatever error was showing.
        key={notice ?? ''}
        notice={notice}
        onSignedIn={signedIn}
        onCancel={dashboard === null ? undefined : cancelSignIn}
      />
    );
  }

  return (
    <DashboardProvider value={dashboard}>
      <AppShell
        pages={PAGES}
        projects={projects}
        project={dashboard.project}
        range={range}
        onSelectProject={setCurrentId}
        onAddProject={addProject}
        onRangeChange={setRange}
        onSignOut={signOut}
      />
    </DashboardProvider>
  );
}
