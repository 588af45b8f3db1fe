import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from './node-types';
import { BODY_IDEMPOTENCY_FIELDS, GRAPHQL_READ, JSON_RPC_REPEATABLE } from '../knowledge/retries';
import { calleeName } from './ast-walk';
import { callerExpressions } from './caller-values';
import { findVariable, memberName, singleAssignmentInit, unwrap } from './origin';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;
type CallNode = TSESTree.CallExpression | TSESTree.NewExpression;

/**
 * Requests whose body says a repeat applies nothing, though they are sent as a POST. GraphQL over HTTP
 * sends every operation as a POST: a body whose `query` member is a document written in this file (or
 * handed in by every caller of the file) with queries only reads (GRAPHQL_READ). JSON-RPC sends every call
 * as a POST: a body whose `method` reads (`eth_getBalance`, Solana's `getTransaction`) or submits a
 * transaction signed once (`eth_sendRawTransaction`; JSON_RPC_REPEATABLE) repeats nothing. A body that is
 * not visible, or holds a write, leaves the POST as it is.
 */
export function bodyRepeatsNothing(context: Context, call: CallNode): boolean {
  const documents = call.arguments.flatMap((argument) => documentsIn(context, argument, 0));
  return documents.length > 0 && documents.every((document) => document !== undefined && isReadOnlyDocument(document));
}

/**
 * The value of an idempotency key the request's body carries (`{ …, idempotency_key: key }` as axios's data,
 * in what `JSON.stringify` is handed for `fetch`'s `body`, or in a config's `data`), for APIs that take it
 * there (BODY_IDEMPOTENCY_FIELDS).
 */
export function idempotencyKeyInBody(context: Context, call: CallNode): TSESTree.Node | undefined {
  for (const argument of call.arguments) {
    const found = keyIn(context, argument, 0);
    if (found) return found;
  }
  return undefined;
}

