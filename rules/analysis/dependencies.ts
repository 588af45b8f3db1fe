import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from './node-types';
import * as ts from 'typescript';
import type { ClientSpec } from '../knowledge/clients';
import { BASE_URL_OPTIONS, URL_OPTION_KEYS } from '../knowledge/guards';
import { locateOptions, resolveClientCall, resolveInstanceCreation, type ClientCall, type InstanceRef } from './calls';
import { readOption } from './options';
import { findVariable, memberName, resolveOrigin, singleAssignmentInit, unwrap } from './origin';
import { symbolOf } from './policies';
import type { TypeFacts } from './types';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;
type CallNode = TSESTree.CallExpression | TSESTree.NewExpression;

/**
 * Which remote service a call reaches. Two calls reach the same dependency when they share a key:
 * - `instance:<file>#<offset>`: the same client instance (its creating call, or with types the
 *   declaration it is read from, across files);
 * - `origin:https://host`: the same literal origin (a URL, an axios `baseURL`, a got `prefixUrl`);
 * - `env:NAME` / `var:<file>#<offset>`: the same base URL read from one environment variable or constant.
 */
export interface Dependency {
  keys: string[];
  /** How messages name it: the instance's variable, or the origin; undefined when nothing names it. */
  label?: string;
}

const MAX_DEPTH = 6;

/**
 * A call that reaches a remote service: what `resolveClientCall` finds (with types, that includes calls on
 * a client instance imported from another file of the project), minus constructors (`new Pool()`
 * connects lazily).
 */
export function resolveRemoteCall(context: Context, node: CallNode, clients: readonly ClientSpec[], types?: TypeFacts): ClientCall | undefined {
  const call = resolveClientCall(context, node, clients, types);
  // Which service an injected function reaches is the caller's business.
  return call && !call.shape.constructs && !call.overridable ? call : undefined;
}

function keyAt(context: Context, node: TSESTree.Node): string {
  return `${context.filename}#${node.range[0]}`;
}

/** `https://payments.example.com` from a URL, or undefined for a relative path. */
function originOfText(text: string): string | undefined {
  const match = /^([a-z][a-z0-9+.-]*:\/\/[^/?#]+)/i.exec(text);
  return match?.[1]?.toLowerCase();
}

/**
 * The key for the origin a URL expression starts with: a literal origin, or the one environment variable
 * or constant its head is read from. Only the head matters: `${BASE}/orders/${id}` reaches BASE.
 */
export function urlKey(context: Context, node: TSESTree.Node | undefined, depth = 0): string | undefined {
  if (!node || depth > MAX_DEPTH) return undefined;
  const expression = unwrap(node);
  switch (expression.type) {
    case AST_NODE_TYPES.Literal: {
      const origin = typeof expression.value === 'string' ? originOfText(expression.value) : undefined;
      return origin && `origin:${origin}`;
    }
    case AST_NODE_TYPES.TemplateLiteral: {
      const head = expression.quasis[0]?.value.cooked ?? '';
      if (head !== '') {
        // `https://${host}/…` names no origin; `https://host/${path}` does.
        const origin = originOfText(head);
        return origin && head.length > origin.length ? `origin:${origin}` : undefined;
      }
      return urlKey(context, expression.expressions[0], depth + 1);
    }
    case AST_NODE_TYPES.BinaryExpression:
      return expression.operator === '+' ? urlKey(context, expression.left, depth + 1) : undefined;
    case AST_NODE_TYPES.NewExpression:
      // new URL(path, base)
      if (expression.callee.type === AST_NODE_TYPES.Identifier && expression.callee.name === 'URL') {
        return urlKey(context, expression.arguments[1] ?? expression.arguments[0], depth + 1);
      }
      return undefined;
    case AST_NODE_TYPES.MemberExpression: {
      const name = memberName(expression);
      const object = expression.object;
      if (name && object.type === AST_NODE_TYPES.MemberExpression && memberName(object) === 'env' && object.object.type === AST_NODE_TYPES.Identifier && object.object.name === 'process') {
        return `env:${name}`;
      }
      return undefined;
    }
    case AST_NODE_TYPES.LogicalExpression:
      // `process.env.URL ?? 'http://fallback'`: the variable decides in production.
      return urlKey(context, expression.left, depth + 1);
    case AST_NODE_TYPES.Identifier: {
      const variable = findVariable(context, expression);
      const init = variable ? singleAssignmentInit(variable) : undefined;
      if (!variable || !init) return undefined;
      const fromInit = urlKey(context, init, depth + 1);
      // A constant holding a relative path names no service; one computed elsewhere (config) names one.
      const literal = unwrap(init).type === AST_NODE_TYPES.Literal || unwrap(init).type === AST_NODE_TYPES.TemplateLiteral;
      return fromInit ?? (literal ? undefined : `var:${keyAt(context, variable.defs[0]!.name)}`);
    }
    default:
      return undefined;
  }
}

/** The URL argument of a request: the first argument, or the `url` of a config object. */
function requestUrl(context: Context, call: ClientCall): TSESTree.Node | undefined {
  const first = call.node.arguments[0];
  if (!first || first.type === AST_NODE_TYPES.SpreadElement) return undefined;
  if (unwrap(first).type !== AST_NODE_TYPES.ObjectExpression) return first;
  for (const key of URL_OPTION_KEYS) {
    const verdict = readOption(context, first, [key]);
    if (verdict.kind === 'present') return verdict.value;
  }
  return undefined;
}

function instanceKeys(context: Context, instance: InstanceRef, depth = 0): string[] {
  if (!instance.creation || depth > MAX_DEPTH) return [];
  const keys = depth === 0 ? [`instance:${keyAt(context, instance.creation)}`] : [];
  const baseKey = BASE_URL_OPTIONS.find((row) => row.clientId === instance.client.id)?.key;
  if (baseKey && instance.factory) {
    const options = locateOptions(context, instance.creation, instance.factory.config);
    if (options.kind === 'argument') {
      const verdict = readOption(context, options.node, [baseKey]);
      const key = verdict.kind === 'present' ? urlKey(context, verdict.value) : undefined;
      if (key) keys.push(key);
    }
  }
  if (instance.parent) keys.push(...instanceKeys(context, instance.parent, depth + 1).filter((key) => !key.startsWith('instance:')));
  return keys;
}

function instanceLabel(instance: InstanceRef): string | undefined {
  const parent = instance.creation?.parent;
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier) return `\`${parent.id.name}\``;
  if (parent?.type === AST_NODE_TYPES.PropertyDefinition && parent.key.type === AST_NODE_TYPES.Identifier) return `\`this.${parent.key.name}\``;
  if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.left.type === AST_NODE_TYPES.MemberExpression) {
    const name = memberName(parent.left);
    if (name) return `\`this.${name}\``;
  }
  return undefined;
}

