import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from './node-types';
import {
  anyModuleMatches, factoryPathMatches, pathMatches,
  type CallShape, type ClientSpec, type HttpMethod, type InstanceFactory, type OptionsLocation,
} from '../knowledge/clients';
import { findVariable, isOverridable, isUrlLike, memberName, resolveOrigin, singleAssignmentInit, unwrap, type Origin } from './origin';
import type { TypeFacts } from './types';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;
type CallNode = TSESTree.CallExpression | TSESTree.NewExpression;

/** A configured instance: `axios.create(cfg)`, `got.extend(cfg)`, or (typed) a value of a client type. */
export interface InstanceRef {
  client: ClientSpec;
  /** The creating call, or undefined when only the type says it is an instance (config unknown). */
  creation?: CallNode;
  factory?: InstanceFactory;
  /** The instance this one extends (`base.extend(cfg)`). */
  parent?: InstanceRef;
}

/** Where a call's options are: an argument (maybe missing), or not visible. */
export type OptionsArgument =
  | { kind: 'argument'; index: number; node: TSESTree.Node | undefined }
  | { kind: 'chain'; method: string }
  | { kind: 'unknown' };

export interface ClientCall {
  node: CallNode;
  client: ClientSpec;
  shape: CallShape;
  options: OptionsArgument;
  /** The instance the call goes through; undefined for the module itself or a global. */
  instance?: InstanceRef;
  /** Set when the call reaches the default instance because types said so (`http: AxiosStatic`). */
  viaType?: boolean;
  /** The client is only the default of an injectable function (`options.fetch ?? fetch`): see `Origin`. */
  overridable?: true;
}

/** The factory (`create`, `extend`) of `client` that `origin` names, if any. */
function factoryOf(origin: Origin, clients: readonly ClientSpec[], isNew: boolean): { client: ClientSpec; factory: InstanceFactory; parent?: InstanceRef } | undefined {
  const path = origin.path.join('.');
  if (origin.kind === 'module') {
    for (const client of clients) {
      if (!anyModuleMatches(client.modules, origin.module)) continue;
      const factory = client.factories?.find((candidate) => factoryPathMatches(candidate.path, path) && candidate.isNew === isNew);
      if (factory) return { client, factory };
    }
    return undefined;
  }
  if (origin.kind === 'call' && origin.path.length > 0) {
    const instance = instanceOf(origin, clients);
    const method = origin.path[origin.path.length - 1]!;
    const factory = instance?.client.factories?.find((candidate) => candidate.path === method && candidate.isNew === isNew);
    if (instance && factory && origin.path.length === 1) return { client: instance.client, factory, parent: instance };
  }
  return undefined;
}

/** The instance a `call` origin's callee produced, or undefined. */
function instanceOf(origin: Extract<Origin, { kind: 'call' }>, clients: readonly ClientSpec[]): InstanceRef | undefined {
  const made = factoryOf(origin.callee, clients, origin.call.type === AST_NODE_TYPES.NewExpression);
  if (made) return { client: made.client, creation: origin.call, factory: made.factory, parent: made.parent };
  // gRPC: `new (grpc.loadPackageDefinition(def).pkg.Service)(address, credentials)`.
  if (origin.call.type === AST_NODE_TYPES.NewExpression && isGrpcConstructor(origin.callee)) {
    const client = clients.find((candidate) => candidate.id === 'grpc');
    if (client) return { client, creation: origin.call };
  }
  return undefined;
}

const GRPC_CONSTRUCTOR_FACTORIES = new Set(['loadPackageDefinition', 'makeGenericClientConstructor', 'makeClientConstructor', 'load']);

function isGrpcConstructor(origin: Origin): boolean {
  if (origin.kind === 'module') return ['@grpc/grpc-js', 'grpc'].includes(origin.module) && origin.path.join('.') === 'Client';
  if (origin.kind !== 'call') return false;
  const callee = origin.callee;
  return callee.kind === 'module' && ['@grpc/grpc-js', 'grpc'].includes(callee.module) && GRPC_CONSTRUCTOR_FACTORIES.has(callee.path.join('.'));
}

