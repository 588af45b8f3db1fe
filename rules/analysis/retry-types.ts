import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from './node-types';
import type { AttemptCount, RetryLibrary } from '../knowledge/retries';
import { findVariable, singleAssignmentInit, unchangedField, unwrap } from './origin';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

export type Attempts = AttemptCount | { kind: 'unknown' };

/** A library setting that makes a retry endless: `forever: true`, `retries: Infinity`. */
export interface ForeverSetting {
  node: TSESTree.Node;
  text: string;
  /** `retries: options.retries ?? Infinity`: endless only when the caller gives no count. */
  fallback?: true;
  /** Who retries forever, when not the scope's library row ("RxJS"). */
  library?: string;
}

/**
 * Code that runs again when it fails. `body` is what repeats (everything lexically inside it, and the
 * functions it calls); `node` is where the mechanism is written, named in messages as "on line N".
 */
export interface RetryScope {
  kind: 'library' | 'loop' | 'recursion';
  /** "p-retry", "the for-loop", "recursion from the catch". */
  mechanism: string;
  node: TSESTree.Node;
  body: TSESTree.Node;
  /** A function handed to the library by name: its body repeats too. */
  callbackRef?: TSESTree.Identifier;
  /** Where a value can be created once for every attempt; undefined when there is no such place. */
  anchor?: TSESTree.Statement;
  attempts: Attempts;
  /** Hand-written retries: a counter or a non-success exit bounds them. */
  bounded: boolean;
  /** Something waits between attempts (a library's backoff, an awaited sleep in a loop). */
  waits: boolean;
  /** Hand-written retries: the code that runs between a failure and the next attempt. */
  failurePath?: TSESTree.Node;
  /**
   * Recursion from a catch: the function's statements before the try, which every attempt runs again. A retry
   * among them nests inside this one; they are not the attempt that failed.
   */
  runsFirst?: readonly TSESTree.Statement[];
  /** Hand-written loops: the catch that handles a failed attempt; calls there (error reporting) are not the attempt. */
  handler?: TSESTree.CatchClause;
  library?: RetryLibrary;
  forever?: ForeverSetting;
  /** A library setting that makes every wait 0 ms (`maxTimeout: 0`): where it is written, and its text. */
  noWait?: { node: TSESTree.Node; text: string };
  /** cockatiel: the `retry(...)` call that made the policy. */
  policy?: RetryPolicy;
  /** A call of the file's own retry helper (`withRetry(() => fetch(…))`): the helper's retry that repeats `body`. */
  helper?: RetryScope;
  /** A call of a retry helper written in another file of the program (with types): judged there. */
  elsewhere?: true;
  /** It repeats the attempt after an error response (a failed status), not after a thrown failure. */
  afterStatus?: true;
  /** It goes round on a failed status only after a conflict (`if (error.code !== '23505') return null`): nothing was applied. */
  conflictsOnly?: true;
  /** The failed status is an `error` the answer carries (supabase-js, Resend), which a dropped connection also fills. */
  answeredFailure?: true;
  /** It repeats the attempt when the answer is empty (no token, no rows yet): the dependency answers, with nothing. */
  onEmptyAnswer?: true;
  /** Decided by one 2xx status (`status === 200`), as a poll waiting for a job also is: its pace is not judged. */
  mayPoll?: true;
  /** A poll that also goes round on success and retries transient failures: its pace and bound are judged, its operation is not. */
  polls?: true;
  /** A retry decided by the status that repeats only refused requests (429): nothing it repeats was applied. */
  unprocessedOnly?: true;
  /**
   * A loop over a list whose catch takes the counter back (`i--; continue`): only that way round sends the
   * same item again; a failure that falls through moves on to the next item.
   */
  rewinds?: true;
  /** An RxJS retry operator (`retry`, `retryWhen`): its name. */
  operator?: string;
  /** An RxJS `retry` over a cold client call: the call it sends again on each resubscription. */
  resends?: TSESTree.CallExpression;
}

/** A cockatiel retry policy, reported where it is created. */
export interface RetryPolicy {
  creation: TSESTree.CallExpression;
  attempts: Attempts;
  waits: boolean;
  library: RetryLibrary;
  /** Its filter passes only failures the server did not act on (`handleWhen((e) => e.status === 429)`). */
  unprocessedOnly?: true;
}

export interface FileRetries {
  scopes: RetryScope[];
  policies: RetryPolicy[];
}

/** A number literal, `Infinity`, or a `const` or a settled field (`this.maxRetries`) holding one. */
export function numericValue(context: Context, node: TSESTree.Node, depth = 0): number | undefined {
  const value = unwrap(node);
  if (value.type === AST_NODE_TYPES.Literal && typeof value.value === 'number') return value.value;
  if (value.type === AST_NODE_TYPES.Identifier) {
    if (value.name === 'Infinity') return Infinity;
    const variable = findVariable(context, value);
    const init = variable && depth < 4 ? singleAssignmentInit(variable) : undefined;
    return init ? numericValue(context, init, depth + 1) : undefined;
  }
  // `this.maxRetries`, set once in the constructor or by the field's initializer.
  const field = value.type === AST_NODE_TYPES.MemberExpression && depth < 4 ? unchangedField(context, value) : undefined;
  if (field) return numericValue(context, field, depth + 1);
  if (value.type === AST_NODE_TYPES.MemberExpression && value.object.type === AST_NODE_TYPES.Identifier && value.object.name === 'Number' && !value.computed
    && value.property.type === AST_NODE_TYPES.Identifier && ['POSITIVE_INFINITY', 'MAX_SAFE_INTEGER', 'MAX_VALUE'].includes(value.property.name)) return Infinity;
  return undefined;
}

