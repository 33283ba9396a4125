import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../support/doc-examples';

const out = mkdtempSync(join(tmpdir(), 'cx-sample-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('scripts/generate-sample-data.ts', () => {
  it('rebuilds the committed sample data byte for byte, purchases.csv from the original CDNOW file', () => {
    const tsx = join(repoRoot, 'node_modules', '.bin', 'tsx');
    const cdnow = join(repoRoot, 'test', 'fixtures', 'data', 'CDNOW_sample.txt');
    execFileSync(tsx, ['scripts/generate-sample-data.ts', '--cdnow', cdnow, '--out', out], { cwd: repoRoot, stdio: 'pipe' });
    for (const name of ['purchases.csv', 'customers.json', 'interactions.json', 'journeys.json']) {
      const fresh = readFileSync(join(out, name), 'utf8');
      const committed = readFileSync(join(repoRoot, 'sample', name), 'utf8');
      expect(fresh === committed, `${name} differs from sample/${name}`).toBe(true);
    }
  });
});
