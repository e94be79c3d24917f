// Product images: generated SVG placeholders (the category's colour and the title's initials), so
// the shop needs no image files and no network. The same product always gets the same picture.
import { escapeHtml } from './html';

/** "Inflatable Political Globe" -> "IP"; words without letters are skipped. */
export function initials(title: string): string {
  const letters = title
    .split(/\s+/)
    .map((word) => word.match(/[A-Za-z]/)?.[0] ?? '')
    .filter(Boolean);
  return letters.slice(0, 2).join('').toUpperCase() || '?';
}

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return h >>> 0;
}

/** A 400x400 SVG: colour field, a soft circle placed by the id (so neighbours differ), initials. */
export function placeholderSvg({ id, title, colour }: { id: string; title: string; colour: string }): string {
  const h = hash(id);
  const cx = 80 + (h % 240);
  const cy = 80 + ((h >>> 8) % 240);
  const r = 90 + ((h >>> 16) % 80);
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 400" width="400" height="400" role="img" aria-label="${escapeHtml(title)}">
<rect width="400" height="400" fill="${colour}"/>
<circle cx="${cx}" cy="${cy}" r="${r}" fill="#ffffff" fill-opacity="0.12"/>
<text x="200" y="200" dy="0.35em" text-anchor="middle" font-family="Georgia, 'DejaVu Serif', serif" font-size="120" fill="#ffffff">${escapeHtml(initials(title))}</text>
</svg>
`;
}
