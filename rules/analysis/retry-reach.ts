import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from './node-types';
import { calleeName, contains, walk, walkSameFunction } from './ast-walk';
import { localCallee } from './local-callees';
import { classifyCall, type CallFacts, type OperationSettings } from './retry-operations';
import { programOperations, type ProgramOperation } from './retry-program';
import type { RetryScope } from './retry-scopes';
import type { TypeFacts } from './types';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;
type CallNode = TSESTree.CallExpression | TSESTree.NewExpression;

/** How deep calls to the program's own functions are followed from a retry scope. */
const MAX_DEPTH = 4;

/** A call that runs when the scope's code runs: directly, or inside a function it calls (`site` is the call in the scope). */
export interface Reached {
  call: CallNode;
  facts: CallFacts;
  site: CallNode;
  /** The called function's name when the call is not written in the scope itself. */
  via?: string;
  /**
   * A function on the way (not the scope's own attempt) makes the call in a try whose catch throws nothing
   * on: its failure ends there, and only a retry decided by the answer could send it again.
   */
  swallowed?: true;
  /**
   * The scope's own code makes the call in a try of its own, inside the attempt, whose catch throws nothing
   * on (`try { await check(id) } catch (e) { log(e) }`): its failure never reaches the retry's catch.
   */
  kept?: true;
}

/** A retry scope that runs inside another: directly, or in a function the outer scope calls. */
export interface ReachedScope {
  scope: RetryScope;
  site?: CallNode;
  via?: string;
  /**
   * A function on the way catches the inner retry's last failure and does not throw it on
   * (`try { return await withRetry(op) } catch { return null }`): the outer retry never sees it fail.
   */
  swallowed?: true;
}

export interface Reach {
  calls: Reached[];
  scopes: ReachedScope[];
  /** With types: operations in other files of the program, reached through `site`. */
  program: Array<{ site: CallNode; operation: ProgramOperation }>;
}

interface Summary {
  calls: Array<{ call: CallNode; facts: CallFacts }>;
  scopes: RetryScope[];
  callees: Array<{ site: CallNode; fn: TSESTree.Node; name: string }>;
  /** Scopes, call sites and calls inside a try of this function whose catch throws nothing. */
  swallowing: Set<TSESTree.Node>;
  /** The tries of this function whose catch throws nothing. */
  quietTries: TSESTree.TryStatement[];
  program: Array<{ site: CallNode; operation: ProgramOperation }>;
}

/**
 * Follows a retry scope's code: the calls it makes (classified), the retry scopes inside it, and — up to
 * `MAX_DEPTH` calls deep — the same for the functions of this file it calls. Summaries are memoised per
 * function, so each function is read once per file however many scopes reach it.
 */
export class RetryReach {
  private readonly summaries = new Map<TSESTree.Node, Summary>();

  constructor(
    private readonly context: Context,
    private readonly types: TypeFacts | undefined,
    private readonly settings: OperationSettings,
    private readonly scopes: readonly RetryScope[],
  ) {}

  private summarise(root: TSESTree.Node): Summary {
    const cached = this.summaries.get(root);
    if (cached) return cached;
    const summary: Summary = { calls: [], scopes: this.scopes.filter((scope) => scope.body !== root && contains(root, scope.node)), callees: [], program: [], swallowing: new Set(), quietTries: [] };
    this.summaries.set(root, summary);
    const quietTries = summary.quietTries;
    walk(this.context.sourceCode, root, (node) => {
      if (node.type === AST_NODE_TYPES.TryStatement && node.handler && !throwsIn(this.context, node.handler.body)) quietTries.push(node);
      if (node.type !== AST_NODE_TYPES.CallExpression && node.type !== AST_NODE_TYPES.NewExpression) return undefined;
      const facts = classifyCall(this.context, node, this.types, this.settings);
      if (facts) summary.calls.push({ call: node, facts });
      else {
        const local = localCallee(this.context, node.callee);
        if (local && !contains(local.fn, root)) summary.callees.push({ site: node, ...local });
        else if (!local && this.types && node.type === AST_NODE_TYPES.CallExpression) {
          for (const operation of programOperations(this.types, node.callee)) summary.program.push({ site: node, operation });
        }
      }
      return undefined;
    });
    for (const node of [...summary.scopes.map((scope) => scope.node), ...summary.callees.map((callee) => callee.site), ...summary.calls.map(({ call }) => call)]) {
      if (quietTries.some((tried) => contains(tried.block, node))) summary.swallowing.add(node);
    }
    return summary;
  }

