/**
 * The layers as docs/architecture.md draws them: every arrow there is an import that exists, none
 * is missing, and no module imports itself back through others (an import cycle).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { folderArrows } from './folder-arrows.js';
import { importCycles, importGraph } from './import-graph.js';

const graph = importGraph(['src', 'extension']);

describe('the imports', () => {
  it('reads the sources (the checks below would pass on nothing otherwise)', () => {
    expect(graph.size).toBeGreaterThan(150);
    expect(graph.get('src/grade/grade-observations.ts')).toContain('src/inventory/cookie-inventory.ts');
  });

  it('form no cycle', () => {
    expect(importCycles(graph)).toEqual([]);
  });

  it('between folders are exactly the arrows of docs/architecture.md', () => {
    const documented = /```imports\n([\s\S]*?)```/.exec(readFileSync('docs/architecture.md', 'utf8'))?.[1]?.trim().split('\n') ?? [];
    // On a failure, the block to write is the "expected" side.
    expect(documented).toEqual(folderArrows(graph));
  });
});

describe('importCycles', () => {
  it('finds a cycle through several modules, and none in a chain', () => {
    expect(
      importCycles(
        new Map([
          ['a', ['b']],
          ['b', ['c']],
          ['c', ['a']],
          ['d', ['a']],
        ]),
      ),
    ).toEqual([['a', 'b', 'c']]);
    expect(
      importCycles(
        new Map([
          ['a', ['b']],
          ['b', ['c']],
          ['c', []],
        ]),
      ),
    ).toEqual([]);
  });
});
