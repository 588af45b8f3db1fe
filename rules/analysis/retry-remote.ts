import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from './node-types';
import { CLIENTS } from '../knowledge/clients';
import { CLIENT_LOCAL_MEMBER, CLIENT_SELF_METHOD, IN_PROCESS_CHANNEL_NAME, LOCAL_CALL_NAME, REMOTE_CALL_NAME, REMOTE_CURSOR_CHAINS, REMOTE_RECEIVER_NAME, RETRY_HELPER_NAME, TEST_DOUBLE_NAME } from '../knowledge/retries';
import { calleeName, contains, functionName, isFunctionNode, walk, type FunctionNode } from './ast-walk';
import { resolveClientCall, resolveInstanceMember } from './calls';
import { findVariable, singleAssignmentInit, unwrap } from './origin';
import { localCallee } from './local-callees';
import { heldInstanceClass, receiverTypeName } from './declared-receivers';
import { programReachesRemote } from './program-remote';
import { queryBuilderChain } from './query-builders';
import { SDK_SPECS } from './retry-sdk-operations';
import type { RetryScope } from './retry-types';
import type { TypeFacts } from './types';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** Clients whose instances' methods are remote calls: the knowledge table's, and the SDKs that retry by themselves. */
const INSTANCE_CLIENTS = [...CLIENTS, ...SDK_SPECS.map(({ spec }) => spec)];

/**
 * Does a hand-written retry's attempt reach a remote service: a known client call or SDK method, a function
 * of the file that makes one, or a call whose name says so? Callbacks inside the attempt count (`await
 * queue.add(() => fetch(url))`); library retries are explicit and are not asked.
 */
export function attemptLooksRemote(context: Context, scope: RetryScope, types: TypeFacts | undefined): boolean {
  return reachesRemote(context, scope.body, types, new Set());
}

/**
 * A known client call, a call of a function of this file (or a method of this class) whose body reaches one,
 * or a call whose name says so. A function of the file is judged by its body alone: `this.fetchEnvironment()`
 * that reads the database is not remote for being called fetch-something, and `loadItem()` that calls axios is.
 */
function reachesRemote(context: Context, root: TSESTree.Node, types: TypeFacts | undefined, seen: Set<TSESTree.Node>): boolean {
  let remote = false;
  walk(context.sourceCode, root, (node) => {
    if (remote) return false;
    if (node.type !== AST_NODE_TYPES.CallExpression && node.type !== AST_NODE_TYPES.NewExpression) return undefined;
    const name = calleeName(node.callee);
    if (resolveClientCall(context, node, CLIENTS, types)) {
      remote = !isLoopbackUrl(context, node.arguments[0]);
      return undefined;
    }
    // A method of an SDK client the file makes (`openai.chat.completions.create(…)` on `new OpenAI()`), not one
    // the client runs locally (gRPC's `close`).
    const member = node.type === AST_NODE_TYPES.CallExpression ? resolveInstanceMember(context, node, INSTANCE_CLIENTS) : undefined;
    if (member && member.path.length > 0 && !member.instance.client.localMethods?.includes(member.path[member.path.length - 1]!)) {
      remote = true;
      return undefined;
    }
    // `supabase.from('orders').update(…).eq('id', id)`: a request built as a chain on a client.
    if (drainsRemoteCursor(node) || queryBuilderChain(context, node)) {
      remote = true;
      return undefined;
    }
    // `mockHttpClient.get(…)` in a test: a double, whatever it is named after.
    if (onTestDouble(node.callee)) return undefined;
    if (name !== undefined && !REMOTE_CALL_NAME.test(name) && !CLIENT_SELF_METHOD.test(name) && hasRemoteReceiver(node.callee)) {
      remote = true;
      return undefined;
    }
    // With types, a function of another file is remote when what it calls is.
    if (types && node.type === AST_NODE_TYPES.CallExpression && programReachesRemote(types, node.callee)) {
      remote = true;
      return undefined;
    }
    // A function of the file is judged by its body, whatever its name: `sendPayment()` that POSTs is
    // remote, `fetchSettings()` that reads the database is not.
    const local = node.type === AST_NODE_TYPES.CallExpression ? localCallee(context, node.callee)?.fn : undefined;
    if (local !== undefined && !contains(local, node)) {
      if (!seen.has(local) && seen.size < MAX_LOCAL_FUNCTIONS) {
        seen.add(local);
        remote = reachesRemote(context, local, types, seen);
      }
      return undefined;
    }
    // Otherwise the name is all there is (a method of another object, the function calling itself).
    if (name !== undefined && REMOTE_CALL_NAME.test(name) && !LOCAL_CALL_NAME.test(name) && !isFunctionCall(node) && !onLocalCollection(context, node.callee)
      && !answersOwnClient(context, node.callee) && !onInProcessChannel(node.callee)) remote = true;
    return undefined;
  });
  return remote;
}

