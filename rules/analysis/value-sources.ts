import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from './node-types';
import { isFunctionNode, returnedValues, walk, type FunctionNode } from './ast-walk';
import { assignedValues, findVariable, memberName, stringValue, unwrap } from './origin';
import { localCallee } from './local-callees';
import type { TypeFacts } from './types';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/**
 * Where a key read from a value comes from when the value is built rather than written out: the one spread
 * of an object, a helper of the file that hands back what it is given, a rest pattern, a \`let\` that helpers
 * hand back unchanged. caller-values.ts follows these from a request's options back to the parameter its
 * callers fill.
 */

/** The argument of the only spread in an object that names no `key` of its own (nor a computed one). */
export function soleSpread(object: TSESTree.ObjectExpression, key: string): TSESTree.Node | undefined {
  const spreads = object.properties.filter((property): property is TSESTree.SpreadElement => property.type === AST_NODE_TYPES.SpreadElement);
  const named = object.properties.some((property) => property.type === AST_NODE_TYPES.Property && (property.computed || propertyName(property) === key));
  return spreads.length === 1 && !named ? withoutFallback(spreads[0]!.argument) : undefined;
}

/**
 * Where the options a request sends take a key from: `fetch(url, { ...options, signal })` can only send the
 * `key` its one spread carries (a caller's options), and `fetch(url, rest)` after `const { label, ...rest } =
 * init` the `key` of `init`; any other options are their own source.
 */
export function sourceOfKey(context: Context, options: TSESTree.Node, key: string): TSESTree.Node {
  const given = unwrap(options);
  const source = given.type === AST_NODE_TYPES.ObjectExpression ? soleSpread(given, key) ?? given : given;
  const def = source.type === AST_NODE_TYPES.Identifier ? findVariable(context, source)?.defs[0] : undefined;
  return (def?.type === 'Variable' && restOf(def.node, source as TSESTree.Identifier, key)) || source;
}

function propertyName(property: TSESTree.Property): string | undefined {
  return property.key.type === AST_NODE_TYPES.Identifier ? property.key.name : stringValue(property.key);
}

/** `opts.method || 'GET'`, `method ?? 'GET'`: what the caller passes decides; the literal is only the default. */
export function withoutDefault(node: TSESTree.Node): TSESTree.Node {
  const value = unwrap(node);
  return value.type === AST_NODE_TYPES.LogicalExpression && value.operator !== '&&' && unwrap(value.right).type === AST_NODE_TYPES.Literal ? unwrap(value.left) : value;
}

/** `init ?? {}`, `init || {}`: an empty fallback adds no key. */
function withoutFallback(node: TSESTree.Node): TSESTree.Node {
  const value = unwrap(node);
  if (value.type !== AST_NODE_TYPES.LogicalExpression || (value.operator !== '??' && value.operator !== '||')) return value;
  const fallback = unwrap(value.right);
  return fallback.type === AST_NODE_TYPES.ObjectExpression && fallback.properties.length === 0 ? unwrap(value.left) : value;
}

/**
 * The argument a function of this file hands back spread into what it returns, when `key` can only come
 * from there: every `return` is an object literal with that one spread of the same parameter.
 */
export function forwardedArgument(context: Context, call: TSESTree.CallExpression, key: string): TSESTree.Node | undefined {
  const fn = localCallee(context, call.callee)?.fn;
  if (!isFunctionNode(fn) || fn.async || fn.generator) return undefined;
  let index: number | undefined;
  for (const value of returnedValues(context, fn)) {
    // A bare `return` hands back nothing of the argument's.
    if (!value) return undefined;
    const object = unwrap(value);
    const spread = object.type === AST_NODE_TYPES.ObjectExpression ? soleSpread(object, key) : undefined;
    const parameter = spread?.type === AST_NODE_TYPES.Identifier ? fn.params.findIndex((param) => param.type === AST_NODE_TYPES.Identifier && param.name === (spread as TSESTree.Identifier).name) : -1;
    if (parameter === -1 || (index !== undefined && index !== parameter)) return undefined;
    index = parameter;
  }
  const argument = index === undefined ? undefined : call.arguments[index];
  return argument && argument.type !== AST_NODE_TYPES.SpreadElement ? argument : undefined;
}

