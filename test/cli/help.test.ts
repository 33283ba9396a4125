/**
 * The help texts document the input formats completely, and the documentation site's page of
 * each command carries the same text (and a sample output that the command really prints).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHECK_USAGE, FIT_USAGE, FORMATS, MAIN_USAGE, REPORT_USAGE } from '../../src/cli/help';
import { CHANNELS, SURVEY_METRICS } from '../../src/models';
import { repoRoot } from '../support/doc-examples';
import { cli } from './run-cli';

describe('--help', () => {
  it('every command prints its usage with exit 0; no command prints the overview on stderr with exit 2', () => {
    expect(cli('report', '--help')).toEqual({ code: 0, stdout: REPORT_USAGE, stderr: '' });
    expect(cli('check', '-h')).toEqual({ code: 0, stdout: CHECK_USAGE, stderr: '' });
    expect(cli('fit', '--help')).toEqual({ code: 0, stdout: FIT_USAGE, stderr: '' });
    expect(cli('--help')).toEqual({ code: 0, stdout: MAIN_USAGE, stderr: '' });
    expect(cli()).toEqual({ code: 2, stdout: '', stderr: MAIN_USAGE });
    expect(cli('reprot').stderr).toContain('unknown command "reprot" (did you mean report?)');
  });

  it('the formats: every file kind, column, date format, channel and survey metric', () => {
    for (const usage of [REPORT_USAGE, CHECK_USAGE, FIT_USAGE]) expect(usage).toContain(FORMATS);
    for (const flag of ['--purchases', '--interactions', '--customers', '--journeys', '--stages']) expect(FORMATS).toContain(flag);
    for (const column of ['customer_id', 'date', 'amount', 'cds | items', 'currency', 'customerId', 'firstResponseAt', 'resolvedAt', 'resolvedOnFirstContact', 'acquiredAt', 'segment', 'enteredAt']) {
      expect(FORMATS).toContain(column);
    }
    expect(FORMATS).toContain(CHANNELS.join(', '));
    for (const metric of SURVEY_METRICS) expect(FORMATS).toContain(metric);
    for (const format of ['2024-03-05T14:30:00Z', 'plain date 2024-03-05', 'midnight UTC', '20240305', 'epoch milliseconds', 'NDJSON', 'UTF-8']) expect(FORMATS).toContain(format);
  });

  it('every example in the help texts parses (no unknown option)', () => {
    for (const usage of [MAIN_USAGE, REPORT_USAGE, CHECK_USAGE, FIT_USAGE]) {
      for (const line of usage.split('\n').filter((l) => /^ {2}cx-metrics (report|check|fit) /.test(l))) {
        const words = line.trim().split(/\s+/).slice(1);
        const argv = words.includes('>') ? words.slice(0, words.indexOf('>')) : words;
        // --help stops before any file is read, after every option is checked.
        const result = cli(...argv, '--help');
        expect(result.code, line).toBe(0);
      }
    }
  });
});

describe('the documentation pages of the commands', () => {
  it.each([
    ['report', REPORT_USAGE],
    ['check', CHECK_USAGE],
    ['fit', FIT_USAGE],
  ])('docs/cli-%s.md carries the --help text verbatim (regenerate: npx tsx scripts/cli-docs.ts)', (name, usage) => {
    const page = readFileSync(join(repoRoot, 'docs', `cli-${name}.md`), 'utf8');
    expect(page).toContain(`\`\`\`text\n${usage.trimEnd()}\n\`\`\``);
  });

  it('the check page shows what the command prints on the sample', () => {
    const page = readFileSync(join(repoRoot, 'docs', 'cli-check.md'), 'utf8');
    const block = /```text\n\$ npx cx-metrics (check [^\n]+)\n([\s\S]*?)```/.exec(page);
    expect(block).not.toBeNull();
    const result = cli(...(block?.[1] ?? '').split(' '));
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(block?.[2]);
  });
});
