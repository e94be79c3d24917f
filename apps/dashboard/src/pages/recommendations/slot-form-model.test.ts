// The slot editor's form to the API's body and back: every rule kind, and the problems shown.
import { describe, expect, it } from 'vitest';
import { describeRules, formFromSlot, toSlotInput } from './slot-form-model';

describe('toSlotInput', () => {
  it('turns every rule of the form into the slot body', () => {
    const form = {
      ...formFromSlot(null),
      slotId: 'product_page',
      name: ' Product page ',
      algorithm: 'also_viewed' as const,
      limit: '6',
      categories: 'Home, Garden',
      brands: 'Acme',
      minPrice: '5',
      maxPrice: '50.5',
      maxPerCategory: '2',
      boosts: 'category:Home x1.5\nbrand:Acme 2\nproduct:SKU-1 ×1.2',
      pins: 'SKU-9 0\nSKU-7 3',
      excludes: 'SKU-2, SKU-3',
    };
    const result = toSlotInput(form);
    expect(result).toEqual({
      slotId: 'product_page',
      input: {
        name: 'Product page',
        algorithm: 'also_viewed',
        limit: 6,
        rules: {
          filters: {
            inStock: true,
            categories: ['Home', 'Garden'],
            brands: ['Acme'],
            minPrice: 5,
            maxPrice: 50.5,
          },
          boosts: [
            { categories: ['Home'], factor: 1.5 },
            { brands: ['Acme'], factor: 2 },
            { ids: ['SKU-1'], factor: 1.2 },
          ],
          pins: [
            { productId: 'SKU-9', position: 0 },
            { productId: 'SKU-7', position: 3 },
          ],
          excludes: ['SKU-2', 'SKU-3'],
          maxPerCategory: 2,
        },
      },
    });
    // And back: the form shows what was saved.
    if (!('input' in result)) throw new Error('no input');
    const again = formFromSlot({
      slotId: 'product_page',
      ...result.input,
      updatedAt: '2026-01-01T00:00:00Z',
    });
    expect(again).toMatchObject({
      categories: 'Home, Garden',
      pins: 'SKU-9 0\nSKU-7 3',
      maxPerCategory: '2',
    });
    expect(describeRules(result.input.rules)).toBe(
      'in stock · in Home, Garden · brands Acme · price 5–50.5 · ≤ 2 per category · 3 boosts · 2 pinned · 2 excluded',
    );
  });

  it('names what does not parse', () => {
    const base = { ...formFromSlot(null), slotId: 'home', name: 'Home' };
    expect(toSlotInput({ ...base, slotId: 'Home Page' })).toHaveProperty('problem');
    expect(toSlotInput({ ...base, limit: '0' })).toEqual({ problem: 'Items: a whole number from 1 to 100.' });
    expect(toSlotInput({ ...base, maxPrice: 'cheap' })).toEqual({
      problem: 'Maximum price: a number of 0 or more.',
    });
    expect(toSlotInput({ ...base, boosts: 'Home 1.5' })).toHaveProperty('problem');
    expect(toSlotInput({ ...base, pins: 'SKU-1 first' })).toHaveProperty('problem');
    expect(toSlotInput(base)).toEqual({
      slotId: 'home',
      input: { name: 'Home', algorithm: 'auto', limit: 8, rules: { filters: { inStock: true } } },
    });
  });
});
