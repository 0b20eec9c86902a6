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
      const excluded = new Set(request.excludeCharacters ?? '');
      const classes: string[] = [];
      const keep = (chars: string) => [...chars].filter((c) => !excluded.has(c)).join('');
      if (!request.excludeLowercase) classes.push(keep(PASSWORD_CLASSES.lowercase));
      if (!request.excludeUppercase) classes.push(keep(PASSWORD_CLASSES.uppercase));
      if (!request.excludeNumbers) classes.push(keep(PASSWORD_CLASSES.numbers));
      if (!request.excludePunctuation) classes.push(keep(PASSWORD_CLASSES.punctuation));
      if (request.includeSpace) classes.push(keep(PASSWORD_CLASSES.space));
      const usable = classes.filter((c) => c.length > 0);
      const alphabet = usable.join('');
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
        [chars[i], chars[j]] = [chars[j]!, chars[i]!];
      }
      return { randomPassword: chars.join('') };
    },
  };
}
