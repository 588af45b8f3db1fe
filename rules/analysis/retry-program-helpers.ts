import type { TSESTree } from '@typescript-eslint/utils';
import * as ts from 'typescript';
import { attemptsFromCount, NAMES_UNPROCESSED_FAILURE, RETRY_LIBRARIES } from '../knowledge/retries';
import { isModuleExport } from './origin';
import { declarationOf, functionNameOf, isExternal, originOf, placeOf, tsCallee } from './retry-program';
import { loopRetrying } from './retry-program-loops';
import { recursionRetrying } from './retry-program-recursion';
import type { TypeFacts } from './types';

/**
 * With type information, a retry helper imported from another file of the program:
 * `withRetry(() => fetch(url, { method: 'POST' }))` where `withRetry` (in retry.ts) runs the callback it is
 * given inside a retry library's call or a loop whose catch goes round again. Like retry-program.ts, this
 * reads the other file's TypeScript AST, so it knows the common shapes only.
 */
export interface ProgramRetryHelper {
  /** `withRetry() (p-retry in retry.ts on line 4)`. */
  description: string;
  /** The helper's parameter that holds the retried callback. */
  callbackIndex: number;
  /** Worst-case attempts, when a library's options or default say. */
  attempts?: number;
  /** Its catch or its library call names a refused failure (a 429): it may repeat only those. */
  namesRefusedFailure?: true;
}

export type HelperDeclaration = ts.FunctionDeclaration | ts.FunctionExpression | ts.ArrowFunction | ts.MethodDeclaration;

const helpers = new WeakMap<ts.Program, Map<ts.Node, ProgramRetryHelper | null>>();

/**
 * The retry helper `callee` names in another file of the program, if it is one: a function, or a method
 * called on an instance of a class of the program (`this.http.execute(() => …)`).
 */
export function programRetryHelper(types: TypeFacts, callee: TSESTree.Node): ProgramRetryHelper | undefined {
  return readProgramFunction(types, callee, helpers, readHelper, true);
}

/**
 * What `read` says of the function `callee` names in another file of the program, read once per program
 * and function. Undefined for library code, for functions of the linted file (the ESTree analysis reads
 * those) and for anything that is not a function with a body (a method only when `methods` says so).
 */
export function readProgramFunction<T>(
  types: TypeFacts, callee: TSESTree.Node, memoByProgram: WeakMap<ts.Program, Map<ts.Node, T | null>>, read: (checker: ts.TypeChecker, fn: HelperDeclaration) => T | undefined,
  methods = false,
): T | undefined {
  const tsNode = tsCallee(types, callee);
  const declaration = tsNode && declarationOf(types.checker, tsNode);
  const fn = declaration && (methods && ts.isMethodDeclaration(declaration) && declaration.body ? declaration : helperFunction(declaration));
  if (!fn || isExternal(fn.getSourceFile()) || fn.getSourceFile() === tsNode.getSourceFile()) return undefined;
  let memo = memoByProgram.get(types.program);
  if (!memo) memoByProgram.set(types.program, (memo = new Map()));
  if (!memo.has(fn)) memo.set(fn, read(types.checker, fn) ?? null);
  return memo.get(fn) ?? undefined;
}

function helperFunction(declaration: ts.Declaration): HelperDeclaration | undefined {
  if (ts.isFunctionDeclaration(declaration) && declaration.body) return declaration;
  if (ts.isArrowFunction(declaration) || ts.isFunctionExpression(declaration)) return declaration;
  if (ts.isVariableDeclaration(declaration) && declaration.initializer && (ts.isArrowFunction(declaration.initializer) || ts.isFunctionExpression(declaration.initializer))) return declaration.initializer;
  return undefined;
}

function readHelper(checker: ts.TypeChecker, fn: HelperDeclaration): ProgramRetryHelper | undefined {
  const name = functionNameOf(fn);
  for (const [index, parameter] of fn.parameters.entries()) {
    if (!ts.isIdentifier(parameter.name)) continue;
    const symbol = checker.getSymbolAtLocation(parameter.name);
    if (!symbol) continue;
    const attempt: Attempt = { handedTo: (callback) => runs(checker, callback, symbol), tried: (block) => calls(checker, block, symbol) };
    const retry = retryWithin(checker, fn, attempt);
    if (retry) {
      const refused = retry.decidedBy !== undefined && NAMES_UNPROCESSED_FAILURE.test(retry.decidedBy.getText())
        && (!ts.isCatchClause(retry.decidedBy) || catchMayLeave(retry.decidedBy.block));
      return { description: `${name ?? 'the retry helper'}() (${retry.mechanism} ${retry.place})`, callbackIndex: index, attempts: retry.attempts, ...(refused ? { namesRefusedFailure: true as const } : {}) };
    }
  }
  return undefined;
}

/** Where an attempt is: which library callbacks run it, and which try blocks make it. */
export interface Attempt {
  handedTo(callback: ts.Expression): boolean;
  tried(block: ts.Block): boolean;
}

