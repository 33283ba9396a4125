/**
 * The help texts: one per command, each documenting the input formats completely (the same
 * text is the source of the documentation site's CLI pages).
 */
import { CHANNELS } from '../models/index';

/** The input file formats, shared by every command that reads data. */
export const FORMATS = `Input files
  Each file is CSV (.csv), a JSON array (.json) or NDJSON (.ndjson or .jsonl: one JSON record per
  line). Text must be UTF-8 (a byte-order mark is fine). A problem is reported with the file, the
  line and the field; every problem in a file is listed, not only the first.

  Dates and times
    A date-time is ISO-8601 with a time zone: 2024-03-05T14:30:00Z, 2024-03-05T15:30:00.250+01:00.
    A plain date 2024-03-05 is accepted wherever a date-time is expected and means midnight UTC.
    Purchase CSV dates may also be written 20240305. JSON may also give epoch milliseconds.
    Calendar fields must exist: 2024-02-30 is an error, not March 1.

  --purchases FILE     one row per purchase
    CSV columns   customer_id  text, required
                  date         date or date-time, required
                  amount       number >= 0 in currency units (12.50, not cents), required
                  cds | items  whole number >= 0, optional (items bought)
                  currency     3 capital letters (ISO 4217), optional, default USD;
                               all purchases must be in one currency
    JSON/NDJSON   purchase interactions: {"type":"purchase","customerId":"c1",
                  "at":"2024-03-05","amount":12.5,"currency":"EUR","items":2}
    Example CSV   customer_id,date,amount
                  c1,2024-03-05,12.50

  --interactions FILE  survey answers, support contacts, visits (and purchases)
    Every record  type        survey | support | visit | purchase, required
                  customerId  text, required
                  at          date or date-time, required
                  id, touchpoint  text, optional
                  channel     one of ${CHANNELS.join(', ')}
                              (optional, required for support; use "other" for anything else)
    survey        metric      nps | csat | ces
                  score       whole number on the scale: NPS 0-10, CSAT 1-5, CES 1-7
                  scale       optional {"min":1,"max":7} (JSON only; not for NPS)
                  ratings     optional {"price":4,...} attribute ratings, whole numbers (JSON only)
    support       firstResponseAt, resolvedAt   optional date-times, not before "at"
                  resolvedOnFirstContact        optional true | false
    visit         touchpoint  required
    purchase      amount, currency, items as in --purchases
    CSV columns   the field names above: type,customerId,at,touchpoint,channel,metric,score,
                  amount,currency,items,firstResponseAt,resolvedAt,resolvedOnFirstContact
                  (type, customerId and at required; empty cells are absent)
    Example JSON  [{"type":"survey","customerId":"c1","at":"2024-03-05T14:30:00Z",
                    "metric":"nps","score":9,"touchpoint":"checkout","channel":"web"}]

  --customers FILE     one record per customer
    CSV columns   id (text, required), acquiredAt (date or date-time), segment (text)
    JSON/NDJSON   {"id":"c1","acquiredAt":"2024-01-10","segment":"email",
                   "attributes":{"plan":"pro"}}

  --journeys FILE      JSON array or NDJSON only (journeys are nested)
    Each journey  {"customerId":"c1","stages":[{"name":"awareness",
                   "enteredAt":"2024-01-02","interactions":[...]}, ...]}
                  stages in the order entered, enteredAt never earlier than the previous
                  stage's; interactions as in --interactions
    Stage names   --stages A,B,C gives the funnel order
                  (default awareness,consideration,purchase,onboarding,loyalty)

  The bundled sample (--sample): sample/purchases.csv (CDNOW 1-in-10 sample, 6,919 purchases of
  2,357 customers, 1997-01 to 1998-06, Fader, Hardie & Lee 2005), and generated
  sample/interactions.json, customers.json, journeys.json for the same customers.`;

