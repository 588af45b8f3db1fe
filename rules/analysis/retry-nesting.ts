import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from './node-types';
import { contains } from './ast-walk';
import { placeOfConfigured, type ConfiguredUse } from './retry-operations';
import { RetryReach } from './retry-reach';
import { describeScope, type RetryScope } from './retry-scopes';
import type { Attempts } from './retry-types';
import type { TypeFacts } from './types';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;
type CallNode = TSESTree.CallExpression | TSESTree.NewExpression;

/** One layer of retrying: a scope, or a client that retries by configuration. */
interface Layer {
  key: TSESTree.Node;
  label: string;
  attempts: Attempts;
  /** Where to report when this layer is the innermost. */
  at: TSESTree.Node;
  /** The layer's own retry in this file, when it is reported elsewhere (where an outer layer runs it). */
  own?: TSESTree.Node;
}

/** A layer whose count is known. */
export interface CountedLayer extends Omit<Layer, 'attempts'> {
  attempts: number;
}

/** An innermost retry inside others: the worst chain of layers from it outwards, and their product. */
export interface NestedRetry {
  layer: CountedLayer;
  chain: CountedLayer[];
  total: number;
}

function layerOfScope(scope: RetryScope, site?: CallNode): Layer {
  const own = scope.node.type === 'CallExpression' ? scope.node.callee : scope.node;
  return { key: scope.node, label: describeScope(scope), attempts: scope.attempts, at: site?.callee ?? own, ...(site ? { own } : {}) };
}

function layerOfConfigured(use: ConfiguredUse, call: CallNode, site: CallNode): Layer {
  return { key: call, label: placeOfConfigured(use), attempts: use.attempts, at: site.callee };
}

/**
 * Retries that run inside other retries: "inner runs inside outer" edges between layers (through calls to
 * this file's functions, clients that retry by configuration, and with types functions of other files),
 * and for each innermost layer the chain outwards with the most attempts. A chain with a layer whose count
 * is unknown or endless is left out: that layer is reported on its own.
 */
export function nestedRetries(context: Context, types: TypeFacts | undefined, scopes: readonly RetryScope[]): NestedRetry[] {
  const reach = new RetryReach(context, types, { headers: [], operations: [] }, scopes);
  const layers = new Map<TSESTree.Node, Layer>();
  const parents = new Map<TSESTree.Node, Set<TSESTree.Node>>();
  const children = new Set<TSESTree.Node>();
  // Where each outer layer runs an inner one (the call in its body), to report at the worst chain's own site.
  const sites = new Map<TSESTree.Node, Map<TSESTree.Node, TSESTree.Node>>();
  // An inner layer is reported where an outer one runs it (the call in the outer retry's body), whichever
  // of the two the file defines first: there the retries multiply, as they do for a configured client's
  // call and a function of another file. The first link decides, replacing the layer the scope loop set.
  const link = (outer: Layer, inner: Layer): void => {
    if (outer.key === inner.key) return;
    if (!parents.has(inner.key)) {
      layers.set(inner.key, inner);
      parents.set(inner.key, new Set());
    }
    parents.get(inner.key)!.add(outer.key);
    children.add(outer.key);
    if (!sites.has(inner.key)) sites.set(inner.key, new Map());
    if (!sites.get(inner.key)!.has(outer.key)) sites.get(inner.key)!.set(outer.key, inner.at);
  };
  for (const scope of scopes) {
    const outer = layerOfScope(scope);
    if (!layers.has(outer.key)) layers.set(outer.key, outer);
    const reached = reach.of(scope);
    // What a recursion runs again before its try repeats with every attempt, a retry there included.
    for (const statement of scope.runsFirst ?? []) {
      const before = reach.of({ ...scope, callbackRef: undefined, body: statement });
      reached.scopes.push(...before.scopes);
      reached.calls.push(...before.calls);
      reached.program.push(...before.program);
    }
    // What the retry's own catch runs (a lookup after a conflict, a report) runs once per failure; its own
    // failure leaves the catch, so the retry never goes round on it. So does a call kept by a try of its own.
    const inCatch = (node: TSESTree.Node): boolean => scope.handler !== undefined && contains(scope.handler, node);
    for (const inner of reached.scopes) {
      if (!inner.swallowed && !inCatch(inner.site ?? inner.scope.node) && !escapesCatch(inner.scope, inner.site, scope) && !beforeOrAfterTry(scope, inner.site ?? inner.scope.node)) link(outer, layerOfScope(inner.scope, inner.site));
    }
    for (const call of reached.calls) if (call.facts.configured && !call.kept && !inCatch(call.site) && !beforeOrAfterTry(scope, call.site)) link(outer, layerOfConfigured(call.facts.configured, call.call, call.site));
    // With types: a retry in a function of another file that this scope calls.
    for (const { site, operation } of reached.program) {
      if (operation.kind === 'retry' && operation.attempts !== undefined) {
        link(outer, { key: site, label: `${operation.label} in ${operation.where}`, attempts: { kind: 'finite', attempts: operation.attempts }, at: site.callee });
      }
    }
  }
  const nested: NestedRetry[] = [];
  for (const [key, parentKeys] of parents) {
    if (children.has(key) || parentKeys.size === 0) continue; // the innermost layer only
    const chain = worstChain(key, layers, parents, new Set());
    if (!chain) continue;
    const at = chain[1] && sites.get(key)?.get(chain[1].key);
    const innermost = at ? { ...chain[0]!, at } : chain[0]!;
    nested.push({ layer: innermost, chain: [innermost, ...chain.slice(1)], total: chain.reduce((product, layer) => product * layer.attempts, 1) });
  }
  return nested;
}

