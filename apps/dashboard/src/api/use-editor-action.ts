// State and steps every editor form shares (segments, recommendation slots, triggers): saving
// (busy while the request runs, "Saved “name”." or the server's complaint) and deleting after
// the user confirmed (on success the editor goes away, so it stays busy until then).
import { useState } from 'react';
import { toApiError } from './use-project-action';

export function useEditorAction() {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  const save = async <T extends { name: string }>(
    request: () => Promise<T>,
    onSaved: (result: T) => void,
  ) => {
    setBusy(true);
    setProblem(null);
    try {
      const result = await request();
      setSaved(`Saved “${result.name}”.`);
      onSaved(result);
    } catch (caught) {
      setProblem(toApiError(caught).message);
    } finally {
      setBusy(false);
    }
  };

  const remove = async (question: string, request: () => Promise<unknown>, onDeleted: () => void) => {
    if (!window.confirm(question)) return;
    setBusy(true);
    setProblem(null);
    try {
      await request();
      onDeleted();
    } catch (caught) {
      setProblem(toApiError(caught).message);
      setBusy(false);
    }
  };

  return { busy, problem, saved, setProblem, setSaved, save, remove };
}