function shapeFor(client: ClientSpec, path: string, on: 'module' | 'instance', node: CallNode): CallShape | undefined {
  if (on === 'instance' && path !== '' && client.localMethods?.includes(path)) return undefined;
  return client.calls.find((shape) => {
    if (shape.on !== on && shape.on !== 'both') return false;
    if (!pathMatches(shape.path, path)) return false;
    // `*Client` constructors are only constructors when called with `new`.
    return !shape.constructs || shape.path === '' || node.type === AST_NODE_TYPES.NewExpression || !shape.path.startsWith('*');
  });
}

/**
 * Is `node` a call to a known client, and which? Follows imports, requires, aliases, instances, `this`
 * fields; with types, also a receiver typed as the client. Returns undefined for anything else: a local
 * function named `fetch`, a `requests` map, a `client` that is something else.
 */
export function resolveClientCall(context: Context, node: CallNode, clients: readonly ClientSpec[], types?: TypeFacts): ClientCall | undefined {
  // Every rule asks about every call; the answer depends only on the node (one parse, one scope manager,
  // one program) and the client table the rule uses, so it is computed once per pair.
  let byTable = resolvedCalls.get(node);
  if (!byTable) resolvedCalls.set(node, (byTable = new Map()));
  const key = types ? clients : UNTYPED_KEYS.get(clients) ?? UNTYPED_KEYS.set(clients, {}).get(clients)!;
  if (byTable.has(key)) return byTable.get(key);
  const resolved = resolveClientCallUncached(context, node, clients, types);
  byTable.set(key, resolved);
  return resolved;
}

/** A rule that resolves without types must not be handed a typed answer, nor the reverse. */
const UNTYPED_KEYS = new WeakMap<readonly ClientSpec[], object>();
const resolvedCalls = new WeakMap<CallNode, Map<object, ClientCall | undefined>>();

function resolveClientCallUncached(context: Context, node: CallNode, clients: readonly ClientSpec[], types?: TypeFacts): ClientCall | undefined {
  const callee = unwrap(node.callee);
  const origin = resolveOrigin(context, callee);
  if (origin) {
    const matched = matchOrigin(context, node, origin, clients, types);
    if (matched) return isOverridable(origin) ? { ...matched, overridable: true } : matched;
    // An import from the user's own module (`import { api } from './api'`) or a call result: only the
    // type can tell what it is. A known client module's unmatched export (`axios.isCancel`) is not a call.
    if (!types || (origin.kind === 'module' && clients.some((client) => anyModuleMatches(client.modules, origin.module)))) return undefined;
  }
  return types ? matchByType(context, node, callee, clients, types) : undefined;
}

function matchOrigin(context: Context, node: CallNode, origin: Origin, clients: readonly ClientSpec[], types?: TypeFacts): ClientCall | undefined {
  const path = origin.path.join('.');
  if (origin.kind === 'global') {
    const client = clients.find((candidate) => candidate.globals?.includes(origin.name));
    const shape = client && path === '' ? shapeFor(client, '', 'module', node) : undefined;
    return client && shape ? build(context, node, client, shape, undefined, types) : undefined;
  }
  if (origin.kind === 'module') {
    for (const client of clients) {
      if (!anyModuleMatches(client.modules, origin.module)) continue;
      const shape = shapeFor(client, path, 'module', node);
      if (shape) return build(context, node, client, shape, undefined, types);
    }
    return undefined;
  }
  const instance = instanceOf(origin, clients);
  if (!instance || origin.path.length > 1) return undefined;
  const shape = shapeFor(instance.client, origin.path[0] ?? '', 'instance', node);
  return shape ? build(context, node, instance.client, shape, instance, types) : undefined;
}

function matchByType(context: Context, node: CallNode, callee: TSESTree.Node, clients: readonly ClientSpec[], types: TypeFacts): ClientCall | undefined {
  const receiver = callee.type === AST_NODE_TYPES.MemberExpression ? callee.object : callee;
  const path = callee.type === AST_NODE_TYPES.MemberExpression ? memberName(callee) : '';
  if (path === undefined) return undefined;
  // Ask the checker only when a client that types could name has a method of this name.
  if (!clients.some((client) => types.typedClients.has(client) && shapeFor(client, path, 'instance', node))) return undefined;
  const client = types.clientOfType(receiver);
  if (!client || !clients.includes(client)) return undefined;
  const shape = shapeFor(client, path, 'instance', node);
  if (!shape) return undefined;
  return { ...build(context, node, client, shape, { client }, types), viaType: true };
}

