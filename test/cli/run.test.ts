import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run';
import { VERSION } from '../../src/cli/version';
import { EXIT } from '../../src/cli/output';

function call(...argv: string[]): { code: number; stdout: string; stderr: string } {
  let stdout = '';
  let stderr = '';
  const code = run(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), styled: false }) as number;
  return { code, stdout, stderr };
}

describe('run', () => {
  it('no command: the overview on stderr, exit 2; help: the overview on stdout, exit 0', () => {
    const none = call();
    expect(none.code).toBe(2);
    expect(none.stdout).toBe('');
    expect(none.stderr).toMatch(/report/);
    for (const help of ['help', '--help', '-h']) {
      const r = call(help);
      expect(r.code, help).toBe(0);
      expect(r.stdout, help).toBe(none.stderr);
      expect(r.stderr, help).toBe('');
    }
  });

  it('--version prints the version', () => {
    expect(call('--version')).toEqual({ code: EXIT.ok, stdout: `${VERSION}\n`, stderr: '' });
  });

  it('an unknown command is a usage error (exit 2) with a suggestion, as text or as JSON', () => {
    const text = call('reprot', '--sample');
    expect(text.code).toBe(2);
    expect(text.stdout).toBe('');
    expect(text.stderr).toMatch(/^error: unknown command "reprot" \(did you mean report\?\)\n/);
    const json = call('chek', '--json');
    expect(json.code).toBe(2);
    expect(json.stderr).toBe('');
    expect(JSON.parse(json.stdout)).toMatchObject({ kind: 'error', error: { code: 'USAGE', message: 'unknown command "chek" (did you mean check?)', problems: [] } });
    expect(call('frobnicate').stderr).toMatch(/^error: unknown command "frobnicate"\n/);
  });

  it('dispatches to the command, which sees only the arguments after it', () => {
    const r = call('fit', '--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/fit/);
    expect(call('report', '--no-such-flag').code).toBe(2);
  });
});
