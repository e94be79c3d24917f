import { describe, expect, it } from 'vitest';
import { lifecycleStage } from './lifecycle';

const day = (n: number) => Date.UTC(2024, 0, 1) + n * 86_400_000;
const asOf = day(365);

describe('lifecycleStage with the fixed thresholds (new < 30 days, at risk >= 90, lapsed >= 180)', () => {
  it('classifies by days since the last purchase', () => {
    expect(lifecycleStage([], { asOf })).toBeNull();
    expect(lifecycleStage([day(400)], { asOf })).toBeNull(); // only orders after asOf
    expect(lifecycleStage([day(350)], { asOf })).toBe('new');
    expect(lifecycleStage([day(300)], { asOf })).toBe('active');
    expect(lifecycleStage([day(365 - 90)], { asOf })).toBe('at risk');
    expect(lifecycleStage([day(365 - 179)], { asOf })).toBe('at risk');
    expect(lifecycleStage([day(365 - 180)], { asOf })).toBe('lapsed');
  });

  it('recognises a customer won back after a lapse', () => {
    expect(lifecycleStage([day(0), day(300)], { asOf })).toBe('won back');
    expect(lifecycleStage([day(100), day(200), day(300)], { asOf, cadence: null })).toBe('active');
    // Same-day orders count once: the lapse is still the gap before the last purchase day.
    expect(lifecycleStage([new Date(day(0)), day(340), day(340) + 3_600_000], { asOf })).toBe('won back');
  });

  it('honours custom thresholds', () => {
    const options = { asOf, atRiskAfterDays: 30, lapsedAfterDays: 60, newWithinDays: 7, cadence: null };
    expect(lifecycleStage([day(360)], options)).toBe('new');
    expect(lifecycleStage([day(340)], options)).toBe('active');
    expect(lifecycleStage([day(320)], options)).toBe('at risk');
    expect(lifecycleStage([day(300)], options)).toBe('lapsed');
  });
});

describe('lifecycleStage relative to the customer’s cadence (2× and 4× the median gap)', () => {
  it('scales the thresholds with the usual gap between purchases', () => {
    // Weekly since day 180, last on day 222; median gap 7: at risk after 14, lapsed after 28 days.
    const weekly = [180, 187, 194, 201, 208, 215, 222].map(day);
    expect(lifecycleStage(weekly, { asOf: day(225) })).toBe('active');
    expect(lifecycleStage(weekly, { asOf: day(236) })).toBe('at risk');
    expect(lifecycleStage(weekly, { asOf: day(250) })).toBe('lapsed');
    // Still new while the first order is recent, however many orders followed.
    expect(lifecycleStage([day(340), day(347), day(354)], { asOf: day(358) })).toBe('new');
    // A quarterly buyer (median gap 90) 100 days after the last order is still active; the fixed rules
    // would call them at risk. At risk from 180 days, lapsed from 360.
    const quarterly = [day(0), day(90), day(180), day(265)];
    expect(lifecycleStage(quarterly, { asOf })).toBe('active');
    expect(lifecycleStage(quarterly, { asOf, cadence: null })).toBe('at risk');
    expect(lifecycleStage(quarterly, { asOf: day(265 + 180) })).toBe('at risk');
    expect(lifecycleStage(quarterly, { asOf: day(265 + 360) })).toBe('lapsed');
  });

  it('judges a win-back against the cadence before the comeback', () => {
    // Weekly buyer (gaps 7, 7) who vanished for 60 days (> 4×7) and came back.
    expect(lifecycleStage([day(200), day(207), day(214), day(274)], { asOf: day(280) })).toBe('won back');
    expect(lifecycleStage([day(200), day(207), day(214), day(274)], { asOf: day(280), cadence: null })).toBe(
      'active',
    );
  });
});
