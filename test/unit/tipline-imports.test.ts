import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

type Graph = Map<string, Set<string>>;

/** Every .ts file under `root` and the files of `root` it imports (type-only imports count too). */
function importGraph(root: string): Graph {
  const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts')).map((f) => join(root, f));
  return new Map(
    files.map((file) => {
      const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
      const local = importedFiles
        .map((i) => i.fileName)
        .filter((name) => name.startsWith('.'))
        .map((name) => resolve(dirname(file), name))
        .filter((path) => path.startsWith(resolve(root)))
        .map((path) => relative(root, path));
      return [relative(root, file), new Set(local)];
    }),
  );
}

/** A circle in the graph, as the path that closes it (a → b → a), or undefined if there is none. */
function findCircle(graph: Graph): string[] | undefined {
  const done = new Set<string>();
  const path: string[] = [];
  function visit(node: string): string[] | undefined {
    const open = path.indexOf(node);
    if (open >= 0) return [...path.slice(open), node];
    if (done.has(node)) return undefined;
    path.push(node);
    for (const next of graph.get(node) ?? []) {
      const circle = visit(next);
      if (circle) return circle;
    }
    path.pop();
    done.add(node);
    return undefined;
  }
  for (const node of graph.keys()) {
    const circle = visit(node);
    if (circle) return circle;
  }
  return undefined;
}

/** The part of the tip line a file belongs to: its folder under _lib/, or the shared file's name. */
function partOf(file: string): string {
  const [top, part] = file.split('/');
  if (top !== '_lib') return 'handlers';
  return part.replace(/\.ts$/, '');
}

/** The same graph between parts (channels, intake, store, …): who may change whom. */
function partGraph(files: Graph): Graph {
  const parts: Graph = new Map();
  for (const [file, imports] of files) {
    const from = partOf(file);
    const edges = parts.get(from) ?? new Set();
    for (const target of imports) if (partOf(target) !== from) edges.add(partOf(target));
    parts.set(from, edges);
  }
  return parts;
}

const files = importGraph('functions');
const parts = partGraph(files);

describe('the tip line\'s modules', () => {
  it('import each other in no circle, file by file', () => {
    expect(findCircle(files)).toBeUndefined();
  });

  it('import each other in no circle, part by part', () => {
    expect(findCircle(parts)).toBeUndefined();
  });

  it('keep the store free of what uses it, and the shared modules free of every part', () => {
    expect([...parts.get('store')!].sort()).toEqual(['crypto']);
    for (const shared of ['config', 'crypto', 'content']) expect([...parts.get(shared)!], shared).toEqual([]);
  });

  it('are found by the check, and a circle is found when there is one', () => {
    expect(files.get('_lib/intake/receive.ts')).toContain('_lib/store/inbound-batch.ts');
    const circular: Graph = new Map([['a', new Set(['b'])], ['b', new Set(['c'])], ['c', new Set(['a'])], ['d', new Set(['a'])]]);
    expect(findCircle(circular)).toEqual(['a', 'b', 'c', 'a']);
  });
});
