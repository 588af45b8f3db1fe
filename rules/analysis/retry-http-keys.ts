import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from './node-types';
import { callerExpressions } from './caller-values';
import { idempotencyKeyInBody } from './read-bodies';
import { sourceOfKey } from './value-sources';
import { HEADER_CONSTRUCTORS, isIdempotencyHeader } from '../knowledge/retries';
import type { ClientCall } from './calls';
import { propertyKey, readOption } from './options';
import { assignedValues, findVariable, memberName, singleAssignmentInit, stringValue, unchangedField, unwrap } from './origin';
import type { KeyEvidence, MethodPath, SendKey } from './retry-operations';

/**
 * Whether an HTTP request carries an idempotency key, and where a fix can add one: its headers written at
 * the call, composed by this file out of sight (then keyless unless the file names a key), or handed in
 * whole by a caller (which may have put one in).
 */

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;
type CallNode = TSESTree.CallExpression | TSESTree.NewExpression;

/** An object literal a value is, directly or through a `const`. */
function objectLiteral(context: Context, node: TSESTree.Node | undefined, depth = 0): TSESTree.ObjectExpression | undefined {
  if (!node || depth > 4) return undefined;
  const value = unwrap(node);
  if (value.type === AST_NODE_TYPES.ObjectExpression) return value;
  if (value.type === AST_NODE_TYPES.NewExpression && value.callee.type === AST_NODE_TYPES.Identifier && HEADER_CONSTRUCTORS.includes(value.callee.name)) return objectLiteral(context, value.arguments[0], depth + 1);
  if (value.type === AST_NODE_TYPES.Identifier) {
    const variable = findVariable(context, value);
    const init = variable && singleAssignmentInit(variable);
    return init ? objectLiteral(context, init, depth + 1) : undefined;
  }
  if (value.type === AST_NODE_TYPES.MemberExpression) {
    const init = unchangedField(context, value);
    return init ? objectLiteral(context, init, depth + 1) : undefined;
  }
  return undefined;
}

/** Looks for an idempotency header, case-insensitively, in a `headers` value. */
function headerKey(context: Context, headers: TSESTree.Node, names: readonly string[]): KeyEvidence {
  const object = objectLiteral(context, headers);
  if (!object) return { kind: 'unknown' };
  let unknown = false;
  for (const property of object.properties) {
    if (property.type === AST_NODE_TYPES.SpreadElement) {
      unknown = true;
      continue;
    }
    const key = propertyKey(property);
    if (key === undefined) unknown = true;
    else if (isIdempotencyHeader(key, names)) return { kind: 'key', value: property.value };
  }
  return unknown ? { kind: 'unknown' } : { kind: 'none' };
}

/** Headers set on a superagent chain: `.set('Idempotency-Key', key)` or `.set({ … })`. */
function chainKey(context: Context, call: CallNode, names: readonly string[]): KeyEvidence {
  let current: TSESTree.Node = call;
  while (current.parent?.type === AST_NODE_TYPES.MemberExpression && current.parent.object === current && current.parent.parent?.type === AST_NODE_TYPES.CallExpression) {
    const next: TSESTree.CallExpression = current.parent.parent;
    if (memberName(current.parent) === 'set') {
      const name = stringValue(next.arguments[0]);
      if (name !== undefined && isIdempotencyHeader(name, names)) return { kind: 'key', value: next.arguments[1] ?? next };
      if (name === undefined) {
        const inObject = headerKey(context, next.arguments[0]!, names);
        if (inObject.kind !== 'none') return inObject;
      }
    }
    current = next;
  }
  return { kind: 'none' };
}

/** The object literal written at the call for headers: `{ … }` or `new Headers({ … })`, where a key can be added. */
function inlineHeaders(node: TSESTree.Node): TSESTree.ObjectExpression | undefined {
  const value = unwrap(node);
  if (value.type === AST_NODE_TYPES.ObjectExpression) return value;
  const first = value.type === AST_NODE_TYPES.NewExpression && value.arguments[0] ? unwrap(value.arguments[0]) : undefined;
  return first?.type === AST_NODE_TYPES.ObjectExpression ? first : undefined;
}

