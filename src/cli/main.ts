/**
 * `baocao` — the command line, a thin shell over the core: read files, call the core, write
 * files. Parsing is strict and per command (node's util.parseArgs): an unknown option is a usage
 * error, never a file. Each command lives in its own module, loaded only when it runs.
 * Never overwrites an input; an existing output only with --force, atomically.
 * Exit codes: 0 ok, 1 the check found errors, 2 bad input or usage.
 */
import { parseArgs as parseNodeArgs, type ParseArgsConfig } from 'node:util';
import { CliError, failureMessage, isCliError } from './errors';
import { COMMANDS, USAGE, type CommandSpec } from './spec';
import { EXIT, type Io, type Parsed } from './types';

export { EXIT, USAGE };
export type { Io, Parsed };

/** `-o` for `output`, `--name` for the others: the keys the command modules read. */
const canonical = (name: string) => (name === 'output' ? '-o' : `--${name}`);

/** util.parseArgs's English error as one Vietnamese line. */
function usageMessage(error: Error & { code?: string }): string {
  const option = /'(-{1,2}[^',\s<]+)/u.exec(error.message)?.[1] ?? '';
  switch (error.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `tùy chọn không hợp lệ "${option}" (unknown option).`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      if (/does not take an argument/u.test(error.message)) return `tùy chọn "${option}" không nhận giá trị (option takes no value).`;
      return `thiếu giá trị sau ${option} (missing value after ${option}; a value starting with "-" is written ${option}=…).`;
    default:
      return `dòng lệnh không hợp lệ (invalid command line): ${error.message}`;
  }
}

/** Parses the arguments of one command strictly; throws a usage CliError. */
export function parseCommand(spec: CommandSpec, args: string[]): Parsed {
  const options: ParseArgsConfig['options'] = {};
  for (const [name, o] of Object.entries(spec.options)) options[name] = o.short ? { type: o.type, short: o.short } : { type: o.type };
  let values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  let positionals: string[];
  try {
    ({ values, positionals } = parseNodeArgs({ args, options, strict: true, allowPositionals: true }));
  } catch (error) {
    throw new CliError(usageMessage(error as Error), undefined, true);
  }
  const parsed: Parsed = { command: spec.name, files: positionals, options: new Map() };
  for (const [name, value] of Object.entries(values)) {
    if (typeof value === 'string') parsed.options.set(canonical(name), value);
    else if (value === true) parsed.options.set(canonical(name), true);
  }
  if (spec.files === 'none' && positionals.length > 0) {
    throw new CliError(`lệnh ${spec.name} không nhận tệp đầu vào "${positionals[0]}" (unexpected argument).`, undefined, true);
  }
  if (spec.files === 'one' && positionals.length !== 1) {
    throw new CliError(`${spec.name} cần đúng một tệp .docx (${spec.name} takes one .docx file).`, undefined, true);
  }
  if (spec.files === 'many' && positionals.length === 0) {
    throw new CliError(`${spec.name} cần ít nhất một tệp .docx (${spec.name} takes one or more .docx files).`, undefined, true);
  }
  return parsed;
}

/** The whole command line: "COMMAND args…". Throws a CliError for an unknown command or option. */
export function parseArgs(argv: string[]): Parsed {
  const [command = 'help', ...rest] = argv;
  const spec = COMMANDS[command];
  if (!spec) throw new CliError(`lệnh không hợp lệ "${command}" (unknown command).`, undefined, true);
  return parseCommand(spec, rest);
}

/** `--help`/`-h` anywhere before a `--`. */
function wantsHelp(args: string[]): boolean {
  for (const a of args) {
    if (a === '--') return false;
    if (a === '--help' || a === '-h') return true;
  }
  return false;
}

export async function main(argv: string[], io: Io): Promise<number> {
  const [command = 'help', ...rest] = argv;
  if (command === 'help' || command === '--help' || command === '-h') {
    const topic = command === 'help' ? rest[0] : undefined;
    const spec = topic !== undefined ? COMMANDS[topic] : undefined;
    if (topic !== undefined && !spec) {
      io.err(`baocao: lệnh không hợp lệ "${topic}" (unknown command).\n\n${USAGE}\n`);
      return EXIT.badInput;
    }
    io.out(`${spec ? spec.usage : USAGE}\n`);
    return EXIT.ok;
  }
  const spec = COMMANDS[command];
  if (!spec) {
    io.err(`baocao: lệnh không hợp lệ "${command}" (unknown command).\n\n${USAGE}\n`);
    return EXIT.badInput;
  }
  if (wantsHelp(rest)) {
    io.out(`${spec.usage}\n`);
    return EXIT.ok;
  }
  let parsed: Parsed;
  try {
    parsed = parseCommand(spec, rest);
  } catch (error) {
    io.err(`${failureMessage(command, error)}\n${spec.usage}\n`);
    return EXIT.badInput;
  }
  try {
    return await spec.load()(parsed, io);
  } catch (error) {
    // The one error path: a line naming the file, exit 2; a usage error adds the usage.
    const usage = isCliError(error) && error.usage ? `\n${spec.usage}\n` : '';
    io.err(`${failureMessage(command, error, parsed.files[0])}${usage}`);
    return EXIT.badInput;
  }
}
