/**
 * The little XML the Query protocol needs: escaped text and elements. AWS writes no XML declaration in IAM and STS
 * responses, and escapes the five XML special characters in text.
 */

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** `<name>content</name>`, or `<name/>` when empty; content is already XML (escape text first). */
export function element(name: string, content: string, attributes = ''): string {
  return content === '' ? `<${name}${attributes}/>` : `<${name}${attributes}>${content}</${name}>`;
}