export function httpEvidence(context: Context, call: ClientCall, names: readonly string[]): { key: KeyEvidence; send?: SendKey } {
  const evidence = headerEvidence(context, call, names);
  // Square and Plaid take the key in the body (`idempotency_key`): no header is needed then.
  const inBody = evidence.key.kind === 'none' ? idempotencyKeyInBody(context, call.node) : undefined;
  return inBody ? { key: { kind: 'key', value: inBody } } : evidence;
}

function headerEvidence(context: Context, call: ClientCall, names: readonly string[]): { key: KeyEvidence; send?: SendKey } {
  if (call.options.kind === 'chain') {
    const key = chainKey(context, call.node, names);
    return { key, send: key.kind === 'none' ? { kind: 'chain', call: call.node } : undefined };
  }
  if (call.options.kind === 'unknown') return { key: { kind: 'unknown' } };
  const options = call.options.node;
  if (!options) return { key: { kind: 'none' }, send: { kind: 'argument', call: call.node, index: call.options.index } };
  const headers = readOption(context, options, ['headers']);
  if (headers.kind === 'unknown') {
    const literal = objectLiteral(context, options);
    const composed = literal !== undefined && literal.properties.every((property) => property.type !== AST_NODE_TYPES.SpreadElement || composedHere(context, property.argument));
    return { key: composed ? keyless(context, names) : { kind: 'unknown' } };
  }
  if (headers.kind === 'absent') {
    const literal = unwrap(options).type === AST_NODE_TYPES.ObjectExpression ? (unwrap(options) as TSESTree.ObjectExpression) : undefined;
    return { key: { kind: 'none' }, send: literal ? { kind: 'headers', object: literal } : undefined };
  }
  let key = headerKey(context, headers.value, names);
  if (key.kind === 'unknown' && (composedHere(context, headers.value) || composedByCallers(context, headers.value))) key = keyless(context, names);
  const literal = inlineHeaders(headers.value);
  return { key, send: key.kind === 'none' && literal ? { kind: 'header', object: literal } : undefined };
}

/**
 * `retryFetch(url, options)` retried inside, called here as `retryFetch(url, { method: 'POST', body })`:
 * the options the request sends are the ones those callers wrote, so their headers say whether a key goes
 * with it. `passers` are the calls that pass the non-idempotent method. Undefined when the options are not
 * a parameter its callers fill. The key is `none` when some passer's options are written out and name no
 * key (`keyless` holds those passers: one caller's key does not cover another's POST). Options written
 * anew by a wrapper on a passer's way in (`this.execute(url, { method: config.method, headers, body })`
 * inside `request(config)`, `through`) are the ones sent, whatever the passer wrote.
 */
export function callerKey(context: Context, call: ClientCall, passers: readonly CallNode[], names: readonly string[], through: readonly MethodPath[] = []): { key: KeyEvidence; keyless: CallNode[]; rebuilt?: true } | undefined {
  if (call.options.kind !== 'argument' || !call.options.node) return undefined;
  /** The passers whose POST goes out with the options written at `at`. */
  const sentBy = (at: CallNode): CallNode[] => (passers.includes(at) ? [at] : through.filter((path) => passers.includes(path.from) && path.through.includes(at)).map((path) => path.from));
  // `fetch(url, { ...options, signal })`: the headers can only be the ones the callers' options carry.
  const passed = callerExpressions(context, sourceOfKey(context, call.options.node, 'headers'))?.filter((each) => sentBy(each.call).length > 0);
  if (!passed || passed.length === 0) return undefined;
  const keyless: CallNode[] = [];
  let settled: KeyEvidence | undefined;
  let rebuilt = false;
  for (const each of passed) {
    const evidence: KeyEvidence = each.outside || each.path.length > 0 ? { kind: 'unknown' }
      : httpEvidence(context, { ...call, node: each.call, options: { kind: 'argument', index: call.options.index, node: each.value } }, names).key;
    if (evidence.kind === 'none') {
      keyless.push(...sentBy(each.call).filter((passer) => !keyless.includes(passer)));
      rebuilt ||= !passers.includes(each.call);
    } else if (!settled || settled.kind === 'key') settled = evidence;
  }
  // A key the passers wrote would not reach options a wrapper writes anew: the key belongs there.
  return keyless.length > 0 ? { key: { kind: 'none' }, keyless, ...(rebuilt ? { rebuilt: true as const } : {}) } : { key: settled!, keyless };
}

