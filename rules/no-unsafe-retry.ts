import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { contains, enclosingFunction, enclosingStatement } from './analysis/ast-walk';
import { addKeyFix, hoistKeyFix, remedyOf } from './analysis/idempotency-fixes';
import { keySource, type KeySource } from './analysis/retry-keys';
import { classifyCall, placeOfConfigured, type ConfiguredUse, type Operation, type UserOperation } from './analysis/retry-operations';
import { attemptNeverFails, RetryReach } from './analysis/retry-reach';
import { siteSendsToRepeatableAddress, tokenGrant } from './analysis/request-urls';
import { correctsOnlyAfterAnswer, handlesConflict, retriesOnlyConflicts } from './analysis/retry-conflicts';
import { retriesOnlyUnprocessed } from './analysis/retry-unprocessed';
import { retriesOnlySafeMethods } from './analysis/method-tests';
import { sentOnceWhileCached } from './analysis/retry-memoized';
import { collectRetryScopes, describeScope, scopesAround, type RetryScope } from './analysis/retry-scopes';
import { getTypeFacts } from './analysis/types';
import { createRule } from './util/createRule';
import { REPEATABLE_TOKEN_GRANT } from './knowledge/retries';

export type MessageIds = 'unsafeRetry' | 'unstableIdempotencyKey' | 'unverifiedIdempotencyKey' | 'addIdempotencyKey' | 'hoistIdempotencyKey';
export type Options = [{
  idempotencyHeaders?: string[];
  operations?: UserOperation[];
  checkUnknown?: boolean;
}];

type CallNode = TSESTree.CallExpression | TSESTree.NewExpression;

/** What repeats the operation: a retry scope around it, or its client's own configuration. */
type Retrier = { kind: 'scope'; scope: RetryScope; via?: string; site: CallNode } | { kind: 'configured'; use: ConfiguredUse };