/**
 * With types, the declaration a receiver is read from identifies the instance across files. A declaration
 * initialised by a call gets the key of that call, so the file that creates the instance and the files
 * that import it agree.
 */
function typedInstanceKey(context: Context, receiver: TSESTree.Node, types: TypeFacts): { key: string; label: string } | undefined {
  const symbol = symbolOf(types.checker, types.toTs(unwrap(receiver)));
  const declaration = symbol?.valueDeclaration ?? symbol?.declarations?.[0];
  if (!symbol || !declaration) return undefined;
  const file = declaration.getSourceFile();
  const here = types.toTs(receiver).getSourceFile() === file;
  const initializer = (ts.isVariableDeclaration(declaration) || ts.isPropertyDeclaration(declaration)) ? declaration.initializer : undefined;
  const anchor = initializer && (ts.isCallExpression(initializer) || ts.isNewExpression(initializer)) ? initializer : declaration;
  return { key: `instance:${here ? context.filename : file.fileName}#${anchor.getStart()}`, label: `\`${symbol.getName()}\`` };
}

/**
 * The dependency behind a client method handed over as a value (`payments.get.bind(payments)` as a
 * breaker's action): the instance it is read from, when that instance is created in this file.
 */
export function dependencyOfMethod(context: Context, method: TSESTree.MemberExpression, clients: readonly ClientSpec[]): (Dependency & { instance: InstanceRef }) | undefined {
  const origin = resolveOrigin(context, method.object);
  if (origin?.kind !== 'call' || origin.path.length !== 0) return undefined;
  const instance = resolveInstanceCreation(context, origin.call, clients);
  if (!instance) return undefined;
  return { keys: instanceKeys(context, instance), label: instanceLabel(instance), instance };
}

export function dependencyOf(context: Context, call: ClientCall, types?: TypeFacts): Dependency {
  const keys: string[] = [];
  let label: string | undefined;
  if (call.instance?.creation) {
    keys.push(...instanceKeys(context, call.instance));
    label = instanceLabel(call.instance);
  } else if (call.instance && types && call.node.callee.type === AST_NODE_TYPES.MemberExpression) {
    const typed = typedInstanceKey(context, call.node.callee.object, types);
    if (typed) {
      keys.push(typed.key);
      label = typed.label;
    }
  }
  const url = call.shape.options.kind === 'chain' || call.shape.options.kind === 'grpc-call' ? undefined : requestUrl(context, call);
  const fromUrl = urlKey(context, url);
  // On an instance, a path's head is a path, not a service: only an absolute URL names another origin.
  if (fromUrl && !fromUrl.startsWith('origin:') && call.instance) return { keys, label };
  // An absolute URL on an instance call overrides its baseURL, and names the dependency better.
  if (fromUrl && !keys.includes(fromUrl)) keys.push(fromUrl);
  label ??= fromUrl?.startsWith('origin:') ? fromUrl.slice('origin:'.length) : undefined;
  label ??= fromUrl?.startsWith('env:') ? `the service at \`process.env.${fromUrl.slice(4)}\`` : undefined;
  label ??= url && fromUrl?.startsWith('var:') ? `the service at \`${headName(url)}\`` : undefined;
  return { keys, label };
}

function headName(node: TSESTree.Node): string {
  const expression = unwrap(node);
  if (expression.type === AST_NODE_TYPES.TemplateLiteral && expression.expressions[0]) return headName(expression.expressions[0]);
  if (expression.type === AST_NODE_TYPES.BinaryExpression) return headName(expression.left);
  return expression.type === AST_NODE_TYPES.Identifier ? expression.name : 'this URL';
}
