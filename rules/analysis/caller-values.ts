import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from './node-types';
import { isFunctionNode, walk, type FunctionNode } from './ast-walk';
import { forwardedArgument, passThroughInit, restOf, soleSpread, withoutDefault } from './value-sources';
import { readOption } from './options';
import { receiverClass } from './declared-receivers';
import { isMemoizing } from './local-callees';
import { classChain, enclosingClassBody, findVariable, memberName, objectAssignParts, patternPath, singleAssignmentInit, stringValue, unwrap } from './origin';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;
type CallNode = TSESTree.CallExpression | TSESTree.NewExpression;

/** A literal a parameter receives, and the call that writes it. */
export interface CallerValue {
  value: string;
  /** The call whose argument holds the literal (at the end of a chain of wrappers, the outermost one). */
  call: CallNode;
  /** The calls of the wrappers it goes through on its way in (`send(config)` inside `withRetry(config)`). */
  through: CallNode[];
}

/** What a caller passes for a parameter: `value`, or `path` read from it when it could not be read. */
export interface CallerExpression {
  value: TSESTree.Node;
  path: readonly string[];
  call: CallNode;
  /** The calls in between, innermost first: `request(url, body)` inside `post(url, body)`, called as `post('/x', {…})`. */
  through: CallNode[];
  /** `value` is itself read from a parameter that no call in this file fills: it comes from outside. */
  outside?: true;
}

/** How many wrappers are followed outwards: `post()` → `request()` → `send()`. */
const MAX_DEPTH = 3;

/**
 * The string literals a value takes when it is a parameter of its function, or a property read from one
 * (`method`, `options.method`, `{ method }`): what the function's callers in this file pass. Wrappers
 * like `request(method, url)` hide the method from the call that sends it; their callers name it.
 * Returns an empty list when the value is not a parameter or no caller in this file passes a literal.
 */
export function callerValues(context: Context, node: TSESTree.Node, path: readonly string[] = []): CallerValue[] {
  const found: CallerValue[] = [];
  for (const passed of callerExpressions(context, node, path) ?? []) {
    const literal = passed.path.length === 0 && !passed.outside ? stringValue(passed.value) : undefined;
    if (literal !== undefined) found.push({ value: literal, call: passed.call, through: passed.through });
  }
  return found;
}

/**
 * What this file's callers pass for a value read from a parameter, followed outwards through wrappers
 * (`post()` → `request()` → `doRequest()`) until it is no longer a parameter. Undefined when `node` is not
 * read from a parameter; an empty list when no caller in this file passes one.
 */
export function callerExpressions(context: Context, node: TSESTree.Node, path: readonly string[] = []): CallerExpression[] | undefined {
  const traced = trace(context, node, [...path]);
  return traced && 'fn' in traced ? fromCallers(context, traced, 0) : undefined;
}

export interface ParameterRead { fn: FunctionNode; index: number; path: string[] }

/** The parameter `node` (or `path` read from it) is read from (`options`, `options.headers`, `{ headers }`), with the path read from it. */
export function parameterRead(context: Context, node: TSESTree.Node, path: readonly string[] = []): ParameterRead | undefined {
  const traced = trace(context, node, [...path]);
  return traced && 'fn' in traced ? traced : undefined;
}

