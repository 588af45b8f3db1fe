import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from './analysis/node-types';
import type { ClientCall } from './analysis/calls';
import { dependencyOf, dependencyOfMethod, resolveRemoteCall, type Dependency } from './analysis/dependencies';
import { ENTRY, GuardScopes, functionTarget, routeReachable, type GuardSite, type Route, type UserGuard } from './analysis/guards';
import { readOption } from './analysis/options';
import { findVariable, unwrap } from './analysis/origin';
import { evaluateCall, evaluateInstance } from './analysis/timeouts';
import { getTypeFacts } from './analysis/types';
import { CLIENTS } from './knowledge/clients';
import { createRule } from './util/createRule';

export type MessageIds = 'bypassedGuard' | 'unguardedCall' | 'breakerWithoutTimeout' | 'routeThroughGuard';
export type Options = [{
  mode?: 'consistent' | 'all';
  guards?: UserGuard[];
}];

type CallNode = TSESTree.CallExpression | TSESTree.NewExpression;

/** The guarded use a bypass is measured against: a call made inside the guard, or a method handed to it. */
interface Guarded {
  node: TSESTree.Node;
  label?: string;
  site: GuardSite;
}

interface RemoteCall {
  call: ClientCall;
  dependency: Dependency;
  sites: GuardSite[];
  /** Where the unguarded paths to this call start: the call itself, or a call into the function holding it. */
  bypasses: TSESTree.Node[];
}

/** Fills `{name}` holes; a function replacement, so `$&` or `$'` in the code is copied, not interpreted. */
function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (hole, name: string) => values[name] ?? hole);
}

