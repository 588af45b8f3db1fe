import type { TSESTree } from '@typescript-eslint/utils';
import * as ts from 'typescript';
import { anyModuleMatches, CLIENTS } from '../knowledge/clients';
import { declarationOf, functionBody, isExternal, originOf, rootModule, tsCallee } from './retry-program';
import type { TypeFacts } from './types';

/**
 * With type information, is a function of another file of the program a remote call? It is when it calls
 * a client of the knowledge table (any module of a client row, or the global `fetch`), itself or through
 * functions of the program it calls, up to MAX_DEPTH deep: `ranking(page)` in ranking.js that reads
 * MongoDB and calls an axios instance of request.js. What a retry repeats through such a call hammers a
 * remote service. Memoised per program and function.
 */
const MAX_DEPTH = 3;
const CLIENT_MODULES = CLIENTS.flatMap((client) => client.modules);
const byProgram = new WeakMap<ts.Program, Map<ts.Node, boolean>>();

export function programReachesRemote(types: TypeFacts, callee: TSESTree.Node): boolean {
  const tsNode = tsCallee(types, callee);
  const body = tsNode && functionBody(declarationOf(types.checker, tsNode));
  if (!body || isExternal(body.getSourceFile()) || body.getSourceFile() === tsNode.getSourceFile()) return false;
  let memo = byProgram.get(types.program);
  if (!memo) byProgram.set(types.program, (memo = new Map()));
  return reaches(types.checker, memo, body, 0);
}

function reaches(checker: ts.TypeChecker, memo: Map<ts.Node, boolean>, body: ts.Node, depth: number): boolean {
  const cached = memo.get(body);
  if (cached !== undefined) return cached;
  memo.set(body, false); // cycles end here
  let remote = false;
  const visit = (node: ts.Node): void => {
    if (remote) return;
    if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
      const origin = originOf(checker, node.expression);
      const module = rootModule(origin);
      if ((module !== undefined && anyModuleMatches(CLIENT_MODULES, module)) || (origin?.kind === 'global' && origin.name === 'fetch')) remote = true;
      else if (depth < MAX_DEPTH && ts.isCallExpression(node)) {
        const inner = functionBody(declarationOf(checker, node.expression));
        if (inner && !isExternal(inner.getSourceFile())) remote = reaches(checker, memo, inner, depth + 1);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(body);
  memo.set(body, remote);
  return remote;
}
