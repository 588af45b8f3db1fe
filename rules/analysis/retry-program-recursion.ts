import * as ts from 'typescript';
import type { Attempt, HelperDeclaration } from './retry-program-helpers';

/**
 * With type information, a helper of another file that retries by recursion:
 *
 *     async function withRetry(fn, retries = 3) {
 *       try { return await fn(); }
 *       catch (e) { if (retries > 0) { await sleep(500); return withRetry(fn, retries - 1); } throw e; }
 *     }
 *
 * a try that makes the attempt, and a catch that calls the function again. Its count and wait are judged
 * where it is written, as for the loops retry-program-helpers.ts reads.
 */
export function recursionRetrying(checker: ts.TypeChecker, fn: HelperDeclaration, attempt: Attempt): { node: ts.Node; decidedBy: ts.CatchClause } | undefined {
  const self = selfSymbol(checker, fn);
  if (!self || !fn.body) return undefined;
  let found: { node: ts.Node; decidedBy: ts.CatchClause } | undefined;
  const visit = (node: ts.Node): void => {
    if (found || (node !== fn.body && ts.isFunctionLike(node))) return;
    if (ts.isTryStatement(node) && node.catchClause && attempt.tried(node.tryBlock)) {
      const call = selfCallIn(checker, node.catchClause.block, self);
      if (call) found = { node: call, decidedBy: node.catchClause };
    }
    ts.forEachChild(node, visit);
  };
  visit(fn.body);
  return found;
}

/** The symbol a function is called by: its declared name, or the variable that holds it. */
function selfSymbol(checker: ts.TypeChecker, fn: HelperDeclaration): ts.Symbol | undefined {
  if ((ts.isFunctionDeclaration(fn) || ts.isMethodDeclaration(fn)) && fn.name) return checker.getSymbolAtLocation(fn.name);
  const holder = fn.parent;
  return holder && ts.isVariableDeclaration(holder) && ts.isIdentifier(holder.name) ? checker.getSymbolAtLocation(holder.name) : undefined;
}

/** A call of the function itself in the catch (`withRetry(fn, n - 1)`, `this.send(fn, n - 1)`), not in a nested function. */
function selfCallIn(checker: ts.TypeChecker, block: ts.Block, self: ts.Symbol): ts.CallExpression | undefined {
  let found: ts.CallExpression | undefined;
  const visit = (node: ts.Node): void => {
    if (found || ts.isFunctionLike(node)) return;
    if (ts.isCallExpression(node)) {
      const callee = ts.isPropertyAccessExpression(node.expression) && node.expression.expression.kind === ts.SyntaxKind.ThisKeyword ? node.expression.name : node.expression;
      if (ts.isIdentifier(callee) && checker.getSymbolAtLocation(callee) === self) found = node;
    }
    ts.forEachChild(node, visit);
  };
  visit(block);
  return found;
}
