import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from './node-types';
import { anyModuleMatches, moduleMatches } from '../knowledge/clients';
import { BROWSER_MODULES, KEY_GENERATORS } from '../knowledge/retries';
import { contains, enclosingStatement, isVariableName, walk } from './ast-walk';
import { lineBreak } from './fixes';
import { findVariable, resolveOrigin, singleAssignmentInit } from './origin';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;
type Fixer = TSESLint.RuleFixer;

/** `randomUUID()`, `uuidv4()`, `nanoid()`, `Date.now()`, `Math.random()`: a call that makes a new value each time. */
export function isKeyGenerator(context: Context, node: TSESTree.Node): node is TSESTree.CallExpression {
  if (node.type !== AST_NODE_TYPES.CallExpression) return false;
  const origin = resolveOrigin(context, node.callee);
  if (!origin || origin.kind === 'call') return false;
  const path = origin.path.join('.');
  if (origin.kind === 'global') {
    const full = path ? `${origin.name}.${path}` : origin.name;
    return KEY_GENERATORS.some((generator) => generator.module === undefined && generator.path === full);
  }
  return KEY_GENERATORS.some((generator) => generator.module !== undefined && moduleMatches(generator.module, origin.module) && generator.path === path);
}

/**
 * Where the key's fresh value comes from: a generator call in the key expression, or in the initializer of
 * the `const` it names. `declaration` is set when it comes through a variable.
 */
export interface KeySource {
  generator: TSESTree.CallExpression;
  /** The statement declaring the key variable, when the key names one. */
  declaration?: TSESTree.Statement;
}

export function keySource(context: Context, value: TSESTree.Node, depth = 0): KeySource | undefined {
  let generator: TSESTree.CallExpression | undefined;
  walk(context.sourceCode, value, (node) => {
    if (generator) return false;
    if (isKeyGenerator(context, node)) generator = node;
    return undefined;
  });
  if (generator) return { generator };
  if (depth > 3) return undefined;
  let found: KeySource | undefined;
  walk(context.sourceCode, value, (node) => {
    if (found || node.type !== AST_NODE_TYPES.Identifier) return undefined;
    const variable = findVariable(context, node);
    const init = variable && singleAssignmentInit(variable);
    if (!init) return undefined;
    const inner = keySource(context, init, depth + 1);
    if (inner) found = { generator: inner.generator, declaration: inner.declaration ?? enclosingStatement(init) };
    return undefined;
  });
  return found;
}

/** Does `node` read a variable declared inside `region` (so it cannot move out of it)? */
export function readsVariablesFrom(context: Context, node: TSESTree.Node, region: TSESTree.Node): boolean {
  let reads = false;
  walk(context.sourceCode, node, (child) => {
    if (reads) return false;
    if (child.type === AST_NODE_TYPES.Identifier) {
      const def = findVariable(context, child)?.defs[0];
      if (def && contains(region, def.name) && !contains(node, def.name)) reads = true;
    }
    return undefined;
  });
  return reads;
}

/** A name for the new key that nothing visible at `anchor` (or inside `region`) already uses. */
export function freshName(context: Context, anchor: TSESTree.Node, region: TSESTree.Node, base: string): string {
  const taken = new Set<string>();
  for (let scope: TSESLint.Scope.Scope | null = context.sourceCode.getScope(anchor); scope; scope = scope.upper) {
    for (const variable of scope.variables) taken.add(variable.name);
    for (const reference of scope.through) taken.add(reference.identifier.name);
  }
  walk(context.sourceCode, region, (node) => {
    if (node.type === AST_NODE_TYPES.Identifier && isVariableName(node)) taken.add(node.name);
  });
  if (!taken.has(base)) return base;
  for (let index = 2; ; index++) if (!taken.has(`${base}${index}`)) return `${base}${index}`;
}

export function lineIndent(context: Context, node: TSESTree.Node): string {
  return /^\s*/.exec(context.sourceCode.lines[node.loc.start.line - 1] ?? '')![0];
}

/**
 * The expression that makes a new key, and the fix that imports it when needed. Prefers an existing
 * `randomUUID` import; otherwise adds `import { randomUUID } from 'node:crypto'` (or a `require` in a
 * CommonJS file) in the same suggestion.
 */
