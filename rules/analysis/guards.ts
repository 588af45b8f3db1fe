import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from './node-types';
import { CONTAINMENT_KINDS, GUARD_LIBRARIES, type GuardFactory, type GuardLibrary } from '../knowledge/guards';
import { isFunctionNode, type FunctionNode } from './ast-walk';
import {
  contextOf, functionArguments, functionTarget, guardReference, holderOf, methodReference, type Route,
} from './guard-functions';
import { readOption } from './options';
import { enclosingClassBody, findVariable, memberName, resolveOrigin, unwrap } from './origin';
import { guardFactoryOf, policyParts, type CallNode, type PolicyPart } from './policies';

export { contextOf, functionTarget, routeReachable, type Route } from './guard-functions';
import type { TypeFacts } from './types';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** A guard the user declares in the rule's `guards` option: plain JSON. */
export interface UserGuard {
  function?: string;
  decorator?: string;
  module?: string;
  export?: string;
}

/** One breaker or bulkhead. */
export interface GuardRef {
  key: string;
  kind: 'breaker' | 'bulkhead' | 'custom';
  library?: GuardLibrary;
  part?: PolicyPart;
}

/** A place where code enters guards: `policy.execute(fn)`, `new CircuitBreaker(action)`, `@usePolicy(p)`. */
export interface GuardSite {
  node: TSESTree.Node;
  guards: GuardRef[];
  /** How messages name the guard. */
  label: string;
  /** A cockatiel `timeout` policy is part of the same wrap. */
  hasTimeoutPolicy: boolean;
  /** Every part of the guard value was resolved. */
  complete: boolean;
  functions: FunctionNode[];
  /** A client method handed over as the action (`new CircuitBreaker(payments.get.bind(payments))`). */
  actionMethod?: TSESTree.MemberExpression;
  route?: Route;
}

export const ENTRY = 'entry' as const;

/**
 * How a piece of code is reached: the guard sites it runs inside on some path, and where the unguarded
 * paths start (`ENTRY`: the code itself is an entry point, called from outside this file or at load).
 */
export interface Reach {
  sites: Set<GuardSite>;
  bypass: Set<TSESTree.Node | typeof ENTRY>;
}

const CONTAINMENT_LABEL: Record<'breaker' | 'bulkhead', string> = { breaker: 'circuit breaker', bulkhead: 'bulkhead' };
const ENTRY_METHODS = new Set(GUARD_LIBRARIES.flatMap((library) => library.entries.map((entry) => entry.method)));

function guardsOf(parts: readonly PolicyPart[]): GuardRef[] {
  return parts
    .filter((part) => CONTAINMENT_KINDS.has(part.kind))
    .map((part) => ({ key: part.key, kind: part.kind as 'breaker' | 'bulkhead', library: part.library, part }));
}

