import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from './node-types';
import * as ts from 'typescript';
import { anyModuleMatches, CLIENTS, dottedPathMatches, moduleMatches, normaliseModule } from '../knowledge/clients';
import { attemptsFromCount, HTTP_CONSEQUENCE, IDEMPOTENCY_HEADERS, isIdempotencyHeader, KEY_GENERATORS, NON_IDEMPOTENT_METHODS, RETRY_LIBRARIES, SDKS } from '../knowledge/retries';
import { INTEROP_HELPERS, isModuleExport } from './origin';
import type { TypeFacts } from './types';

/**
 * With type information, a retried call to a function in another file of the program is followed there:
 * `pRetry(() => createOrder())` where `createOrder` (in orders.ts) POSTs is a retried POST. This reads the
 * other file's TypeScript AST (ESLint only parses the file being linted), so it recognises the common
 * shapes only: verb helpers of the HTTP clients in the knowledge table and their instances, `fetch` with a
 * literal `method`, and the SDK operations in the retry table. Summaries are memoised per program.
 */
export interface ProgramOperation {
  /** `operation`: a non-idempotent call; `retry`: a retry library's scope (for nested-retry arithmetic). */
  kind: 'operation' | 'retry';
  /** `retry`: its worst-case attempts. */
  attempts?: number;
  label: string;
  consequence: string;
  /** "createOrder() in orders.ts on line 12". */
  where: string;
  /** The key is generated inside the function, so each attempt sends a new one. */
  unstableKey: boolean;
}

export type TsOrigin =
  | { kind: 'module'; module: string; path: string[] }
  | { kind: 'global'; name: string; path: string[] }
  | { kind: 'call'; callee: TsOrigin; path: string[] };

const MAX_DEPTH = 3;
const summaries = new WeakMap<ts.Program, Map<ts.Node, ProgramOperation[]>>();

const HTTP_MODULES = CLIENTS.filter((client) => client.category === 'http').flatMap((client) => client.modules);
const VERBS: Record<string, string> = { post: 'POST', patch: 'PATCH', postForm: 'POST', patchForm: 'PATCH' };

export function isExternal(file: ts.SourceFile): boolean {
  return file.isDeclarationFile || /[\\/]node_modules[\\/]/.test(file.fileName);
}

export function functionBody(declaration: ts.Declaration | undefined): ts.Node | undefined {
  if (!declaration) return undefined;
  if ((ts.isFunctionDeclaration(declaration) || ts.isMethodDeclaration(declaration) || ts.isFunctionExpression(declaration) || ts.isArrowFunction(declaration)) && declaration.body) return declaration.body;
  if (ts.isVariableDeclaration(declaration) && declaration.initializer && (ts.isArrowFunction(declaration.initializer) || ts.isFunctionExpression(declaration.initializer))) return declaration.initializer.body;
  if (ts.isPropertyAssignment(declaration) || ts.isPropertyDeclaration(declaration)) {
    const init = declaration.initializer;
    if (init && (ts.isArrowFunction(init) || ts.isFunctionExpression(init))) return init.body;
  }
  return undefined;
}

export function declarationOf(checker: ts.TypeChecker, node: ts.Node): ts.Declaration | undefined {
  let symbol = checker.getSymbolAtLocation(ts.isPropertyAccessExpression(node) ? node.name : node);
  if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
  const declaration = symbol?.valueDeclaration ?? symbol?.declarations?.[0];
  // CommonJS: `module.exports = { httpRequest }` declares the export as a property; the function is its value.
  if (declaration && ts.isShorthandPropertyAssignment(declaration)) {
    const value = checker.getShorthandAssignmentValueSymbol(declaration);
    return value?.valueDeclaration ?? value?.declarations?.[0];
  }
  if (declaration && ts.isPropertyAssignment(declaration) && ts.isIdentifier(declaration.initializer)) return assignedDeclaration(checker, declaration.initializer);
  // CommonJS: `exports.retry = async (fn) => …` declares the export as the assignment's target; the function is its value.
  const assignment = declaration && ts.isPropertyAccessExpression(declaration) && isExportsObject(declaration.expression) && symbol?.declarations?.length === 1 ? declaration.parent : undefined;
  if (assignment && ts.isBinaryExpression(assignment) && assignment.left === (declaration as ts.Node) && assignment.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
    const value = unparenthesised(assignment.right);
    if (ts.isArrowFunction(value) || ts.isFunctionExpression(value)) return value;
    if (ts.isIdentifier(value)) return assignedDeclaration(checker, value);
  }
  return declaration;
}

