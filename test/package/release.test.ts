/**
 * The release flow of CONTRIBUTING.md: `changeset version` consumes the pending changesets,
 * bumps the version and writes CHANGELOG.md. Run on a copy, so the checkout keeps its
 * changesets until the maintainer releases.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../support/doc-examples';

const changesetDir = join(repoRoot, '.changeset');
const pending = readdirSync(changesetDir).filter((f) => f.endsWith('.md') && f !== 'README.md');
const work = mkdtempSync(join(tmpdir(), 'cx-metrics-release-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The bump a changeset asks for: its front matter must name this package and nothing else. */
function bumpOf(file: string): string {
  const text = readFileSync(join(changesetDir, file), 'utf8');
  const match = /^---\n"cx-metrics": (patch|minor|major)\n---\n\n\S/.exec(text);
  if (!match) throw new Error(`${file}: expected front matter '"cx-metrics": patch|minor|major' and a summary`);
  return match[1] as string;
}

describe('the release flow', () => {
  it('has pending changesets, each naming the package, a bump and a summary', () => {
    expect(pending.length).toBeGreaterThan(0);
    for (const file of pending) expect(['patch', 'minor', 'major']).toContain(bumpOf(file));
  });

  it('`changeset version` bumps the version and writes every changeset into CHANGELOG.md', () => {
    cpSync(join(repoRoot, 'package.json'), join(work, 'package.json'));
    cpSync(changesetDir, join(work, '.changeset'), { recursive: true });
    const bin = join(repoRoot, 'node_modules', '.bin', 'changeset');
    execFileSync(bin, ['version'], { cwd: work, stdio: 'pipe' });

    const before = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string };
    const after = JSON.parse(readFileSync(join(work, 'package.json'), 'utf8')) as { version: string };
    expect(after.version).not.toBe(before.version);

    const changelog = readFileSync(join(work, 'CHANGELOG.md'), 'utf8');
    expect(changelog.startsWith(`# cx-metrics\n\n## ${after.version}\n`)).toBe(true);
    for (const file of pending) {
      const summary = readFileSync(join(changesetDir, file), 'utf8').split('---\n')[2]?.trim() ?? '';
      const firstLine = summary.split('\n')[0] ?? '';
      expect(changelog, `${file} is in the changelog`).toContain(firstLine);
      expect(existsSync(join(work, '.changeset', file)), `${file} is consumed`).toBe(false);
    }
  });
});
