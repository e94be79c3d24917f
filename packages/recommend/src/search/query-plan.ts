// Plans a query before it reaches the index: each word becomes "the word (or a word it starts)"
// or - when the catalogue does not know it - "its most plausible correction" as an alternative.
// Correcting first, rather than letting every word within the typo budget match, matters on a
// real catalogue: "hert" is one edit from "her", "herb" and "heat" as well as from "heart", and
// BM25 favours the rarest of them; the correction picks the known word most products use,
// discounted for each edit (after Norvig's "How to write a spelling corrector"; vocabulary.ts). The
// correction is searched beside the word unless reading the word as the start of longer ones is
// far likelier ("cand" is typed on the way to "candle", not a typo of "card"), and "did you mean"
// names it when it is the likelier reading ("candel" is "candle", though "candelabra" starts so).
import type { Query } from 'minisearch';
import { indexTerm } from './search-text';
import { EDIT_COST, type Vocabulary } from './vocabulary';

export interface QueryPlan {
  /** The words' alternatives, every word required (see `any` for the looser form); null when no words. */
  all: Query | null;
  /** The same alternatives, any word enough. */
  any: Query | null;
  /** The query with corrected words replaced, or null when no word was corrected. */
  corrected: string | null;
  words: number;
  /** Every word is a catalogue word as typed: typo tolerance has nothing to add. */
  allKnown: boolean;
}

/** A correction weighs a little less than the word as typed, should both match. */
const CORRECTION_WEIGHT = 0.8;
const WORD = /[\p{L}\p{N}]+/gu;

/**
 * @example planQuery('hert mug', vocabulary, { prefix: (t) => t.length >= 3 }).corrected // 'heart mug'
 */
export function planQuery(
  normalised: string,
  vocabulary: Vocabulary,
  { prefix }: { prefix: (term: string) => boolean },
): QueryPlan {
  const groups: Query[] = [];
  let changed = false;
  let allKnown = true;
  const corrected = normalised.replace(WORD, (word) => {
    const term = indexTerm(word);
    if (term === null) return word;
    const asTyped = { queries: [term], prefix: prefix(term), fuzzy: false };
    if (vocabulary.knows(term, { prefix: false })) {
      groups.push(asTyped);
      return word;
    }
    allKnown = false;
    const nearest = vocabulary.nearest(term, word);
    const completions = prefix(term) ? vocabulary.completions(term) : 0;
    // Far more plausible as the start of longer words: no alternative at all.
    if (!nearest || completions >= EDIT_COST * nearest.plausibility) {
      groups.push(asTyped);
      return word;
    }
    groups.push({
      combineWith: 'OR',
      queries: [
        asTyped,
        {
          queries: [nearest.term],
          prefix: prefix(nearest.term),
          fuzzy: false,
          boostTerm: () => CORRECTION_WEIGHT,
        },
      ],
    });
    // Both readings are searched; "did you mean" names the correction when it is the likelier.
    if (nearest.plausibility <= completions) return word;
    changed = true;
    return nearest.word;
  });
  if (groups.length === 0) return { all: null, any: null, corrected: null, words: 0, allKnown: true };
  return {
    all: { combineWith: 'AND', queries: groups },
    any: { combineWith: 'OR', queries: groups },
    corrected: changed && corrected !== normalised ? corrected : null,
    words: groups.length,
    allKnown,
  };
}