const DATA_OPTIONS = `Data (give --sample or at least one file)
  --sample                 the bundled sample data
  --purchases FILE         purchases (CSV, JSON or NDJSON)
  --interactions FILE      survey answers, support contacts, visits (CSV, JSON or NDJSON)
  --customers FILE         customers (CSV, JSON or NDJSON)
  --journeys FILE          journeys (JSON or NDJSON)
  --stages A,B,C           the journeys' stage names in funnel order
  --calibration-end DATE   fit the CLV models on purchases up to DATE (YYYY-MM-DD); default: all
                           (the sample: 1997-09-30, as in the paper)
  --observation-end DATE   last day the data covers (YYYY-MM-DD); default: the latest instant
                           in the data`;

const ENGINE = `Engine (the purchase file)
  --engine memory          read and check every purchase in this process (default)
  --engine duckdb          let DuckDB read and aggregate the purchase file, CSV or Parquet
                           (.csv, .parquet), of any size: DuckDB streams it and only the RFM
                           histogram and the holdout totals reach the process. Needs the
                           optional peer dependency: npm install @duckdb/node-api
                           Columns: customer_id, date, amount, currency as in --purchases (Parquet
                           may also hold date as DATE or TIMESTAMP); the records are checked as
                           the memory engine checks them, problems reported by count and example.
                           Purchases inside --interactions are not read: keep them in --purchases.`;

const EXIT = `Exit codes
  0  success (check: every gate passed)
  1  check: at least one gate was breached
  2  bad input or usage: unreadable or invalid file, unknown option, data that cannot be
     analysed, a gate whose figure cannot be computed`;

const JSON_MODE = `JSON mode (--json)
  stdout holds exactly one JSON document and nothing is written to stderr: the result, or an
  error {"schemaVersion":1,"kind":"error","error":{"code":...,"message":...,"problems":
  [{"file":...,"line":...,"field":...,"code":...,"message":...}]}}. Every document carries
  "schemaVersion"; the JSON schema ships in the package: schema/cx-metrics.schema.json.`;

export const MAIN_USAGE = `Usage: cx-metrics <command> [options]

Customer-experience metrics from your CSV / JSON / NDJSON exports.

Commands
  report   the full CX report as text, --json, or --html FILE
  check    threshold gates for CI, e.g. --fail-under nps=30,csat=0.8 (exit 1 when breached)
  fit      fit a customer-base model to purchases; parameters, diagnostics, validation as JSON

Run cx-metrics <command> --help for the command's options and the input formats.
  --help     this help
  --version  the version

Examples
  cx-metrics report --sample
  cx-metrics report --purchases orders.csv --interactions surveys.ndjson --html report.html
  cx-metrics check --interactions surveys.json --fail-under nps=30,csat.lower=0.75
  cx-metrics fit bg-nbd --purchases orders.csv --calibration-end 2024-06-30 > model.json

${EXIT}
`;

export const REPORT_USAGE = `Usage: cx-metrics report [data] [--engine memory|duckdb] [--json | --html FILE]

Prints the customer-experience report: the data read, NPS with its monthly trend (months
that differ from the previous one after Holm correction, and the linear trend), NPS by
segment (segments that differ from the rest after Holm correction) and revenue, key drivers
(what each attribute rating explains of NPS, by Johnson's relative weights with bootstrap
intervals), CSAT and CES per touchpoint, the weakest touchpoints, retention and cohorts,
Kaplan-Meier survival and the sBG projection, CLV (BG/NBD, MBG/NBD and Pareto/NBD compared
on the holdout; the lowest BIC with Gamma-Gamma gives the tracking curve, the CLV with 95 %
intervals and the top customers), RFM segments, the journey funnel and service levels. A
section whose data is missing is left out.

Output
  (default)      text on stdout
  --json         the report as JSON on stdout
  --html FILE    also write one self-contained HTML file with SVG charts (no network, no
                 scripts); the text (or JSON) still goes to stdout
  --help         this help

${DATA_OPTIONS}

${ENGINE}
  With --engine duckdb the report's CLV and RFM sections are computed from DuckDB's aggregates;
  retention, survival, revenue by NPS answer and the top-customer tables need every purchase in
  memory and are left out (the data section says so).

${FORMATS}

${JSON_MODE}

${EXIT}

Examples
  cx-metrics report --sample --html report.html
  cx-metrics report --purchases orders.parquet --interactions surveys.ndjson --engine duckdb
  cx-metrics report --purchases orders.csv --calibration-end 2024-06-30 --json > report.json
`;

