/**
 * A change argument naming a file of the lab's folder: `{ file: "solution/index.js" }` as written in lab.yaml, and
 * `{ file, text }` once the loader has read it. The text is code (a handler's `${...}` template literals included),
 * so it is passed on as it is: `${name}` lab placeholders are never filled in inside it.
 */
export interface LabFileArgument {
  file: string;
  text?: string;
}

export function isLabFileArgument(value: unknown): value is LabFileArgument {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const { file, text, ...rest } = value as Record<string, unknown>;
  return typeof file === 'string' && (text === undefined || typeof text === 'string') && Object.keys(rest).length === 0;
}

/** The file's text, or an error saying the host did not bundle it (the labs index still loads without it). */
export function labFileText(argument: LabFileArgument): string {
  if (argument.text === undefined) throw new Error(`The file ${argument.file} was not bundled with this lab, so this change cannot be made.`);
  return argument.text;
}
