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
  if (typeof code !== 'number') throw new Error('this command line runs asynchronously (--engine duckdb): use cliAsync');
  return { code, stdout, stderr };
}

/** {@link cli} for command lines that may run asynchronously (`--engine duckdb`). */
export async function cliAsync(...argv: string[]): Promise<Captured> {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), styled: false });
  return { code, stdout, stderr };
}
