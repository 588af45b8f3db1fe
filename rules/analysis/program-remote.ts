import type { TSESTree } from '@typescript-eslint/utils';
import * as ts from 'typescript';
import { anyModuleMatches, CLIENTS } from '../knowledge/clients';
import { collectThroughCalls, declarationOf, functionBody, isExternal, originOf, rootModule, tsCallee } from './retry-program';
import type { TypeFacts } from './types';

/**
 * With type information, is a function of another file of the program a remote call? It is when it calls
 * a client of the knowledge table (any module of a client row, or the global `fetch`), itself or through
 * functions of the program it calls, up to MAX_DEPTH deep: `ranking(page)` in ranking.js that reads
 * MongoDB and calls an axios instance of request.js. What a retry repeats through such a call hammers a
 * remote service. Memoised per program and function.
 */
const CLIENT_MODULES = CLIENTS.flatMap((client) => client.modules);
const byProgram = new WeakMap<ts.Program, Map<ts.Node, true[]>>();

export function programReachesRemote(types: TypeFacts, callee: TSESTree.Node): boolean {
  const tsNode = tsCallee(types, callee);
  const body = tsNode && functionBody(declarationOf(types.checker, tsNode));
  if (!body || isExternal(body.getSourceFile()) || body.getSourceFile() === tsNode.getSourceFile()) return false;
  let memo = byProgram.get(types.program);
  if (!memo) byProgram.set(types.program, (memo = new Map()));
  const checker = types.checker;
  return collectThroughCalls(checker, memo, body, (node) => {
    const origin = originOf(checker, node.expression);
    const module = rootModule(origin);
    return (module !== undefined && anyModuleMatches(CLIENT_MODULES, module)) || (origin?.kind === 'global' && origin.name === 'fetch') ? true : undefined;
  }, { firstOnly: true }).length > 0;
}