function build(context: Context, node: CallNode, client: ClientSpec, shape: CallShape, instance: InstanceRef | undefined, types?: TypeFacts): ClientCall {
  return { node, client, shape, instance, options: locateOptions(context, node, shape.options, types) };
}

function isFunction(node: TSESTree.Node | undefined): boolean {
  if (!node) return false;
  const expression = unwrap(node);
  return expression.type === AST_NODE_TYPES.ArrowFunctionExpression || expression.type === AST_NODE_TYPES.FunctionExpression;
}

function urlLike(context: Context, node: TSESTree.Node | undefined, types?: TypeFacts): boolean {
  if (!node) return false;
  return types?.isUrlType(node) ?? isUrlLike(context, node);
}

/**
 * A variable that holds a request config rather than an address: `const config = { url, method }`, or one
 * the code writes a config's members into (`options.url = …`, `options.method = 'post'`), as a string is not.
 */
function heldConfig(context: Context, node: TSESTree.Node): boolean {
  const value = unwrap(node);
  const variable = value.type === AST_NODE_TYPES.Identifier ? findVariable(context, value) : null;
  if (!variable) return false;
  if (singleAssignmentInit(variable)?.type === AST_NODE_TYPES.ObjectExpression) return true;
  // `(config: AxiosRequestConfig) => axios(config)`: a parameter its type names as a request's configuration.
  const def = variable.defs[0];
  const annotation = def?.type === 'Parameter' && def.name.type === AST_NODE_TYPES.Identifier ? def.name.typeAnnotation?.typeAnnotation : undefined;
  if (annotation && CONFIG_TYPE.test(context.sourceCode.getText(annotation))) return true;
  return variable.references.some(({ identifier }) => {
    const member = identifier.parent;
    return member?.type === AST_NODE_TYPES.MemberExpression && member.object === identifier && member.parent?.type === AST_NODE_TYPES.AssignmentExpression
      && member.parent.left === member && CONFIG_MEMBERS.includes(memberName(member) ?? '');
  });
}

const CONFIG_MEMBERS = ['url', 'method', 'baseURL', 'data'];

/** Types of a request's whole configuration: axios's `AxiosRequestConfig`, `InternalAxiosRequestConfig`, a `RequestConfig` of one's own. */
const CONFIG_TYPE = /^(?:Internal)?(?:Axios)?Request(?:Config|Options)\b/;

/** Finds the options argument of a call for a shape's `OptionsLocation`. */
export function locateOptions(context: Context, node: CallNode, location: OptionsLocation, types?: TypeFacts): OptionsArgument {
  const args = node.arguments;
  const spreadAt = args.findIndex((argument) => argument.type === AST_NODE_TYPES.SpreadElement);
  const at = (index: number): OptionsArgument => (spreadAt !== -1 && spreadAt <= index ? { kind: 'unknown' } : { kind: 'argument', index, node: args[index] });
  switch (location.kind) {
    case 'arg':
      if (location.requestArgument !== undefined && mayBeRequest(context, args[location.requestArgument], types)) return { kind: 'unknown' };
      return at(location.index);
    case 'chain':
      return { kind: 'chain', method: location.method };
    case 'url-or-config': {
      const first = args[0];
      if (first && (unwrap(first).type === AST_NODE_TYPES.ObjectExpression || heldConfig(context, first))) return at(0);
      if (urlLike(context, first, types)) return at(1);
      return { kind: 'unknown' };
    }
    case 'http-request': {
      const first = args[0];
      if (!first || isFunction(first)) return { kind: 'unknown' };
      if (!urlLike(context, first, types)) return at(0);
      return isFunction(args[1]) ? { kind: 'argument', index: 1, node: undefined } : at(1);
    }
    case 'ws': {
      const second = args[1] && unwrap(args[1]);
      if (!second) return at(1);
      if (second.type === AST_NODE_TYPES.ObjectExpression) return at(1);
      if (second.type === AST_NODE_TYPES.ArrayExpression || second.type === AST_NODE_TYPES.Literal || second.type === AST_NODE_TYPES.TemplateLiteral) return at(2);
      return { kind: 'unknown' };
    }
    case 'grpc-call':
      return locateGrpcOptions(args, at);
  }
}

/**
 * Could this `fetch` input be a `Request` (which carries its own signal)? With types, anything that is
 * not a string or URL; without, `new Request(…)` or a value named like one (`req`, `request`).
 */
