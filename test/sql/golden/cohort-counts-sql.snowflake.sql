WITH days AS (
  SELECT t."user_id" AS customer_id, CAST(((DATE_PART(EPOCH_MILLISECOND, t."seen_at")) - MOD(MOD(DATE_PART(EPOCH_MILLISECOND, t."seen_at"), 86400000) + 86400000, 86400000)) / 86400000 AS BIGINT) AS utc_day
  FROM "app"."events" AS t
  WHERE t."user_id" IS NOT NULL AND t."seen_at" IS NOT NULL
), periods AS (
  SELECT a.customer_id, CAST(EXTRACT(YEAR FROM DATEADD(DAY, a.utc_day, DATE '1970-01-01')) * 12 + EXTRACT(MONTH FROM DATEADD(DAY, a.utc_day, DATE '1970-01-01')) - 1 AS BIGINT) AS period FROM days AS a
), activity AS (
  SELECT DISTINCT a.customer_id, a.period FROM periods AS a
  WHERE a.period <= CAST(:1 AS BIGINT)
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
SELECT DATE_FROM_PARTS(CAST(((x.cohort) - MOD(MOD(x.cohort, 12) + 12, 12)) / 12 AS BIGINT), (x.cohort) - CAST(((x.cohort) - MOD(MOD(x.cohort, 12) + 12, 12)) / 12 AS BIGINT) * 12 + 1, 1) AS "cohort", CAST(x.period_offset AS DOUBLE) AS "offset", CAST(s.size AS DOUBLE) AS "size",
  CAST(x.active AS DOUBLE) AS "active",
  CAST(SUM(x.leaving) OVER (PARTITION BY x.cohort ORDER BY x.period_offset DESC ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS DOUBLE) AS "activeUnbounded"
FROM cells AS x JOIN sizes AS s ON x.cohort = s.cohort