import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { CLIENTS, type ClientSpec, type HttpMethod } from '../knowledge/clients';
import { OBSERVABLE_CLIENTS, type ObservableCall, type ObservableClient } from '../knowledge/retries';
import type { ClientCall } from './calls';
import { readOption } from './options';
import { enclosingClassBody, findVariable, isModuleExport, memberName, resolveOrigin, stringValue, unwrap } from './origin';

/**
 * HTTP clients whose calls return cold Observables (Angular `HttpClient`, NestJS `HttpService`). Their
 * instances are injected, so a call is recognised by what its receiver is declared as: a field or
 * constructor parameter property typed with the client's class, `inject(HttpClient)`, a typed parameter,
 * a local that holds one, or `super` in a subclass.
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
function declaredClient(context: Context, declared: TSESTree.Node | undefined | null): ObservableClient | undefined {
  if (!declared) return undefined;
  const node = declared.type === AST_NODE_TYPES.TSTypeAnnotation ? declared.typeAnnotation : unwrap(declared);
  let name: TSESTree.Node | undefined;
  let injected: TSESTree.Node | undefined;
  if (node.type === AST_NODE_TYPES.TSTypeReference && node.typeName.type === AST_NODE_TYPES.Identifier) name = node.typeName;
  if (node.type === AST_NODE_TYPES.CallExpression && node.arguments[0]) [name, injected] = [node.arguments[0], node.callee];
  if (!name) return undefined;
  const origin = resolveOrigin(context, name);
  return OBSERVABLE_CLIENTS.find((client) => isModuleExport(origin, client.modules, client.className)
    && (!injected || (client.injector !== undefined && isModuleExport(resolveOrigin(context, injected), [client.injector.module], client.injector.path))));
}

/** The client a member of the class around `node` is declared as: a field, or a constructor parameter property. */
function classMemberClient(context: Context, node: TSESTree.Node, name: string): ObservableClient | undefined {
  const body = enclosingClassBody(node);
  for (const member of body?.body ?? []) {
    if (member.type === AST_NODE_TYPES.PropertyDefinition && !member.computed) {
      const key = member.key.type === AST_NODE_TYPES.PrivateIdentifier ? `#${member.key.name}` : member.key.type === AST_NODE_TYPES.Identifier ? member.key.name : undefined;
      if (key === name) return declaredClient(context, member.typeAnnotation ?? member.value);
    }
    if (member.type === AST_NODE_TYPES.MethodDefinition && member.kind === 'constructor') {
      for (const parameter of member.value.params) {
        const declared = parameter.type === AST_NODE_TYPES.TSParameterProperty ? parameter.parameter : undefined;
        if (declared?.type === AST_NODE_TYPES.Identifier && declared.name === name) return declaredClient(context, declared.typeAnnotation);
      }
    }
  }
  return undefined;
}

/**
 * Which client a receiver is: `this.http` (a field or constructor parameter property), `super` in a
 * subclass, a parameter `http: HttpClient`, or a local that holds one (`const { http } = this`).
 */
function receiverClient(context: Context, receiver: TSESTree.Node, depth = 0): ObservableClient | undefined {
  const value = unwrap(receiver);
  if (value.type === AST_NODE_TYPES.MemberExpression && value.object.type === AST_NODE_TYPES.ThisExpression) {
    const name = value.property.type === AST_NODE_TYPES.PrivateIdentifier ? `#${value.property.name}` : memberName(value);
    return name ? classMemberClient(context, value, name) : undefined;
  }
  // `super.get(url)` in `class CustomHttp extends HttpClient`.
  if (value.type === AST_NODE_TYPES.Super) {
    const superClass = enclosingClassBody(value)?.parent.superClass;
    const origin = superClass ? resolveOrigin(context, superClass) : undefined;
    return OBSERVABLE_CLIENTS.find((client) => isModuleExport(origin, client.modules, client.className));
  }
  if (value.type !== AST_NODE_TYPES.Identifier || depth > 2) return undefined;
  const def = findVariable(context, value)?.defs[0];
  if (def?.type === 'Parameter' && def.name.type === AST_NODE_TYPES.Identifier) return declaredClient(context, def.name.typeAnnotation);
  if (def?.type !== 'Variable') return undefined;
  const { id, init } = def.node;
  if (id.type === AST_NODE_TYPES.Identifier) {
    if (id.typeAnnotation) return declaredClient(context, id.typeAnnotation);
    // `const client = this.client;`
    const held = init && unwrap(init);
    return held?.type === AST_NODE_TYPES.MemberExpression ? receiverClient(context, held, depth + 1) : declaredClient(context, init);
  }
  // `const { client } = this;`
  if (id.type === AST_NODE_TYPES.ObjectPattern && init && unwrap(init).type === AST_NODE_TYPES.ThisExpression) {
    const property = id.properties.find((candidate) => candidate.type === AST_NODE_TYPES.Property && candidate.value === def.name);
    if (property?.type === AST_NODE_TYPES.Property && !property.computed && property.key.type === AST_NODE_TYPES.Identifier) return classMemberClient(context, value, property.key.name);
  }
  return undefined;
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

/** `this.http.post(url, body, options)` on an injected Angular or NestJS HTTP client. */
export function observableRequest(context: Context, node: CallNode): ObservableRequest | undefined {
  if (node.type !== AST_NODE_TYPES.CallExpression || node.callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const path = memberName(node.callee);
  if (!path || !CALL_PATHS.has(path) || !mayHoldClient(context)) return undefined;
  const client = receiverClient(context, node.callee.object);
  const shape = client?.calls.find((candidate) => candidate.path === path);
  if (!client || !shape) return undefined;
  const options = node.arguments[shape.optionsArg];
  let method = shape.method;
  if (shape.methodArg !== undefined) method = stringValue(node.arguments[shape.methodArg])?.toUpperCase() as HttpMethod | undefined;
  else if (!method) {
    const written = readOption(context, options, ['method']);
    method = written.kind === 'absent' ? 'GET' : written.kind === 'present' ? stringValue(written.value)?.toUpperCase() as HttpMethod | undefined : undefined;
  }
  const call: ClientCall = {
    node, client: clientSpecOf(client), shape: { path, on: 'instance', options: { kind: 'arg', index: shape.optionsArg } },
    options: node.arguments.some((argument) => argument.type === AST_NODE_TYPES.SpreadElement) ? { kind: 'unknown' } : { kind: 'argument', index: shape.optionsArg, node: options },
  };
  return { client, shape, method, call };
}
