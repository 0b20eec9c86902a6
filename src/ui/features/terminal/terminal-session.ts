import type { CallRequest, CallResult, loadAwsCli } from '../../../engine/index.ts';
import type { CliCommandTable } from '../../../engine/protocol/cli/index.ts';

/**
 * The terminal's line discipline and shell, without the widget: it takes what xterm reports as typed (`onData`) and
 * answers with text to write. A small shell around the AWS CLI: history (up/down), editing (left/right, backspace),
 * Ctrl+C, Ctrl+L and `clear`, Tab completion, `NAME=value` and `NAME=$(aws ...)` variables used as `$NAME`, `echo`,
 * `history`. Kept apart from the Svelte view so it can be tested without a browser.
 */

export type AwsCli = Awaited<ReturnType<typeof loadAwsCli>>;

export interface TerminalSessionOptions {
  cli: AwsCli;
  table: CliCommandTable;
  /** One call through the app (as the acting principal, recorded in the call log, undoable). */
  call: (request: CallRequest) => CallResult;
  region: () => string;
  /** The terminal's width in columns, for `--output table`. */
  columns?: () => number;
  idempotencyToken: () => string;
  write: (text: string) => void;
  /** The virtual files `file://` reads (name to text), kept by the view. */
  files?: () => Record<string, string>;
}

const PROMPT = '\x1b[1;32m$\x1b[0m ';
/** Bash's PS2: the prompt of a line that continues the command above it. */
const CONTINUATION = '> ';

/**
 * What is left open at the end of `text`, read as bash reads it: inside a quote (the newline becomes part of the
 * quoted word), or after a backslash that escapes the newline (both are dropped: the command continues on the next
 * line). Returns the text the next line continues, or undefined when the command is complete.
 */
export function continuedCommand(text: string): string | undefined {
  let quote: "'" | '"' | undefined;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quote === "'") {
      if (char === "'") quote = undefined;
    } else if (char === '\\') {
      if (i === text.length - 1) return text.slice(0, -1);
      i++;
    } else if (quote === '"') {
      if (char === '"') quote = undefined;
    } else if (char === "'" || char === '"') {
      quote = char;
    }
  }
  return quote ? `${text}\n` : undefined;
}

const RED = '\x1b[31m';
const RESET = '\x1b[0m';
const HISTORY_LIMIT = 200;

/** xterm wants CR LF; the CLI's output has bare LF. */
function crlf(text: string): string {
  return text.replace(/\r?\n/g, '\r\n');
}

export class TerminalSession {
  private line = '';
  private cursor = 0;
  private readonly history: string[] = [];
  /** Index into history while browsing with up/down; history.length means the line being typed. */
  private browsing = 0;
  private draft = '';
  readonly env: Record<string, string> = {};
  /** The earlier lines of a command still open (a trailing backslash, an unclosed quote), joined as bash joins them. */
  private continued: string | undefined;
  /** Every command run and what it printed, for "Copy transcript" (plain text, no colours). */
  readonly transcript: { command: string; stdout: string; stderr: string; exitCode: number }[] = [];

  constructor(private readonly options: TerminalSessionOptions) {}

  get prompt(): string {
    return PROMPT;
  }

  start(): void {
    this.options.write(
      crlf(
        'SecretsLab terminal: AWS CLI v2 syntax against this page\'s simulator (nothing leaves the page).\nTry: aws secretsmanager create-secret --name demo --secret-string hello\n     aws help    (Tab completes services, commands and flags)\n',
      ) + PROMPT,
    );
  }

  /** Everything xterm's onData delivers: keystrokes, escape sequences, pasted text. */
  input(data: string): void {
    // A paste of several lines runs them one after the other, as a shell does.
    if (data.length > 1 && /[\r\n]/.test(data) && !data.startsWith('\x1b')) {
      const parts = data.split(/\r\n|\r|\n/);
      parts.forEach((part, i) => {
        this.insert(part);
        if (i < parts.length - 1) this.enter();
      });
      return;
    }
    switch (data) {
      case '\r':
        return this.enter();
      case '\x7f':
      case '\b':
        return this.backspace();
      case '\x03':
        return this.interrupt();
      case '\x0c':
        return this.clearScreen(true);
      case '\t':
        return this.complete();
      case '\x1b[A':
        return this.browse(-1);
      case '\x1b[B':
        return this.browse(1);
      case '\x1b[C':
        if (this.cursor < this.line.length) {
          this.cursor++;
          this.options.write(data);
        }
        return;
      case '\x1b[D':
        if (this.cursor > 0) {
          this.cursor--;
          this.options.write(data);
        }
        return;
      case '\x1b[H':
      case '\x01':
        return this.moveTo(0);
      case '\x1b[F':
      case '\x05':
        return this.moveTo(this.line.length);
      default:
        if (data.startsWith('\x1b')) return;
        // Other control characters (Ctrl+letters the shell does not bind) are dropped, not inserted.
        this.insert([...data].filter((char) => char >= ' ').join(''));
    }
  }