function mayBeRequest(context: Context, node: TSESTree.Node | undefined, types?: TypeFacts): boolean {
  if (!node || node.type === AST_NODE_TYPES.SpreadElement) return false;
  const fromType = types?.isUrlType(node);
  if (fromType !== undefined) return !fromType;
  if (isUrlLike(context, node)) return false;
  return isRequestLike(context, unwrap(node), 0);
}

function isRequestLike(context: Context, node: TSESTree.Node, depth: number): boolean {
  if (node.type === AST_NODE_TYPES.NewExpression) return node.callee.type === AST_NODE_TYPES.Identifier && node.callee.name === 'Request';
  if (node.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = findVariable(context, node);
  const init = variable ? singleAssignmentInit(variable) : undefined;
  if (init && depth < 4) return isRequestLike(context, unwrap(init), depth + 1);
  return /(?:^req|request)$/i.test(node.name);
}

/**
 * gRPC: `method(request, metadata?, options?, callback?)`. The options are the object after the request
 * that is neither the callback nor a `Metadata`. A missing options argument goes before the callback.
 */
function locateGrpcOptions(args: readonly TSESTree.CallExpressionArgument[], at: (index: number) => OptionsArgument): OptionsArgument {
  let insertAt = Math.min(args.length, 1);
  for (let index = 1; index < args.length; index++) {
    const argument = unwrap(args[index]!);
    if (isFunction(argument)) break;
    if (isMetadata(argument)) {
      insertAt = index + 1;
      continue;
    }
    return at(index);
  }
  const first = args[0] && unwrap(args[0]);
  // A streaming call may take its options first: `client.chat({ deadline })`.
  if (first && first.type === AST_NODE_TYPES.ObjectExpression && first.properties.some((p) => p.type === AST_NODE_TYPES.Property && !p.computed && p.key.type === AST_NODE_TYPES.Identifier && p.key.name === 'deadline')) return at(0);
  return { kind: 'argument', index: insertAt, node: undefined };
}

function isMetadata(node: TSESTree.Node): boolean {
  if (node.type === AST_NODE_TYPES.NewExpression) {
    const callee = node.callee;
    const name = callee.type === AST_NODE_TYPES.Identifier ? callee.name : callee.type === AST_NODE_TYPES.MemberExpression ? memberName(callee) : undefined;
    return name === 'Metadata';
  }
  return node.type === AST_NODE_TYPES.Identifier && /meta/i.test(node.name);
}

/** The HTTP method a call uses: from its verb helper, or a literal `method` option (default GET). */
export function httpMethodOf(call: ClientCall, readMethod: (options: TSESTree.Node | undefined) => string | undefined): HttpMethod | undefined {
  if (call.shape.httpMethod) return call.shape.httpMethod;
  if (call.options.kind !== 'argument') return undefined;
  const method = readMethod(call.options.node);
  return method === undefined ? undefined : (method.toUpperCase() as HttpMethod);
}

/** `axios.create(cfg)`, `got.extend(cfg)`, `base.extend(cfg)`: the instance this call creates, if any. */
export function resolveInstanceCreation(context: Context, node: CallNode, clients: readonly ClientSpec[]): InstanceRef | undefined {
  const origin = resolveOrigin(context, unwrap(node.callee));
  if (!origin) return undefined;
  const made = factoryOf(origin, clients, node.type === AST_NODE_TYPES.NewExpression);
  return made && { client: made.client, creation: node, factory: made.factory, parent: made.parent };
}

/**
 * The instance a member call goes through and the path called on it: `stripe.charges.create(…)` on a
 * `new Stripe(key)` gives `{ instance, path: ['charges', 'create'] }`. For rules that classify SDK methods.
 */
export function resolveInstanceMember(context: Context, node: CallNode, clients: readonly ClientSpec[]): { instance: InstanceRef; path: string[] } | undefined {
  const origin = resolveOrigin(context, unwrap(node.callee));
  if (origin?.kind !== 'call') return undefined;
  const instance = instanceOf(origin, clients);
  return instance && { instance, path: origin.path };
}

/** What a call goes through: `api` of `api.post(…)`, or the callee itself (`api(config)`). */
export function receiverOf(callee: TSESTree.Node): TSESTree.Node {
  const bare = unwrap(callee);
  return bare.type === AST_NODE_TYPES.MemberExpression ? unwrap(bare.object) : bare;
}
