// KPIs derived from store figures.
export { type OverviewInput, type OverviewKpis, overviewKpis, roundMoney } from './overview-kpis';
