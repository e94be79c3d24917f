// The identities stitched into one profile, each with a badge of its kind (anonymous id, user id,
// hashed e-mail, external id from a matching rule).
import type { Identity, IdentityKind } from '../../api/customers';

const KIND_LABEL: Readonly<Record<IdentityKind, string>> = {
  anonymous: 'anonymous',
  user: 'user',
  email: 'e-mail',
  external: 'external',
};

export function IdentityList({ identities }: { identities: readonly Identity[] }) {
  if (identities.length === 0) return <p className="muted">No linked identities.</p>;
  return (
    <ul className="identity-list" data-testid="customer-identities">
      {identities.map((identity) => (
        <li
          key={identity.key}
          data-testid="customer-identity"
          data-kind={identity.kind}
          data-key={identity.key}
        >
          <span className={`badge badge-${identity.kind}`}>{KIND_LABEL[identity.kind]}</span>
          <span className="mono" title={identity.key}>
            {identity.kind === 'email' ? `${identity.value.slice(0, 12)}…` : identity.value}
          </span>
        </li>
      ))}
    </ul>
  );
}