function fromCallers(context: Context, parameter: ParameterRead, depth: number): CallerExpression[] {
  if (depth > MAX_DEPTH) return [];
  const found: CallerExpression[] = [];
  for (const call of callersOf(context, parameter.fn)) {
    const argument = call.arguments[parameter.index];
    if (!argument || argument.type === AST_NODE_TYPES.SpreadElement) continue;
    let value: TSESTree.Node = argument;
    let rest: string[] = [];
    if (parameter.path.length > 0) {
      const verdict = readOption(context, argument, parameter.path);
      if (verdict.kind === 'absent') continue;
      // `doRequest(merged)` where `merged` extends the wrapper's own parameter: read on from there.
      if (verdict.kind === 'present') value = verdict.value;
      else rest = parameter.path;
    }
    const traced = trace(context, value, rest);
    if (!traced) found.push({ value, path: rest, call, through: [] });
    else if ('node' in traced) found.push({ value: traced.node, path: [], call, through: [] });
    else {
      const outer = fromCallers(context, traced, depth + 1);
      if (outer.length > 0) found.push(...outer.map((each) => ({ ...each, through: [call, ...each.through] })));
      // A parameter no caller here fills (a public method's) ends the chain: its value comes from outside.
      else found.push({ value, path: rest, call, through: [], outside: true });
    }
  }
  return found;
}

/**
 * Where `path` read from `node` comes from: a parameter of a function (with the path read from it), or a
 * value written here (`{ method: 'POST' }` through `Object.assign` and pass-through helpers).
 */
function trace(context: Context, node: TSESTree.Node, path: string[], depth = 0): ParameterRead | { node: TSESTree.Node } | undefined {
  if (depth > 6) return undefined;
  // `config.method || 'GET'`: the literal is only a default; the caller's value decides.
  const value = path.length === 0 ? withoutDefault(node) : unwrap(node);
  if (value.type === AST_NODE_TYPES.MemberExpression) {
    const name = memberName(value);
    return name === undefined ? undefined : trace(context, value.object, [name, ...path], depth + 1);
  }
  if (path.length > 0 && value.type === AST_NODE_TYPES.ObjectExpression) {
    const verdict = readOption(context, value, path.slice(0, 1));
    if (verdict.kind === 'present') return trace(context, verdict.value, path.slice(1), depth + 1);
    // `{ ...init, headers }`: the key can come only from the one spread.
    const spread = verdict.kind === 'unknown' ? soleSpread(value, path[0]!) : undefined;
    return spread ? trace(context, spread, path, depth + 1) : undefined;
  }
  // `normalizeInit(init)` where the function returns `{ ...init, headers }`: the key is the argument's.
  const forwarded = path.length > 0 && value.type === AST_NODE_TYPES.CallExpression ? forwardedArgument(context, value, path[0]!) : undefined;
  if (forwarded) return trace(context, forwarded, path, depth + 1);
  const assigned = path.length > 0 ? objectAssignParts(context, value) : undefined;
  if (assigned) {
    // `Object.assign(options, { headers })` still carries the parameter's `method`.
    for (const source of [...assigned.sources].reverse()) {
      const verdict = readOption(context, source, path.slice(0, 1));
      if (verdict.kind === 'unknown') return undefined;
      if (verdict.kind === 'present') return trace(context, verdict.value, path.slice(1), depth + 1);
    }
    return trace(context, assigned.target, path, depth + 1);
  }
  if (value.type !== AST_NODE_TYPES.Identifier) return path.length === 0 ? { node: value } : undefined;
  const variable = findVariable(context, value);
  const def = variable?.defs[0];
  if (!variable || !def || variable.defs.length !== 1) return undefined;
  if (def.type === 'Variable') {
    // `const { method, body } = config`: the property the pattern takes from what it destructures.
    const taken = def.node.id.type === AST_NODE_TYPES.ObjectPattern && def.node.parent.kind === 'const' && def.node.init ? patternPath(def.node.id, def.name) : undefined;
    if (taken && taken.length > 0) return trace(context, def.node.init!, [...taken, ...path], depth + 1);
    const init = singleAssignmentInit(variable) ?? passThroughInit(context, variable, path[0]) ?? restOf(def.node, value, path[0]);
    return init ? trace(context, init, path, depth + 1) : undefined;
  }
  if (def.type !== 'Parameter' || !isFunctionNode(def.node)) return undefined;
  // A parameter the function reassigns no longer holds what the caller passed.
  if (variable.references.some((reference) => reference.isWrite() && reference.init !== true)) return undefined;
  const fn = def.node;
  for (const [index, param] of fn.params.entries()) {
    // `{ method }` → ['method']; `opts = {}` → [].
    const inner = patternPath(param, def.name);
    if (inner) return { fn, index, path: [...inner, ...path] };
  }
  return undefined;
}