export default createRule<Options, MessageIds>({
  name: 'no-unsafe-retry',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow retrying non-idempotent operations without an idempotency key that is stable across attempts',
      recommended: true,
      strictOptions: [{ checkUnknown: true }],
      requiresTypeChecking: false,
    },
    hasSuggestions: true,
    messages: {
      unsafeRetry: 'A retry after {{failure}} repeats this {{operation}}, so {{consequence}}: it is retried by {{retry}}. {{advice}}',
      unstableIdempotencyKey: 'This idempotency key is generated inside the retry ({{retry}}), so every attempt of this {{operation}} sends a new key and the server cannot recognise the repeat: {{consequence}}. Create the key once, before the retry.',
      unverifiedIdempotencyKey: 'Faultline cannot see whether this {{operation}} sends an idempotency key (its headers or options are computed elsewhere), and it is retried by {{retry}}: without one, {{consequence}}. Make the key visible here.',
      addIdempotencyKey: 'Create an idempotency key before the retry and send it as {{remedy}}',
      hoistIdempotencyKey: 'Create the idempotency key once, before the retry',
    },
    schema: [{
      type: 'object',
      additionalProperties: false,
      properties: {
        checkUnknown: { type: 'boolean', description: 'Also report retried non-idempotent operations whose headers or options are hidden in a spread or a variable, so the key cannot be seen (`strict`).' },
        idempotencyHeaders: { type: 'array', items: { type: 'string' }, description: 'Extra header names (case-insensitive) that carry an idempotency key, e.g. `X-Acme-Request-Id`.' },
        operations: {
          type: 'array',
          description: 'Extra calls to treat as non-idempotent, e.g. an internal payments client.',
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['module'],
            properties: {
              module: { type: 'string', description: 'Import specifier of the module that exports the call.' },
              export: { type: 'string', description: 'Property path from the module export to the function; empty for the export itself.' },
              keyOption: { type: 'string', description: 'The option, in any argument, that carries the idempotency key (default `idempotencyKey`).' },
            },
          },
        },
      },
    }],
  },
  defaultOptions: [{}],
  create(context, [options]) {
    const types = getTypeFacts(context);
    const settings = { headers: (options.idempotencyHeaders ?? []).map((name) => name.toLowerCase()), operations: options.operations ?? [] };
    const sourceCode = context.sourceCode;
    const configuredOps: Array<{ operation: Operation; use: ConfiguredUse }> = [];

    /** The statement before which a key is made once for all attempts: before the outermost retry around the call in its function. */
    function anchorFor(operation: Operation, retrier: Retrier, scopes: readonly RetryScope[]): TSESTree.Statement | undefined {
      if (retrier.kind === 'configured') {
        const around = scopesAround(scopes, operation.call).filter((scope) => enclosingFunction(scope.node) === enclosingFunction(operation.call));
        return around.length > 0 ? around[around.length - 1]!.anchor : enclosingStatement(operation.call);
      }
      if (retrier.via || !contains(retrier.scope.body, operation.call)) return undefined;
      const around = scopesAround(scopes, operation.call).filter((scope) => scope.anchor && contains(scope.body, operation.call) && enclosingFunction(scope.anchor) === enclosingFunction(retrier.scope.anchor ?? scope.anchor));
      const outermost = around[around.length - 1] ?? retrier.scope;
      return outermost.anchor;
    }

    /** The retry as LSP related information (server/README.md "Related locations"); the CLI ignores it. */
    function relatedOf(retrier: Retrier | RetryScope): Array<{ message: string; loc: TSESTree.SourceLocation }> {
      if ('kind' in retrier && retrier.kind === 'configured') return [{ message: `retried by ${retrier.use.name} here`, loc: retrier.use.node.loc }];
      const scope = 'scope' in retrier ? retrier.scope : (retrier as RetryScope);
      // A loop is pointed at by its keyword, not its whole body.
      const loc = scope.kind === 'loop' ? sourceCode.getFirstToken(scope.node)!.loc : scope.node.loc;
      return [{ message: `retried by ${scope.mechanism} here`, loc }];
    }

    function describe(retrier: Retrier): string {
      if (retrier.kind === 'scope') return describeScope(retrier.scope);
      return `${placeOfConfigured(retrier.use)} (it repeats ${retrier.use.repeatsOn})`;
    }

    /**
     * What the retry repeats after: an error response (a 5xx may come after the server applied it), a thrown
     * failure, or the `error` an SDK answers with, which a dropped connection fills too.
     */
    function failureOf(retrier: { afterStatus?: true; answeredFailure?: true } | undefined): string {
      if (retrier?.answeredFailure) return 'a failure its answer reports (a dropped connection included)';
      return retrier?.afterStatus ? 'an error response' : 'a dropped connection';
    }

    /**
     * "POST", or "POST (the method passed on line 12)" when a wrapper's caller names it (the one this retry
     * runs, if any), or "POST (sent with the body passed on line 12)" when a body makes it one.
     */
    function labelOf(operation: Operation, scope?: RetryScope): string {
      if (operation.through) return `${operation.label} through ${operation.through}`;
      const byBody = operation.methodByBody;
      if (byBody) {
        const giver = byBody.givers.find(({ call, through }) => scope && [call, ...through].some((each) => contains(scope.body, each))) ?? byBody.givers[0];
        return `${operation.label} (sent with the body passed ${giver ? giver.elsewhere ?? `on line ${giver.call.loc.start.line}` : byBody.elsewhere})`;
      }
      if (operation.methodElsewhere) return `${operation.label} (the method passed ${operation.methodElsewhere})`;
      const passers = operation.methodFrom;
      if (!passers) return operation.label;
      const passer = (scope && passerIn(operation, scope)) ?? passers[0]!;
      return `${operation.label} (the method passed on line ${passer.loc.start.line})`;
    }

    function report(operation: Operation, retrier: Retrier, scopes: readonly RetryScope[]): void {
      const site = retrier.kind === 'scope' ? retrier.site : operation.call;
      const where = site !== operation.call ? ` in ${retrier.kind === 'scope' && retrier.via ? `${retrier.via}()` : 'the called function'} on line ${operation.call.loc.start.line}` : '';
      const advice = operation.advice ?? `Send an idempotency key created once before the retry (${remedyOf(operation)}).`;
      const data = {
        operation: `${labelOf(operation, retrier.kind === 'scope' ? retrier.scope : undefined)}${where}`, consequence: operation.consequence, retry: describe(retrier), advice,
        failure: failureOf(retrier.kind === 'scope' ? retrier.scope : retrier.use), relatedLocations: relatedOf(retrier),
      };
      const anchor = site === operation.call ? anchorFor(operation, retrier, scopes) : undefined;
      if (operation.key.kind === 'none') {
        const send = operation.send;
        const suggest: TSESLint.ReportSuggestionArray<MessageIds> = anchor && send
          ? [{ messageId: 'addIdempotencyKey', data: { remedy: remedyOf(operation) }, fix: addKeyFix(context, anchor, send) }] : [];
        context.report({ node: site.callee, messageId: 'unsafeRetry', data, suggest });
        return;
      }
      if (operation.key.kind !== 'key' || retrier.kind !== 'scope') return;
      const source = keySource(context, operation.key.value);
      if (!source || !generatedPerAttempt(source, retrier, operation)) return;
      const hoist = anchor && hoistKeyFix(context, source, operation.key.value, anchor, retrier.scope);
      context.report({ node: site.callee, messageId: 'unstableIdempotencyKey', data, suggest: hoist ? [{ messageId: 'hoistIdempotencyKey', fix: hoist }] : [] });
    }

    function generatedPerAttempt(source: KeySource, retrier: Extract<Retrier, { kind: 'scope' }>, operation: Operation): boolean {
      if (contains(retrier.scope.body, source.generator)) return true;
      if (!retrier.via) return false;
      const fn = enclosingFunction(operation.call);
      return fn !== undefined && contains(fn, source.generator) && !contains(fn, retrier.scope.node);
    }

    function reportUnverified(operation: Operation, retry: string, site: CallNode, scope?: RetryScope): void {
      context.report({ node: site.callee, messageId: 'unverifiedIdempotencyKey', data: { operation: labelOf(operation, scope), retry, consequence: operation.consequence } });
    }

    /**
     * The call that passes the method into this retry: one inside it, or one whose way to the request goes
     * through a wrapper's call inside it (`withRetry({ method: 'post' })`, retried at `send(config)`).
     */
    function passerIn(operation: Operation, scope: RetryScope): CallNode | undefined {
      return operation.methodFrom?.find((call) => contains(scope.body, call))
        ?? operation.methodVia?.find((path) => path.through.some((call) => contains(scope.body, call)))?.from;
    }

    /** The token grant of the function that passes a wrapper the POST from inside this retry, if it names one. */
    function grantPassed(operation: Operation, scope: RetryScope, site: CallNode): ReturnType<typeof tokenGrant> {
      if (site === operation.call || operation.label !== 'POST' || operation.consequence === REPEATABLE_TOKEN_GRANT.consequence) return undefined;
      const passer = passerIn(operation, scope);
      return passer && tokenGrant(context, passer);
    }

    function onCall(node: CallNode): void {
      const facts = classifyCall(context, node, types, settings);
      if (facts?.operation && facts.configured?.repeatsUnsafe) configuredOps.push({ operation: facts.operation, use: facts.configured });
    }

    return {
      CallExpression: onCall,
      NewExpression: onCall,
      'Program:exit'() {
        // A poll repeats its operation on success as well; that it also goes round after a failure adds no repeat of its own.
        const scopes = collectRetryScopes(context).scopes.filter((scope) => !scope.polls);
        const reach = new RetryReach(context, types, settings, scopes);
        const done = new Set<TSESTree.Node>();
        // Innermost scopes first, so the message names the retry closest to the operation.
        const ordered = [...scopes].sort((a, b) => (a.body.range[1] - a.body.range[0]) - (b.body.range[1] - b.body.range[0]));
        for (const { operation, use } of configuredOps) {
          if (operation.key.kind === 'unknown' && options.checkUnknown) {
            done.add(operation.call);
            reportUnverified(operation, describe({ kind: 'configured', use }), operation.call);
          }
          // A key sent with the call is reused by the client's own retries; a retry around it may still renew it.
          if (operation.key.kind !== 'none') continue;
          done.add(operation.call);
          report(operation, { kind: 'configured', use }, scopes);
        }
        for (const scope of ordered) {
          // A retry of refused requests (429, connection refused, a unique-constraint conflict) cannot apply anything twice.
          // So is one that goes round only to send a request corrected from the server's refusal.
          // Or one that goes round only for a read (`if (isGet && attempt < max) continue`).
          if (retriesOnlyUnprocessed(context, scope) || retriesOnlyConflicts(context, scope) || correctsOnlyAfterAnswer(context, scope) || retriesOnlySafeMethods(context, scope)) continue;
          const reachable = reach.of(scope);
          // `withRetry(() => sendBatch())` where sendBatch keeps every failure and answers `{ ok: false }`.
          if (attemptNeverFails(context, scope, reachable)) continue;
          for (const reached of reachable.calls) {
            const operation = reached.facts.operation;
            if (!operation || done.has(reached.site) || done.has(operation.call)) continue;
            // Reporting the failure (`catch { await post('/errors', e) }`) happens once per failure, not as the attempt.
            if (scope.handler && contains(scope.handler, reached.site)) continue;
            if (operation.key.kind === 'safe') continue;
            // `if (error.code === '23505') { …read the existing row… }`: the table refuses a second copy of the row.
            if (operation.insertsRow && handlesConflict(context, scope)) continue;
            // `post('/api/auth/sign-in/email', creds)` through a wrapper whose other callers create: this site signs in.
            if (reached.site !== operation.call && !operation.sdk && siteSendsToRepeatableAddress(context, operation.call, reached.site)) continue;
            // A helper that answers from its cache (`if (cachedToken) return cachedToken`) sends again only when the retry empties it.
            if (reached.site !== operation.call && sentOnceWhileCached(context, scope, reached.site)) continue;
            // A wrapper this retry calls sends what this retry passes: a POST passed by another caller is not retried here.
            if (operation.methodFrom && reached.site !== operation.call && !passerIn(operation, scope)) continue;
            // The grant the retried caller hands the wrapper (`grant_type: 'refresh_token'`) decides what a repeat does.
            const grant = grantPassed(operation, scope, reached.site);
            if (grant === 'reusable') continue;
            if (grant === 'single-use') {
              done.add(reached.site);
              report({ ...operation, consequence: REPEATABLE_TOKEN_GRANT.consequence, advice: REPEATABLE_TOKEN_GRANT.advice, send: undefined }, { kind: 'scope', scope, via: reached.via, site: reached.site }, scopes);
              continue;
            }
            if (operation.key.kind === 'unknown') {
              if (options.checkUnknown) reportUnverified(operation, describeScope(scope), reached.site, scope);
              done.add(reached.site);
              continue;
            }
            done.add(reached.site);
            report(operation, { kind: 'scope', scope, via: reached.via, site: reached.site }, scopes);
          }
          for (const { site, operation } of reachable.program) {
            if (operation.kind !== 'operation' || done.has(site)) continue;
            done.add(site);
            const data = { operation: `${operation.label} in ${operation.where}`, consequence: operation.consequence, retry: describeScope(scope), relatedLocations: relatedOf(scope) };
            if (operation.unstableKey) context.report({ node: site.callee, messageId: 'unstableIdempotencyKey', data });
            else context.report({ node: site.callee, messageId: 'unsafeRetry', data: { ...data, failure: failureOf(scope), advice: 'Create an idempotency key once before the retry, pass it in, and send it with the request.' } });
          }
        }
      },
    };
  },
});