/** `exports` or `module.exports`, whose members a CommonJS module exports. */
function isExportsObject(node: ts.Expression): boolean {
  if (ts.isIdentifier(node)) return node.text === 'exports';
  return ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'module' && node.name.text === 'exports';
}

export function unparenthesised(node: ts.Expression): ts.Expression {
  return ts.isParenthesizedExpression(node) ? unparenthesised(node.expression) : node;
}

/** What a function returns when it is one expression: an arrow's body, or a body that is only a `return`. */
export function returnedExpression(fn: ts.ArrowFunction | ts.FunctionExpression | ts.FunctionDeclaration): ts.Expression | undefined {
  if (!fn.body) return undefined;
  if (!ts.isBlock(fn.body)) return fn.body;
  const [only] = fn.body.statements;
  return fn.body.statements.length === 1 && only && ts.isReturnStatement(only) ? only.expression : undefined;
}

function assignedDeclaration(checker: ts.TypeChecker, value: ts.Identifier): ts.Declaration | undefined {
  const symbol = checker.getSymbolAtLocation(value);
  return symbol?.valueDeclaration ?? symbol?.declarations?.[0];
}

/** The TypeScript node of what a callee names: of `(0, retry_1.withRetry)`, compiled code's call without a `this`, the last expression. */
export function tsCallee(types: TypeFacts, callee: TSESTree.Node): ts.Node {
  return types.toTs(callee.type === AST_NODE_TYPES.SequenceExpression ? callee.expressions[callee.expressions.length - 1]! : callee);
}

/** Does `callee` name a function with a body in a file of the program, not in a library? */
export function namesProgramFunction(types: TypeFacts, callee: TSESTree.Node): boolean {
  const tsNode = tsCallee(types, callee);
  const body = tsNode && functionBody(declarationOf(types.checker, tsNode));
  return body !== undefined && !isExternal(body.getSourceFile());
}

/** Where a TypeScript expression comes from: an import of a package, a global, or a call of one. */
export function originOf(checker: ts.TypeChecker, node: ts.Node, depth = 0): TsOrigin | undefined {
  if (depth > 8) return undefined;
  if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isNonNullExpression(node) || ts.isAwaitExpression(node)) return originOf(checker, node.expression, depth + 1);
  // `(0, async_retry_1.default)(…)`: compiled code calls an import without a `this`; the value is the last one.
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.CommaToken) return originOf(checker, node.right, depth + 1);
  if (ts.isPropertyAccessExpression(node)) {
    const object = originOf(checker, node.expression, depth + 1);
    // `__importDefault(require('m')).default` is the module itself, as in the ESTree reading.
    if (object?.kind === 'module' && object.path.length === 0 && node.name.text === 'default') return object;
    return object && { ...object, path: [...object.path, node.name.text] } as TsOrigin;
  }
  const required = ts.isCallExpression(node) ? interopRequired(node) : undefined;
  if (required !== undefined) return { kind: 'module', module: normaliseModule(required), path: [] };
  if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
    const callee = originOf(checker, node.expression, depth + 1);
    return callee && { kind: 'call', callee, path: [] };
  }
  if (!ts.isIdentifier(node)) return undefined;
  const symbol = checker.getSymbolAtLocation(node);
  const declaration = symbol?.declarations?.[0];
  if (!symbol || !declaration) return undefined;
  if (ts.isImportSpecifier(declaration) || ts.isImportClause(declaration) || ts.isNamespaceImport(declaration)) {
    const importDeclaration = ts.isImportSpecifier(declaration) ? declaration.parent.parent.parent : ts.isImportClause(declaration) ? declaration.parent : declaration.parent.parent;
    const module = normaliseModule((importDeclaration.moduleSpecifier as ts.StringLiteral).text);
    if (module.startsWith('.')) return exportedOrigin(checker, symbol, depth);
    const imported = ts.isImportSpecifier(declaration) ? (declaration.propertyName ?? declaration.name).text : undefined;
    return { kind: 'module', module, path: imported && imported !== 'default' ? [imported] : [] };
  }
  if (ts.isVariableDeclaration(declaration) && declaration.initializer && ts.isIdentifier(declaration.name)) {
    // `const https = require('https')` in CommonJS.
    const required = requiredModule(declaration.initializer);
    if (required !== undefined) return { kind: 'module', module: normaliseModule(required), path: [] };
    return originOf(checker, declaration.initializer, depth + 1);
  }
  if (isExternal(declaration.getSourceFile())) return { kind: 'global', name: node.text, path: [] };
  return undefined;
}

