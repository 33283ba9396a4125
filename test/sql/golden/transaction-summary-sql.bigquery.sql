WITH w AS (
  SELECT CAST(@endPeriod AS INT64) AS end_period, CAST(@calibrationPeriod AS INT64) AS calibration_period
), purchases AS (
  SELECT t.`customer_id` AS customer_id, DIV((UNIX_MILLIS(TIMESTAMP(t.`ordered_at`))) - MOD(MOD(UNIX_MILLIS(TIMESTAMP(t.`ordered_at`)), 86400000) + 86400000, 86400000), 86400000) AS utc_day, t.`amount` AS amount
  FROM `shop`.`orders` AS t
  WHERE t.`customer_id` IS NOT NULL AND t.`ordered_at` IS NOT NULL AND t.`amount` IS NOT NULL
), dated AS (
  SELECT p.customer_id, DIV((p.utc_day + 3) - MOD(MOD(p.utc_day + 3, 7) + 7, 7), 7) AS period, p.amount FROM purchases AS p
), periods AS (
  SELECT p.customer_id, p.period, SUM(p.amount) AS amount
  FROM dated AS p CROSS JOIN w
  WHERE p.period <= w.end_period
  GROUP BY p.customer_id, p.period
), customer_periods AS (
  SELECT p.customer_id, p.period, p.amount, MIN(p.period) OVER (PARTITION BY p.customer_id) AS first_period, w.end_period, w.calibration_period
  FROM periods AS p CROSS JOIN w
), summary AS (
  SELECT
    c.customer_id,
    CAST(COUNT(CASE WHEN c.period <= c.calibration_period THEN 1 END) - 1 AS FLOAT64) AS frequency,
    CAST(MAX(CASE WHEN c.period <= c.calibration_period THEN c.period END) - MIN(c.first_period) AS FLOAT64) * 604800000 / 604800000 AS recency,
    CAST(MIN(c.calibration_period) - MIN(c.first_period) AS FLOAT64) * 604800000 / 604800000 AS `T`,
    COALESCE(CAST(SUM(CASE WHEN c.period <= c.calibration_period AND c.period > c.first_period THEN c.amount END) AS FLOAT64) / NULLIF(COUNT(CASE WHEN c.period <= c.calibration_period THEN 1 END) - 1, 0), 0) AS monetary_value,
    CAST(COUNT(CASE WHEN c.period > c.calibration_period THEN 1 END) AS FLOAT64) AS holdout_frequency,
    COALESCE(CAST(SUM(CASE WHEN c.period > c.calibration_period THEN c.amount END) AS FLOAT64) / NULLIF(COUNT(CASE WHEN c.period > c.calibration_period THEN 1 END), 0), 0) AS holdout_monetary_value,
    CAST(MIN(c.end_period) - MIN(c.calibration_period) AS FLOAT64) * 604800000 / 604800000 AS holdout_duration
  FROM customer_periods AS c
  GROUP BY c.customer_id
  HAVING MIN(c.first_period) <= MIN(c.calibration_period)
)
SELECT customer_id AS `customerId`, frequency AS `frequency`, recency AS `recency`, `T` AS `T`, monetary_value AS `monetaryValue`,
  holdout_frequency AS `holdoutFrequency`, holdout_monetary_value AS `holdoutMonetaryValue`, holdout_duration AS `holdoutDuration`
FROM summary