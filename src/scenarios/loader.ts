import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { isLabFileArgument } from './lab-files.ts';
import { frontMatterSchema, labFileSchema, type Lab, type LabAction } from './schema.ts';

/** The raw texts of one lab folder; the app gets them from Vite's import.meta.glob, tests from the file system. */
export interface LabSource {
  folder: string;
  indexMarkdown: string;
  labYaml: string;
  /**
   * The folder's other files by path inside it (`solution/index.js`), which a solution's change may name as
   * `{ file: path }`. Absent when the host bundled none: the references are then left as they are, and the change
   * says so when it runs, so one lab's missing file does not take the whole labs index down with it.
   */
  files?: Record<string, string>;
}

export class LabContentError extends Error {}

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/;

export function parseLab(source: LabSource): Lab {
  const match = FRONT_MATTER.exec(source.indexMarkdown);
  if (!match) throw new LabContentError(`${source.folder}/index.md: no YAML front matter (--- ... ---) at the top.`);
  const front = frontMatterSchema.safeParse(parseYaml(match[1]!));
  if (!front.success) throw new LabContentError(`${source.folder}/index.md: ${z.prettifyError(front.error)}`);
  if (front.data.id !== source.folder) throw new LabContentError(`${source.folder}/index.md: id ${front.data.id} does not match its folder.`);
  if (Number(front.data.task.split('.')[0]) !== front.data.domain) {
    throw new LabContentError(`${source.folder}/index.md: task ${front.data.task} is not in domain ${front.data.domain}.`);
  }
  const file = labFileSchema.safeParse(parseYaml(source.labYaml));
  if (!file.success) throw new LabContentError(`${source.folder}/lab.yaml: ${z.prettifyError(file.error)}`);
  const goalIds = file.data.goals.map((g) => g.id);
  const duplicate = goalIds.find((id, i) => goalIds.indexOf(id) !== i);
  if (duplicate) throw new LabContentError(`${source.folder}/lab.yaml: goal id ${duplicate} is used twice.`);
  const { seed, solution, ...rest } = file.data;
  const files = source.files;
  const resolved = files ? solution.map((action, index) => withFiles(action, index, source.folder, files)) : solution;
  return { ...front.data, situation: match[2]!.trim(), seed: seed ?? `lab:${front.data.id}`, solution: resolved, ...rest };
}

/** Reads each `{ file }` argument of a change into `{ file, text }`; a file the folder does not have is an error. */
function withFiles(action: LabAction, index: number, folder: string, files: Record<string, string>): LabAction {
  if (!('change' in action)) return action;
  const args = action.change.args.map((arg) => {
    if (!isLabFileArgument(arg)) return arg;
    const text = Object.hasOwn(files, arg.file) ? files[arg.file] : undefined;
    if (text === undefined) throw new LabContentError(`${folder}/lab.yaml: solution step ${index + 1} names ${arg.file}, which is not in the lab's folder.`);
    return { file: arg.file, text };
  });
  return { ...action, change: { ...action.change, args } };
}

/** Labs in folder order (the NN prefix). */
export function parseLabs(sources: readonly LabSource[]): Lab[] {
  return sources.map(parseLab).sort((a, b) => a.id.localeCompare(b.id));
}

/**
 * Groups import.meta.glob results (`/content/labs/NN-slug/index.md` -> text) into lab sources; any other file under
 * a lab's folder (`/content/labs/NN-slug/solution/index.js`) becomes one of its `files`.
 */
export function labSourcesFromFiles(files: Record<string, string>): LabSource[] {
  const byFolder = new Map<string, Partial<LabSource>>();
  for (const [path, text] of Object.entries(files)) {
    const match = /(?:^|\/)labs\/([^/]+)\/(.+)$/.exec(path) ?? /([^/]+)\/(index\.md|lab\.yaml)$/.exec(path);
    if (!match) continue;
    const entry = byFolder.get(match[1]!) ?? { folder: match[1]! };
    if (match[2] === 'index.md') entry.indexMarkdown = text;
    else if (match[2] === 'lab.yaml') entry.labYaml = text;
    else entry.files = { ...entry.files, [match[2]!]: text };
    byFolder.set(match[1]!, entry);
  }
  return [...byFolder.values()].map((entry) => {
    if (entry.indexMarkdown === undefined || entry.labYaml === undefined) throw new LabContentError(`${entry.folder}: needs both index.md and lab.yaml.`);
    return entry as LabSource;
  });
}
