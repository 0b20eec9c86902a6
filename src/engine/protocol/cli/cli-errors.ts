/**
 * The ways the AWS CLI v2 refuses a command before sending it, each with the exit code the CLI uses: 252 for
 * anything wrong with the command line (argparse errors, bad parameter values, client-side parameter validation).
 * Service errors (254) are not here: they come back from the engine as ServiceErrors.
 */

/** What argparse prints above its own errors. */
export const USAGE = `usage: aws [options] <command> <subcommand> [<subcommand> ...] [parameters]
To see help text, you can run:

  aws help
  aws <command> help
  aws <command> <subcommand> help
`;

export const USAGE_EXIT_CODE = 252;

export class CliUsageError extends Error {
  readonly exitCode = USAGE_EXIT_CODE;
  /** The full text the CLI writes to stderr (it starts with an empty line, as the CLI's does). */
  readonly stderr: string;

  constructor(stderr: string, message = stderr.trim()) {
    super(message);
    this.stderr = stderr;
  }
}

/** An argparse error: usage, then `aws: error: <message>`. */
export function argparseError(message: string): CliUsageError {
  return new CliUsageError(`\n${USAGE}\naws: error: ${message}\n\n`, message);
}

/** Arguments argparse could not place at all. */
export function unknownOptions(options: string[]): CliUsageError {
  return new CliUsageError(`\n${USAGE}\nUnknown options: ${options.join(', ')}\n\n`, `Unknown options: ${options.join(', ')}`);
}

/** A value the CLI could not turn into a parameter (ParamError). */
export function paramError(cliName: string, message: string): CliUsageError {
  return new CliUsageError(`\nError parsing parameter '${cliName}': ${message}\n`, `Error parsing parameter '${cliName}': ${message}`);
}

/** botocore's client-side validation (ParamValidationError), every problem on its own line. */
export function paramValidationError(problems: string[]): CliUsageError {
  return new CliUsageError(`\nParameter validation failed:\n${problems.join('\n')}\n`);
}

/** argparse's list of valid choices: two per line, each padded to 40 columns, then close matches if any. */
export function invalidChoice(argument: string, value: string, choices: readonly string[]): CliUsageError {
  const lines = ['Invalid choice, valid choices are:\n'];
  for (let i = 0; i < choices.length; i += 2) lines.push(choices.slice(i, i + 2).map((choice) => choice.padEnd(40)).join(' | '));
  const close = closeMatches(value, choices, 0.8);
  if (close.length > 0) {
    lines.push(`\n\nInvalid choice: '${value}', maybe you meant:\n`);
    for (const word of close) lines.push(`  * ${word}`);
  }
  return argparseError(`argument ${argument}: ${lines.join('\n')}`);
}

/**
 * difflib.get_close_matches(word, possibilities, n=3, cutoff): the candidates whose similarity ratio is at least
 * the cutoff, best first. The ratio is difflib's: twice the matched characters over the total length, matched by
 * repeatedly taking the longest common block (no junk heuristic: it only applies to sequences of 200 or more).
 */
export function closeMatches(word: string, possibilities: readonly string[], cutoff: number, n = 3): string[] {
  return possibilities
    .map((candidate) => ({ candidate, score: ratio(word, candidate) }))
    .filter(({ score }) => score >= cutoff)
    .sort((a, b) => b.score - a.score || (a.candidate < b.candidate ? 1 : a.candidate > b.candidate ? -1 : 0))
    .slice(0, n)
    .map(({ candidate }) => candidate);
}

function ratio(word: string, candidate: string): number {
  const total = word.length + candidate.length;
  return total === 0 ? 1 : (2 * matchingCharacters(candidate, word, 0, candidate.length, 0, word.length)) / total;
}

/** Matched characters of `a` (the candidate, difflib's seq1) and `b` (the typed word, its seq2), longest block first. */
function matchingCharacters(a: string, b: string, aLow: number, aHigh: number, bLow: number, bHigh: number): number {
  let bestI = aLow;
  let bestJ = bLow;
  let bestSize = 0;
  let lengths = new Map<number, number>();
  for (let i = aLow; i < aHigh; i++) {
    const next = new Map<number, number>();
    for (let j = bLow; j < bHigh; j++) {
      if (a[i] !== b[j]) continue;
      const size = (lengths.get(j - 1) ?? 0) + 1;
      next.set(j, size);
      if (size > bestSize) {
        bestI = i - size + 1;
        bestJ = j - size + 1;
        bestSize = size;
      }
    }
    lengths = next;
  }
  if (bestSize === 0) return 0;
  return (
    bestSize +
    matchingCharacters(a, b, aLow, bestI, bLow, bestJ) +
    matchingCharacters(a, b, bestI + bestSize, aHigh, bestJ + bestSize, bHigh)
  );
}
