import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from './node-types';
import { GRAPHQL_READ } from '../knowledge/retries';
import { calleeName } from './ast-walk';
import { callerExpressions } from './caller-values';
import { findVariable, memberName, singleAssignmentInit, unwrap } from './origin';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;
type CallNode = TSESTree.CallExpression | TSESTree.NewExpression;

/**
 * GraphQL over HTTP sends every operation as a POST, reads included. A request whose body's `query` member
 * is a document written in this file (or handed in by every caller of the file) with queries only reads
 * (GRAPHQL_READ), so repeating it applies nothing. A document that is not visible, or holds a mutation,
 * leaves the POST as it is.
 */
export function sendsOnlyGraphqlQueries(context: Context, call: CallNode): boolean {
  const documents = call.arguments.flatMap((argument) => documentsIn(context, argument, 0));
  return documents.length > 0 && documents.every((document) => document !== undefined && isReadOnlyDocument(document));
}

function isReadOnlyDocument(text: string): boolean {
  return GRAPHQL_READ.opening.test(text) && !GRAPHQL_READ.writes.test(text);
}

/**
 * The documents a request's argument carries in a `query` member: in `fetch`'s `body`, in what
 * `JSON.stringify` is handed, in axios's data or config `data`, through a variable given one value.
 * Undefined stands for a document that is not readable here.
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
  if (value.type !== AST_NODE_TYPES.ObjectExpression) return [];
  return value.properties.flatMap((property) => {
    if (property.type !== AST_NODE_TYPES.Property || property.computed) return [];
    const key = property.key.type === AST_NODE_TYPES.Identifier ? property.key.name : property.key.type === AST_NODE_TYPES.Literal ? String(property.key.value) : undefined;
    if (key === 'query') return [documentText(context, property.value, depth + 1)];
    return key === 'body' || key === 'data' ? documentsIn(context, property.value, depth + 1) : [];
  });
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