  private insert(text: string): void {
    if (!text) return;
    this.line = this.line.slice(0, this.cursor) + text + this.line.slice(this.cursor);
    this.cursor += text.length;
    const rest = this.line.slice(this.cursor);
    this.options.write(text + rest + (rest.length ? `\x1b[${rest.length}D` : ''));
  }

  private backspace(): void {
    if (this.cursor === 0) return;
    this.line = this.line.slice(0, this.cursor - 1) + this.line.slice(this.cursor);
    this.cursor--;
    const rest = this.line.slice(this.cursor);
    this.options.write(`\b${rest} \x1b[${rest.length + 1}D`);
  }

  private moveTo(position: number): void {
    const delta = position - this.cursor;
    if (delta > 0) this.options.write(`\x1b[${delta}C`);
    if (delta < 0) this.options.write(`\x1b[${-delta}D`);
    this.cursor = position;
  }

  /** Replaces the whole line being edited (history browsing, completion). */
  private replaceLine(text: string): void {
    this.moveTo(0);
    this.options.write(`\x1b[K${text}`);
    this.line = text;
    this.cursor = text.length;
  }

  private browse(step: number): void {
    if (this.history.length === 0) return;
    if (this.browsing === this.history.length) this.draft = this.line;
    const next = Math.min(this.history.length, Math.max(0, this.browsing + step));
    if (next === this.browsing) return;
    this.browsing = next;
    this.replaceLine(next === this.history.length ? this.draft : this.history[next]!);
  }

  private interrupt(): void {
    this.continued = undefined;
    this.options.write(`^C\r\n${PROMPT}`);
    this.line = '';
    this.cursor = 0;
    this.browsing = this.history.length;
  }

  private clearScreen(keepLine: boolean): void {
    this.options.write(`\x1b[2J\x1b[3J\x1b[H${PROMPT}${keepLine ? this.line : ''}`);
    if (!keepLine) {
      this.line = '';
      this.cursor = 0;
    } else if (this.cursor < this.line.length) {
      this.options.write(`\x1b[${this.line.length - this.cursor}D`);
    }
  }

  private complete(): void {
    const before = this.line.slice(0, this.cursor);
    const candidates = this.options.cli.completeCommandLine(this.options.table, before);
    if (candidates.length === 0) return;
    const current = before.split(/\s+/).at(-1) ?? '';
    const prefix = this.options.cli.commonPrefix(candidates);
    const addition = prefix.slice(current.length) + (candidates.length === 1 ? ' ' : '');
    if (addition) {
      this.insert(addition);
      return;
    }
    // Nothing more in common: list the choices under the line, then redraw it (bash's double Tab, at once).
    this.options.write(`\r\n${crlf(candidates.join('  '))}\r\n${PROMPT}${this.line}`);
    if (this.cursor < this.line.length) this.options.write(`\x1b[${this.line.length - this.cursor}D`);
  }

  private enter(): void {
    const command = (this.continued ?? '') + this.line;
    this.options.write('\r\n');
    this.line = '';
    this.cursor = 0;
    this.continued = continuedCommand(command);
    if (this.continued !== undefined) {
      this.options.write(CONTINUATION);
      return;
    }
    if (command.trim() !== '' && this.history.at(-1) !== command) {
      this.history.push(command);
      if (this.history.length > HISTORY_LIMIT) this.history.shift();
    }
    this.browsing = this.history.length;
    if (command.trim() === 'clear') return this.clearScreen(false);
    const { stdout, stderr, exitCode } = this.execute(command);
    if (command.trim() !== '') this.transcript.push({ command, stdout, stderr, exitCode });
    if (stdout) this.options.write(crlf(stdout));
    if (stderr) this.options.write(`${RED}${crlf(stderr)}${RESET}`);
    this.options.write(PROMPT);
  }

