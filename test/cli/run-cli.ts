/** Run the command line in-process and capture what it prints. */
import { run } from '../../src/cli/run';

export interface Captured {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export function cli(...argv: string[]): Captured {
  let stdout = '';
  let stderr = '';
  const code = run(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), styled: false });
  return { code, stdout, stderr };
}
