import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from './analysis/node-types';
import { resolveClientCall, resolveInstanceCreation, type ClientCall, type InstanceRef } from './analysis/calls';
import { findVariable, memberName, resolveOrigin } from './analysis/origin';
import { sharedAcrossRequests } from './analysis/shared-signals';
import { companionFix, timeoutFix } from './analysis/timeout-fixes';
import { evaluateCall, evaluateInstance, isAbortSignalTimeout, type InsertPoint, type TimeoutVerdict } from './analysis/timeouts';
import { configuredDefaults, getTypeFacts, resolvedSymbol } from './analysis/types';
import { clientsWithUserRows, USER_CLIENT_SCHEMA, type UserClient } from './knowledge/user-clients';
import type { ClientSpec } from './knowledge/clients';
import { createRule } from './util/createRule';

export type MessageIds =
  | 'missingTimeout' | 'disabledTimeout' | 'ineffectiveTimeout' | 'sharedTimeoutSignal'
  | 'longDefaultTimeout' | 'unverifiedTimeout' | 'addTimeout' | 'addCompanion';
export type Options = [{
  timeoutMs?: number;
  maxDefaultMs?: number;
  clients?: UserClient[];
  checkDatabases?: boolean;
  checkUnknown?: boolean;
}];

type CallNode = TSESTree.CallExpression | TSESTree.NewExpression;

