import { bytesToBase64, utf8Encode } from '../../encoding/index.ts';
import { paramError } from './cli-errors.ts';

/**
 * `file://` and `fileb://` parameter values read from the terminal's virtual files, as the CLI reads them from disk
 * (awscli/paramfile.py): `file://` gives the text, `fileb://` the bytes, which reach a blob parameter base64-encoded
 * as the CLI's default binary format expects. A missing file is the CLI's own error for that parameter.
 */
export function expandParamFiles(argv: readonly string[], readFile: (path: string) => string | undefined): string[] {
  return argv.map((word, index) => {
    const inline = /^(--[A-Za-z0-9-]+)=(fileb?:\/\/.*)$/s.exec(word);
    const flag = inline ? inline[1]! : argv[index - 1]?.startsWith('--') ? argv[index - 1]! : undefined;
    const value = inline ? inline[2]! : word;
    const match = /^(fileb?):\/\/(.*)$/s.exec(value);
    if (!match || !flag) return word;
    const [, scheme, path] = match as unknown as [string, string, string];
    const text = readFile(path);
    if (text === undefined) throw paramError(flag, `Unable to load paramfile ${value}: [Errno 2] No such file or directory: '${path}'`);
    const expanded = scheme === 'fileb' ? bytesToBase64(utf8Encode(text)) : text;
    return inline ? `${flag}=${expanded}` : expanded;
  });
}
