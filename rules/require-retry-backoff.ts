import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from './analysis/node-types';
import { contains, isLoop } from './analysis/ast-walk';
import { insertArgument, insertProperty } from './analysis/fixes';
import { immediateAttachments, type ImmediateAttachment } from './analysis/retry-configured';
import { askedOfUser, awaitsWait } from './analysis/retry-waits';
import { catchChangesAttempt, retriesOnlyConflicts } from './analysis/retry-conflicts';
import { nestedRetries } from './analysis/retry-nesting';
import { collectRetryScopes, describeScope, type RetryScope } from './analysis/retry-scopes';
import { operatorCountText, operatorSetting } from './analysis/retry-observables';
import { attemptLooksRemote, isNamedRetryHelper } from './analysis/retry-remote';
import { unpacedWayRound } from './analysis/retry-unpaced';
import { retriesOnlyUnprocessed } from './analysis/retry-unprocessed';
import { getTypeFacts } from './analysis/types';
import { createRule } from './util/createRule';

export type MessageIds = 'unboundedRetry' | 'noBackoff' | 'noBackoffOnce' | 'noBackoffOnSomeFailures' | 'foreverRetry' | 'foreverUnlessSet' | 'unboundedPolicy' | 'policyWithoutBackoff' | 'operatorWithoutDelay' | 'attachedWithoutDelay' | 'libraryWithoutWait' | 'nestedRetry' | 'addGrowingDelay';
export type Options = [{
  maxNestedAttempts?: number;
  waitFunctions?: string[];
}];

/** What an endless retry costs: a dependency that is down gets called forever; one that answers with nothing gets asked forever. */
function endlessCost(scope: RetryScope): string {
  return scope.onEmptyAnswer
    ? 'while the dependency keeps answering with nothing it is asked again forever, adding load for an answer that may never come'
    : 'while the dependency is down it calls it forever, adding load to a service that is already failing';
}