/** A method of a value named as a test double (TEST_DOUBLE_NAME): `mockHttpClient.get`, `this.fakeApi.send`. */
function onTestDouble(callee: TSESTree.Node): boolean {
  let target = unwrap(callee);
  while (target.type === AST_NODE_TYPES.MemberExpression) {
    const object = unwrap(target.object);
    const name = object.type === AST_NODE_TYPES.Identifier ? object.name : object.type === AST_NODE_TYPES.MemberExpression && !object.computed && object.property.type === AST_NODE_TYPES.Identifier ? object.property.name : undefined;
    if (name !== undefined && TEST_DOUBLE_NAME.test(name)) return true;
    target = object;
  }
  return false;
}

/**
 * `res.status(200).send('')` in a `(req, res) => …` handler: the server answering its own client, which
 * waits on nothing remote (Express, Fastify's `reply`, Koa-style handlers).
 */
function answersOwnClient(context: Context, callee: TSESTree.Node): boolean {
  let root = unwrap(callee);
  while (root.type === AST_NODE_TYPES.MemberExpression || root.type === AST_NODE_TYPES.CallExpression) {
    root = unwrap(root.type === AST_NODE_TYPES.MemberExpression ? root.object : root.callee);
  }
  const def = root.type === AST_NODE_TYPES.Identifier ? findVariable(context, root)?.defs[0] : undefined;
  if (def?.type !== 'Parameter' || !isFunctionNode(def.node)) return false;
  const [request, response] = def.node.params;
  return response === def.name && request?.type === AST_NODE_TYPES.Identifier && /^req(?:uest)?$/.test(request.name) && def.name.type === AST_NODE_TYPES.Identifier && /^(?:res|response|reply)$/.test(def.name.name);
}

/**
 * `cache.delete(key)`, `this.pending.get(id)`: a method of a `Map`, `Set` or another built-in collection the
 * file makes or declares, which calls no one whatever it is named.
 */
function onLocalCollection(context: Context, callee: TSESTree.Node): boolean {
  const target = unwrap(callee);
  if (target.type !== AST_NODE_TYPES.MemberExpression) return false;
  const name = receiverTypeName(context, target.object);
  if (name !== undefined) return LOCAL_COLLECTIONS.has(name.name) && (findVariable(context, name)?.defs.length ?? 0) === 0;
  // `this.wallets = new Map()` in the constructor of an untyped field, written nowhere else.
  const made = target.object.type === AST_NODE_TYPES.MemberExpression ? heldInstanceClass(context, target.object) : undefined;
  return made !== undefined && LOCAL_COLLECTIONS.has(made.name) && (findVariable(context, made)?.defs.length ?? 0) === 0;
}

/** `win.webContents.send(…)`, `ipcRenderer.invoke(…)`, `process.send(…)`: a message to the app's own processes (IN_PROCESS_CHANNEL_NAME). */
function onInProcessChannel(callee: TSESTree.Node): boolean {
  const target = unwrap(callee);
  if (target.type !== AST_NODE_TYPES.MemberExpression) return false;
  const name = receiverName(unwrap(target.object));
  return name !== undefined && IN_PROCESS_CHANNEL_NAME.test(name);
}

/** What a receiver is called: `api`, `this.pricingApi`'s `pricingApi`, a private field's `#api` as `api`. */
function receiverName(node: TSESTree.Node): string | undefined {
  if (node.type === AST_NODE_TYPES.Identifier) return node.name;
  return node.type === AST_NODE_TYPES.MemberExpression && !node.computed && (node.property.type === AST_NODE_TYPES.Identifier || node.property.type === AST_NODE_TYPES.PrivateIdentifier) ? node.property.name : undefined;
}

const LOCAL_COLLECTIONS = new Set(['Map', 'Set', 'WeakMap', 'WeakSet', 'URLSearchParams', 'Headers', 'FormData']);

/**
 * `readSync.call(fs, fd, buf)`, `fn.apply(this, args)`: Function.prototype's own `call`, whose first argument
 * is the receiver, not an RPC client's `call('method', …)`, whose first is the method's name.
 */
function isFunctionCall(node: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
  const name = node.callee.type === AST_NODE_TYPES.MemberExpression ? calleeName(node.callee) : undefined;
  const first = node.arguments[0] && unwrap(node.arguments[0]);
  return (name === 'call' || name === 'apply') && first !== undefined && first.type !== AST_NODE_TYPES.Literal && first.type !== AST_NODE_TYPES.TemplateLiteral;
}

