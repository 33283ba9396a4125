/** The charts of the HTML report on the bundled sample, by figure id, in order (the list). */
export const EXPECTED_CHARTS = [
  'nps-trend',
  'csat-touchpoints',
  'ces-touchpoints',
  'weakest-nps',
  'weakest-csat',
  'weakest-ces',
  'cohort-heat-map',
  'survival',
  'repeat-purchases',
  'tracking-curve',
  'calibration-holdout',
  'clv-distribution',
  'top-customers',
  'funnel',
] as const;
