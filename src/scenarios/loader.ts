import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { frontMatterSchema, labFileSchema, type Lab } from './schema.ts';

/** The raw texts of one lab folder; the app gets them from Vite's import.meta.glob, tests from the file system. */
export interface LabSource {
  folder: string;
  indexMarkdown: string;
  labYaml: string;
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
  const { seed, ...rest } = file.data;
  return { ...front.data, situation: match[2]!.trim(), seed: seed ?? `lab:${front.data.id}`, ...rest };
}

/** Labs in folder order (the NN prefix). */
export function parseLabs(sources: readonly LabSource[]): Lab[] {
  return sources.map(parseLab).sort((a, b) => a.id.localeCompare(b.id));
}

/** Groups import.meta.glob results (`/content/labs/NN-slug/index.md` -> text) into lab sources. */
export function labSourcesFromFiles(files: Record<string, string>): LabSource[] {
  const byFolder = new Map<string, Partial<LabSource>>();
  for (const [path, text] of Object.entries(files)) {
    const match = /([^/]+)\/(index\.md|lab\.yaml)$/.exec(path);
    if (!match) continue;
    const entry = byFolder.get(match[1]!) ?? { folder: match[1]! };
    if (match[2] === 'index.md') entry.indexMarkdown = text;
    else entry.labYaml = text;
    byFolder.set(match[1]!, entry);
  }
  return [...byFolder.values()].map((entry) => {
    if (entry.indexMarkdown === undefined || entry.labYaml === undefined) throw new LabContentError(`${entry.folder}: needs both index.md and lab.yaml.`);
    return entry as LabSource;
  });
}
