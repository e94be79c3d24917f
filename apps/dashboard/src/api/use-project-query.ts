// React hook that loads one API resource for the current project, re-querying when the path or project
// changes, cancelling stale requests, and signing the project out on 401.
import { useCallback, useEffect, useState } from 'react';
import { useDashboard } from '../state/dashboard-context';
import { ApiError, apiGet, isAbortError } from './client';

export type QueryResult<T> =
  | { status: 'loading'; data: T | null; error: null }
  | { status: 'ready'; data: T; error: null }
  | { status: 'error'; data: null; error: ApiError };

interface Settled<T> {
  key: string;
  projectId: string;
  result: QueryResult<T>;
}

/**
 * `path` is the absolute API path including the query string; `parse` must be a stable function
 * (e.g. module-level) because it is an effect dependency.
 */
export function useProjectQuery<T>(
  path: string,
  parse: (body: unknown) => T,
): QueryResult<T> & { retry: () => void } {
  const { project, reportUnauthorized } = useDashboard();
  const [attempt, setAttempt] = useState(0);
  const [settled, setSettled] = useState<Settled<T> | null>(null);
  const key = `${project.projectId}\n${path}\n${attempt}`;

  useEffect(() => {
    const controller = new AbortController();
    apiGet(path, project.secretKey, parse, controller.signal).then(
      (data) =>
        setSettled({ key, projectId: project.projectId, result: { status: 'ready', data, error: null } }),
      (error: unknown) => {
        if (isAbortError(error)) return;
        const apiError =
          error instanceof ApiError
            ? error
            : new ApiError(0, 'client_error', error instanceof Error ? error.message : String(error));
        if (apiError.isUnauthorized) reportUnauthorized(project, apiError.message);
        setSettled({
          key,
          projectId: project.projectId,
          result: { status: 'error', data: null, error: apiError },
        });
      },
    );
    return () => controller.abort();
  }, [key, path, project, parse, reportUnauthorized]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);

  // Derived rather than set in the effect, so the very render that changes the query already reports
  // "loading": nobody (user or test) ever sees old numbers labelled as the answer to the new question.
  if (settled?.key === key) return { ...settled.result, retry };
  // Old data stays visible (dimmed) while a new range loads, but never across projects.
  const previous =
    settled?.result.status === 'ready' && settled.projectId === project.projectId
      ? settled.result.data
      : null;
  return { status: 'loading', data: previous, error: null, retry };
}