export default createRule<Options, MessageIds>({
  name: 'require-retry-backoff',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require retries to be bounded, to wait between attempts, and not to multiply inside other retries',
      recommended: true,
      strictOptions: [{ maxNestedAttempts: 1 }],
      requiresTypeChecking: false,
    },
    hasSuggestions: true,
    schema: [{
      type: 'object',
      additionalProperties: false,
      properties: {
        maxNestedAttempts: { type: 'integer', minimum: 1, description: 'Report a retry nested in another only when the multiplied worst case exceeds this many attempts (default 10; `strict`: 1, every nesting).' },
        waitFunctions: { type: 'array', items: { type: 'string' }, description: 'Names of functions that wait between attempts when awaited, besides sleep/delay/wait/backoff and setTimeout promises.' },
      },
    }],
    messages: {
      unboundedRetry: 'This retry ({{retry}}) has no attempt limit: {{endless}}. Count the attempts and rethrow after the last one.',
      noBackoff: 'This retry ({{retry}}) goes round again without waiting: each failure is retried at once, so a struggling dependency gets a burst of calls. Await a growing delay (exponential backoff with jitter) before the next attempt.',
      noBackoffOnce: 'This retry ({{retry}}) sends the call once more at once after a failure: a dependency that has just failed gets the same request again before it can recover. Await a delay before the second attempt.',
      noBackoffOnSomeFailures: 'This retry ({{retry}}) waits after some failures but not after others: the way round that leaves its {{way}} on line {{line}} goes again at once, so a dependency that keeps failing that way gets a burst of calls. Await a growing delay on that way round too.',
      foreverRetry: '`{{setting}}` makes {{library}} retry forever: while the dependency is down it is called without end. Set a finite number of retries.',
      foreverUnlessSet: '`{{setting}}` falls back to an endless retry: whenever that count is not set, {{library}} calls a dependency that is down without end. Fall back to a finite number of retries.',
      unboundedPolicy: '{{library}} without `maxAttempts` retries forever with no delay between attempts: one failing dependency gets a tight loop of calls. Set `maxAttempts` and a `backoff` (e.g. `new ExponentialBackoff()`).',
      policyWithoutBackoff: '{{library}} without a `backoff` retries at once (its default delay is 0 ms), so a struggling dependency gets a burst of calls. Set `backoff` (e.g. `new ExponentialBackoff()`).',
      operatorWithoutDelay: '`{{setting}}` resubscribes at once after each error, so every failure sends the request again immediately and a struggling dependency gets a burst of calls. Give it a growing delay: `retry({ count: {{count}}, delay: (_error, attempt) => timer(2 ** attempt * 200) })`.',
      attachedWithoutDelay: '{{library}} without `{{waitKey}}` retries at once (its default is no delay), so each failure is followed by {{retries}} back-to-back calls to a dependency that may be struggling. Set `{{waitKey}}` (e.g. `{{delay}}`).',
      libraryWithoutWait: '`{{setting}}` makes {{library}} wait 0 ms between attempts, so each failure is retried at once and a struggling dependency gets a burst of calls. Remove it, or let the wait grow.',
      addGrowingDelay: 'Wait longer before each retry: `{{waitKey}}: {{delay}}`',
      nestedRetry: 'This retry runs inside another, so one failing call is attempted up to {{total}} times: {{breakdown}}. Retry in one layer only, or set the inner retries to 0.',
    },
  },
  defaultOptions: [{ maxNestedAttempts: 10 }],
  create(context, [options]) {
    const types = getTypeFacts(context);
    const sourceCode = context.sourceCode;
    const maxNested = options.maxNestedAttempts ?? 10;
    const waitNames = new Set(options.waitFunctions ?? []);
    const reported = new Map<TSESTree.Node, Set<MessageIds>>();

    /** One report of a kind per node: two readings of one recursion (`if (res.ok) return res`, then `status >= 500`) are one retry. */
    function once(node: TSESTree.Node, messageId: MessageIds, report: () => void): void {
      const kinds = reported.get(node) ?? new Set<MessageIds>();
      if (kinds.has(messageId)) return;
      reported.set(node, kinds.add(messageId));
      report();
    }

    /** Loops report on their keyword, so the squiggle stays on one token. */
    function locOf(scope: RetryScope): TSESTree.SourceLocation {
      return scope.kind === 'loop' ? sourceCode.getFirstToken(scope.node)!.loc : (scope.node.type === 'CallExpression' ? scope.node.callee.loc : scope.node.loc);
    }

    /** `helperCalls`: calls of the file's retry helpers, each a scope whose `helper` is the helper's own retry. */
    function checkScope(scope: RetryScope, helperCalls: readonly RetryScope[]): void {
      const retry = describeScope(scope);
      if (scope.kind !== 'library') {
        // A loop that retries a file read or a prompt hammers nothing remote; a helper's loop is remote
        // when a call of the helper in this file hands it a remote callback, or, called only from other
        // files, when its name says it is for retrying.
        const calls = helperCalls.filter((call) => call.helper === scope);
        const remote = attemptLooksRemote(context, scope, types) || (calls.length > 0 ? calls.some((call) => attemptLooksRemote(context, call, types)) : isNamedRetryHelper(context, scope));
        if (!remote) return;
        // A loop that waits for `status === 200` may be a poll, whose pace is its own business; one that
        // goes again only after a unique-constraint conflict is correcting its data, with nothing failing.
        // A catch that changes what the next attempt sends is correcting the request or moving on.
        if (scope.mayPoll || retriesOnlyConflicts(context, scope) || catchChangesAttempt(context, scope)) return;
        // A repeat the user asks for (`if (confirm('Try again?')) return save(body)`) goes at their pace and ends when they stop.
        if (scope.failurePath && askedOfUser(context, scope.failurePath)) return;
        const waits = scope.waits || (waitNames.size > 0 && scope.failurePath !== undefined && awaitsWait(context, scope.failurePath, waitNames));
        // A repeat of refusals only (a 429, a refused connection), with a wait, goes at the pace the server
        // asks for (Retry-After) or comes up at: nothing it sent was taken, and no count is needed.
        const paced = waits && retriesOnlyUnprocessed(context, scope);
        if (!scope.bounded && !paced) once(scope.node, 'unboundedRetry', () => context.report({ loc: locOf(scope), messageId: 'unboundedRetry', data: { retry, endless: endlessCost(scope) } }));
        if (!waits) {
          // One repeat is no burst: the message says what it is, a second attempt at once.
          const secondAttemptOnly = scope.bounded && scope.attempts.kind === 'finite' && scope.attempts.attempts === 2;
          once(scope.node, 'noBackoff', () => context.report({ loc: locOf(scope), messageId: secondAttemptOnly ? 'noBackoffOnce' : 'noBackoff', data: { retry } }));
          return;
        }
        const unpaced = unpacedWayRound(context, scope, waitNames);
        if (unpaced) once(scope.node, 'noBackoffOnSomeFailures', () => context.report({ loc: locOf(scope), messageId: 'noBackoffOnSomeFailures', data: { retry, way: unpaced.after === 'catch' ? 'catch' : 'try after a failed status', line: unpaced.node.loc.end.line } }));
        return;
      }
      // An RxJS retry over a hot stream (a Subject, a store) re-attaches to it and sends nothing: judged
      // only when a resubscription sends a remote call again.
      if (scope.operator !== undefined && !scope.resends && !attemptLooksRemote(context, scope, types)) return;
      // promise-retry told to go again only on an answer (`if (balance < min) retry(…)`) polls; failures end it.
      if (scope.mayPoll) return;
      if (scope.forever) {
        const { node, text, fallback, library } = scope.forever;
        noteSetting(node, scope, fallback ? 'foreverUnlessSet' : 'foreverRetry', { setting: text, library: library ?? scope.library?.name ?? scope.mechanism });
      }
      if (scope.noWait && !scope.forever) {
        const { node, text } = scope.noWait;
        noteSetting(node, scope, 'libraryWithoutWait', { setting: text, library: scope.library?.name ?? scope.mechanism });
      }
      if (scope.operator !== undefined && !scope.waits && !scope.forever) {
        context.report({ node: scope.node, messageId: 'operatorWithoutDelay', data: { setting: operatorSetting(context, scope.node), count: operatorCountText(context, scope.node) } });
      }
    }

    /**
     * A setting (`forever: true`, `maxTimeout: 0`) is reported once, where it is written, however many retries
     * read it: one edit fixes them all. When it is written apart from them (a shared options object, a class
     * field), the retries it governs are its related locations, so the editor shows where it takes effect.
     */
    const settings = new Map<TSESTree.Node, { messageId: MessageIds; data: Record<string, string>; scopes: RetryScope[] }>();

    function noteSetting(node: TSESTree.Node, scope: RetryScope, messageId: MessageIds, data: Record<string, string>): void {
      const noted = settings.get(node) ?? { messageId, data, scopes: [] };
      noted.scopes.push(scope);
      settings.set(node, noted);
    }

    function reportSettings(): void {
      for (const [node, { messageId, data, scopes }] of settings) {
        const apart = scopes.filter((scope) => !contains(scope.node.parent ?? scope.node, node));
        const relatedLocations = apart.map((scope) => ({ message: `${scope.library?.name ?? scope.mechanism} retries with this setting here`, loc: scope.node.loc }));
        context.report({ node, messageId, data: { ...data, ...(relatedLocations.length > 0 ? { relatedLocations } : {}) } });
      }
    }

    return {
      'Program:exit'() {
        const all = collectRetryScopes(context);
        // A call of the file's retry helper is that helper's retry again: judged, and nested, once, at the
        // helper; a helper of another file is judged in its file (and nested through reach's program calls).
        const helperCalls = all.scopes.filter((scope) => scope.helper !== undefined);
        const scopes = all.scopes.filter((scope) => scope.helper === undefined && scope.elsewhere === undefined);
        const policies = all.policies;
        for (const scope of scopes) checkScope(scope, helperCalls);
        reportSettings();
        for (const policy of policies) {
          const library = policy.library.name;
          if (policy.attempts.kind === 'forever' && !policy.waits) context.report({ node: policy.creation.callee, messageId: 'unboundedPolicy', data: { library } });
          else if (!policy.waits) context.report({ node: policy.creation.callee, messageId: 'policyWithoutBackoff', data: { library } });
        }
        for (const attachment of immediateAttachments(context)) reportImmediate(attachment);
        // An RxJS retry over a client call is that call's configured retry in the nesting, not a layer of its own.
        // A call of the file's retry helper is a layer around the callback it hands over
        // (`withRetry(() => openai.chat.completions.create(…))`): the helper's own loop cannot see it.
        // A layer that repeats only refusals (a 429) does not multiply the failures an inner retry gives up on.
        reportNesting([...scopes, ...helperCalls].filter((scope) => !scope.resends && !retriesOnlyUnprocessed(context, scope)));
      },
    };

    /** `axiosRetry(api, { retries: 3 })`: the suggestion adds the library's own growing delay. */
    function reportImmediate({ library, call, options, retries, waitKey, growingDelay }: ImmediateAttachment): void {
      const delay = `${sourceCode.getText(call.callee)}.${growingDelay}`;
      const property = `${waitKey}: ${delay}`;
      const object = options && options.type === AST_NODE_TYPES.ObjectExpression ? options : undefined;
      const suggest: TSESLint.ReportSuggestionArray<MessageIds> = options && !object ? [] : [{
        messageId: 'addGrowingDelay', data: { waitKey, delay },
        fix: (fixer) => (object ? insertProperty(fixer, sourceCode, object, property) : insertArgument(fixer, sourceCode, call, 1, `{ ${property} }`)),
      }];
      context.report({ node: call.callee, messageId: 'attachedWithoutDelay', data: { library, waitKey, retries: String(retries), delay }, suggest });
    }

    /** Each innermost retry of a nesting whose worst case exceeds `maxNestedAttempts`, with the multiplied count. */
    function reportNesting(scopes: readonly RetryScope[]): void {
      for (const { layer, chain, total } of nestedRetries(context, types, scopes)) {
        if (total <= maxNested) continue;
        const breakdown = chain.map((item) => `${item.attempts} (${item.label})`).join(' × ');
        // The outer layers as LSP related information (server/README.md "Related locations"), and the inner
        // retry itself when the report sits where an outer layer runs it; the CLI ignores them.
        const relatedLocations = chain.slice(1).map((outer) => ({ message: `outer retry: ${outer.attempts} attempts`, loc: outer.at.loc }));
        if (layer.own && layer.own !== layer.at) {
          // A loop is pointed at by its keyword, as its own reports are.
          const loc = isLoop(layer.own) ? sourceCode.getFirstToken(layer.own)!.loc : layer.own.loc;
          relatedLocations.unshift({ message: `inner retry: ${layer.attempts} attempts`, loc });
        }
        once(layer.at, 'nestedRetry', () => context.report({ node: layer.at, messageId: 'nestedRetry', data: { total: String(total), breakdown, relatedLocations } }));
      }
    }
  },
});
