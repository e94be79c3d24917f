// Association analysis: frequent itemsets (FP-Growth), association rules, associations
// between two sides of a basket, each with expected count, surprise and a corrected
// significance test; a reader for FIMI transaction files.
export type { AssociationCounts, AssociationFigures } from './association-figures';
export { associationFigures } from './association-figures';
export type { AssociationRule, RuleOptions } from './association-rules';
export { associationRules } from './association-rules';
export { parseFimi } from './fimi-format';
export type { FrequentItemset, FrequentItemsetOptions, FrequentItemsets } from './fp-growth';
export { mineFrequentItemsets } from './fp-growth';
export { benjaminiHochberg } from './multiple-testing';
export type {
  PairAssociation,
  PairAssociationOptions,
  PairAssociations,
  TwoSidedBasket,
} from './pair-associations';
export { pairAssociations } from './pair-associations';
export type { ChiSquareResult, ContingencyTable } from './significance';
export { chiSquareTest, chiSquareUpperTail, fisherExactTest } from './significance';
export type { MinSupport } from './support-threshold';
export { minimumCount } from './support-threshold';
