import { z } from 'zod';
import type { OperationDefinition } from '../../kernel/index.ts';
import { secretsErrors } from '../errors.ts';
import { SENSITIVE_MEMBERS } from '../schemas.ts';

const input = z.object({
  passwordLength: z.number().int().min(1).max(4096).optional(),
  excludeCharacters: z.string().max(4096).optional(),
  excludeNumbers: z.boolean().optional(),
  excludePunctuation: z.boolean().optional(),
  excludeUppercase: z.boolean().optional(),
  excludeLowercase: z.boolean().optional(),
  includeSpace: z.boolean().optional(),
  requireEachIncludedType: z.boolean().optional(),
});

export const PASSWORD_CLASSES = {
  lowercase: 'abcdefghijklmnopqrstuvwxyz',
  uppercase: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
  numbers: '0123456789',
  // The 32 printable ASCII punctuation characters, as the API documentation lists them.
  punctuation: '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~',
  space: ' ',
};

type AlphabetOptions = Pick<
  z.infer<typeof input>,
  'excludeCharacters' | 'excludeNumbers' | 'excludePunctuation' | 'excludeUppercase' | 'excludeLowercase' | 'includeSpace'
>;

/** The character types a request includes, each without its excluded characters, and the empty ones left out. */
export function passwordClasses(request: AlphabetOptions): string[] {
  const excluded = new Set(request.excludeCharacters ?? '');
  const classes: string[] = [];
  const keep = (chars: string) => [...chars].filter((c) => !excluded.has(c)).join('');
  if (!request.excludeLowercase) classes.push(keep(PASSWORD_CLASSES.lowercase));
  if (!request.excludeUppercase) classes.push(keep(PASSWORD_CLASSES.uppercase));
  if (!request.excludeNumbers) classes.push(keep(PASSWORD_CLASSES.numbers));
  if (!request.excludePunctuation) classes.push(keep(PASSWORD_CLASSES.punctuation));
  if (request.includeSpace) classes.push(keep(PASSWORD_CLASSES.space));
  return classes.filter((c) => c.length > 0);
}

const ALPHABET_LIMIT = 64;
const alphabets = new Map<string, { usable: readonly string[]; alphabet: string }>();

/**
 * `passwordClasses` and their concatenation, remembered per options: a rotation function asks with the same
 * ExcludeCharacters every time, and building the classes character by character cost more than drawing the password.
 */
export function passwordAlphabet(request: AlphabetOptions): { usable: readonly string[]; alphabet: string } {
  const flags =
    (request.excludeLowercase ? 1 : 0) |
    (request.excludeUppercase ? 2 : 0) |
    (request.excludeNumbers ? 4 : 0) |
    (request.excludePunctuation ? 8 : 0) |
    (request.includeSpace ? 16 : 0);
  const key = `${flags}|${request.excludeCharacters ?? ''}`;
  let known = alphabets.get(key);
  if (!known) {
    const usable = Object.freeze(passwordClasses(request));
    known = { usable, alphabet: usable.join('') };
    if (alphabets.size >= ALPHABET_LIMIT) alphabets.clear();
    alphabets.set(key, known);
  }
  return known;
}

/**
 * A random password (default 32 characters of letters, digits and punctuation, at least one of each included type),
 * drawn from the world's seeded RNG so a lab replays identically.
 */
export function getRandomPassword(): OperationDefinition<z.infer<typeof input>> {
  return {
    service: 'secretsmanager',
    name: 'GetRandomPassword',
    readOnly: true,
    input,
    sensitive: SENSITIVE_MEMBERS,
    execute(ctx, request) {
      const length = request.passwordLength ?? 32;
      const { usable, alphabet } = passwordAlphabet(request);
      if (alphabet.length === 0) {
        throw secretsErrors.invalidParameter('The password cannot be generated: every character type is excluded.');
      }
      const requireEach = request.requireEachIncludedType ?? true;
      if (requireEach && length < usable.length) {
        throw secretsErrors.invalidParameter('Password length is too short based on the required types.');
      }
      const chars: string[] = [];
      if (requireEach) for (const c of usable) chars.push(ctx.rng.pick(c));
      while (chars.length < length) chars.push(ctx.rng.pick(alphabet));
      // Shuffle so the guaranteed characters are not always first (Fisher-Yates).
      for (let i = chars.length - 1; i > 0; i--) {
        const j = ctx.rng.nextInt(i + 1);
        const swapped = chars[i]!;
        chars[i] = chars[j]!;
        chars[j] = swapped;
      }
      return { randomPassword: chars.join('') };
    },
  };
}