export default createRule<Options, MessageIds>({
  name: 'no-unguarded-dependency',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require calls to a dependency to go through the circuit breaker or bulkhead that guards it',
      recommended: true,
      strictOptions: [{ mode: 'all' }],
      requiresTypeChecking: false,
    },
    hasSuggestions: true,
    messages: {
      bypassedGuard: 'This call reaches {{dependency}} around the {{guard}} that guards the call on line {{line}}: when {{dependency}} fails or stalls, this path keeps waiting on it and the failure spreads past the guard. Route it through the {{guard}}.',
      unguardedCall: 'This {{client}} call reaches {{dependency}} outside any circuit breaker or bulkhead: when {{it}} fails or stalls, every caller waits on it and the failure spreads. Run it through a breaker or bulkhead, or declare your own guard in the `guards` option.',
      breakerWithoutTimeout: 'This {{guard}} has no timeout{{how}}, and the {{client}} call it guards on line {{line}} has none either: a call that hangs never counts as a failure, so the breaker never opens. {{remedy}}.',
      routeThroughGuard: 'Run this call through {{guard}}',
    },
    schema: [{
      type: 'object',
      additionalProperties: false,
      properties: {
        mode: {
          type: 'string',
          enum: ['consistent', 'all'],
          description: '`consistent`: report calls that bypass a guard other calls to the same dependency use. `all`: report every remote call not made inside a guard.',
        },
        guards: {
          type: 'array',
          description: 'Your own guards: a function that runs its function arguments inside a breaker or bulkhead, a method decorator, or a module export that is either.',
          items: {
            type: 'object',
            additionalProperties: false,
            minProperties: 1,
            properties: {
              function: { type: 'string', description: 'Name of a function or method whose function arguments run inside the guard, e.g. `withBreaker`.' },
              decorator: { type: 'string', description: 'Name of a method decorator that runs the method inside the guard, e.g. `CircuitBreaker`.' },
              module: { type: 'string', description: 'Import specifier of a module that exports the guard, e.g. `@acme/resilience`.' },
              export: { type: 'string', description: 'Property path of the guard in `module`; empty for the module export itself.' },
            },
          },
        },
      },
    }],
  },
  defaultOptions: [{ mode: 'consistent', guards: [] }],
  create(context, [options]) {
    const types = getTypeFacts(context);
    const scopes = new GuardScopes(context, types, options.guards ?? []);
    const calls: ClientCall[] = [];
    const sourceCode = context.sourceCode;

    function onCall(node: CallNode): void {
      scopes.onCall(node);
      const call = resolveRemoteCall(context, node, CLIENTS, types);
      if (call) calls.push(call);
    }

    /** `policy.execute(() => call)`, `limit(() => call)`, or `breaker.fire(args)` when `at` calls the breaker's action. */
    function routeFix(site: GuardSite, at: TSESTree.Node): TSESLint.ReportSuggestionArray<MessageIds> {
      const route: Route | undefined = site.route;
      if (!route || at.type !== AST_NODE_TYPES.CallExpression || !routeReachable(context, route, at)) return [];
      // `client.post(…).json()`: wrapping the call alone would change what the chain is called on.
      if (at.parent?.type === AST_NODE_TYPES.MemberExpression && at.parent.object === at) return [];
      let text: string;
      if (route.template.includes('{args}')) {
        const callsAction = route.action ? functionTarget(context, at.callee) === route.action : sourceCode.getText(unwrap(at.callee)) === route.actionText;
        if (!callsAction) return [];
        const args = at.arguments;
        const argsText = args.length === 0 ? '' : sourceCode.text.slice(args[0]!.range[0], args[args.length - 1]!.range[1]);
        text = fill(route.template, { guard: route.guardText, args: argsText });
      } else {
        text = fill(route.template, { guard: route.guardText, call: sourceCode.getText(at) });
      }
      return [{ messageId: 'routeThroughGuard', data: { guard: `\`${route.guardText}\`` }, fix: (fixer) => fixer.replaceText(at, text) }];
    }

    /**
     * Does the guarded call have no timeout of its own? A `signal` taken from the policy's context counts
     * only when the policy has a timeout, which is the question being asked.
     */
    function callIsUnbounded(call: ClientCall, site: GuardSite): boolean {
      const verdict = evaluateCall(context, call, types, false);
      if (verdict.kind === 'bounded' && !signalFromPolicy(call, site)) return false;
      if (verdict.kind === 'unknown' || verdict.kind === 'sharedSignal') return false;
      if (call.instance) {
        const instance = evaluateInstance(context, call.instance, types, false);
        if (instance.kind !== 'absent' && instance.kind !== 'disabled') return false;
      }
      return call.client.default.kind === 'none';
    }

    function signalFromPolicy(call: ClientCall, site: GuardSite): boolean {
      if (call.options.kind !== 'argument') return false;
      const verdict = readOption(context, call.options.node, ['signal'], types);
      if (verdict.kind !== 'present') return false;
      let value = unwrap(verdict.value);
      if (value.type === AST_NODE_TYPES.MemberExpression && value.object.type === AST_NODE_TYPES.Identifier) value = value.object;
      if (value.type !== AST_NODE_TYPES.Identifier) return false;
      const def = findVariable(context, value)?.defs[0];
      return def?.type === 'Parameter' && site.functions.includes(def.node as never);
    }

    function reportBreakers(remote: RemoteCall, reported: Set<string>): void {
      for (const site of remote.sites) {
        if (!site.complete || site.hasTimeoutPolicy) continue;
        for (const guard of site.guards) {
          if (guard.kind !== 'breaker' || !guard.part?.creation || reported.has(guard.key)) continue;
          const own = scopes.breakerTimeout(guard);
          if (own === 'bounded' || !callIsUnbounded(remote.call, site)) continue;
          reported.add(guard.key);
          context.report({
            node: guard.part.creation,
            messageId: 'breakerWithoutTimeout',
            data: {
              guard: site.label, how: own === 'disabled' ? ' (it is turned off)' : '', client: remote.call.client.name,
              line: remote.call.node.loc.start.line, remedy: guard.part.factory?.timeoutRemedy ?? 'Give the breaker or the call a timeout',
              // The language server turns these into LSP related information (server/README.md); the CLI ignores them.
              relatedLocations: [{ message: 'the guarded call, without a timeout', loc: remote.call.node.loc }],
            },
          });
        }
      }
    }

    /** `new CircuitBreaker(payments.get.bind(payments), { timeout: false })` over an instance without a timeout. */
    function reportMethodBreaker(site: GuardSite, method: TSESTree.MemberExpression, reported: Set<string>): void {
      const guard = site.guards.find((candidate) => candidate.kind === 'breaker' && candidate.part?.creation);
      if (!guard?.part?.creation || reported.has(guard.key) || scopes.breakerTimeout(guard) !== 'disabled') return;
      const dependency = dependencyOfMethod(context, method, CLIENTS);
      if (!dependency || dependency.instance.client.default.kind !== 'none') return;
      const verdict = evaluateInstance(context, dependency.instance, types, false);
      if (verdict.kind !== 'absent' && verdict.kind !== 'disabled') return;
      reported.add(guard.key);
      context.report({
        node: guard.part.creation,
        messageId: 'breakerWithoutTimeout',
        data: {
          guard: site.label, how: ' (it is turned off)', client: dependency.instance.client.name, line: method.loc.start.line,
          remedy: guard.part.factory?.timeoutRemedy ?? 'Give the breaker or the call a timeout',
          relatedLocations: [{ message: 'the guarded call, without a timeout', loc: method.loc }],
        },
      });
    }

    return {
      CallExpression: onCall,
      NewExpression: onCall,
      MethodDefinition: (node: TSESTree.MethodDefinition) => scopes.onMethod(node),
      'Program:exit'() {
        const remotes: RemoteCall[] = calls.map((call) => {
          const reach = scopes.reachOf(call.node);
          const bypasses = [...reach.bypass].map((start) => (start === ENTRY ? call.node : start));
          return { call, dependency: dependencyOf(context, call, types), sites: [...reach.sites], bypasses };
        });
        const reportedBreakers = new Set<string>();
        for (const remote of remotes) reportBreakers(remote, reportedBreakers);
        for (const site of scopes.sites) if (site.actionMethod) reportMethodBreaker(site, site.actionMethod, reportedBreakers);

        const reported = new Set<TSESTree.Node>();
        const at = (node: TSESTree.Node): TSESTree.Node => (node.type === AST_NODE_TYPES.CallExpression || node.type === AST_NODE_TYPES.NewExpression ? node.callee : node);
        if (options.mode === 'all') {
          for (const remote of remotes) {
            for (const bypass of remote.bypasses) {
              if (reported.has(bypass)) continue;
              reported.add(bypass);
              const label = remote.dependency.label;
              context.report({ node: at(bypass), messageId: 'unguardedCall', data: { client: remote.call.client.name, dependency: label ?? 'a remote service', it: label ?? 'that service' } });
            }
          }
          return;
        }
        // consistent: the first guarded call of each dependency is the one bypasses are measured against.
        const guardedBy = new Map<string, Guarded>();
        const lasting = (site: GuardSite): boolean => site.guards.some((guard) => !scopes.isPerCall(guard));
        for (const remote of remotes) {
          const site = remote.sites.find(lasting);
          if (!site) continue;
          for (const key of remote.dependency.keys) if (!guardedBy.has(key)) guardedBy.set(key, { node: remote.call.node, label: remote.dependency.label, site });
        }
        // A client method handed to a breaker as its action guards that method's instance.
        for (const site of scopes.sites) {
          if (!site.actionMethod || !lasting(site)) continue;
          const dependency = dependencyOfMethod(context, site.actionMethod, CLIENTS);
          for (const key of dependency?.keys ?? []) if (!guardedBy.has(key)) guardedBy.set(key, { node: site.actionMethod, label: dependency?.label, site });
        }
        for (const remote of remotes) {
          const key = remote.dependency.keys.find((candidate) => guardedBy.has(candidate));
          if (key === undefined) continue;
          const guarded = guardedBy.get(key)!;
          for (const bypass of remote.bypasses) {
            if (reported.has(bypass)) continue;
            reported.add(bypass);
            context.report({
              node: at(bypass),
              messageId: 'bypassedGuard',
              data: {
                dependency: remote.dependency.label ?? guarded.label ?? 'the same service', guard: guarded.site.label,
                line: guarded.node.loc.start.line,
                relatedLocations: [{ message: `guarded by the ${guarded.site.label} here`, loc: guarded.node.loc }],
              },
              suggest: routeFix(guarded.site, bypass),
            });
          }
        }
      },
    };
  },
});
