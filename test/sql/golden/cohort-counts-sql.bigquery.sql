WITH days AS (
  SELECT t.`user_id` AS customer_id, DIV((UNIX_MILLIS(TIMESTAMP(t.`seen_at`))) - MOD(MOD(UNIX_MILLIS(TIMESTAMP(t.`seen_at`)), 86400000) + 86400000, 86400000), 86400000) AS utc_day
  FROM `app`.`events` AS t
  WHERE t.`user_id` IS NOT NULL AND t.`seen_at` IS NOT NULL
), periods AS (
  SELECT a.customer_id, CAST(EXTRACT(YEAR FROM DATE_FROM_UNIX_DATE(a.utc_day)) * 12 + EXTRACT(MONTH FROM DATE_FROM_UNIX_DATE(a.utc_day)) - 1 AS INT64) AS period FROM days AS a
), activity AS (
  SELECT DISTINCT a.customer_id, a.period FROM periods AS a
  WHERE a.period <= CAST(@endPeriod AS INT64)
), customers AS (
  SELECT customer_id, MIN(period) AS cohort, MAX(period) AS last_period FROM activity GROUP BY customer_id
), sizes AS (
  SELECT cohort, COUNT(*) AS size FROM customers GROUP BY cohort
), classic AS (
  SELECT c.cohort, a.period - c.cohort AS period_offset, COUNT(*) AS active
  FROM activity AS a JOIN customers AS c ON a.customer_id = c.customer_id
  GROUP BY c.cohort, a.period - c.cohort
), lasts AS (
  SELECT cohort, last_period - cohort AS period_offset, COUNT(*) AS leaving FROM customers GROUP BY cohort, last_period - cohort
), cells AS (
  SELECT k.cohort, k.period_offset, k.active, COALESCE(l.leaving, 0) AS leaving
  FROM classic AS k LEFT JOIN lasts AS l ON k.cohort = l.cohort AND k.period_offset = l.period_offset
)
SELECT DATE(CAST(DIV((x.cohort) - MOD(MOD(x.cohort, 12) + 12, 12), 12) AS INT64), CAST((x.cohort) - DIV((x.cohort) - MOD(MOD(x.cohort, 12) + 12, 12), 12) * 12 + 1 AS INT64), 1) AS `cohort`, CAST(x.period_offset AS FLOAT64) AS `offset`, CAST(s.size AS FLOAT64) AS `size`,
  CAST(x.active AS FLOAT64) AS `active`,
  CAST(SUM(x.leaving) OVER (PARTITION BY x.cohort ORDER BY x.period_offset DESC ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS FLOAT64) AS `activeUnbounded`
FROM cells AS x JOIN sizes AS s ON x.cohort = s.cohort