// The widgets' CSS, injected once per document. Every class is prefixed `centric-` and colours
// come from custom properties (--centric-accent ...) a shop can override in its own stylesheet.

export const STYLE_ID = 'centric-widgets-style';

const CSS = `
.centric-carousel{--centric-gap:12px;margin:16px 0;font:inherit;color:inherit}
.centric-carousel-title{font-size:1.1em;margin:0 0 8px}
.centric-carousel-track{display:flex;gap:var(--centric-gap);overflow-x:auto;scroll-snap-type:x mandatory;list-style:none;margin:0;padding:0 0 8px}
.centric-card{flex:0 0 160px;scroll-snap-align:start}
.centric-card a{display:flex;flex-direction:column;gap:4px;color:inherit;text-decoration:none}
.centric-card a:focus-visible{outline:2px solid var(--centric-accent,#2457d6);outline-offset:2px}
.centric-card img{width:160px;height:160px;object-fit:cover;border-radius:6px;background:#f2f2f2}
.centric-card-title{font-size:.9em;line-height:1.3}
.centric-card-price{font-weight:600}
.centric-popin-backdrop{position:fixed;inset:0;z-index:2147483000;display:flex;align-items:center;justify-content:center;background:rgba(0,0,0,.45);padding:16px}
.centric-popin{position:relative;max-width:420px;width:100%;background:var(--centric-surface,#fff);color:var(--centric-text,#1a1a1a);border-radius:10px;padding:24px;box-shadow:0 10px 40px rgba(0,0,0,.3);font:inherit}
.centric-popin h2{margin:0 32px 8px 0;font-size:1.3em}
.centric-popin p{margin:0 0 12px}
.centric-popin-close{position:absolute;top:8px;right:8px;width:36px;height:36px;border:0;border-radius:50%;background:transparent;font-size:22px;line-height:1;cursor:pointer;color:inherit}
.centric-popin-close:focus-visible,.centric-popin button:focus-visible,.centric-popin a:focus-visible{outline:2px solid var(--centric-accent,#2457d6);outline-offset:2px}
.centric-coupon{display:flex;align-items:center;gap:8px;margin:0 0 12px}
.centric-coupon code{flex:1;padding:8px 12px;border:2px dashed var(--centric-accent,#2457d6);border-radius:6px;font-size:1.1em;letter-spacing:.05em;text-align:center}
.centric-button{padding:8px 14px;border:0;border-radius:6px;background:var(--centric-accent,#2457d6);color:#fff;font:inherit;cursor:pointer;text-decoration:none;display:inline-block}
.centric-social-proof{display:inline-flex;align-items:center;gap:6px;padding:4px 10px;border-radius:999px;background:var(--centric-proof,#fff4e0);color:#7a4a00;font-size:.9em}
.centric-toast{position:fixed;left:16px;bottom:16px;z-index:2147482000;display:flex;gap:8px;align-items:center;max-width:360px;padding:12px 16px;border-radius:8px;background:var(--centric-surface,#fff);color:var(--centric-text,#1a1a1a);box-shadow:0 4px 20px rgba(0,0,0,.2)}
.centric-toast button{border:0;background:transparent;font-size:18px;cursor:pointer;color:inherit}
.centric-shipping-bar{position:sticky;top:0;z-index:2147481000;display:flex;align-items:center;gap:12px;padding:8px 16px;background:var(--centric-bar,#eaf3ea);color:#1d4d1d;font:inherit;font-size:.95em}
.centric-shipping-bar-text{flex:0 1 auto}
.centric-shipping-progress{flex:1;height:6px;border-radius:3px;background:rgba(0,0,0,.1);overflow:hidden;min-width:60px}
.centric-shipping-progress span{display:block;height:100%;background:#2e7d32;transition:width .3s}
.centric-shipping-bar button{border:0;background:transparent;font-size:18px;cursor:pointer;color:inherit}
`;

/** Adds the stylesheet to the document once. */
export function injectStyles(doc: Document): void {
  if (doc.getElementById(STYLE_ID)) return;
  const style = doc.createElement('style');
  style.id = STYLE_ID;
  style.textContent = CSS;
  (doc.head ?? doc.documentElement).appendChild(style);
}