/**
 * What an import from a file of the program names, followed one re-export at a time: a `const` there
 * (`export const api = axios.create(…)`), or what `export default axios` hands on after configuring it.
 */
function exportedOrigin(checker: ts.TypeChecker, imported: ts.Symbol, depth: number): TsOrigin | undefined {
  let current = imported;
  for (let step = 0; step < 4; step++) {
    const next = checker.getImmediateAliasedSymbol(current);
    const declaration = next?.valueDeclaration ?? next?.declarations?.[0];
    if (!next || !declaration) return undefined;
    if (ts.isExportAssignment(declaration)) return originOf(checker, declaration.expression, depth + 1);
    if (ts.isVariableDeclaration(declaration)) return declaration.initializer ? originOf(checker, declaration.initializer, depth + 1) : undefined;
    if (!(next.flags & ts.SymbolFlags.Alias)) return undefined;
    current = next;
  }
  return undefined;
}

/** `__importDefault(require('m'))`, `tslib.__importStar(require('m'))`: compiled ES imports hand back the module. */
function interopRequired(node: ts.CallExpression): string | undefined {
  const callee = ts.isPropertyAccessExpression(node.expression) ? node.expression.name : node.expression;
  const [argument] = node.arguments;
  return ts.isIdentifier(callee) && INTEROP_HELPERS.has(callee.text) && argument ? requiredModule(argument) : undefined;
}

function requiredModule(node: ts.Expression): string | undefined {
  if (!ts.isCallExpression(node) || !ts.isIdentifier(node.expression) || node.expression.text !== 'require') return undefined;
  const [argument] = node.arguments;
  return argument && ts.isStringLiteralLike(argument) && !argument.text.startsWith('.') ? argument.text : undefined;
}

export function rootModule(origin: TsOrigin | undefined): string | undefined {
  if (!origin) return undefined;
  if (origin.kind === 'call') return rootModule(origin.callee);
  return origin.kind === 'module' ? origin.module : undefined;
}

function stringProperty(object: ts.ObjectLiteralExpression, name: string): ts.Expression | undefined {
  for (const property of object.properties) {
    if (ts.isPropertyAssignment(property) && (ts.isIdentifier(property.name) || ts.isStringLiteral(property.name)) && property.name.text === name) return property.initializer;
    if (ts.isShorthandPropertyAssignment(property) && property.name.text === name) return property.name;
  }
  return undefined;
}

/** The idempotency key value in an options object literal's headers, or in an SDK `idempotencyKey` option. */
function keyIn(options: ts.Expression | undefined, sdkOption?: string): ts.Expression | 'unknown' | undefined {
  if (!options) return undefined;
  if (!ts.isObjectLiteralExpression(options)) return 'unknown';
  if (sdkOption) return stringProperty(options, sdkOption);
  const headers = stringProperty(options, 'headers');
  if (!headers) return options.properties.some((property) => ts.isSpreadAssignment(property)) ? 'unknown' : undefined;
  if (!ts.isObjectLiteralExpression(headers)) return 'unknown';
  for (const property of headers.properties) {
    if (ts.isSpreadAssignment(property)) return 'unknown';
    const name = property.name && (ts.isIdentifier(property.name) || ts.isStringLiteral(property.name)) ? property.name.text.toLowerCase() : undefined;
    if (name && isIdempotencyHeader(name, IDEMPOTENCY_HEADERS) && ts.isPropertyAssignment(property)) return property.initializer;
  }
  return undefined;
}