function labelFor(parts: readonly PolicyPart[], name: string | undefined): string {
  const containment = parts.find((part) => CONTAINMENT_KINDS.has(part.kind));
  const library = containment?.library ?? parts[0]?.library;
  const what = parts.length > 1 ? 'policy' : containment ? CONTAINMENT_LABEL[containment.kind as 'breaker' | 'bulkhead'] : 'guard';
  return `${library ? `${library.name} ` : ''}${what}${name ? ` \`${name}\`` : ''}`;
}

function userGuardMatches(context: Context, guard: UserGuard, expression: TSESTree.Node, name: string | undefined): boolean {
  if (guard.module !== undefined) {
    const origin = resolveOrigin(context, expression);
    return origin?.kind === 'module' && origin.module === guard.module && origin.path.join('.') === (guard.export ?? '');
  }
  return name !== undefined && (name === guard.function || name === guard.decorator);
}

function calleeName(callee: TSESTree.Node): string | undefined {
  const node = unwrap(callee);
  if (node.type === AST_NODE_TYPES.Identifier) return node.name;
  if (node.type === AST_NODE_TYPES.MemberExpression) return memberName(node);
  return undefined;
}

/**
 * Guard scopes of one file: collects guard sites while ESLint walks the file, then answers, for any
 * node, which guards it runs inside and where its unguarded paths start. Functions declared in the file
 * are followed through their calls, so the action of a breaker and the helpers it calls are inside it.
 */
export class GuardScopes {
  readonly sites: GuardSite[] = [];
  private readonly sitesByFunction = new Map<FunctionNode, GuardSite[]>();
  private readonly thisCalls = new Map<string, TSESTree.CallExpression[]>();
  private readonly reaches = new Map<TSESTree.Node, Reach>();

  constructor(private readonly context: Context, private readonly types: TypeFacts | undefined, private readonly userGuards: readonly UserGuard[]) {}

  private add(site: GuardSite): void {
    // A retry or a timeout alone contains nothing; a policy we could not fully resolve might, so it is
    // given the benefit of the doubt rather than reported.
    if (site.guards.length === 0 && site.complete) return;
    this.sites.push(site);
    for (const fn of site.functions) {
      const list = this.sitesByFunction.get(fn) ?? [];
      list.push(site);
      this.sitesByFunction.set(fn, list);
    }
  }

  onCall(node: CallNode): void {
    const context = this.context;
    const callee = unwrap(node.callee);
    if (node.type === AST_NODE_TYPES.CallExpression && callee.type === AST_NODE_TYPES.MemberExpression && callee.object.type === AST_NODE_TYPES.ThisExpression) {
      const name = memberName(callee);
      const classBody = enclosingClassBody(callee);
      if (name && classBody) {
        const key = `${classBody.range[0]}:${name}`;
        const calls = this.thisCalls.get(key);
        if (calls) calls.push(node);
        else this.thisCalls.set(key, [node]);
      }
    }
    for (const guard of this.userGuards) {
      if (guard.function === undefined && guard.module === undefined) continue;
      if (!userGuardMatches(context, guard, callee, calleeName(callee))) continue;
      const name = guard.function ?? guard.export ?? guard.module!;
      this.add({ node, guards: [{ key: `user:${name}`, kind: 'custom' }], label: `guard \`${name}\``, hasTimeoutPolicy: false, complete: true, functions: functionArguments(context, node, undefined) });
      return;
    }
    const calleeOrigin = resolveOrigin(context, callee);
    const made = guardFactoryOf(calleeOrigin, node);
    if (made) {
      this.onCreation(node, made.library, made.factory);
      return;
    }
    const member = callee.type === AST_NODE_TYPES.MemberExpression ? memberName(callee) : '';
    if (member === undefined || !ENTRY_METHODS.has(member)) return;
    const guardExpression = callee.type === AST_NODE_TYPES.MemberExpression ? callee.object : callee;
    // Calling any local function with a callback is common; only ask the type checker when the syntax could be a guard.
    if (member === '' && !(calleeOrigin?.kind === 'call' || (this.types && node.arguments[0] && functionTarget(context, node.arguments[0])))) return;
    const parts = policyParts(context, guardExpression, this.types);
    const library = parts?.parts[0]?.library;
    const entry = library?.entries.find((candidate) => candidate.method === member);
    if (!parts || !entry || entry.kind === 'fires') return;
    const functions = functionArguments(context, node, entry.functionArgument);
    const reference = entry.kind === 'wraps' ? holderOf(context, node) : guardReference(context, guardExpression);
    const route = entry.route && reference ? { template: entry.route, ...reference, action: entry.kind === 'wraps' ? functions[0] : undefined } : undefined;
    const name = guardExpression.type === AST_NODE_TYPES.Identifier ? guardExpression.name : reference?.guardText;
    this.add({
      node, guards: guardsOf(parts.parts), label: labelFor(parts.parts, name), functions, route,
      hasTimeoutPolicy: parts.parts.some((part) => part.kind === 'timeout'), complete: parts.complete,
    });
  }

  /** `new CircuitBreaker(action, opts)`, `limitFunction(fn)`: the action runs inside the guard being made. */
  private onCreation(node: CallNode, library: GuardLibrary, factory: GuardFactory): void {
    const part: PolicyPart = { library, kind: factory.kind as PolicyPart['kind'], creation: node, factory, key: `${this.context.filename}#${node.range[0]}` };
    // Policies and pools (`circuitBreaker(...)`, `pLimit(5)`) are entered later, through `execute` or a call.
    if (factory.actionArgument === undefined) return;
    const argument = node.arguments[factory.actionArgument];
    const action = functionTarget(this.context, argument);
    const actionMethod = action || !argument ? undefined : methodReference(argument);
    const holder = holderOf(this.context, node);
    const actionText = actionMethod ? this.context.sourceCode.getText(actionMethod) : undefined;
    const route = factory.route && holder && (action || actionText) ? { template: factory.route, ...holder, action, actionText } : undefined;
    this.add({ node, guards: guardsOf([part]), label: labelFor([part], holder?.guardText), hasTimeoutPolicy: false, complete: true, functions: action ? [action] : [], actionMethod, route });
  }

  /** `@usePolicy(policy)` and user-declared decorators run the method inside the guard. */
  onMethod(method: TSESTree.MethodDefinition): void {
    const context = this.context;
    if (!isFunctionNode(method.value)) return;
    for (const decorator of method.decorators ?? []) {
      const expression = decorator.expression;
      const callee = expression.type === AST_NODE_TYPES.CallExpression ? expression.callee : expression;
      const user = this.userGuards.find((guard) => (guard.decorator !== undefined || guard.module !== undefined) && userGuardMatches(context, guard, callee, calleeName(callee)));
      if (user) {
        const name = user.decorator ?? user.export ?? user.module!;
        this.add({ node: decorator, guards: [{ key: `user:${name}`, kind: 'custom' }], label: `guard \`@${name}\``, hasTimeoutPolicy: false, complete: true, functions: [method.value] });
        continue;
      }
      const origin = resolveOrigin(context, callee);
      if (origin?.kind !== 'module' || expression.type !== AST_NODE_TYPES.CallExpression) continue;
      const library = GUARD_LIBRARIES.find((candidate) => candidate.modules.includes(origin.module));
      const spec = library?.decorators?.find((candidate) => candidate.path === origin.path.join('.'));
      const policy = spec ? expression.arguments[spec.policyArgument] : undefined;
      const parts = policy ? policyParts(context, policy, this.types) : undefined;
      if (!library || !policy || !parts) continue;
      const reference = guardReference(context, policy);
      const template = library.entries.find((entry) => entry.kind === 'runs' && entry.route)?.route;
      this.add({
        node: decorator, guards: guardsOf(parts.parts), label: labelFor(parts.parts, reference?.guardText), functions: [method.value],
        route: template && reference ? { template, ...reference } : undefined,
        hasTimeoutPolicy: parts.parts.some((part) => part.kind === 'timeout'), complete: parts.complete,
      });
    }
  }

  /** Which guards `node` runs inside, and where its unguarded paths start. */
  reachOf(node: TSESTree.Node): Reach {
    return this.reachOfContext(contextOf(node));
  }

  private reachOfContext(scope: FunctionNode | TSESTree.Program): Reach {
    const known = this.reaches.get(scope);
    if (known) return known;
    const reach: Reach = { sites: new Set(), bypass: new Set() };
    // A cycle (recursion) adds nothing new: the partial answer stands in for itself.
    this.reaches.set(scope, reach);
    if (scope.type === AST_NODE_TYPES.Program) {
      reach.bypass.add(ENTRY);
      return reach;
    }
    for (const site of this.sitesByFunction.get(scope) ?? []) reach.sites.add(site);
    const callers = this.callersOf(scope);
    for (const caller of callers) {
      if (caller === ENTRY) {
        reach.bypass.add(ENTRY);
        continue;
      }
      const outer = this.reachOfContext(contextOf(caller.node));
      for (const site of outer.sites) reach.sites.add(site);
      if (outer.bypass.size === 0) continue;
      if (caller.kind === 'inherit') {
        for (const start of outer.bypass) reach.bypass.add(start);
        continue;
      }
      // A call from code that is never guarded is where this path leaves the guard; from code that is
      // sometimes guarded, the unguarded path started further out.
      if (outer.sites.size === 0) reach.bypass.add(caller.node);
      else for (const start of outer.bypass) reach.bypass.add(start === ENTRY ? caller.node : start);
    }
    // Code never run inside a guard is itself where its unguarded path starts: the remote call is reported,
    // not the calls leading to it. Call sites matter only for code that is guarded on some other path.
    if (reach.sites.size === 0) {
      reach.bypass.clear();
      reach.bypass.add(ENTRY);
    }
    return reach;
  }

  /**
   * How a function is entered: calls of it in this file, code it inherits from (an inline callback runs
   * where it is passed), or ENTRY when callers are outside this file (exported, never referenced here).
   */
  private callersOf(fn: FunctionNode): Array<typeof ENTRY | { kind: 'call' | 'inherit'; node: TSESTree.Node }> {
    const guarded = (this.sitesByFunction.get(fn)?.length ?? 0) > 0;
    const parent = fn.parent;
    if (parent?.type === AST_NODE_TYPES.MethodDefinition || parent?.type === AST_NODE_TYPES.PropertyDefinition) {
      const classBody = parent.parent;
      const name = !parent.computed && parent.key.type === AST_NODE_TYPES.Identifier ? parent.key.name : undefined;
      const calls = name && classBody?.type === AST_NODE_TYPES.ClassBody ? this.thisCalls.get(`${classBody.range[0]}:${name}`) ?? [] : [];
      if (calls.length === 0) return guarded ? [] : [ENTRY];
      return calls.map((call) => ({ kind: 'call' as const, node: call }));
    }
    const identifier = fn.type === AST_NODE_TYPES.FunctionDeclaration ? fn.id
      : parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier ? parent.id : undefined;
    if (!identifier) {
      if (guarded) return [];
      return [{ kind: 'inherit', node: fn }];
    }
    const variable = findVariable(this.context, identifier);
    if (!variable) return [ENTRY];
    const callers: Array<typeof ENTRY | { kind: 'call' | 'inherit'; node: TSESTree.Node }> = [];
    let referenced = false;
    for (const reference of variable.references) {
      if (reference.init) continue;
      const use = reference.identifier;
      const useParent = use.parent;
      if (useParent?.type === AST_NODE_TYPES.CallExpression && useParent.callee === use) {
        callers.push({ kind: 'call', node: useParent });
        referenced = true;
        continue;
      }
      if (this.isGuardArgument(use)) {
        referenced = true;
        continue;
      }
      // `export { capture }`: callers in other files are not seen. An exported function is an entry point
      // only when nothing in this file runs it inside a guard (reachOfContext makes unguarded code an
      // entry); one that is (`policy.execute(() => capture(id))`) is taken as meant to be guarded, and
      // its export as being for tests.
      if (useParent?.type === AST_NODE_TYPES.ExportSpecifier) continue;
      referenced = true;
      callers.push({ kind: 'inherit', node: use });
    }
    if (!referenced && !guarded) callers.push(ENTRY);
    return callers;
  }

  /** Is this reference the function a guard runs (`new CircuitBreaker(capturePayment)`)? */
  private isGuardArgument(use: TSESTree.Identifier | TSESTree.JSXIdentifier): boolean {
    const target = use.type === AST_NODE_TYPES.Identifier ? functionTarget(this.context, use) : undefined;
    if (!target) return false;
    const sites = this.sitesByFunction.get(target) ?? [];
    return sites.some((site) => {
      const args = site.node.type === AST_NODE_TYPES.CallExpression || site.node.type === AST_NODE_TYPES.NewExpression ? site.node.arguments : [];
      return args.some((argument) => argument.range[0] <= use.range[0] && use.range[1] <= argument.range[1]);
    });
  }

  /**
   * A guard made inside a function that is not a constructor is made anew on every call: a breaker that
   * never sees the previous call's failure never opens, and a pool of one call's requests caps nothing
   * across callers (`(fn, args) => new CircuitBreaker(fn).fire(args)`, a `pLimit(5)` for one batch). Such a
   * guard does not tell which calls the team meant to contain.
   */
  isPerCall(guard: GuardRef): boolean {
    const creation = guard.part?.creation;
    if (!creation) return false;
    const scope = contextOf(creation);
    if (scope.type === AST_NODE_TYPES.Program) return false;
    if (scope.parent?.type === AST_NODE_TYPES.MethodDefinition && scope.parent.kind === 'constructor') return false;
    const parent = creation.parent;
    // `new CircuitBreaker(fn).fire(args)`: made, used once, dropped.
    if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === creation) return true;
    if (parent?.type !== AST_NODE_TYPES.VariableDeclarator || parent.id.type !== AST_NODE_TYPES.Identifier) return false;
    // A local that is returned, stored or handed on outlives the call (a factory, a registry of breakers).
    const variable = findVariable(this.context, parent.id);
    return (variable?.references ?? []).every((reference) => {
      if (reference.init) return true;
      const use = reference.identifier.parent;
      return (use?.type === AST_NODE_TYPES.MemberExpression && use.object === reference.identifier)
        || (use?.type === AST_NODE_TYPES.CallExpression && use.callee === reference.identifier);
    });
  }

  /**
   * A breaker's own timeout, from its options: `disabled` (`timeout: false`), `none` (cockatiel applies
   * none), or `bounded` (a default or a value we take to bound it).
   */
  breakerTimeout(guard: GuardRef): 'bounded' | 'disabled' | 'none' {
    const timeout = guard.part?.factory?.timeout;
    if (!timeout) return 'bounded';
    if (timeout.kind === 'none') return 'none';
    const creation = guard.part?.creation;
    const options = creation?.arguments[timeout.optionsArgument];
    if (!creation || options?.type === AST_NODE_TYPES.SpreadElement) return 'bounded';
    const verdict = readOption(this.context, options, [timeout.key], this.types);
    if (verdict.kind !== 'present') return 'bounded';
    const value = unwrap(verdict.value);
    return value.type === AST_NODE_TYPES.Literal && timeout.disabledBy.includes(value.value as number | boolean) ? 'disabled' : 'bounded';
  }
}
