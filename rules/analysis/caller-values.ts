import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { isFunctionNode, walk, type FunctionNode } from './ast-walk';
import { readOption } from './options';
import { enclosingClassBody, findVariable, memberName, patternPath, singleAssignmentInit, stringValue, unwrap } from './origin';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;
type CallNode = TSESTree.CallExpression | TSESTree.NewExpression;

/** A literal a parameter receives, and the call that writes it. */
export interface CallerValue {
  value: string;
  /** The call whose argument holds the literal (at the end of a chain of wrappers, the outermost one). */
  call: CallNode;
}

/** How many wrappers are followed outwards: `post()` → `request()` → `send()`. */
const MAX_DEPTH = 3;

/**
 * The string literals a value takes when it is a parameter of its function, or a property read from one
 * (`method`, `options.method`, `{ method }`): what the function's callers in this file pass. Wrappers
 * like `request(method, url)` hide the method from the call that sends it; their callers name it.
 * Returns an empty list when the value is not a parameter or no caller in this file passes a literal.
 */
export function callerValues(context: Context, node: TSESTree.Node, path: readonly string[] = [], depth = 0): CallerValue[] {
  if (depth > MAX_DEPTH) return [];
  const parameter = parameterOf(context, node, [...path]);
  if (!parameter) return [];
  const found: CallerValue[] = [];
  for (const call of callersOf(context, parameter.fn)) {
    const argument = call.arguments[parameter.index];
    if (!argument || argument.type === AST_NODE_TYPES.SpreadElement) continue;
    let value: TSESTree.Node | undefined = argument;
    if (parameter.path.length > 0) {
      const verdict = readOption(context, argument, parameter.path);
      value = verdict.kind === 'present' ? verdict.value : undefined;
    }
    if (!value) continue;
    const literal = stringValue(value);
    if (literal !== undefined) found.push({ value: literal, call });
    else for (const outer of callerValues(context, value, [], depth + 1)) found.push(outer);
  }
  return found;
}

/** Which parameter of which function a value is read from, and the property path read from it. */
function parameterOf(context: Context, node: TSESTree.Node, path: string[], depth = 0): { fn: FunctionNode; index: number; path: string[] } | undefined {
  if (depth > 6) return undefined;
  const value = unwrap(node);
  if (value.type === AST_NODE_TYPES.MemberExpression) {
    const name = memberName(value);
    return name === undefined ? undefined : parameterOf(context, value.object, [name, ...path], depth + 1);
  }
  if (value.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = findVariable(context, value);
  const def = variable?.defs[0];
  if (!variable || !def || variable.defs.length !== 1) return undefined;
  if (def.type === 'Variable') {
    const init = singleAssignmentInit(variable);
    return init ? parameterOf(context, init, path, depth + 1) : undefined;
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
 * The calls of `fn` written in this file: by its name, or `this.name()` inside its class. Asked once per
 * wrapped request and per retry scope, so answered once per function (the tree does not change).
 */
export function callersOf(context: Context, fn: FunctionNode): CallNode[] {
  let calls = callersByFunction.get(fn);
  if (!calls) callersByFunction.set(fn, (calls = findCallers(context, fn)));
  return calls;
}

const callersByFunction = new WeakMap<FunctionNode, CallNode[]>();

function findCallers(context: Context, fn: FunctionNode): CallNode[] {
  const calls: CallNode[] = [];
  const parent = fn.parent;
  if (parent?.type === AST_NODE_TYPES.MethodDefinition) {
    const body = enclosingClassBody(fn);
    const name = !parent.computed && parent.key.type === AST_NODE_TYPES.Identifier ? parent.key.name : undefined;
    if (!body || name === undefined) return calls;
    walk(context.sourceCode, body, (node) => {
      if (node.type !== AST_NODE_TYPES.CallExpression || node.callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
      if (node.callee.object.type === AST_NODE_TYPES.ThisExpression && memberName(node.callee) === name && enclosingClassBody(node.callee) === body) calls.push(node);
      return undefined;
    });
    return calls;
  }
  const id = fn.type === AST_NODE_TYPES.FunctionDeclaration ? fn.id
    : parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === fn && parent.id.type === AST_NODE_TYPES.Identifier ? parent.id : undefined;
  const variable = id ? findVariable(context, id) : null;
  for (const reference of variable?.references ?? []) {
    const call = reference.identifier.parent;
    if ((call?.type === AST_NODE_TYPES.CallExpression || call?.type === AST_NODE_TYPES.NewExpression) && call.callee === reference.identifier) calls.push(call);
  }
  return calls;
}