  /** What runs when `scope`'s code runs. */
  of(scope: RetryScope): Reach {
    const reach: Reach = { calls: [], scopes: [], program: [] };
    const seen = new Set<TSESTree.Node>();
    // `swallowed`: a function called on the way (not the scope's own attempt, whose catch is the retry's) keeps the failure.
    const visit = (root: TSESTree.Node, site: CallNode | undefined, via: string | undefined, depth: number, swallowed: boolean): void => {
      if (seen.has(root) || depth > MAX_DEPTH) return;
      seen.add(root);
      const summary = this.summarise(root);
      const quiet = (node: TSESTree.Node): boolean => swallowed || (depth > 0 && summary.swallowing.has(node));
      // In the scope's own code, a quiet try other than the one whose catch is the retry's.
      const kept = (node: TSESTree.Node): boolean => depth === 0 && !scope.callbackRef && summary.quietTries.some((tried) => !isOwnTry(scope, tried) && contains(tried.block, node));
      for (const { call, facts } of summary.calls) reach.calls.push({ call, facts, site: site ?? call, via, ...(quiet(call) ? { swallowed: true as const } : {}), ...(kept(call) ? { kept: true as const } : {}) });
      for (const inner of summary.scopes) reach.scopes.push({ scope: inner, site, via, ...(quiet(inner.node) ? { swallowed: true as const } : {}) });
      for (const { site: call, operation } of summary.program) reach.program.push({ site: site ?? call, operation });
      for (const callee of summary.callees) visit(callee.fn, site ?? callee.site, via ?? callee.name, depth + 1, quiet(callee.site));
    };
    if (scope.callbackRef) {
      const local = localCallee(this.context, scope.callbackRef);
      if (local) visit(local.fn, undefined, local.name, 1, false);
    } else {
      visit(scope.body, undefined, undefined, 0, false);
    }
    return reach;
  }
}

/**
 * Can the attempt never fail, so that the retry never goes round: a retry that goes round only on a thrown
 * failure (a library's, or a loop whose try leaves on whatever the attempt returns, `try { return await
 * fn() } catch { … }`) around an attempt that only calls functions of the file, every call they make that
 * the tables know kept by a try whose catch throws nothing on (`async function sendBatch() { try { return
 * await post(…) } catch { return { ok: false } } }`), and that throws nothing itself. A retry decided by the
 * answer (a failed status, an empty answer) is not such a retry: the swallowed failure's value steers it.
 */
export function attemptNeverFails(context: Context, scope: RetryScope, reach: Reach): boolean {
  const retry = scope.helper ?? scope;
  if (retry.afterStatus || retry.onEmptyAnswer || retry.mayPoll || retry.polls) return false;
  const attempt = retry.handler?.parent;
  const leavesOnReturn = retry.kind === 'library' ? retry.operator === undefined
    : attempt?.type === AST_NODE_TYPES.TryStatement && attempt.block.body.some((statement) => statement.type === AST_NODE_TYPES.ReturnStatement || (statement.type === AST_NODE_TYPES.BreakStatement && !statement.label));
  if (!leavesOnReturn || reach.calls.length === 0 || reach.calls.some((reached) => !reached.swallowed) || reach.scopes.length > 0 || reach.program.length > 0) return false;
  let fails = false;
  walkSameFunction(context.sourceCode, scope.body, (node) => {
    if (fails || (scope.handler && node === scope.handler)) return false;
    if (node.type === AST_NODE_TYPES.ThrowStatement || (node.type === AST_NODE_TYPES.CallExpression && !localCallee(context, node.callee))) fails = true;
    return undefined;
  });
  return !fails;
}

/** Does a catch pass the failure on: a `throw` of its own, `reject(e)`, `Promise.reject(e)`, `callback(err)`? */
/** The try whose catch is the retry's own: a loop's attempt, or the one whose catch makes the recursive call. */
function isOwnTry(scope: RetryScope, tried: TSESTree.TryStatement): boolean {
  return tried.handler !== null && (tried.handler === scope.handler || contains(tried.handler, scope.node));
}

function throwsIn(context: Context, handler: TSESTree.BlockStatement): boolean {
  let throws = false;
  walkSameFunction(context.sourceCode, handler, (node) => {
    if (node.type === AST_NODE_TYPES.ThrowStatement || (node.type === AST_NODE_TYPES.CallExpression && PASSES_FAILURE_ON.test(calleeName(node.callee) ?? ''))) throws = true;
    return throws ? false : undefined;
  });
  return throws;
}

const PASSES_FAILURE_ON = /^(?:reject|callback|cb|done|next|fail|onError)$/;
