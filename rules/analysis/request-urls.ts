import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from './node-types';
import { REPEATABLE_POST_URLS } from '../knowledge/retries';
import type { ClientCall } from './calls';
import { readOption } from './options';
import { findVariable, singleAssignmentInit, unwrap } from './origin';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** Stands for the parts of an address only known at run time. */
const UNKNOWN_PART = '\u0000';

/**
 * The written parts of an address: `` `${base}?uploadId=${id}` `` reads as `\0?uploadId=\0`, through
 * `const url = …` and `+` as well. Undefined when nothing of it is written here.
 */
function writtenText(context: Context, node: TSESTree.Node, depth = 0): string | undefined {
  const value = unwrap(node);
  if (depth > 4) return undefined;
  switch (value.type) {
    case AST_NODE_TYPES.Literal:
      return typeof value.value === 'string' ? value.value : undefined;
    case AST_NODE_TYPES.TemplateLiteral:
      return value.quasis.map((quasi) => quasi.value.cooked ?? '').join(UNKNOWN_PART);
    case AST_NODE_TYPES.BinaryExpression:
      if (value.operator !== '+') return undefined;
      return (writtenText(context, value.left, depth + 1) ?? UNKNOWN_PART) + (writtenText(context, value.right, depth + 1) ?? UNKNOWN_PART);
    case AST_NODE_TYPES.Identifier: {
      const variable = findVariable(context, value);
      const init = variable ? singleAssignmentInit(variable) : undefined;
      return init ? writtenText(context, init, depth + 1) : undefined;
    }
    default:
      return undefined;
  }
}

/** Is `url` an address whose POST a repeat cannot do twice (REPEATABLE_POST_URLS)? */
export function isRepeatablePostUrl(context: Context, url: TSESTree.Node | undefined): boolean {
  const text = url && writtenText(context, url);
  return text !== undefined && REPEATABLE_POST_URLS.some((entry) => entry.pattern.test(text));
}

/** The address a client call sends to: its first argument, or the `url` of the options it takes alone. */
export function urlOf(context: Context, call: ClientCall): TSESTree.Node | undefined {
  const first = call.node.arguments[0];
  if (!first) return undefined;
  if (call.options.kind !== 'argument' || call.options.node !== first) return first;
  const verdict = readOption(context, first, ['url']);
  return verdict.kind === 'present' ? verdict.value : undefined;
}