function keyIn(context: Context, node: TSESTree.Node, depth: number): TSESTree.Node | undefined {
  const value = unwrap(node);
  if (depth > 4) return undefined;
  if (value.type === AST_NODE_TYPES.Identifier) {
    const variable = findVariable(context, value);
    const init = variable ? singleAssignmentInit(variable) : undefined;
    return init ? keyIn(context, init, depth + 1) : undefined;
  }
  if (value.type === AST_NODE_TYPES.CallExpression && calleeName(value.callee) === 'stringify' && value.arguments[0]) return keyIn(context, value.arguments[0], depth + 1);
  if (value.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
  for (const property of value.properties) {
    if (property.type !== AST_NODE_TYPES.Property || property.computed) continue;
    const key = property.key.type === AST_NODE_TYPES.Identifier ? property.key.name : property.key.type === AST_NODE_TYPES.Literal ? String(property.key.value) : undefined;
    if (key !== undefined && BODY_IDEMPOTENCY_FIELDS.names.includes(key)) return property.value;
    const inner = key === 'body' || key === 'data' || key === 'json' ? keyIn(context, property.value, depth + 1) : undefined;
    if (inner) return inner;
  }
  return undefined;
}

/** A GraphQL document with queries only, or a JSON-RPC method a repeat cannot apply twice (marked by JSON_RPC_MARK). */
function isReadOnlyDocument(text: string): boolean {
  if (text.startsWith(JSON_RPC_MARK)) return JSON_RPC_REPEATABLE.methods.test(text.slice(JSON_RPC_MARK.length));
  return GRAPHQL_READ.opening.test(text) && !GRAPHQL_READ.writes.test(text);
}

/** Marks a JSON-RPC method name among the GraphQL documents a body carries. */
const JSON_RPC_MARK = '\u0000jsonrpc:';

/**
 * The documents a request's argument carries in a `query` member, or the JSON-RPC methods it calls: in
 * `fetch`'s `body`, in what `JSON.stringify` is handed, in axios's data or config `data`, through a
 * variable given one value. Undefined stands for one that is not readable here.
 */
function documentsIn(context: Context, node: TSESTree.Node, depth: number): Array<string | undefined> {
  const value = unwrap(node);
  if (depth > 4) return [];
  if (value.type === AST_NODE_TYPES.Identifier) {
    const variable = findVariable(context, value);
    const init = variable ? singleAssignmentInit(variable) : undefined;
    return init ? documentsIn(context, init, depth + 1) : [];
  }
  if (value.type === AST_NODE_TYPES.CallExpression && calleeName(value.callee) === 'stringify' && value.arguments[0]) return documentsIn(context, value.arguments[0], depth + 1);
  // A JSON-RPC batch: every call in it.
  if (value.type === AST_NODE_TYPES.ArrayExpression) return value.elements.flatMap((element) => (element && element.type !== AST_NODE_TYPES.SpreadElement ? documentsIn(context, element, depth + 1) : [undefined]));
  if (value.type !== AST_NODE_TYPES.ObjectExpression) return [];
  const method = jsonRpcMethod(value);
  if (method !== null) return [method === undefined ? undefined : JSON_RPC_MARK + method];
  return value.properties.flatMap((property) => {
    if (property.type !== AST_NODE_TYPES.Property || property.computed) return [];
    const key = property.key.type === AST_NODE_TYPES.Identifier ? property.key.name : property.key.type === AST_NODE_TYPES.Literal ? String(property.key.value) : undefined;
    if (key === 'query') return [documentText(context, property.value, depth + 1)];
    return key === 'body' || key === 'data' ? documentsIn(context, property.value, depth + 1) : [];
  });
}

/** `{ jsonrpc: '2.0', method: 'getTransaction', … }`: the method's name; undefined when not written; null when not JSON-RPC. */
function jsonRpcMethod(object: TSESTree.ObjectExpression): string | undefined | null {
  const member = (name: string): TSESTree.Node | undefined => {
    const found = object.properties.find((property) => property.type === AST_NODE_TYPES.Property && !property.computed && property.key.type === AST_NODE_TYPES.Identifier && property.key.name === name);
    return found?.type === AST_NODE_TYPES.Property ? found.value : undefined;
  };
  if (!member('jsonrpc')) return null;
  const method = member('method');
  const value = method && unwrap(method);
  return value?.type === AST_NODE_TYPES.Literal && typeof value.value === 'string' ? value.value : undefined;
}

/** The text of a GraphQL document: a string, a template (its written parts), `gql\`…\``, a `const`, or what every caller passes. */
function documentText(context: Context, node: TSESTree.Node, depth: number): string | undefined {
  const value = unwrap(node);
  if (depth > 6) return undefined;
  switch (value.type) {
    case AST_NODE_TYPES.Literal:
      return typeof value.value === 'string' ? value.value : undefined;
    case AST_NODE_TYPES.TemplateLiteral:
      return value.quasis.map((quasi) => quasi.value.cooked ?? '').join(' ');
    case AST_NODE_TYPES.TaggedTemplateExpression: {
      const tag = value.tag.type === AST_NODE_TYPES.Identifier ? value.tag.name : value.tag.type === AST_NODE_TYPES.MemberExpression ? memberName(value.tag) : undefined;
      return tag !== undefined && (GRAPHQL_READ.tags as readonly string[]).includes(tag) ? documentText(context, value.quasi, depth + 1) : undefined;
    }
    case AST_NODE_TYPES.Identifier: {
      const variable = findVariable(context, value);
      const init = variable ? singleAssignmentInit(variable) : undefined;
      if (init) return documentText(context, init, depth + 1);
      // A wrapper's parameter: a read only when every caller of the file hands it a query.
      const passed = callerExpressions(context, value);
      if (!passed || passed.length === 0 || passed.some((caller) => caller.outside || caller.path.length > 0)) return undefined;
      const texts = passed.map((caller) => documentText(context, caller.value, depth + 1));
      return texts.every((text) => text !== undefined && isReadOnlyDocument(text)) ? texts[0] : undefined;
    }
    default:
      return undefined;
  }
}
