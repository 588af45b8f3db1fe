import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from './node-types';
import { CLIENTS, type ClientSpec, type HttpMethod } from '../knowledge/clients';
import { OBSERVABLE_CLIENTS, type ObservableCall, type ObservableClient } from '../knowledge/retries';
import type { ClientCall } from './calls';
import { readOption } from './options';
import { declaredTypeOrigin, receiverDeclaration } from './declared-receivers';
import { enclosingClassBody, findVariable, isModuleExport, memberName, resolveOrigin, unwrap } from './origin';
import { constantString } from './value-sources';

/**
 * HTTP clients whose calls return cold Observables (Angular `HttpClient`, NestJS `HttpService`). Their
 * instances are injected, so a call is recognised by what its receiver is declared as: a field or
 * constructor parameter property typed with the client's class, `inject(HttpClient)`, a typed parameter,
 * a local that holds one, or `super` in a subclass; or a parameter that is the client's sending function.
 */

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;
type CallNode = TSESTree.CallExpression | TSESTree.NewExpression;

export interface ObservableRequest {
  client: ObservableClient;
  shape: ObservableCall;
  /** Undefined when the method is not written where it can be read. */
  method: HttpMethod | undefined;
  call: ClientCall;
}

/** The class a declaration names: a type annotation `HttpClient`, or `inject(HttpClient)`. */
function declaredClient(context: Context, declared: TSESTree.Node | undefined): ObservableClient | undefined {
  if (!declared) return undefined;
  const node = declared.type === AST_NODE_TYPES.TSTypeAnnotation ? declared.typeAnnotation : unwrap(declared);
  if (node.type === AST_NODE_TYPES.TSTypeReference) {
    const origin = declaredTypeOrigin(context, node);
    return OBSERVABLE_CLIENTS.find((client) => isModuleExport(origin, client.modules, client.className));
  }
  if (node.type !== AST_NODE_TYPES.CallExpression || !node.arguments[0]) return undefined;
  const [name, injected] = [node.arguments[0], node.callee];
  const origin = resolveOrigin(context, name);
  return OBSERVABLE_CLIENTS.find((client) => isModuleExport(origin, client.modules, client.className)
    && client.injector !== undefined && isModuleExport(resolveOrigin(context, injected), [client.injector.module], client.injector.path));
}

/**
 * Which client a receiver is: `this.http` (a field or constructor parameter property), `super` in a
 * subclass, a parameter `http: HttpClient`, or a local that holds one (`const { http } = this`).
 */
function receiverClient(context: Context, receiver: TSESTree.Node): ObservableClient | undefined {
  const value = unwrap(receiver);
  // `super.get(url)` in `class CustomHttp extends HttpClient`.
  if (value.type === AST_NODE_TYPES.Super) {
    const superClass = enclosingClassBody(value)?.parent.superClass;
    const origin = superClass ? resolveOrigin(context, superClass) : undefined;
    return OBSERVABLE_CLIENTS.find((client) => isModuleExport(origin, client.modules, client.className));
  }
  return declaredClient(context, receiverDeclaration(context, value));
}

/** A stand-in table row, so the header reading shared with the other HTTP clients applies. */
function clientSpecOf(client: ObservableClient): ClientSpec {
  return { ...CLIENTS[0]!, id: client.id, name: client.name, modules: client.modules, globals: undefined, calls: [], source: client.source };
}

const CALL_PATHS = new Set(OBSERVABLE_CLIENTS.flatMap((client) => client.calls.map((call) => call.path)));
const CLIENT_MODULES = OBSERVABLE_CLIENTS.flatMap((client) => client.modules);
const mentionsClient = new WeakMap<object, boolean>();

/** Only a file that names an observable client's module can declare one; most files are skipped at once. */
function mayHoldClient(context: Context): boolean {
  let known = mentionsClient.get(context.sourceCode);
  if (known === undefined) {
    known = CLIENT_MODULES.some((module) => context.sourceCode.text.includes(module));
    mentionsClient.set(context.sourceCode, known);
  }
  return known;
}

/**
 * The client whose sending function a called parameter is: `next` typed `HttpHandlerFn`, or the second
 * parameter of `const retrying: HttpInterceptorFn = (request, next) => …`.
 */
function sendingFunctionClient(context: Context, callee: TSESTree.Identifier): ObservableClient | undefined {
  const def = findVariable(context, callee)?.defs[0];
  if (def?.type !== 'Parameter' || def.name.type !== AST_NODE_TYPES.Identifier) return undefined;
  const { name, node: fn } = def;
  const holder = fn.parent?.type === AST_NODE_TYPES.VariableDeclarator && fn.parent.init === fn ? fn.parent.id.typeAnnotation : undefined;
  return OBSERVABLE_CLIENTS.find(({ modules, sendingFunction: sending }) => sending !== undefined && (name.typeAnnotation
    ? isModuleExport(declaredTypeOrigin(context, name.typeAnnotation), modules, sending.typeName)
    : fn.params[sending.parameterOf.index] === name && isModuleExport(declaredTypeOrigin(context, holder), modules, sending.parameterOf.typeName)));
}

/** The client and call shape of a call: a method of an instance, or a sending function. */
function clientCallShape(context: Context, callee: TSESTree.Expression): { client: ObservableClient; shape: ObservableCall } | undefined {
  if (callee.type === AST_NODE_TYPES.Identifier) {
    const client = mayHoldClient(context) ? sendingFunctionClient(context, callee) : undefined;
    return client?.sendingFunction && { client, shape: client.sendingFunction.call };
  }
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const path = memberName(callee);
  if (!path || !CALL_PATHS.has(path) || !mayHoldClient(context)) return undefined;
  const client = receiverClient(context, callee.object);
  const shape = client?.calls.find((candidate) => candidate.path === path);
  return client && shape && { client, shape };
}

/** `this.http.post(url, body, options)` on an injected Angular or NestJS HTTP client, or `next(request)` in an interceptor function. */
export function observableRequest(context: Context, node: CallNode): ObservableRequest | undefined {
  if (node.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const found = clientCallShape(context, node.callee);
  if (!found) return undefined;
  const { client, shape } = found;
  const { path } = shape;
  const options = node.arguments[shape.optionsArg];
  let method = shape.method;
  if (shape.methodArg !== undefined) {
    const written = node.arguments[shape.methodArg];
    method = (written && constantString(context, written))?.toUpperCase() as HttpMethod | undefined;
  } else if (!method) {
    const written = readOption(context, options, ['method']);
    method = written.kind === 'absent' ? 'GET' : written.kind === 'present' ? constantString(context, written.value)?.toUpperCase() as HttpMethod | undefined : undefined;
  }
  const call: ClientCall = {
    node, client: clientSpecOf(client), shape: { path, on: 'instance', options: { kind: 'arg', index: shape.optionsArg } },
    options: node.arguments.some((argument) => argument.type === AST_NODE_TYPES.SpreadElement) ? { kind: 'unknown' } : { kind: 'argument', index: shape.optionsArg, node: options },
  };
  return { client, shape, method, call };
}