/** `const { skipQueue, ...rest } = init ?? {}`: `rest` holds every key of `init` the pattern does not name. */
export function restOf(declarator: TSESTree.VariableDeclarator, identifier: TSESTree.Identifier, key: string | undefined): TSESTree.Node | undefined {
  const pattern = declarator.id;
  if (key === undefined || pattern.type !== AST_NODE_TYPES.ObjectPattern || !declarator.init || declarator.parent.kind !== 'const') return undefined;
  const rest = pattern.properties.find((property) => property.type === AST_NODE_TYPES.RestElement);
  if (rest?.type !== AST_NODE_TYPES.RestElement || rest.argument.type !== AST_NODE_TYPES.Identifier || rest.argument.name !== identifier.name) return undefined;
  const named = pattern.properties.some((property) => property.type === AST_NODE_TYPES.Property && (property.computed || propertyName(property) === key));
  return named ? undefined : withoutFallback(declarator.init);
}

/**
 * The declared value of a `let` that is only ever replaced by what a helper of this file hands back
 * unchanged: `opts = this.addHeaders(opts)` where `addHeaders` returns its parameter and writes no `key`
 * of it. Such a variable still holds its first object, so what that object says about `key` stands.
 */
export function passThroughInit(context: Context, variable: TSESLint.Scope.Variable, key: string | undefined): TSESTree.Node | undefined {
  const values = assignedValues(variable);
  if (key === undefined || !values) return undefined;
  const [init, ...reassigned] = values;
  for (const value of reassigned) {
    const call = unwrap(value);
    if (call.type !== AST_NODE_TYPES.CallExpression) return undefined;
    const index = call.arguments.findIndex((argument) => argument.type === AST_NODE_TYPES.Identifier && argument.name === variable.name);
    const helper = localCallee(context, call.callee)?.fn;
    if (index === -1 || !isFunctionNode(helper) || !returnsParameterUntouched(context, helper, index, key)) return undefined;
  }
  return init;
}

/** Every `return` of `fn` hands back its `index`th parameter, and `fn` neither writes its `key` nor passes it on. */
function returnsParameterUntouched(context: Context, fn: FunctionNode, index: number, key: string): boolean {
  const param = fn.params[index];
  if (param?.type !== AST_NODE_TYPES.Identifier || fn.body.type !== AST_NODE_TYPES.BlockStatement) return false;
  const isParam = (node: TSESTree.Node): boolean => node.type === AST_NODE_TYPES.Identifier && node.name === param.name;
  let returns = 0;
  let untouched = true;
  walk(context.sourceCode, fn.body, (node) => {
    if (!untouched || isFunctionNode(node)) return false;
    if (node.type === AST_NODE_TYPES.ReturnStatement) {
      if (node.argument && isParam(unwrap(node.argument))) returns++;
      else untouched = false;
    } else if (node.type === AST_NODE_TYPES.AssignmentExpression) {
      const left = node.left;
      if (isParam(left)) untouched = false;
      else if (left.type === AST_NODE_TYPES.MemberExpression && isParam(left.object) && [undefined, key].includes(memberName(left))) untouched = false;
    } else if ((node.type === AST_NODE_TYPES.CallExpression || node.type === AST_NODE_TYPES.NewExpression) && node.arguments.some(isParam)) {
      untouched = false;
    }
    return undefined;
  });
  return untouched && returns > 0;
}

/**
 * The string a value always holds: a literal, or a name every assignment of which gives the same string
 * (`const method = 'POST'`, a module's `const METHOD = 'POST'`), two names back at most. With types, also an
 * expression whose type is one string literal (a string enum's member, an `as const` table's entry).
 */
export function constantString(context: Context, node: TSESTree.Node, types?: TypeFacts, depth = 0): string | undefined {
  const literal = stringValue(node);
  if (literal !== undefined) return literal;
  const value = unwrap(node);
  if (value.type === AST_NODE_TYPES.Identifier && depth < 2) {
    const variable = findVariable(context, value);
    const strings = (variable && assignedValues(variable))?.map((assigned) => constantString(context, assigned, undefined, depth + 1));
    if (strings && strings.every((each) => each !== undefined && each === strings[0])) return strings[0];
  }
  if (!types || depth > 0) return undefined;
  const type = types.checker.getTypeAtLocation(types.toTs(value));
  return type.isStringLiteral() ? type.value : undefined;
}
