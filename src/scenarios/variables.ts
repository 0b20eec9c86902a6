/**
 * `${name}` placeholders in lab requests, filled from values saved from earlier outputs (a key id CreateKey chose,
 * a version id). A string that is exactly one placeholder takes the saved value's own type (a number stays a number).
 */
export type Variables = Record<string, unknown>;

const PLACEHOLDER = /\$\{([a-zA-Z][a-zA-Z0-9]*)\}/g;
const WHOLE = /^\$\{([a-zA-Z][a-zA-Z0-9]*)\}$/;

export class MissingVariableError extends Error {
  constructor(readonly variable: string) {
    super(`The value \${${variable}} is not known yet: an earlier step that saves it has not run or found nothing.`);
  }
}

export function substitute(value: unknown, variables: Variables): unknown {
  if (typeof value === 'string') {
    const whole = WHOLE.exec(value);
    if (whole) return lookup(whole[1]!, variables);
    return value.replace(PLACEHOLDER, (_, name: string) => {
      const found = lookup(name, variables);
      return typeof found === 'string' ? found : JSON.stringify(found);
    });
  }
  if (Array.isArray(value)) return value.map((item) => substitute(item, variables));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, member]) => [key, substitute(member, variables)]));
  }
  return value;
}

function lookup(name: string, variables: Variables): unknown {
  const found = variables[name];
  if (found === undefined || found === null) throw new MissingVariableError(name);
  return found;
}