export default createRule<Options, MessageIds>({
  name: 'require-timeout',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require a bounded timeout on network, RPC and database calls',
      recommended: true,
      strictOptions: [{ checkUnknown: true, maxDefaultMs: 60_000 }],
      requiresTypeChecking: false,
    },
    hasSuggestions: true,
    messages: {
      missingTimeout: '{{client}} {{what}} has no timeout: if the remote side stops answering, it waits forever and holds its caller with it. Add {{remedy}}.',
      disabledTimeout: '`{{option}}` turns off the timeout of this {{client}} {{what}}, so a remote side that stops answering holds it forever. Use a finite value.',
      ineffectiveTimeout: '{{reason}}',
      sharedTimeoutSignal: 'This AbortSignal.timeout() is created once and shared: once it fires, every later request that uses it aborts at once. Create the signal for each request.',
      longDefaultTimeout: '{{client}} waits up to {{defaultSeconds}} s by default, longer than the {{maxSeconds}} s allowed here, so a stalled call holds its caller that long. Add {{remedy}}.',
      unverifiedTimeout: 'Faultline cannot see whether this {{client}} {{what}} has a timeout (its options are computed elsewhere); if it has none, it can wait forever. Make the timeout visible here.',
      addTimeout: 'Add a {{seconds}} s timeout',
      addCompanion: 'Add `{{text}}`',
    },
    schema: [{
      type: 'object',
      additionalProperties: false,
      properties: {
        timeoutMs: { type: 'integer', minimum: 1, description: 'The timeout, in milliseconds, that suggestions insert.' },
        maxDefaultMs: { type: 'integer', minimum: 1, description: 'Also report clients whose built-in default timeout is longer than this many milliseconds (OpenAI waits 10 minutes). Unset: bounded defaults are accepted.' },
        clients: { type: 'array', items: USER_CLIENT_SCHEMA, description: 'Extra functions or methods to treat as network calls, with where their timeout lives.' },
        checkDatabases: { type: 'boolean', description: 'Check database clients (pg) for connection and, in strict mode, query timeouts.' },
        checkUnknown: { type: 'boolean', description: 'Report calls whose options are computed where Faultline cannot see them (a spread, a parameter).' },
      },
    }],
  },
  defaultOptions: [{ timeoutMs: 10_000, checkDatabases: true, checkUnknown: false }],
  create(context, [options]) {
    const types = getTypeFacts(context);
    /** Scanned once per program, and only when this file has a call or instance to judge. */
    const programDefaults = () => (types ? configuredDefaults(types) : undefined);
    const timeoutMs = options.timeoutMs ?? 10_000;
    const strict = options.checkUnknown === true;
    const withUserRows = clientsWithUserRows(options.clients ?? []);
    // The unfiltered table is shared with the other rules, so their call resolutions are reused.
    const clients = options.checkDatabases === false ? withUserRows.filter((client) => !client.isDatabase) : withUserRows;

    /** Instances created in this file, with the calls made through them. */
    const instances = new Map<CallNode, { instance: InstanceRef; uses: ClientCall[] }>();
    /** Clients whose module-wide default was given a timeout (`axios.defaults.timeout = …`). */
    const configuredModules = new Set<string>();
    const configuredInstances = new Set<CallNode>();
    const moduleCalls: ClientCall[] = [];
    const reported = new Set<TSESTree.Node>();

    function what(call: { shape?: { constructs?: boolean } }): string {
      return call.shape?.constructs ? 'client' : 'call';
    }

    /** The suggestion that adds a timeout where `insert` says, when an edit there is safe. */
    function addTimeout(client: ClientSpec, insert: InsertPoint, strictKey = false): TSESLint.ReportSuggestionArray<MessageIds> {
      const fix = timeoutFix(context.sourceCode, client, insert, timeoutMs, strictKey);
      return fix ? [{ messageId: 'addTimeout', data: { seconds: String(timeoutMs / 1000) }, fix }] : [];
    }

    function addCompanion(verdict: Extract<TimeoutVerdict, { kind: 'ineffective' }>): TSESLint.ReportSuggestionArray<MessageIds> {
      const companion = companionFix(context.sourceCode, verdict, timeoutMs);
      return companion ? [{ messageId: 'addCompanion', data: { text: companion.text }, fix: companion.fix }] : [];
    }

    function report(node: CallNode, client: ClientSpec, verdict: TimeoutVerdict, whatever: string): void {
      const at = node.callee;
      switch (verdict.kind) {
        case 'absent':
          if (client.default.kind === 'bounded') {
            if (options.maxDefaultMs === undefined || client.default.ms <= options.maxDefaultMs) return;
            context.report({
              node: at, messageId: 'longDefaultTimeout',
              data: { client: client.name, defaultSeconds: client.default.ms / 1000, maxSeconds: options.maxDefaultMs / 1000, remedy: client.remedy },
              suggest: addTimeout(client, verdict.insert),
            });
            return;
          }
          if (verdict.strictKey) {
            const data = { client: client.name, what: client.strictSubject ?? whatever, remedy: client.strictRemedy ?? client.remedy };
            context.report({ node: at, messageId: 'missingTimeout', data, suggest: addTimeout(client, verdict.insert, true) });
            return;
          }
          context.report({ node: at, messageId: 'missingTimeout', data: { client: client.name, what: whatever, remedy: client.remedy }, suggest: addTimeout(client, verdict.insert) });
          return;
        case 'disabled':
          if (reported.has(verdict.node)) return;
          reported.add(verdict.node);
          context.report({ node: verdict.node, messageId: 'disabledTimeout', data: { option: verdict.option, client: client.name, what: whatever } });
          return;
        case 'ineffective':
          if (reported.has(verdict.node)) return;
          reported.add(verdict.node);
          context.report({ node: verdict.node, messageId: 'ineffectiveTimeout', data: { reason: verdict.reason }, suggest: addCompanion(verdict) });
          return;
        case 'sharedSignal':
          if (reported.has(verdict.node)) return;
          reported.add(verdict.node);
          context.report({ node: verdict.node, messageId: 'sharedTimeoutSignal' });
          return;
        case 'unknown':
          if (strict && client.default.kind === 'none') context.report({ node: at, messageId: 'unverifiedTimeout', data: { client: client.name, what: whatever } });
          return;
        case 'bounded':
          return;
      }
    }

    function onCall(node: CallNode): void {
      const creation = resolveInstanceCreation(context, node, clients);
      if (creation) {
        instances.set(node, { instance: creation, uses: [] });
        return;
      }
      if (node.type === AST_NODE_TYPES.CallExpression && isAbortSignalTimeout(context, node)) checkSharedSignal(node);
      const call = resolveClientCall(context, node, clients, types);
      // The injected function may carry its own timeout: only its default is known.
      if (!call || call.overridable) return;
      // An instance whose client has no instance-level configuration (gRPC: the deadline is a call
      // option) can't be covered by its creation: each call's own options are the whole story.
      const configurable = call.instance !== undefined && instanceCarriesConfig(call.client);
      if (call.instance && configurable) {
        const creationNode = call.instance.creation;
        const entry = creationNode ? instances.get(creationNode) : undefined;
        const verdict = evaluateCall(context, call, types, strict);
        if (verdict.kind === 'disabled' || verdict.kind === 'ineffective' || verdict.kind === 'sharedSignal') report(node, call.client, verdict, 'call');
        entry?.uses.push(call);
        return;
      }
      if (call.viaType && configurable) {
        // The receiver's type says "an instance", not which one: only what the call itself says is reportable.
        const verdict = evaluateCall(context, call, types, strict);
        if (verdict.kind !== 'absent' && verdict.kind !== 'unknown') report(node, call.client, verdict, 'call');
        return;
      }
      moduleCalls.push(call);
    }

    /** `AbortSignal.timeout()` evaluated once at load time and kept: every later request shares its clock. */
    function checkSharedSignal(node: TSESTree.CallExpression): void {
      if (reported.has(node) || !sharedAcrossRequests(context, node)) return;
      reported.add(node);
      context.report({ node, messageId: 'sharedTimeoutSignal' });
    }

    /** `axios.defaults.timeout = …`, `api.defaults.timeout = …`: configuration written after creation. */
    function onAssignment(node: TSESTree.AssignmentExpression): void {
      if (node.left.type !== AST_NODE_TYPES.MemberExpression) return;
      const names: string[] = [];
      let target: TSESTree.Node = node.left;
      while (target.type === AST_NODE_TYPES.MemberExpression) {
        const name = memberName(target);
        if (name === undefined) return;
        names.unshift(name);
        target = target.object;
        const written = names.join('.');
        if (!clients.some((client) => client.defaultsWrite === written)) continue;
        const origin = resolveOrigin(context, target);
        if (origin?.kind === 'module' && origin.path.length === 0) configuredModules.add(origin.module);
        if (origin?.kind === 'call' && origin.path.length === 0) configuredInstances.add(origin.call);
        return;
      }
    }

    return {
      CallExpression: onCall,
      NewExpression: onCall,
      AssignmentExpression: onAssignment,
      'Program:exit'() {
        for (const call of moduleCalls) {
          if (call.shape.constructs) {
            report(call.node, call.client, evaluateCall(context, call, types, strict), 'client');
            continue;
          }
          const verdict = evaluateCall(context, call, types, strict);
          const moduleConfigured = () => call.client.modules.some((module) => configuredModules.has(module) || programDefaults()?.modules.has(module));
          if (verdict.kind === 'absent' && moduleConfigured()) continue;
          report(call.node, call.client, verdict, what(call));
        }
        for (const [creation, { instance, uses }] of instances) {
          if (configuredInstances.has(creation) || configuredInOtherFile(creation)) continue;
          const verdict = evaluateInstance(context, instance, types, strict);
          if (verdict.kind !== 'absent') {
            report(creation, instance.client, verdict, 'instance');
            continue;
          }
          if (instance.parent?.creation && !configuredInstances.has(instance.parent.creation)) {
            // The parent lacks a timeout too and is reported; one fix there covers this instance.
            if (evaluateInstance(context, instance.parent, types, strict).kind === 'absent') continue;
          }
          const everyUseBounded = uses.length > 0 && !instanceEscapes(creation) && uses.every((use) => evaluateCall(context, use, types, strict).kind === 'bounded');
          if (!everyUseBounded) report(creation, instance.client, verdict, 'instance');
        }
      },
    };

    /** With types: `api.defaults.timeout = …` written anywhere in the program, for the instance `creation` makes. */
    function configuredInOtherFile(creation: CallNode): boolean {
      const defaults = programDefaults();
      if (!types || !defaults || defaults.symbols.size === 0) return false;
      const holder = creation.parent;
      let name: TSESTree.Node | undefined;
      if (holder?.type === AST_NODE_TYPES.VariableDeclarator && holder.init === creation) name = holder.id;
      if (holder?.type === AST_NODE_TYPES.PropertyDefinition && holder.value === creation) name = holder.key;
      if (!name) return false;
      const symbol = resolvedSymbol(types.checker, types.toTs(name));
      return symbol !== undefined && defaults.symbols.has(symbol);
    }

    function instanceCarriesConfig(client: ClientSpec): boolean {
      return (client.factories?.length ?? 0) > 0 || client.defaultsWrite !== undefined;
    }

    /** Does the instance leave this file's sight (exported, returned, passed, stored on an object)? */
    function instanceEscapes(creation: CallNode): boolean {
      const parent = creation.parent;
      if (parent?.type !== AST_NODE_TYPES.VariableDeclarator || parent.id.type !== AST_NODE_TYPES.Identifier) return true;
      if (parent.parent.parent?.type === AST_NODE_TYPES.ExportNamedDeclaration) return true;
      const variable = findVariable(context, parent.id);
      return (variable?.references ?? []).some((reference) => {
        if (reference.init) return false;
        const use = reference.identifier.parent;
        return !(use?.type === AST_NODE_TYPES.MemberExpression && use.object === reference.identifier);
      });
    }
  },
});
