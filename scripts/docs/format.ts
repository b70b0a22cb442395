/**
 * Formats generated Markdown with the project's Prettier settings (`.prettierrc.json`), so the
 * generated files pass `prettier --check` and a second run writes nothing. Prettier is loaded
 * only when formatting: Prettier 3 loads itself through a dynamic `import()`, which Jest's
 * CommonJS runtime refuses, so the unit tests exercise the renderers directly and run the
 * formatting through the command line.
 */

/** The Markdown as Prettier would write it at `path`. */
export async function formatMarkdown(markdown: string, path: string): Promise<string> {
  const prettier = await import('prettier');
  const options = (await prettier.resolveConfig(path)) ?? {};
  return prettier.format(markdown, { ...options, filepath: path, parser: 'markdown' });
}
