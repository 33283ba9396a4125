/**
 * Writes docs/cli-report.md, cli-check.md and cli-fit.md: an introduction per command and its
 * --help text verbatim (test/cli/help.test.ts fails when a page and the help differ).
 *
 *   npx tsx scripts/cli-docs.ts
 */
import { fileURLToPath } from 'node:url';
import { writeFileSync } from 'node:fs';
import { CHECK_USAGE, FIT_USAGE, REPORT_USAGE } from '../src/cli/help';

const pages = {
  report: {
    title: 'CLI: cx-metrics report',
    intro: `\`cx-metrics report\` prints the full customer-experience report from your CSV, JSON or NDJSON
exports, or from the bundled sample with \`--sample\`. The first section says which data was read:
the files, their rows, the customers and the date range. Add \`--html report.html\` for one
self-contained page with inline SVG charts (the NPS trend with its interval band, CSAT and CES
per touchpoint, the weakest touchpoints, the cohort heat map, Kaplan–Meier against the sBG
projection, the BG/NBD fit check, the tracking curve and calibration vs holdout of the model
chosen by fit, the CLV distribution and the top customers with their intervals, the funnel): no
scripts, no network, readable offline and in any browser.

\`\`\`sh
npx cx-metrics report --sample --html report.html
npx cx-metrics report --purchases orders.csv --interactions surveys.ndjson --customers customers.csv
npx cx-metrics report --purchases orders.csv --json > report.json
\`\`\`
`,
    usage: REPORT_USAGE,
  },
  check: {
    title: 'CLI: cx-metrics check',
    intro: `\`cx-metrics check\` turns the report's headline figures into gates for a build: each gate
compares NPS, CSAT or CES — or a bound of its 95 % interval — with a threshold, prints one line
with the value, the interval, the threshold and the verdict, and the exit code says what happened
(0 all passed, 1 a gate was breached, 2 bad input). Gating on \`nps.lower\` fails a build only
when the data are clear that NPS is below the threshold, not when a small month is noisy.

\`\`\`sh
npx cx-metrics check --interactions surveys.json --fail-under nps=30,csat=0.8
npx cx-metrics check --interactions surveys.json --thresholds cx-gates.json --json
\`\`\`

On the sample:

\`\`\`text
$ npx cx-metrics check --sample --fail-under nps=30,csat.lower=0.85
PASS    nps         +35.1  (95 % interval +32.3 to +37.8, 3190 answers)  threshold ≥ +30.0
FAIL    csat.lower  80.0 %  (95 % interval 80.0 % to 82.9 %, 2913 answers)  threshold ≥ 85.0 %
1 of 2 gates did not pass
\`\`\`

## In GitHub Actions

A workflow that installs cx-metrics and fails the build when the latest survey export breaches
a gate. Until the package is published, replace \`npm install cx-metrics\` with the tarball built
from a clone (README, "Install from npm").

\`\`\`yaml
# .github/workflows/cx-gates.yml
name: CX gates
on:
  push:
  schedule:
    - cron: '0 6 * * 1' # every Monday
jobs:
  check:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 20
      - run: npm install --no-save cx-metrics
      # Exit 1 fails the job when a gate is breached; exit 2 when the export is malformed.
      - run: npx cx-metrics check --interactions exports/surveys.ndjson --fail-under nps.lower=20,csat=0.8
      # Keep the gates and the HTML report as build artifacts.
      - run: npx cx-metrics check --interactions exports/surveys.ndjson --fail-under nps.lower=20,csat=0.8 --json > cx-gates.json || true
      - run: npx cx-metrics report --interactions exports/surveys.ndjson --html cx-report.html > /dev/null
        if: always()
      - uses: actions/upload-artifact@v4
        if: always()
        with:
          name: cx-report
          path: |
            cx-gates.json
            cx-report.html
\`\`\`

The same commands run against the packed tarball in a fresh project in the package's own tests
(\`test/package/pack.test.ts\`).
`,
    usage: CHECK_USAGE,
  },
  fit: {
    title: 'CLI: cx-metrics fit',
    intro: `\`cx-metrics fit\` fits a customer-base model to a purchase file and prints JSON you can store:
the parameters, the fit diagnostics and, with \`--calibration-end\`, a holdout validation. Load
the parameters later with the library (\`bgNbdConditionalExpectedPurchases(params, customer, t)\`
and friends) without refitting.

\`\`\`sh
npx cx-metrics fit bg-nbd --sample
npx cx-metrics fit bg-nbd --purchases orders.csv --calibration-end 2024-06-30 > bg-nbd.json
npx cx-metrics fit gamma-gamma --purchases orders.csv > spend.json
\`\`\`

On the sample, \`fit bg-nbd\` reproduces Fader, Hardie & Lee (2005): r = 0.243, α = 4.414,
a = 0.793, b = 2.426, log-likelihood −9,582.4; over the 39 holdout weeks it predicts 1,653 of the
1,882 weeks with a purchase that were observed.
`,
    usage: FIT_USAGE,
  },
};

for (const [name, page] of Object.entries(pages)) {
  const text = `---\ntitle: "${page.title}"\n---\n\n# ${page.title.replace('CLI: ', '')}\n\n${page.intro}\n## Reference (\`cx-metrics ${name} --help\`)\n\n\`\`\`text\n${page.usage.trimEnd()}\n\`\`\`\n`;
  writeFileSync(fileURLToPath(new URL(`../docs/cli-${name}.md`, import.meta.url)), text);
}