export function randomUuid(context: Context, fixer: Fixer): { expression: string; fixes: TSESLint.RuleFix[] } {
  const program = context.sourceCode.ast;
  const imports = program.body.filter((statement): statement is TSESTree.ImportDeclaration => statement.type === AST_NODE_TYPES.ImportDeclaration);
  const fromCrypto = imports.filter((declaration) => ['crypto', 'node:crypto'].includes(String(declaration.source.value)) && declaration.importKind !== 'type');
  for (const declaration of fromCrypto) {
    for (const specifier of declaration.specifiers) {
      if (specifier.type === AST_NODE_TYPES.ImportSpecifier && specifier.imported.type === AST_NODE_TYPES.Identifier && specifier.imported.name === 'randomUUID') return { expression: `${specifier.local.name}()`, fixes: [] };
      if (specifier.type === AST_NODE_TYPES.ImportNamespaceSpecifier || specifier.type === AST_NODE_TYPES.ImportDefaultSpecifier) return { expression: `${specifier.local.name}.randomUUID()`, fixes: [] };
    }
  }
  if (imports.some((declaration) => anyModuleMatches(BROWSER_MODULES, String(declaration.source.value)))) return { expression: 'crypto.randomUUID()', fixes: [] };
  const globalScope = context.sourceCode.getScope(program);
  const moduleScope = globalScope.childScopes.find((scope) => scope.type === 'module') ?? globalScope;
  if (moduleScope.set.has('randomUUID') || globalScope.set.has('randomUUID')) return { expression: 'crypto.randomUUID()', fixes: [] };
  const named = fromCrypto.find((declaration) => declaration.specifiers.some((specifier) => specifier.type === AST_NODE_TYPES.ImportSpecifier));
  if (named) {
    const last = named.specifiers[named.specifiers.length - 1]!;
    return { expression: 'randomUUID()', fixes: [fixer.insertTextAfter(last, ', randomUUID')] };
  }
  const eol = lineBreak(context.sourceCode);
  const lastImport = imports[imports.length - 1];
  if (lastImport) return { expression: 'randomUUID()', fixes: [fixer.insertTextAfter(lastImport, `${eol}import { randomUUID } from 'node:crypto';`)] };
  const first = program.body[0];
  const line = (!isCommonJs(context) ? "import { randomUUID } from 'node:crypto';" : "const { randomUUID } = require('node:crypto');") + eol;
  if (!first) return { expression: 'randomUUID()', fixes: [fixer.insertTextAfterRange([0, 0], line)] };
  // After a 'use strict' directive and before the first real statement, keeping the header comment on top.
  const directive = first.type === AST_NODE_TYPES.ExpressionStatement && first.directive ? first : undefined;
  if (directive) return { expression: 'randomUUID()', fixes: [fixer.insertTextAfter(directive, `${eol}${line.trimEnd()}`)] };
  return { expression: 'randomUUID()', fixes: [fixer.insertTextBefore(first, line)] };
}

const COMMONJS_GLOBALS = new Set(['require', 'module', 'exports']);
const EXPORTS = new Set<string>([AST_NODE_TYPES.ExportNamedDeclaration, AST_NODE_TYPES.ExportDefaultDeclaration, AST_NODE_TYPES.ExportAllDeclaration]);

/** A file with no import or export that reaches for `require`, `module` or `exports` (`exports.handler = …`) is CommonJS. */
function isCommonJs(context: Context): boolean {
  const program = context.sourceCode.ast;
  if (program.sourceType !== 'module') return true;
  if (program.body.some((statement) => EXPORTS.has(statement.type))) return false;
  return context.sourceCode.getScope(program).through.some((reference) => COMMONJS_GLOBALS.has(reference.identifier.name));
}

/** Removes a statement that sits alone on its lines, with its line break, leaving other code and comments. */
export function removeStatementLine(context: Context, fixer: Fixer, statement: TSESTree.Statement): TSESLint.RuleFix {
  const text = context.sourceCode.text;
  let start = statement.range[0];
  while (start > 0 && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
  let end = statement.range[1];
  const aloneBefore = start === 0 || text[start - 1] === '\n';
  const newline = text.indexOf('\n', end);
  const restOfLine = newline === -1 ? text.slice(end) : text.slice(end, newline);
  if (aloneBefore && restOfLine.trim() === '') end = newline === -1 ? text.length : newline + 1;
  else start = statement.range[0];
  return fixer.removeRange([start, end]);
}
