// Search box autosuggest (an ARIA combobox): as the visitor types, Centric's suggestion API
// (GET /v1/search/suggest, typo tolerant, re-ranked by the visitor's interests) proposes
// products, categories and search terms; arrow keys move, Enter opens, Escape closes.
import { centricGet, visitorId } from './centric.js';
import { escapeHtml, productPath, slugify } from './config.js';

const KIND_LABELS = { product: 'Product', category: 'Category', term: 'Search' };

/** @param {{ text: string, kind: string, productId?: string, category?: string }} s */
function hrefOf(s) {
  if (s.kind === 'product' && s.productId) return productPath(s.productId);
  if (s.kind === 'category' && (s.category || s.text)) return `/c/${slugify(s.category || s.text)}`;
  return `/search?${new URLSearchParams({ q: s.text })}`;
}

export function autosuggest() {
  const input = /** @type {HTMLInputElement | null} */ (document.getElementById('search-input'));
  const list = document.getElementById('search-suggestions');
  if (!input || !list) return;
  /** @type {{ href: string }[]} */
  let options = [];
  let active = -1;
  let timer = 0;
  /** @type {AbortController | null} */
  let inFlight = null;

  const close = () => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };
  const highlight = (index) => {
    active = index;
    list.querySelectorAll('[role="option"]').forEach((el, i) => {
      el.setAttribute('aria-selected', String(i === index));
    });
    if (index >= 0) input.setAttribute('aria-activedescendant', `suggestion-${index}`);
    else input.removeAttribute('aria-activedescendant');
  };

  async function suggest() {
    const q = input.value.trim();
    inFlight?.abort();
    if (q.length < 2) return close();
    inFlight = new AbortController();
    try {
      const answer = await centricGet(
        '/v1/search/suggest',
        { q, visitor: visitorId(), limit: 8 },
        inFlight.signal,
      );
      const suggestions = answer?.suggestions ?? [];
      if (suggestions.length === 0) return close();
      options = suggestions.map((s) => ({ href: hrefOf(s) }));
      list.innerHTML = suggestions
        .map(
          (s, i) =>
            `<li role="option" id="suggestion-${i}" aria-selected="false" data-index="${i}" data-kind="${escapeHtml(s.kind)}">
              <span class="suggestions__text">${escapeHtml(s.text)}</span>
              <span class="suggestions__kind">${KIND_LABELS[s.kind] ?? ''}</span></li>`,
        )
        .join('');
      list.hidden = false;
      input.setAttribute('aria-expanded', 'true');
      active = -1;
    } catch (error) {
      if (/** @type {Error} */ (error).name !== 'AbortError') close();
    }
  }

  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = window.setTimeout(suggest, 120);
  });
  input.addEventListener('keydown', (event) => {
    if (list.hidden) return;
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      highlight((active + 1) % options.length);
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      highlight(active <= 0 ? options.length - 1 : active - 1);
    } else if (event.key === 'Escape') {
      close();
    } else if (event.key === 'Enter' && active >= 0) {
      event.preventDefault();
      location.href = options[active].href;
    }
  });
  // mousedown, not click: the input's blur would close the list before a click lands.
  list.addEventListener('mousedown', (event) => {
    const option = /** @type {HTMLElement} */ (event.target).closest('[role="option"]');
    if (!option) return;
    event.preventDefault();
    location.href = options[Number(option.getAttribute('data-index'))].href;
  });
  input.addEventListener('blur', () => window.setTimeout(close, 100));
  // Typed before this script ran (a slow page): suggest for it now.
  if (document.activeElement === input && input.value !== input.defaultValue) suggest();
}
