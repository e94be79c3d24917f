// Customer-lifetime-value statistics: RFM summary, BG/NBD and Gamma-Gamma models, CLV, RFM segments and
// lifecycle stages. Pure functions over plain data (no I/O); times of the models are in weeks.

export type {
  BgNbdFit,
  BgNbdFitOptions,
  BgNbdParams,
  RecencyFrequency,
} from './bg-nbd';
export {
  bgNbdLogLikelihood,
  expectedPurchases,
  expectedPurchasesUnconditional,
  fitBgNbd,
  probabilityAlive,
  probabilityOfPurchases,
} from './bg-nbd';
export type {
  ClvHorizonOptions,
  ClvModelFit,
  ClvModels,
  CustomerScore,
  FitClvOptions,
  PredictedClvCustomer,
  ScoreOptions,
} from './clv';
export { discountedExpectedPurchases, fitClvModels, predictedClv, scoreCustomers } from './clv';
export type { CustomerSummary, SummaryOptions, Transaction } from './customer-summary';
export { dayIndex, summarizeCustomers } from './customer-summary';
export type {
  FrequencyMonetary,
  GammaGammaFit,
  GammaGammaFitOptions,
  GammaGammaParams,
} from './gamma-gamma';
export {
  expectedAverageValue,
  fitGammaGamma,
  gammaGammaLogLikelihood,
  populationAverageValue,
} from './gamma-gamma';
export type { LifecycleOptions, LifecycleStage } from './lifecycle';
export { lifecycleStage } from './lifecycle';
export type { RfmInput, RfmInputOptions, RfmScore, RfmSegment } from './rfm';
export { quintileScores, rfmInputsFromTransactions, rfmScores, rfmSegment } from './rfm';
