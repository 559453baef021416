/** The imports between folders (src/core, src/ui/store, extension/panel...), one arrow per pair, as docs/architecture.md lists them. */
export function folderOf(file: string): string {
  const parts = file.replace(/\.tsx?$/, '').split('/');
  return parts.slice(0, parts[1] === 'ui' ? 3 : 2).join('/');
}

/** `from -> to, to2` lines, sorted, for every folder whose modules import another folder's. */
export function folderArrows(graph: ReadonlyMap<string, readonly string[]>): string[] {
  const arrows = new Map<string, Set<string>>();
  for (const [file, targets] of graph) {
    for (const target of targets) {
      const from = folderOf(file);
      const to = folderOf(target);
      if (from === to) continue;
      if (!arrows.has(from)) arrows.set(from, new Set());
      (arrows.get(from) as Set<string>).add(to);
    }
  }
  return [...arrows].sort(([a], [b]) => (a < b ? -1 : 1)).map(([from, targets]) => `${from} -> ${[...targets].sort().join(', ')}`);
}
