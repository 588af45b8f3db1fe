import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from './node-types';
import { HTTP_CONSEQUENCE, isIdempotencyHeader, NON_IDEMPOTENT_METHODS, XHR_REQUEST } from '../knowledge/retries';
import type { HttpMethod } from '../knowledge/clients';
import { findVariable, memberName, singleAssignmentInit, unwrap } from './origin';
import { isRepeatablePostUrl } from './request-urls';
import type { CallFacts, KeyEvidence } from './retry-operations';
import { constantString } from './value-sources';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/**
 * `xhr.send(form)` on a `new XMLHttpRequest()` that `xhr.open('POST', url)` gave a method that does something
 * twice when repeated: the operation a retry around it repeats (a document upload sent again after the
 * `timeout` event). A `setRequestHeader` with an idempotency header is its key; one with a name this file
 * does not write may be one, so the call is left alone.
 */
export function xhrFacts(context: Context, node: TSESTree.CallExpression | TSESTree.NewExpression, names: readonly string[]): CallFacts | undefined {
  if (node.type !== AST_NODE_TYPES.CallExpression || node.callee.type !== AST_NODE_TYPES.MemberExpression || memberName(node.callee) !== XHR_REQUEST.send) return undefined;
  const receiver = unwrap(node.callee.object);
  const variable = receiver.type === AST_NODE_TYPES.Identifier ? findVariable(context, receiver) : undefined;
  const made = variable ? singleAssignmentInit(variable) : undefined;
  const creation = made && unwrap(made);
  if (creation?.type !== AST_NODE_TYPES.NewExpression || creation.callee.type !== AST_NODE_TYPES.Identifier || creation.callee.name !== XHR_REQUEST.constructor
    || findVariable(context, creation.callee)?.defs.length) return undefined;
  let method: string | undefined;
  let url: TSESTree.Node | undefined;
  let key: KeyEvidence = { kind: 'none' };
  for (const { identifier } of variable!.references) {
    const member = identifier.parent;
    const call = member?.parent;
    if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== identifier || call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== member) continue;
    if (memberName(member) === XHR_REQUEST.open && call.arguments[0]) {
      method = constantString(context, call.arguments[0])?.toUpperCase();
      url = call.arguments[1];
    }
    if (memberName(member) === XHR_REQUEST.header && call.arguments[0] && key.kind === 'none') {
      const name = constantString(context, call.arguments[0]);
      if (name === undefined) key = { kind: 'unknown' };
      else if (isIdempotencyHeader(name, names) && call.arguments[1]) key = { kind: 'key', value: call.arguments[1] };
    }
  }
  if (method === undefined || !NON_IDEMPOTENT_METHODS.includes(method as HttpMethod) || (method === 'POST' && isRepeatablePostUrl(context, url))) return undefined;
  return { operation: { call: node, label: method, consequence: HTTP_CONSEQUENCE[method]!, key } };
}