export const CHECK_USAGE = `Usage: cx-metrics check [data] (--fail-under GATES | --thresholds FILE) [--json]

Computes each gated figure with its 95 % interval and compares it with its threshold. Prints
one line per gate: figure, value, interval, threshold, verdict. Exit 0 when every gate passes,
1 when one is breached, 2 when the input is bad or a figure cannot be computed (no answers).

Gates
  --fail-under GATES   comma-separated name=threshold; the gate fails when the figure is below
                       its threshold. Names:
                         nps          NPS in points, -100..100 (adjusted Wald interval)
                         csat         CSAT share answering 4-5 of 5, 0..1 (Wilson interval)
                         ces          mean CES on 1-7, higher is easier (Student-t interval)
                       add .lower or .upper to gate on an interval bound instead of the point
                       estimate: nps.lower=20 passes only when the whole interval is >= 20.
  --thresholds FILE    a JSON file {"failUnder": {"nps": 30, "csat.lower": 0.75}}
  --json               the gates as JSON
  --help               this help

${DATA_OPTIONS}

${FORMATS}

${JSON_MODE}

${EXIT}

Examples
  cx-metrics check --sample --fail-under nps=0
  cx-metrics check --interactions surveys.json --fail-under nps.lower=20,csat=0.8,ces=5
`;

export const FIT_USAGE = `Usage: cx-metrics fit <model> --purchases FILE [--calibration-end DATE] [--observation-end DATE]
                      [--engine memory|duckdb]

Fits a customer-base model to the purchases and prints, as JSON: the parameters, the fit
diagnostics (log-likelihood, iterations, convergence, standard errors) and, with
--calibration-end, a holdout validation (repeat purchases predicted for the period after the
calibration end vs observed). The output is ready to store and reuse.

Models
  bg-nbd        BG/NBD (Fader, Hardie & Lee 2005): r, alpha, a, b; time in weeks
  pareto-nbd    Pareto/NBD (Schmittlein, Morrison & Colombo 1987): r, alpha, s, beta; weeks
  gamma-gamma   Gamma-Gamma spend model (Fader, Hardie & Lee 2005): p, q, gamma,
                on the repeat customers' mean spend

Options
  --sample                 fit the bundled CDNOW sample (calibration end 1997-09-30)
  --purchases FILE         purchases (CSV, JSON or NDJSON)
  --calibration-end DATE   fit on purchases up to DATE and validate on the rest
  --observation-end DATE   last day the data covers; default: the latest purchase
  --help                   this help

${ENGINE}
  With --engine duckdb the models are fitted on the weighted RFM histogram and the holdout
  validation sums the predictions over groups of customers with the same summary: the output
  is the memory engine's (parameters and log-likelihood to 1e-9 for every model: BG/NBD and
  Pareto/NBD bit for bit, Gamma-Gamma to about 1e-12, where the engine's mean spends can differ
  from the memory engine's in the last bit).

${FORMATS}

${JSON_MODE}

${EXIT}

Examples
  cx-metrics fit bg-nbd --sample
  cx-metrics fit gamma-gamma --purchases orders.csv > spend-model.json
  cx-metrics fit bg-nbd --purchases orders.parquet --calibration-end 2024-06-30 --engine duckdb
`;
