// The consent banner: shown until the visitor accepts or refuses; "Privacy settings" in the
// footer opens it again. The choice goes to the SDK (centric.setConsent), which stores nothing
// that identifies the visitor unless they accepted.
import { setConsent, storedConsent } from './centric.js';

export function initConsentBanner() {
  const banner = document.getElementById('consent-banner');
  if (!banner) return;
  if (storedConsent() === 'pending') banner.hidden = false;
  for (const button of banner.querySelectorAll('[data-consent]')) {
    button.addEventListener('click', () => {
      const choice = /** @type {HTMLElement} */ (button).dataset.consent === 'granted' ? 'granted' : 'denied';
      setConsent(choice);
      banner.hidden = true;
    });
  }
  for (const opener of document.querySelectorAll('[data-consent-open]')) {
    opener.addEventListener('click', () => {
      banner.hidden = false;
      /** @type {HTMLElement | null} */ (banner.querySelector('[data-consent="granted"]'))?.focus();
    });
  }
}
