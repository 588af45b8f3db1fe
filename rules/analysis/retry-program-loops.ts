import * as ts from 'typescript';
import type { Attempt, HelperDeclaration } from './retry-program-helpers';

/**
 * With type information, a helper of another file that retries in a loop (the ESTree reading of the linted
 * file is retry-loops.ts and retry-status.ts; this knows the common shapes only).
 */

/**
 * `for (…) { try { return await fn(); } catch (e) { … } }`: a loop whose try makes the attempt and leaves
 * the loop on success, and whose catch can finish without leaving it (it does not end in `throw` or
 * `return`); or a loop that returns on a good status and goes round on a failed one. A loop whose success
 * goes round again works through items, and a `for…of` walks a list: like the ESTree reading
 * (retry-loops.ts), neither is a retry.
 */
export function loopRetrying(fn: HelperDeclaration, attempt: Attempt): { node: ts.Node; afterStatus: boolean; decidedBy?: ts.Node } | undefined {
  let found: { node: ts.Node; afterStatus: boolean; decidedBy?: ts.Node } | undefined;
  const visit = (node: ts.Node): void => {
    if (found || ts.isFunctionLike(node)) return;
    if (ts.isForStatement(node) || ts.isWhileStatement(node) || ts.isDoStatement(node)) {
      const tried = tryIn(node.statement);
      if (tried?.catchClause && attempt.tried(tried.tryBlock) && successLeaves(tried) && !endsInExit(tried.catchClause.block)) found = { node, afterStatus: false, decidedBy: tried.catchClause };
      else if (ts.isBlock(node.statement) && attempt.tried(node.statement) && goesRoundOnStatus(node.statement)) found = { node, afterStatus: true };
    }
    ts.forEachChild(node, visit);
  };
  if (fn.body) visit(fn.body);
  return found;
}

/**
 * `const res = await fetch(…); if (res.ok) return res; await sleep(…);`: success returns, and a failed
 * status goes round again (the ESTree reading, retry-status.ts, knows more shapes; these are the common ones).
 */
function goesRoundOnStatus(body: ts.Block): boolean {
  const index = body.statements.findIndex((statement) => ts.isIfStatement(statement) && !statement.elseStatement && isSuccessTest(statement.expression) && exits(statement.thenStatement));
  return index !== -1 && !body.statements.slice(index + 1).some((statement) => exits(statement));
}

/** `return`, `throw` or an unlabelled `break`: the statement leaves the loop. */
function leaves(statement: ts.Statement | undefined): boolean {
  return statement !== undefined && (ts.isReturnStatement(statement) || ts.isThrowStatement(statement) || (ts.isBreakStatement(statement) && !statement.label));
}

/** Leaves the loop, or is a block whose last statement does. */
function exits(statement: ts.Statement): boolean {
  if (ts.isBlock(statement)) return statement.statements.length > 0 && exits(statement.statements[statement.statements.length - 1]!);
  return leaves(statement);
}

/** `res.ok`, `res.status < 500` (or `< 300`, `< 400`), `res.status === 200` (or 201), alone or in an `||`. */
function isSuccessTest(test: ts.Expression): boolean {
  if (ts.isPropertyAccessExpression(test)) return test.name.text === 'ok';
  // `res.ok || attempt >= 3`: leaves on success, or when the attempts run out.
  if (ts.isBinaryExpression(test) && test.operatorToken.kind === ts.SyntaxKind.BarBarToken) return isSuccessTest(test.left) || isSuccessTest(test.right);
  if (!ts.isBinaryExpression(test) || !ts.isPropertyAccessExpression(test.left) || !/^status(?:Code)?$/.test(test.left.name.text) || !ts.isNumericLiteral(test.right)) return false;
  const value = Number(test.right.text);
  switch (test.operatorToken.kind) {
    case ts.SyntaxKind.LessThanToken:
      return value >= 300 && value <= 500;
    case ts.SyntaxKind.EqualsEqualsEqualsToken:
    case ts.SyntaxKind.EqualsEqualsToken:
      return value === 200 || value === 201;
    default:
      return false;
  }
}

/** `try { return await fn(); }`, `try { res = await fn(); break; }`, or `try { … } catch { … } return res;`. */
function successLeaves(tried: ts.TryStatement): boolean {
  if (tried.tryBlock.statements.some(leaves)) return true;
  const container = tried.parent;
  return ts.isBlock(container) && leaves(container.statements[container.statements.indexOf(tried) + 1]);
}

function tryIn(statement: ts.Statement): ts.TryStatement | undefined {
  if (ts.isTryStatement(statement)) return statement;
  return ts.isBlock(statement) ? statement.statements.find(ts.isTryStatement) : undefined;
}

function endsInExit(block: ts.Block): boolean {
  const last = block.statements[block.statements.length - 1];
  return last !== undefined && (ts.isThrowStatement(last) || ts.isReturnStatement(last) || ts.isBreakStatement(last));
}