function generatesKey(checker: ts.TypeChecker, node: ts.Node): boolean {
  let found = false;
  const visit = (child: ts.Node): void => {
    if (found) return;
    if (ts.isCallExpression(child)) {
      const origin = originOf(checker, child.expression);
      const path = origin?.path.join('.') ?? '';
      if (origin?.kind === 'module' && KEY_GENERATORS.some((generator) => generator.module && moduleMatches(generator.module, origin.module) && generator.path === path)) found = true;
      if (origin?.kind === 'global' && KEY_GENERATORS.some((generator) => !generator.module && generator.path === [origin.name, ...origin.path].join('.'))) found = true;
    }
    ts.forEachChild(child, visit);
  };
  visit(node);
  return found;
}

function methodOf(options: ts.Expression | undefined): string | undefined {
  if (!options || !ts.isObjectLiteralExpression(options)) return undefined;
  const method = stringProperty(options, 'method');
  return method && ts.isStringLiteralLike(method) ? method.text.toUpperCase() : undefined;
}

/**
 * A module export of an HTTP client that takes the method in an options argument (`fetch` of node-fetch
 * or undici, `axios(config)`, `got(url, options)`): where those options are, from the client table.
 */
function methodOptionsIndex(origin: TsOrigin | undefined): number | undefined {
  if (origin?.kind !== 'module') return undefined;
  const module = origin.module;
  const client = CLIENTS.find((candidate) => candidate.category === 'http' && anyModuleMatches(candidate.modules, module));
  const shape = client?.calls.find((candidate) => candidate.on !== 'instance' && candidate.path === origin.path.join('.') && !candidate.httpMethod && !candidate.constructs);
  return shape?.options.kind === 'arg' ? shape.options.index : undefined;
}

/** One call in another file: a non-idempotent operation, or undefined. */
function classify(checker: ts.TypeChecker, call: ts.CallExpression): Omit<ProgramOperation, 'where'> | undefined {
  const callee = call.expression;
  const origin = originOf(checker, callee);
  const module = rootModule(origin);
  const withKey = (label: string, consequence: string, key: ts.Expression | 'unknown' | undefined): Omit<ProgramOperation, 'where'> | undefined => {
    if (key === 'unknown') return undefined;
    if (key && !generatesKey(checker, key)) return undefined;
    return { kind: 'operation', label, consequence, unstableKey: key !== undefined };
  };
  if (ts.isPropertyAccessExpression(callee) && VERBS[callee.name.text] && module && anyModuleMatches(HTTP_MODULES, module)) {
    const method = VERBS[callee.name.text]!;
    const optionsIndex = module === 'axios' ? 2 : 1;
    return withKey(method, HTTP_CONSEQUENCE[method]!, keyIn(call.arguments[optionsIndex]));
  }
  const optionsIndex = origin?.kind === 'global' && origin.name === 'fetch' && origin.path.length === 0 ? 1 : methodOptionsIndex(origin);
  if (optionsIndex !== undefined) {
    const method = methodOf(call.arguments[optionsIndex]);
    if (!method || !NON_IDEMPOTENT_METHODS.includes(method as never)) return undefined;
    return withKey(method, HTTP_CONSEQUENCE[method]!, keyIn(call.arguments[optionsIndex]));
  }
  if (origin?.kind === 'call' && module) {
    const sdk = SDKS.find((candidate) => anyModuleMatches(candidate.modules, module));
    const path = origin.path.join('.');
    const operation = sdk?.operations.find((candidate) => dottedPathMatches(candidate.path, path));
    if (!sdk || !operation) return undefined;
    const inParams = sdk.keyOption?.where === 'params';
    const options = call.arguments[(operation.leadingArgs ?? 0) + (inParams ? 0 : 1)];
    const names = !sdk.keyOption ? [] : sdk.keyOption.where === 'params' ? [sdk.keyOption.name, ...sdk.keyOption.aliases] : [sdk.keyOption.name];
    const key = names.reduce<ts.Expression | 'unknown' | undefined>((found, name) => found ?? keyIn(options, name), undefined);
    return withKey(`${sdk.name} ${path}`, operation.consequence, sdk.keyOption ? key ?? (options && !ts.isObjectLiteralExpression(options) ? 'unknown' : undefined) : undefined);
  }
  return undefined;
}

