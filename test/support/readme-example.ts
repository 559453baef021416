/** The README's library example, read from README.md as users copy it (so tests never drift from it). */
import { readFileSync } from 'node:fs';

export function readmeLibraryExample(readme: string = readFileSync('README.md', 'utf8')): string {
  const section = readme.slice(readme.indexOf('## The library'));
  const code = /```js\n([\s\S]*?)```/.exec(section)?.[1];
  if (code === undefined) throw new Error('README.md has no js block under "## The library"');
  return code;
}
