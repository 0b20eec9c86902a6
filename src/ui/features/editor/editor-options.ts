import type { editor as MonacoEditor } from 'monaco-editor/editor';

/**
 * What every SecretsLab Monaco editor shares. Type-only import of Monaco: this module sits in the lazy views' chunks
 * without pulling the editor in (only monaco-loader.ts imports it, through `import()`).
 */

/** Monaco's theme for the app's current theme (the shell sets `data-theme` on the root element). */
export function monacoTheme(): 'vs' | 'vs-dark' {
  return document.documentElement.dataset.theme === 'dark' ? 'vs-dark' : 'vs';
}

/** Follows the app's theme switch while an editor lives; returns the stop function for the component's clean-up. */
export function followAppTheme(apply: (theme: 'vs' | 'vs-dark') => void): () => void {
  const watch = new MutationObserver(() => apply(monacoTheme()));
  watch.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  return () => watch.disconnect();
}

/** The editor's accessible name: what it edits, and how a keyboard user gets in and out of it. */
export function editorAriaLabel(what: string): string {
  return `${what}. Tab moves focus out of the editor; Control+M switches Tab to indenting.`;
}

/**
 * The options both editors need. tabFocusMode keeps Tab for moving focus (keyboard users are not trapped; the label
 * says how to indent instead), and fixedOverflowWidgets lets hovers escape the frame's border.
 */
export function baseEditorOptions(ariaLabel: string, fontSize: number): MonacoEditor.IStandaloneEditorConstructionOptions {
  return {
    ariaLabel: editorAriaLabel(ariaLabel),
    automaticLayout: true,
    minimap: { enabled: false },
    fontSize,
    lineNumbersMinChars: 3,
    scrollBeyondLastLine: false,
    tabFocusMode: true,
    fixedOverflowWidgets: true,
    theme: monacoTheme(),
  };
}
