/**
 * What a guard value is made of: `circuitBreaker(...)`, `bulkhead(n)`, `wrap(retry(...), breaker, timeout(...))`,
 * `pLimit(n)`, `new PQueue()`, `new CircuitBreaker(action)`, followed through `const` aliases, `this` fields
 * and imports, and (with types) through the declared type of a policy made in another file.
 *
 * Shared parser for cockatiel `wrap(...)`: the retry rules (rules/analysis/retry-scopes.ts) may use
 * `policyParts(...)` to find the `retry(...)` parts of a wrapped policy (parts of kind 'retry'), instead
 * of walking wrap arguments themselves. Owned by no-unguarded-dependency; keep it library-agnostic (facts
 * live in rules/knowledge/guards.ts).
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from './node-types';
import * as ts from 'typescript';
import { GUARD_LIBRARIES, type GuardFactory, type GuardKind, type GuardLibrary } from '../knowledge/guards';
import { resolveOrigin, unwrap, type Origin } from './origin';
import { declarationPackage, type TypeFacts } from './types';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;
export type CallNode = TSESTree.CallExpression | TSESTree.NewExpression;

/** One policy inside a (possibly wrapped) guard value. */
export interface PolicyPart {
  library: GuardLibrary;
  kind: Exclude<GuardKind, 'wrap'>;
  /** The creating call when it is in this file. */
  creation?: CallNode;
  factory?: GuardFactory;
  /** Identity: the same part reached through two aliases has the same key. */
  key: string;
}

export interface PolicyParts {
  parts: PolicyPart[];
  /** False when some part could not be resolved (a spread, a parameter), so "no timeout here" is not certain. */
  complete: boolean;
}

const MAX_DEPTH = 8;

/** The module an origin starts from, following call results: `Policy.handleAll().circuitBreaker` → cockatiel. */
function rootModule(origin: Origin): string | undefined {
  let current: Origin = origin;
  while (current.kind === 'call') current = current.callee;
  return current.kind === 'module' ? current.module : undefined;
}

/** The guard factory a creating call uses, when `calleeOrigin` names one. */
export function guardFactoryOf(calleeOrigin: Origin | undefined, call: CallNode): { library: GuardLibrary; factory: GuardFactory } | undefined {
  if (!calleeOrigin) return undefined;
  // Calling a guard (`limit(fn)`) is not making one.
  if (calleeOrigin.kind === 'call' && calleeOrigin.path.length === 0) return undefined;
  const module = rootModule(calleeOrigin);
  const library = module === undefined ? undefined : GUARD_LIBRARIES.find((candidate) => candidate.modules.includes(module));
  if (!library) return undefined;
  const isNew = call.type === AST_NODE_TYPES.NewExpression;
  // The export itself (`new CircuitBreaker()`, `pLimit(5)`) has an empty path; cockatiel's fluent API
  // (`Policy.handleAll().circuitBreaker(...)`) is matched on its last member.
  const path = calleeOrigin.kind === 'module' ? calleeOrigin.path.join('.') : calleeOrigin.path[calleeOrigin.path.length - 1]!;
  const factory = library.factories.find((candidate) => {
    if (candidate.construct === 'new' && !isNew) return false;
    if (candidate.construct === 'call' && isNew) return false;
    if (calleeOrigin.kind !== 'module') return candidate.path !== '' && candidate.path === path;
    return candidate.path === path || (candidate.path !== '' && calleeOrigin.path[calleeOrigin.path.length - 1] === candidate.path && calleeOrigin.path[0] === 'Policy');
  });
  return factory && { library, factory };
}

function keyOf(context: Context, node: TSESTree.Node): string {
  return `${context.filename}#${node.range[0]}`;
}

/**
 * The policies a guard expression is made of. Undefined when the expression is not a known guard.
 * `wrap(a, b)` is flattened into the parts of `a` and `b`.
 */
export function policyParts(context: Context, node: TSESTree.Node, types?: TypeFacts, depth = 0): PolicyParts | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const origin = resolveOrigin(context, unwrap(node));
  if (origin?.kind === 'call' && origin.path.length === 0) {
    const made = guardFactoryOf(origin.callee, origin.call);
    if (made) return fromCreation(context, origin.call, made.library, made.factory, types, depth);
  }
  if (origin?.kind === 'module') {
    // `import { noop } from 'cockatiel'`: a constant policy.
    const library = GUARD_LIBRARIES.find((candidate) => candidate.modules.includes(origin.module));
    const factory = library?.factories.find((candidate) => candidate.path === origin.path.join('.') && candidate.kind === 'noop');
    if (library && factory) return { parts: [{ library, kind: 'noop', key: `${origin.module}:${factory.path}` }], complete: true };
  }
  return types ? partsFromType(context, node, types) : undefined;
}

