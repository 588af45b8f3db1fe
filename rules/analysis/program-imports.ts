import * as ts from 'typescript';
import { isExternal } from './retry-program';

/**
 * Which files of the program can run in one process, read from their imports. A setting one file makes on
 * a shared module (`axiosRetry(axios)` in a start-up file) holds for another file's calls only when some
 * file loads both: an entry point that imports the setup and, through its routes, the caller. A program
 * can hold several entry points (a server, a script, a scratch app), so "in the same program" is not enough.
 */
interface ImportGraph {
  imports: Map<ts.SourceFile, ts.SourceFile[]>;
  importers: Map<ts.SourceFile, ts.SourceFile[]>;
  /** For a file that makes a setting: every file loaded alongside it by one of its importers. */
  alongside: Map<ts.SourceFile, ReadonlySet<ts.SourceFile>>;
}

const graphs = new WeakMap<ts.Program, ImportGraph>();

function graphOf(program: ts.Program, checker: ts.TypeChecker): ImportGraph {
  const cached = graphs.get(program);
  if (cached) return cached;
  const graph: ImportGraph = { imports: new Map(), importers: new Map(), alongside: new Map() };
  for (const file of program.getSourceFiles()) {
    if (isExternal(file)) continue;
    const targets = importedFiles(checker, file);
    graph.imports.set(file, targets);
    for (const target of targets) {
      const list = graph.importers.get(target) ?? [];
      list.push(file);
      graph.importers.set(target, list);
    }
  }
  graphs.set(program, graph);
  return graph;
}

/** The program files `file` loads: `import`, `export … from`, `require(…)` and `import(…)` of a path. */
function importedFiles(checker: ts.TypeChecker, file: ts.SourceFile): ts.SourceFile[] {
  const found: ts.SourceFile[] = [];
  const add = (specifier: ts.Node | undefined): void => {
    if (!specifier || !ts.isStringLiteralLike(specifier)) return;
    const declaration = checker.getSymbolAtLocation(specifier)?.valueDeclaration;
    if (declaration && ts.isSourceFile(declaration) && !isExternal(declaration)) found.push(declaration);
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) add(node.moduleSpecifier);
    else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) add(node.moduleReference.expression);
    else if (ts.isCallExpression(node) && node.arguments.length === 1 && (node.expression.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(node.expression) && node.expression.text === 'require'))) add(node.arguments[0]);
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

function reach(start: Iterable<ts.SourceFile>, next: (file: ts.SourceFile) => readonly ts.SourceFile[] | undefined): Set<ts.SourceFile> {
  const seen = new Set(start);
  const queue = [...seen];
  while (queue.length > 0) {
    for (const other of next(queue.pop()!) ?? []) {
      if (!seen.has(other)) {
        seen.add(other);
        queue.push(other);
      }
    }
  }
  return seen;
}

/** Does some file of the program load both `setting` and `caller` (directly or through others)? */
export function loadedTogether(program: ts.Program, checker: ts.TypeChecker, setting: ts.SourceFile, caller: ts.SourceFile): boolean {
  const graph = graphOf(program, checker);
  let alongside = graph.alongside.get(setting);
  if (!alongside) {
    const loaders = reach([setting], (file) => graph.importers.get(file));
    alongside = reach(loaders, (file) => graph.imports.get(file));
    graph.alongside.set(setting, alongside);
  }
  return alongside.has(caller);
}