/** A retry inside a function of another file. */
export interface RetryWithin {
  /** "p-retry", "the loop". */
  mechanism: string;
  /** "in retry.ts on line 4". */
  place: string;
  /** Worst-case attempts, when a library's options or default say. */
  attempts?: number;
  /** It goes round on a failed status, not on a thrown failure. */
  afterStatus?: true;
  /** What decides which failures go round: the library call (its options) or the loop's catch. */
  decidedBy?: ts.Node;
}

/** The retry library call, the loop or the recursion in `fn` that repeats `attempt` on failure. */
export function retryWithin(checker: ts.TypeChecker, fn: HelperDeclaration, attempt: Attempt): RetryWithin | undefined {
  const library = libraryRetrying(checker, fn, attempt);
  if (library) return { mechanism: library.name, place: placeOf(library.call), attempts: library.attempts, decidedBy: library.call };
  const loop = loopRetrying(fn, attempt);
  if (loop) return { mechanism: 'the loop', place: placeOf(loop.node), ...(loop.afterStatus ? { afterStatus: true as const } : {}), ...(loop.decidedBy ? { decidedBy: loop.decidedBy } : {}) };
  const recursion = recursionRetrying(checker, fn, attempt);
  return recursion && { mechanism: 'the recursive call', place: placeOf(recursion.node), decidedBy: recursion.decidedBy };
}

/**
 * `fn` itself, or a closure that calls it: what a library call may be handed. The closure may be named
 * first: `const doRequest = (bail) => fn(bail); return retry(doRequest)`.
 */
function runs(checker: ts.TypeChecker, node: ts.Node, symbol: ts.Symbol, named = false): boolean {
  if (ts.isIdentifier(node)) {
    const target = checker.getSymbolAtLocation(node);
    if (target === symbol) return true;
    const declaration = target?.valueDeclaration;
    return !named && declaration !== undefined && ts.isVariableDeclaration(declaration) && declaration.initializer !== undefined && runs(checker, declaration.initializer, symbol, true);
  }
  if (!ts.isArrowFunction(node) && !ts.isFunctionExpression(node)) return false;
  return calls(checker, node.body, symbol);
}

/**
 * Does `root` call the callback, or hand it to a call it awaits (`await this.executeWithTimeout(fn, context)`,
 * which runs it under a timer)?
 */
function calls(checker: ts.TypeChecker, root: ts.Node, symbol: ts.Symbol): boolean {
  let found = false;
  const isCallback = (node: ts.Node): boolean => ts.isIdentifier(node) && checker.getSymbolAtLocation(node) === symbol;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (ts.isCallExpression(node) && isCallback(node.expression)) found = true;
    if (ts.isAwaitExpression(node) && ts.isCallExpression(node.expression) && node.expression.arguments.some(isCallback)) found = true;
    ts.forEachChild(node, visit);
  };
  visit(root);
  return found;
}

/** `pRetry(fn, { retries: 4 })`, `backOff(() => fn(), …)`: a retry library's call handed the attempt. */
function libraryRetrying(checker: ts.TypeChecker, fn: HelperDeclaration, attempt: Attempt): { name: string; call: ts.Node; attempts?: number } | undefined {
  let found: { name: string; call: ts.Node; attempts?: number } | undefined;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (ts.isCallExpression(node)) {
      const origin = originOf(checker, node.expression);
      const library = RETRY_LIBRARIES.find((candidate) => candidate.shape === 'call' && isModuleExport(origin, candidate.modules, candidate.path));
      const callback = library && node.arguments[library.callbackArg];
      if (library && callback && attempt.handedTo(callback)) found = { name: library.name, call: node, attempts: attemptsOf(library, node.arguments[library.optionsArg]) };
    }
    ts.forEachChild(node, visit);
  };
  if (fn.body) visit(fn.body);
  return found;
}

function attemptsOf(library: (typeof RETRY_LIBRARIES)[number], options: ts.Expression | undefined): number | undefined {
  if (!options) return library.defaultAttempts.kind === 'finite' ? library.defaultAttempts.attempts : undefined;
  if (!ts.isObjectLiteralExpression(options)) return undefined;
  const count = options.properties.find((property) => ts.isPropertyAssignment(property) && ts.isIdentifier(property.name) && property.name.text === library.countKey);
  if (!count) return library.defaultAttempts.kind === 'finite' ? library.defaultAttempts.attempts : undefined;
  const value = (count as ts.PropertyAssignment).initializer;
  if (!ts.isNumericLiteral(value)) return undefined;
  const attempts = attemptsFromCount(Number(value.text), library.countKind);
  return attempts.kind === 'finite' ? attempts.attempts : undefined;
}

/**
 * Can a failure leave the catch (a throw, return or break of its own)? One that cannot goes round on every
 * failure, whatever it names: `const isRateLimit = err.status === 429` only picks the wait.
 */
function catchMayLeave(block: ts.Block): boolean {
  let leaves = false;
  const visit = (node: ts.Node): void => {
    if (leaves || ts.isFunctionLike(node)) return;
    if (ts.isThrowStatement(node) || ts.isReturnStatement(node) || ts.isBreakStatement(node)) leaves = true;
    else ts.forEachChild(node, visit);
  };
  ts.forEachChild(block, visit);
  return leaves;
}