/**
 * Is this value built by the code at hand (an object with spreads, a merge helper's result, the instance's
 * own `this.headers`, `form.headers` of a form made here) rather than handed in whole by a caller (a
 * parameter, `req.headers`)? A caller may
 * put a key in what it hands over; headers this code composes carry one only if this file names one.
 */
function composedHere(context: Context, node: TSESTree.Node, depth = 0): boolean {
  const value = unwrap(node);
  switch (value.type) {
    case AST_NODE_TYPES.ObjectExpression:
    case AST_NODE_TYPES.CallExpression:
    case AST_NODE_TYPES.NewExpression:
      return true;
    case AST_NODE_TYPES.MemberExpression: {
      if (value.object.type === AST_NODE_TYPES.ThisExpression) return true;
      // `form.headers` of a `const form = new FormData()`: an object this code made, not one handed in.
      const variable = value.object.type === AST_NODE_TYPES.Identifier ? findVariable(context, value.object) : null;
      return variable !== null && unwrap(singleAssignmentInit(variable) ?? value).type === AST_NODE_TYPES.NewExpression;
    }
    case AST_NODE_TYPES.Identifier: {
      const variable = findVariable(context, value);
      const init = variable ? singleAssignmentInit(variable) : undefined;
      if (init !== undefined) return depth < 4 && composedHere(context, init, depth + 1);
      // `let opts = merge(a); opts = addAuth(opts)`: every value it ever holds is built here.
      const written = variable ? assignedValues(variable) : undefined;
      if (written) return depth < 4 && written.every((each) => composedHere(context, each, depth + 1));
      // `const { body, headers } = await encodeForm(params)`: read from what a helper built.
      const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
      const declarator = def?.type === 'Variable' ? def.node : undefined;
      if (declarator?.parent.kind !== 'const' || declarator.id.type !== AST_NODE_TYPES.ObjectPattern || !declarator.init) return false;
      const source = unwrap(declarator.init);
      return source.type === AST_NODE_TYPES.CallExpression || source.type === AST_NODE_TYPES.NewExpression;
    }
    default:
      return false;
  }
}

/**
 * Headers a wrapper receives from its callers in this file, each of which composes them: `doRequest(opts)`
 * called only as `this.doRequest(merged)` where `merged` is built in `request()`.
 */
function composedByCallers(context: Context, node: TSESTree.Node): boolean {
  const passed = callerExpressions(context, node);
  return passed !== undefined && passed.length > 0 && passed.every((each) => !each.outside && composedHere(context, each.value));
}

/**
 * Headers this file composes out of sight: an idempotency key has to be named somewhere to be sent, so
 * a file that never names one (no header name, no `idempot…` word in its code, no idempotency key in a
 * comment: "the interceptor adds the Idempotency-Key") sends none. A comment that calls an operation
 * idempotent ("Idempotent: safe to call twice") names no key.
 */
function keyless(context: Context, names: readonly string[]): KeyEvidence {
  const sourceCode = context.sourceCode;
  let mentions = mentionsBySource.get(sourceCode);
  if (mentions === undefined) {
    let code = sourceCode.text;
    const comments = sourceCode.getAllComments();
    for (const comment of [...comments].reverse()) code = code.slice(0, comment.range[0]) + code.slice(comment.range[1]);
    const lower = code.toLowerCase();
    const said = comments.map((comment) => comment.value.toLowerCase()).join('\n');
    mentions = lower.includes('idempot') || /idempotency[\s_-]*(?:key|token|id)/.test(said) || names.some((name) => lower.includes(name) || said.includes(name));
    mentionsBySource.set(sourceCode, mentions);
  }
  return mentions ? { kind: 'unknown' } : { kind: 'none' };
}

const mentionsBySource = new WeakMap<object, boolean>();