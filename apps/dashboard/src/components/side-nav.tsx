// Left navigation, generated from the page registry so a new page appears here by registering it.
import type { PageDefinition } from '../pages/registry';
import { hrefFor } from '../routing/hash-route';

interface Props {
  pages: readonly PageDefinition[];
  currentId: string;
}

export function SideNav({ pages, currentId }: Props) {
  return (
    <nav className="side-nav" aria-label="Pages">
      <ul>
        {pages.map((page) => (
          <li key={page.id}>
            <a
              href={hrefFor(page.id)}
              data-testid={`nav-${page.id}`}
              aria-current={page.id === currentId ? 'page' : undefined}
            >
              {page.title}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
