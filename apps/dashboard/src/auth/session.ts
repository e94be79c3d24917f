// Remembers which projects this browser is signed into, so a reload or a second project does not
// require pasting keys again. localStorage is deliberate: the dashboard is self-hosted on the same
// origin as the API and has no user accounts, so the project's secret key is the session.

export interface StoredProject {
  projectId: string;
  projectName: string;
  secretKey: string;
}

const PROJECTS_KEY = 'centric.projects';
const CURRENT_KEY = 'centric.currentProjectId';

function isStoredProject(value: unknown): value is StoredProject {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return (
    typeof record.projectId === 'string' &&
    typeof record.projectName === 'string' &&
    typeof record.secretKey === 'string'
  );
}

// Storage can throw (private mode, quota, disabled cookies); the dashboard should still work for this tab.
function read(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key: string, value: string | null): void {
  try {
    if (value === null) window.localStorage.removeItem(key);
    else window.localStorage.setItem(key, value);
  } catch {
    // Nothing sensible to do: the in-memory state still holds the session for this tab.
  }
}

export function loadProjects(): StoredProject[] {
  const raw = read(PROJECTS_KEY);
  if (raw === null) return [];
  try {
    const parsed: unknown = JSON.parse(raw);
    return Array.isArray(parsed) ? parsed.filter(isStoredProject) : [];
  } catch {
    return [];
  }
}

export function saveProjects(projects: readonly StoredProject[]): void {
  write(PROJECTS_KEY, projects.length === 0 ? null : JSON.stringify(projects));
}

export function loadCurrentProjectId(): string | null {
  return read(CURRENT_KEY);
}

export function saveCurrentProjectId(projectId: string | null): void {
  write(CURRENT_KEY, projectId);
}

/** Signing in again to a known project replaces its key (it may have been rotated) but keeps its place. */
export function withProject(projects: readonly StoredProject[], project: StoredProject): StoredProject[] {
  const index = projects.findIndex((p) => p.projectId === project.projectId);
  if (index === -1) return [...projects, project];
  return projects.map((p, i) => (i === index ? project : p));
}

export function withoutProject(projects: readonly StoredProject[], projectId: string): StoredProject[] {
  return projects.filter((p) => p.projectId !== projectId);
}
