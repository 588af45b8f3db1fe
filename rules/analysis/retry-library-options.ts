import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from './node-types';
import { attemptsFromCount, type RetryLibrary } from '../knowledge/retries';
import { isFunctionNode } from './ast-walk';
import { readOption } from './options';
import { awaitsWait, isWaitCall } from './retry-waits';
import { unchangedField, unwrap } from './origin';
import { numericValue, type Attempts, type ForeverSetting, type RetryScope } from './retry-types';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** Reads a library's count and `forever` options. */
export function libraryAttempts(context: Context, library: RetryLibrary, options: TSESTree.Node | undefined): { attempts: Attempts; forever?: ForeverSetting } {
  for (const key of library.foreverKeys ?? []) {
    const verdict = readOption(context, options, [key]);
    if (verdict.kind === 'present' && unwrap(verdict.value).type === AST_NODE_TYPES.Literal && (unwrap(verdict.value) as TSESTree.Literal).value === true) {
      return { attempts: { kind: 'forever' }, forever: { node: verdict.property ?? verdict.value, text: `${key}: true` } };
    }
  }
  const count = readOption(context, options, library.countKey.split('.'));
  if (count.kind === 'absent') return { attempts: library.defaultAttempts };
  if (count.kind === 'unknown') return { attempts: { kind: 'unknown' } };
  const written = unwrap(count.value);
  // `retries: options.retries ?? Infinity`: unless the caller sets a count, the retry never ends.
  const fallback = written.type === AST_NODE_TYPES.LogicalExpression && written.operator !== '&&' ? written.right : undefined;
  const endlessFallback = fallback !== undefined && numericValue(context, fallback) === Infinity;
  const value = endlessFallback ? Infinity : numericValue(context, count.value);
  if (value === undefined) return { attempts: { kind: 'unknown' } };
  const attempts = attemptsFromCount(value, library.countKind);
  if (attempts.kind === 'forever') {
    const setting: ForeverSetting = { node: count.property ?? count.value, text: `${library.countKey}: ${context.sourceCode.getText(count.value)}` };
    return { attempts, forever: endlessFallback ? { ...setting, fallback: true } : setting };
  }
  return { attempts };
}

/** The options argument, or what the class field it reads holds when nothing rewrites it (`retry(call, this.retryOptions)`). */
export function optionsValue(context: Context, argument: TSESTree.Node | undefined): TSESTree.Node | undefined {
  const value = argument && unwrap(argument);
  return (value?.type === AST_NODE_TYPES.MemberExpression && unchangedField(context, value)) || argument;
}

/**
 * `maxTimeout: 0`, `startingDelay: 0`: a setting that makes every wait between attempts 0 ms, unless a hook
 * the library awaits between attempts waits instead (`onFailedAttempt: async () => { await sleep(500) }`).
 */
export function zeroWait(context: Context, library: RetryLibrary, options: TSESTree.Node | undefined): RetryScope['noWait'] {
  const hook = library.awaitedHook ? readOption(context, options, [library.awaitedHook]) : undefined;
  const hookFn = hook?.kind === 'present' ? unwrap(hook.value) : undefined;
  // `async () => { await sleep(500) }`, or `() => sleep(500)`, whose promise the library awaits.
  if (isFunctionNode(hookFn) && (awaitsWait(context, hookFn.body) || (hookFn.body.type !== AST_NODE_TYPES.BlockStatement && isWaitCall(context, hookFn.body, new Set())))) return undefined;
  for (const key of library.zeroWaitKeys ?? []) {
    const verdict = readOption(context, options, [key]);
    if (verdict.kind === 'present' && numericValue(context, verdict.value) === 0) return { node: verdict.property ?? verdict.value, text: `${key}: ${context.sourceCode.getText(verdict.value)}` };
  }
  return undefined;
}