/**
 * `try { …; if (!res.ok) return this.request(url, n + 1) } catch { return this.request(url, n + 1) }`: the
 * status path's recursion is returned, not awaited, so when its chain fails the rejection goes to the
 * caller and never reaches the catch beside it. Both share one count: the attempts add, not multiply.
 */
function escapesCatch(inner: RetryScope, site: CallNode | undefined, outer: RetryScope): boolean {
  const tried = outer.failurePath?.parent?.type === AST_NODE_TYPES.CatchClause ? outer.failurePath.parent.parent : undefined;
  if (site || !tried || tried.type !== AST_NODE_TYPES.TryStatement || !contains(tried.block, inner.node)) return false;
  let current: TSESTree.Node = inner.node;
  while (current.parent && (current.parent.type === AST_NODE_TYPES.ChainExpression || current.parent.type === AST_NODE_TYPES.TSAsExpression)) current = current.parent;
  return current.parent?.type === AST_NODE_TYPES.ReturnStatement;
}

/**
 * `while (n < max) { const db = await this.acquire(); try { return await op(db) } catch { … continue } }`: a
 * retry the loop runs outside its try (here inside `acquire()`) throws out of the loop when it gives up, so a
 * failure it keeps meeting is tried its own number of times, not the loop's times as many.
 */
function beforeOrAfterTry(outer: RetryScope, site: TSESTree.Node): boolean {
  const tried = outer.kind === 'loop' ? outer.handler?.parent : undefined;
  return tried?.type === AST_NODE_TYPES.TryStatement && contains(outer.body, site) && !contains(tried, site);
}

/**
 * The chain from `key` outwards with the most attempts, through outer layers whose counts are known; undefined
 * when this layer's count is unknown or endless, or when every layer around it is (each reported on its own).
 * A helper run by two loops of a function, one counted and one not, nests in the counted one.
 */
function worstChain(key: TSESTree.Node, layers: Map<TSESTree.Node, Layer>, parents: Map<TSESTree.Node, Set<TSESTree.Node>>, seen: Set<TSESTree.Node>): CountedLayer[] | undefined {
  const layer = layers.get(key);
  if (!layer || layer.attempts.kind !== 'finite' || seen.has(key)) return undefined;
  seen.add(key);
  let best: CountedLayer[] | undefined;
  let bestTotal = 0;
  let uncounted = false;
  for (const parent of parents.get(key) ?? []) {
    const chain = worstChain(parent, layers, parents, new Set(seen));
    if (!chain) {
      uncounted = true;
      continue;
    }
    const total = chain.reduce((product, item) => product * item.attempts, 1);
    if (total > bestTotal) [best, bestTotal] = [chain, total];
  }
  if (!best && uncounted) return undefined;
  return [{ ...layer, attempts: layer.attempts.attempts }, ...(best ?? [])];
}