function fromCreation(context: Context, call: CallNode, library: GuardLibrary, factory: GuardFactory, types: TypeFacts | undefined, depth: number): PolicyParts {
  if (factory.kind !== 'wrap') return { parts: [{ library, kind: factory.kind, creation: call, factory, key: keyOf(context, call) }], complete: true };
  const parts: PolicyPart[] = [];
  let complete = true;
  for (const argument of call.arguments) {
    if (argument.type === AST_NODE_TYPES.SpreadElement) {
      complete = false;
      continue;
    }
    const inner = policyParts(context, argument, types, depth + 1);
    if (!inner) {
      complete = false;
      continue;
    }
    parts.push(...inner.parts);
    complete &&= inner.complete;
  }
  return { parts, complete };
}

/**
 * With types: a policy made in another file is recognised by its declared type (`CircuitBreakerPolicy`,
 * `IMergedPolicy<…, [BulkheadPolicy, CircuitBreakerPolicy]>`), and identified by the declaration of the
 * symbol it is read from, so every use of the same exported policy is one guard.
 */
function partsFromType(context: Context, node: TSESTree.Node, types: TypeFacts): PolicyParts | undefined {
  // `.map()`, `.add()`, `.call()` are everywhere; only a program that declares a guard library can type one as a guard.
  if (!GUARD_LIBRARIES.some((library) => library.modules.some((module) => types.declaredPackages.has(module)))) return undefined;
  const tsNode = types.toTs(unwrap(node));
  const kinds = kindsOfType(types.checker, types.checker.getTypeAtLocation(tsNode), 0);
  if (!kinds || kinds.length === 0) return undefined;
  const symbol = symbolOf(types.checker, tsNode);
  const declaration = symbol?.valueDeclaration ?? symbol?.declarations?.[0];
  const key = declaration ? `${declaration.getSourceFile().fileName}#${declaration.getStart()}` : keyOf(context, node);
  return { parts: kinds.map(({ library, kind }, index) => ({ library, kind, key: `${key}/${index}` })), complete: true };
}

export function symbolOf(checker: ts.TypeChecker, node: ts.Node): ts.Symbol | undefined {
  const target = ts.isPropertyAccessExpression(node) ? node.name : node;
  const symbol = checker.getSymbolAtLocation(target);
  if (symbol && (symbol.flags & ts.SymbolFlags.Alias) !== 0) return checker.getAliasedSymbol(symbol);
  return symbol;
}

function kindsOfType(checker: ts.TypeChecker, type: ts.Type, depth: number): Array<{ library: GuardLibrary; kind: Exclude<GuardKind, 'wrap'> }> | undefined {
  if (depth > 4) return undefined;
  for (const symbol of [type.aliasSymbol, type.getSymbol()]) {
    const declaration = symbol?.declarations?.[0];
    if (!symbol || !declaration) continue;
    const pkg = declarationPackage(declaration);
    const library = pkg ? GUARD_LIBRARIES.find((candidate) => candidate.modules.includes(pkg)) : undefined;
    const kind = library?.typeNames?.[symbol.getName()];
    if (!library || !kind) continue;
    if (kind !== 'wrap') return [{ library, kind }];
    // IMergedPolicy<Context, AltReturn, [policies]>: the tuple lists what was wrapped.
    const args = type.aliasTypeArguments ?? (type as ts.TypeReference).typeArguments ?? checker.getTypeArguments(type as ts.TypeReference);
    const tuple = args?.[2];
    if (!tuple) return undefined;
    const members = checker.isTupleType(tuple) ? checker.getTypeArguments(tuple as ts.TypeReference) : [];
    const kinds: Array<{ library: GuardLibrary; kind: Exclude<GuardKind, 'wrap'> }> = [];
    for (const member of members) kinds.push(...(kindsOfType(checker, member, depth + 1) ?? []));
    return kinds;
  }
  return undefined;
}
