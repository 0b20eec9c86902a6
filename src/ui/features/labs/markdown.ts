import DOMPurify from 'dompurify';
import { marked } from 'marked';

/** Lab texts are our own content, but they are still sanitized: never render unsanitized HTML. */
export function renderMarkdown(text: string): string {
  return DOMPurify.sanitize(marked.parse(text, { async: false, gfm: true }));
}
