// KPIs derived from store figures.
export {
  type CustomerKpiName,
  type CustomerKpis,
  type CustomerKpisInput,
  type CustomerPeriodInput,
  type CustomerPeriodKpis,
  customerKpiDefinitions,
  customerKpis,
  percentOf,
} from './customer-kpis';
export { type OverviewInput, type OverviewKpis, overviewKpis, roundMoney } from './overview-kpis';