/**
 * A retry helper written for its callers, which live in other files: the attempt calls a parameter of the
 * function or of one enclosing it (`const backoff = (delegate) => (...args) => { … delegate(...args) … }`),
 * and one of those functions (or the class it is a method of) is named for retrying. What it is handed is,
 * by that name, a call that fails transiently, a remote one; a helper called in this file is judged by what
 * those calls hand it instead.
 */
export function isNamedRetryHelper(context: Context, scope: RetryScope): boolean {
  const functions: FunctionNode[] = [];
  for (let current = scope.node.parent; current; current = current.parent) if (isFunctionNode(current)) functions.push(current);
  if (!functions.some((fn) => RETRY_HELPER_NAME.test(functionName(fn) ?? '') || RETRY_HELPER_NAME.test(className(fn) ?? ''))) return false;
  // A loop in a function that neither awaits nor yields catches only what the call throws at once: a
  // remote call fails later, in its promise (`runSync(fn)` beside `runAsync(fn)` in a RetryManager).
  const own = functions[0];
  if (scope.kind === 'loop' && own && !own.async && !own.generator) return false;
  let callsParameter = false;
  walk(context.sourceCode, scope.body, (node) => {
    if (callsParameter) return false;
    if (node.type !== AST_NODE_TYPES.CallExpression) return undefined;
    const callee = unwrap(node.callee);
    const def = callee.type === AST_NODE_TYPES.Identifier ? findVariable(context, callee)?.defs[0] : undefined;
    if (def?.type === 'Parameter' && functions.includes(def.node as FunctionNode)) callsParameter = true;
    return undefined;
  });
  return callsParameter;
}

/** The class a method (or a function-valued field) belongs to, by name: `class RetryManager { runAsync(fn) {…} }`. */
function className(fn: FunctionNode): string | undefined {
  const element = fn.parent;
  if (element?.type !== AST_NODE_TYPES.MethodDefinition && element?.type !== AST_NODE_TYPES.PropertyDefinition) return undefined;
  const owner = element.parent.parent;
  return (owner.type === AST_NODE_TYPES.ClassDeclaration || owner.type === AST_NODE_TYPES.ClassExpression) ? owner.id?.name : undefined;
}

/**
 * `api.getUpdates()`, `this.api.send()`: a method of something named as a remote API's client, or of one of
 * its resources (`hs_client.contacts.updateContact()`), not of its own state (`client.config.set()`).
 */
function hasRemoteReceiver(callee: TSESTree.Node): boolean {
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const receiver = callee.object;
  const name = receiverName(receiver);
  if (name !== undefined && REMOTE_RECEIVER_NAME.test(name)) return true;
  const owner = receiver.type === AST_NODE_TYPES.MemberExpression && !receiver.computed ? receiverName(receiver.object) : undefined;
  return name !== undefined && owner !== undefined && REMOTE_RECEIVER_NAME.test(owner) && !CLIENT_LOCAL_MEMBER.test(name);
}

/** `collection.find(query).toArray()`: a cursor drained from a database server (REMOTE_CURSOR_CHAINS). */
function drainsRemoteCursor(node: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
  if (node.type !== AST_NODE_TYPES.CallExpression || node.callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const opened = unwrap(node.callee.object);
  if (opened.type !== AST_NODE_TYPES.CallExpression || opened.callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  // `items.find((item) => …)` is an array's find, which opens no cursor.
  const first = opened.arguments[0];
  if (first !== undefined && isFunctionNode(unwrap(first))) return false;
  const drain = calleeName(node.callee) ?? '';
  const open = calleeName(opened.callee) ?? '';
  return REMOTE_CURSOR_CHAINS.some((chain) => chain.drains.includes(drain) && chain.opens.includes(open));
}

/** How many of the file's functions one question may read through. */
const MAX_LOCAL_FUNCTIONS = 8;

/** `http://127.0.0.1:${port}/…`: waiting for a process on this machine to come up, not a remote dependency. */
const LOOPBACK_URL = /^(?:https?|wss?):\/\/(?:localhost|127\.0\.0\.1|\[::1\])(?:[:/]|$)/i;

function isLoopbackUrl(context: Context, node: TSESTree.Node | undefined, depth = 0): boolean {
  if (!node || depth > 4) return false;
  const value = unwrap(node);
  if (value.type === AST_NODE_TYPES.Literal) return typeof value.value === 'string' && LOOPBACK_URL.test(value.value);
  if (value.type === AST_NODE_TYPES.TemplateLiteral) return LOOPBACK_URL.test(value.quasis[0]?.value.cooked ?? '');
  if (value.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = findVariable(context, value);
  const init = variable ? singleAssignmentInit(variable) : undefined;
  return init !== undefined && isLoopbackUrl(context, init, depth + 1);
}

