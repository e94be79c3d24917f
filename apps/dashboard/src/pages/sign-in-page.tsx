// Sign-in screen: checks a project's secret key against the API and hands the project to the app.
// Also used to add a further project, in which case it offers a way back.
import { type FormEvent, useState } from 'react';
import { ApiError } from '../api/client';
import { fetchMe } from '../api/endpoints';
import type { StoredProject } from '../auth/session';

interface Props {
  /** Why the user is here again, e.g. a key that the server stopped accepting; shown as the first error. */
  notice: string | null;
  onSignedIn: (project: StoredProject) => void;
  /** Present when other projects are already signed in. */
  onCancel?: (() => void) | undefined;
}

export function SignInPage({ notice, onSignedIn, onCancel }: Props) {
  const [key, setKey] = useState('');
  const [error, setError] = useState<string | null>(notice);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const secretKey = key.trim();
    if (secretKey === '') {
      setError('Paste the secret key of your project (it starts with sk_).');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const me = await fetchMe(secretKey);
      onSignedIn({ projectId: me.projectId, projectName: me.projectName, secretKey });
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : 'Sign-in failed unexpectedly.');
      setBusy(false);
    }
  };

  return (
    <main className="sign-in">
      <form className="card sign-in-card" onSubmit={submit} noValidate>
        <h1 className="brand">Centric</h1>
        <p className="muted">Sign in with your project's secret key.</p>
        <label className="field field-stacked">
          <span className="field-label">Secret key</span>
          <input
            type="password"
            data-testid="signin-key"
            name="secretKey"
            autoComplete="off"
            spellCheck={false}
            placeholder="sk_…"
            value={key}
            aria-invalid={error !== null}
            aria-describedby={error !== null ? 'signin-error' : undefined}
            onChange={(e) => setKey(e.target.value)}
          />
        </label>
        {error !== null && (
          <p className="error" id="signin-error" role="alert" data-testid="signin-error">
            {error}
          </p>
        )}
        <div className="sign-in-actions">
          <button type="submit" className="button-primary" data-testid="signin-submit" disabled={busy}>
            {busy ? 'Signing in…' : 'Sign in'}
          </button>
          {onCancel !== undefined && (
            <button type="button" className="button-secondary" onClick={onCancel}>
              Back to dashboard
            </button>
          )}
        </div>
        <p className="hint">
          The key is kept in this browser's local storage so you stay signed in. Use a shared computer? Sign
          out when you are done.
        </p>
      </form>
    </main>
  );
}
