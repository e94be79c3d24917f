// Header control to move between the projects this browser is signed into, or to add another one.
import type { ChangeEvent } from 'react';
import type { StoredProject } from '../auth/session';

// Not a valid project id from the API, so it cannot collide with a real project.
const ADD_PROJECT = '__add_project__';

interface Props {
  projects: readonly StoredProject[];
  currentProjectId: string;
  onSelect: (projectId: string) => void;
  onAddProject: () => void;
}

export function ProjectSwitcher({ projects, currentProjectId, onSelect, onAddProject }: Props) {
  const handleChange = (event: ChangeEvent<HTMLSelectElement>) => {
    const value = event.target.value;
    if (value === ADD_PROJECT) onAddProject();
    else onSelect(value);
  };

  return (
    <label className="field">
      <span className="field-label">Project</span>
      <select data-testid="project-switcher" value={currentProjectId} onChange={handleChange}>
        {projects.map((p) => (
          <option key={p.projectId} value={p.projectId}>
            {p.projectName}
          </option>
        ))}
        <option value={ADD_PROJECT}>Add project…</option>
      </select>
    </label>
  );
}