/**
 * The calls of `fn` written in this file: by its name, `this.name()` inside its class, or `http.name()` on an
 * instance of its class made or declared here (`private http = new HttpClientAdapter()`). Asked once per
 * wrapped request and per retry scope, so answered once per function (the tree does not change).
 */
export function callersOf(context: Context, fn: FunctionNode): CallNode[] {
  let calls = callersByFunction.get(fn);
  if (!calls) callersByFunction.set(fn, (calls = findCallers(context, fn)));
  return calls;
}

const callersByFunction = new WeakMap<FunctionNode, CallNode[]>();

function namesClass(body: TSESTree.ClassBody, name: string): boolean {
  const owner = body.parent;
  return (owner.type === AST_NODE_TYPES.ClassDeclaration || owner.type === AST_NODE_TYPES.ClassExpression) && owner.id?.name === name;
}

/**
 * Does `this.name()` in a method of `from` run `name` of `base`: the same class, or a subclass of the file
 * that extends it (through classes of the file) and defines no `name` of its own on the way.
 */
function inherits(context: Context, from: TSESTree.ClassBody | undefined, base: TSESTree.ClassBody, name: string): boolean {
  for (const current of classChain(context, from)) {
    if (current === base) return true;
    if (current.body.some((element) => (element.type === AST_NODE_TYPES.MethodDefinition || element.type === AST_NODE_TYPES.PropertyDefinition) && !element.computed
      && element.key.type === AST_NODE_TYPES.Identifier && element.key.name === name)) return false;
  }
  return false;
}

function findCallers(context: Context, fn: FunctionNode): CallNode[] {
  const calls: CallNode[] = [];
  const parent = fn.parent;
  if (parent?.type === AST_NODE_TYPES.MethodDefinition) {
    const body = enclosingClassBody(fn);
    const name = !parent.computed && parent.key.type === AST_NODE_TYPES.Identifier ? parent.key.name : undefined;
    if (!body || name === undefined) return calls;
    walk(context.sourceCode, context.sourceCode.ast, (node) => {
      if (node.type !== AST_NODE_TYPES.CallExpression || node.callee.type !== AST_NODE_TYPES.MemberExpression || memberName(node.callee) !== name) return undefined;
      const receiver = node.callee.object;
      if (receiver.type === AST_NODE_TYPES.ThisExpression ? inherits(context, enclosingClassBody(node.callee), body, name) : receiverClass(context, receiver) === body) calls.push(node);
      // `ShopifyClient.rest(…)`: a static method called through its class's name.
      else if (parent.static && receiver.type === AST_NODE_TYPES.Identifier && namesClass(body, receiver.name)) calls.push(node);
      return undefined;
    });
    return calls;
  }
  // `const apiRequest = useCallback(async (…) => …, [])`: the name holds the function React hands back.
  const held = parent?.type === AST_NODE_TYPES.CallExpression && parent.arguments[0] === fn && isMemoizing(context, parent) ? parent : fn;
  const holder = held.parent;
  const id = fn.type === AST_NODE_TYPES.FunctionDeclaration ? fn.id
    : holder?.type === AST_NODE_TYPES.VariableDeclarator && holder.init === held && holder.id.type === AST_NODE_TYPES.Identifier ? holder.id : undefined;
  const variable = id ? findVariable(context, id) : null;
  for (const reference of variable?.references ?? []) {
    const call = reference.identifier.parent;
    if ((call?.type === AST_NODE_TYPES.CallExpression || call?.type === AST_NODE_TYPES.NewExpression) && call.callee === reference.identifier) calls.push(call);
  }
  return calls;
}
