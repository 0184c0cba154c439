/** Runs the CLI in-process, as the tests of its commands do: exit code and what it wrote. */
import { main } from '../../src/cli/main';

export async function runCli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}
