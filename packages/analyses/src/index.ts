// Customer-centric analyses: pure algorithms over plain data, no I/O.
export * as associations from './associations/index';
export * as clv from './clv/index';
export * as cohorts from './cohorts/index';
export * as customers from './customers/index';
export * as journeys from './journeys/index';
export * as kpis from './kpis/index';
export * as patterns from './patterns/index';
export * as personas from './personas/index';
export * as segments from './segments/index';