/** `pRetry(fn, { retries: 4 })` and the other callback libraries: their attempts, when the options say or the default does. */
function retryOf(checker: ts.TypeChecker, call: ts.CallExpression): Omit<ProgramOperation, 'where'> | undefined {
  const origin = originOf(checker, call.expression);
  const library = RETRY_LIBRARIES.find((candidate) => candidate.shape === 'call' && isModuleExport(origin, candidate.modules, candidate.path));
  if (!library) return undefined;
  const options = call.arguments[library.optionsArg];
  let attempts = library.defaultAttempts.kind === 'finite' ? library.defaultAttempts.attempts : undefined;
  if (options) {
    if (!ts.isObjectLiteralExpression(options)) return undefined;
    const count = stringProperty(options, library.countKey);
    if (count) attempts = ts.isNumericLiteral(count) ? (attemptsFromCount(Number(count.text), library.countKind) as { attempts: number }).attempts : undefined;
  }
  return attempts === undefined ? undefined : { kind: 'retry', attempts, label: library.name, consequence: '', unstableKey: false };
}

function nameOf(body: ts.Node): string {
  const fn = ts.isBlock(body) || ts.isExpression(body) ? body.parent : undefined;
  return (fn && functionNameOf(fn)) ?? 'the function';
}

/** How messages name a function of another file: its declared name, or that of the `const` holding it. */
export function functionNameOf(fn: ts.Node): string | undefined {
  if ((ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) && fn.parent && ts.isBinaryExpression(fn.parent) && ts.isPropertyAccessExpression(fn.parent.left)) return fn.parent.left.name.text;
  const named = (ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) && fn.parent && ts.isVariableDeclaration(fn.parent) ? fn.parent : fn;
  const name = (named as ts.NamedDeclaration).name;
  return name && ts.isIdentifier(name) ? name.text : undefined;
}

/** Where a node of another file is, as messages say it: "in api.ts on line 7". */
export function placeOf(node: ts.Node): string {
  const file = node.getSourceFile();
  return `in ${file.fileName.split(/[\\/]/).pop()} on line ${file.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
}

function summarise(checker: ts.TypeChecker, memo: Map<ts.Node, ProgramOperation[]>, body: ts.Node): ProgramOperation[] {
  return collectThroughCalls(checker, memo, body, (node, within) => {
    if (!ts.isCallExpression(node)) return undefined;
    const operation = classify(checker, node) ?? retryOf(checker, node);
    return operation && { ...operation, where: `${nameOf(within)}() ${placeOf(node)}` };
  });
}

/**
 * What `found` says of the calls in a function body of the program, and of the calls in the functions of
 * the program those calls run, up to MAX_DEPTH deep (a call `found` answers is not followed). Memoised per
 * body in `memo`; a cycle ends with what is found so far. `firstOnly` stops at the first answer.
 */
export function collectThroughCalls<T>(
  checker: ts.TypeChecker, memo: Map<ts.Node, T[]>, body: ts.Node, found: (node: ts.CallExpression | ts.NewExpression, within: ts.Node) => T | undefined,
  { firstOnly = false, depth = 0 }: { firstOnly?: boolean; depth?: number } = {},
): T[] {
  const cached = memo.get(body);
  if (cached) return cached;
  const collected: T[] = [];
  memo.set(body, collected); // cycles end here
  const visit = (node: ts.Node): void => {
    if (firstOnly && collected.length > 0) return;
    if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
      const answer = found(node, body);
      if (answer !== undefined) collected.push(answer);
      else if (depth < MAX_DEPTH && ts.isCallExpression(node)) {
        const declaration = declarationOf(checker, node.expression);
        const inner = declaration && !isExternal(declaration.getSourceFile()) ? functionBody(declaration) : undefined;
        if (inner) collected.push(...collectThroughCalls(checker, memo, inner, found, { firstOnly, depth: depth + 1 }));
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(body);
  return collected;
}

/**
 * The non-idempotent operations a call reaches in other files of the program. Empty without types, for
 * functions of the linted file (the ESTree analysis covers those) and for library code.
 */
export function programOperations(types: TypeFacts, callee: TSESTree.Node): ProgramOperation[] {
  const tsNode = tsCallee(types, callee);
  const declaration = tsNode && declarationOf(types.checker, tsNode);
  if (!declaration) return [];
  const file = declaration.getSourceFile();
  if (isExternal(file) || file === tsNode.getSourceFile()) return [];
  const body = functionBody(declaration);
  if (!body) return [];
  let memo = summaries.get(types.program);
  if (!memo) summaries.set(types.program, (memo = new Map()));
  return summarise(types.checker, memo, body);
}