  /** The transcript as a shell session reads: each command after `$ `, then its output. */
  transcriptText(): string {
    return this.transcript.map(({ command, stdout, stderr }) => `$ ${command}\n${stdout}${stderr}`).join('');
  }

  /** Runs one line; returns what to print. Public for tests and for the view's "run example" buttons. */
  execute(command: string): Outcome {
    const trimmed = command.trim();
    if (trimmed === 'history') {
      return { stdout: this.history.map((entry, i) => `${String(i + 1).padStart(5)}  ${entry}\n`).join(''), stderr: '', exitCode: 0 };
    }
    // `NAME=$(aws ...)`: the README's `KEY=$(aws kms create-key --query KeyMetadata.KeyId --output text)`.
    const substitution = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)="?\$\((.*)\)"?$/s.exec(trimmed);
    if (substitution) {
      const result = this.runAws(substitution[2]!.trim(), this.env);
      if (result.exitCode === 0) this.env[substitution[1]!] = result.stdout.replace(/\n+$/, '');
      return { stdout: '', stderr: result.stderr, exitCode: result.exitCode };
    }
    const split = this.options.cli.splitCommandLine(trimmed, this.env);
    if (!Array.isArray(split)) return { stdout: '', stderr: `${split.error}\n`, exitCode: 255 };
    const words = split[0] === 'export' ? split.slice(1) : split;
    // Leading NAME=value words: on their own they set variables; before a command they apply to it alone, as in
    // `AWS_ACCESS_KEY_ID=... AWS_SECRET_ACCESS_KEY=... aws sts get-caller-identity`.
    const prefix: Record<string, string> = {};
    let i = 0;
    for (; i < words.length; i++) {
      const assignment = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(words[i]!);
      if (!assignment) break;
      prefix[assignment[1]!] = assignment[2]!;
    }
    if (i === words.length) {
      Object.assign(this.env, prefix);
      return { stdout: '', stderr: '', exitCode: 0 };
    }
    const rest = words.slice(i);
    if (rest[0] === 'echo') return { stdout: `${rest.slice(1).join(' ')}\n`, stderr: '', exitCode: 0 };
    if (rest[0] === 'ls') return { stdout: Object.keys(this.files()).sort().map((name) => `${name}\n`).join(''), stderr: '', exitCode: 0 };
    if (rest[0] === 'cat') return this.cat(rest.slice(1));
    return this.runWords(rest, { ...this.env, ...prefix });
  }

  private files(): Record<string, string> {
    return this.options.files?.() ?? {};
  }

  /** `cat NAME...`: the virtual files' text, as a shell prints it. */
  private cat(names: string[]): Outcome {
    const files = this.files();
    let stdout = '';
    let stderr = '';
    for (const name of names) {
      const text = files[name];
      if (text === undefined) stderr += `cat: ${name}: No such file or directory\n`;
      else stdout += text.endsWith('\n') ? text : `${text}\n`;
    }
    return { stdout, stderr, exitCode: stderr ? 1 : 0 };
  }

  private runAws(line: string, env: Record<string, string>): Outcome {
    const words = this.options.cli.splitCommandLine(line, env);
    if (!Array.isArray(words)) return { stdout: '', stderr: `${words.error}\n`, exitCode: 255 };
    return this.runWords(words, env);
  }

  /**
   * Runs `aws ...` with the variables the CLI reads: AWS_DEFAULT_REGION / AWS_REGION, and AWS_ACCESS_KEY_ID, which
   * makes the call as that key's principal (a user's key, or a session from `aws sts assume-role`) instead of the
   * "Acting as" choice.
   */
  private runWords(words: string[], env: Record<string, string>): Outcome {
    if (words.length === 0) return { stdout: '', stderr: '', exitCode: 0 };
    if (words[0] !== 'aws') {
      return { stdout: '', stderr: `${words[0]}: command not found (this terminal runs the AWS CLI: aws <service> <command> ...; try aws help)\n`, exitCode: 127 };
    }
    const accessKeyId = env.AWS_ACCESS_KEY_ID;
    return this.options.cli.runCli(words.slice(1), {
      table: this.options.table,
      call: this.options.call,
      region: env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? this.options.region(),
      idempotencyToken: this.options.idempotencyToken,
      ...(accessKeyId ? { caller: { accessKeyId } } : {}),
      ...(this.options.columns ? { terminalWidth: this.options.columns() } : {}),
      ...(this.options.files ? { readFile: (path: string) => this.files()[path] } : {}),
    });
  }
}

type Outcome = { stdout: string; stderr: string; exitCode: number };
