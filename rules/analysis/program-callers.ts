import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from './node-types';
import * as ts from 'typescript';
import { functionName, type FunctionNode } from './ast-walk';
import { callersOf, parameterRead } from './caller-values';
import type { ClientCall } from './calls';
import type { HttpMethod } from '../knowledge/clients';
import { isIdempotencyHeader, NON_IDEMPOTENT_METHODS } from '../knowledge/retries';
import { readOption } from './options';
import { literalAt } from './program-instances';
import { findVariable } from './origin';
import { sourceOfKey } from './value-sources';
import { declarationOf, isExternal, placeOf, unparenthesised } from './retry-program';
import type { TypeFacts } from './types';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

const callsByProgram = new WeakMap<ts.Program, Map<ts.Node, ts.CallExpression[]>>();

/**
 * With type information, the calls other files of the program make to a function of this file:
 * `postWithRetry('/chatbot', { question }, { timeout: 60000 })` in Chatbot.jsx for the
 * `export async function postWithRetry(url, data, options = {})` linted here. A helper's caller decides
 * what its parameters hold, and in an application every caller is in the program. Files are first
 * filtered by the function's name in their text (an import names it even when it renames it); each call is
 * then resolved through the checker. Memoised per program and function.
 */
export function programCallsOf(types: TypeFacts, fn: FunctionNode): ts.CallExpression[] {
  const name = functionName(fn);
  const target = types.toTs(fn);
  if (name === undefined || !target) return [];
  let memo = callsByProgram.get(types.program);
  if (!memo) callsByProgram.set(types.program, (memo = new Map()));
  const cached = memo.get(target);
  if (cached) return cached;
  const own = target.getSourceFile();
  // `export const post = async () => …` is declared by its variable; `exports.post = …` by the function.
  const declarations = new Set<ts.Node>([target, ...(ts.isVariableDeclaration(target.parent) ? [target.parent] : [])]);
  const calls: ts.CallExpression[] = [];
  for (const file of types.program.getSourceFiles()) {
    if (file === own || isExternal(file) || !file.text.includes(name)) continue;
    // Only calls by the name, or by a name an import or destructuring gives it, are put to the checker.
    const local = new Set([name]);
    const visit = (node: ts.Node): void => {
      if ((ts.isImportSpecifier(node) || ts.isBindingElement(node)) && node.propertyName && ts.isIdentifier(node.propertyName) && node.propertyName.text === name && ts.isIdentifier(node.name)) local.add(node.name.text);
      if (ts.isCallExpression(node)) {
        const callee = calleeOf(node.expression);
        const called = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
        const declaration = called !== undefined && local.has(called) ? declarationOf(types.checker, callee) : undefined;
        if (declaration && declarations.has(declaration)) calls.push(node);
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }
  memo.set(target, calls);
  return calls;
}

/** `(0, utils_1.post)` as compiled code calls an import: the last expression. */
function calleeOf(expression: ts.Expression): ts.Expression {
  const value = unparenthesised(expression);
  return ts.isBinaryExpression(value) && value.operatorToken.kind === ts.SyntaxKind.CommaToken ? calleeOf(value.right) : value;
}

/**
 * Request options the sending function takes as a parameter that no call in this file fills
 * (`export async function postWithRetry(url, data, options = {})`): judged by what the calls in other
 * files pass. Without a key only when there is at least one such call and each visibly sends no
 * idempotency header; the key then belongs in the options of the call named by `caller`.
 */
export function programCallerKey(context: Context, types: TypeFacts, call: ClientCall, names: readonly string[]): { caller: string } | undefined {
  if (call.options.kind !== 'argument' || !call.options.node) return undefined;
  // `fetch(url, { ...init, signal })`: the headers can only be the ones the callers' options carry.
  const read = parameterRead(context, sourceOfKey(context, call.options.node, 'headers'));
  if (!read || read.path.length > 0 || callersOf(context, read.fn).length > 0) return undefined;
  const parameter = read.fn.params[read.index];
  if (!parameter || mayBeChanged(context, parameter, call.node)) return undefined;
  const calls = programCallsOf(types, read.fn);
  if (calls.length === 0) return undefined;
  const fallback = parameter.type === AST_NODE_TYPES.AssignmentPattern ? (types.toTs(parameter.right) as ts.Expression) : undefined;
  for (const each of calls) {
    const argument = argumentAt(each, read.index);
    if (argument === 'spread' || callerHeaders(argument ?? fallback, names) !== 'none') return undefined;
  }
  return { caller: placeOf(calls[0]!) };
}

/**
 * A request whose method is read from a parameter no call in this file fills (`export async function
 * customFetcher(url, init)` that sends `init.method`, through spreads and helpers that hand it on): what
 * the calls of other files pass. The first that writes a non-idempotent method, `{ ...options, method:
 * 'POST' }`, makes it one; `caller` names that call.
 */
export function programCallerMethod(context: Context, types: TypeFacts, call: ClientCall): { method: HttpMethod; caller: string } | undefined {
  if (call.options.kind !== 'argument' || !call.options.node) return undefined;
  const verdict = readOption(context, call.options.node, ['method']);
  const read = verdict.kind === 'present' ? parameterRead(context, verdict.value) : verdict.kind === 'unknown' ? parameterRead(context, call.options.node, ['method']) : undefined;
  if (!read || callersOf(context, read.fn).length > 0) return undefined;
  for (const each of programCallsOf(types, read.fn)) {
    const argument = argumentAt(each, read.index);
    if (!argument || argument === 'spread') continue;
    const object = unparenthesised(argument);
    const value = read.path.length === 0 ? object : ts.isObjectLiteralExpression(object) ? literalAt(object, read.path) : 'unknown';
    const method = typeof value !== 'string' && ts.isStringLiteralLike(value) ? value.text.toUpperCase() : undefined;
    const unsafe = NON_IDEMPOTENT_METHODS.find((candidate) => candidate === method);
    if (unsafe) return { method: unsafe, caller: placeOf(each) };
  }
  return undefined;
}

/**
 * Does the function write into the options it was given (`options.headers = …`, `options.headers[k] = …`)
 * or hand them to another call that may? Then what the callers wrote is not what is sent.
 */
function mayBeChanged(context: Context, parameter: TSESTree.Parameter, sending: TSESTree.Node): boolean {
  const name = parameter.type === AST_NODE_TYPES.AssignmentPattern ? parameter.left : parameter;
  const variable = name.type === AST_NODE_TYPES.Identifier ? findVariable(context, name) : null;
  if (!variable) return true;
  return variable.references.some(({ identifier }) => {
    let top: TSESTree.Node = identifier;
    while (top.parent?.type === AST_NODE_TYPES.MemberExpression && top.parent.object === top) top = top.parent;
    const parent = top.parent;
    if (top !== identifier && parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.left === top) return true;
    if (top !== identifier && parent?.type === AST_NODE_TYPES.UnaryExpression && parent.operator === 'delete') return true;
    return top === identifier && (parent?.type === AST_NODE_TYPES.CallExpression || parent?.type === AST_NODE_TYPES.NewExpression) && parent !== sending && parent.arguments.includes(identifier as TSESTree.Identifier);
  });
}

/** What a caller's options say about an idempotency header. */
type CallerHeaders = 'none' | 'unknown';

/**
 * Headers in options written at a call of another file: `none` when the options are missing, or an
 * object literal with no spread whose `headers` (if any) is an object literal naming none of `names`.
 * A header that is named, or anything not written out there, is `unknown`: the caller may send a key.
 */
function callerHeaders(options: ts.Expression | undefined, names: readonly string[]): CallerHeaders {
  if (options === undefined) return 'none';
  const object = unparenthesised(options);
  if (!ts.isObjectLiteralExpression(object)) return 'unknown';
  for (const property of object.properties) {
    if (ts.isSpreadAssignment(property) || !property.name || ts.isComputedPropertyName(property.name)) return 'unknown';
    if (propertyName(property.name) !== 'headers') continue;
    if (!ts.isPropertyAssignment(property)) return 'unknown';
    const headers = unparenthesised(property.initializer);
    if (!ts.isObjectLiteralExpression(headers)) return 'unknown';
    for (const header of headers.properties) {
      if (ts.isSpreadAssignment(header) || !header.name || ts.isComputedPropertyName(header.name)) return 'unknown';
      if (isIdempotencyHeader(propertyName(header.name) ?? '', names)) return 'unknown';
    }
  }
  return 'none';
}

function propertyName(name: ts.PropertyName): string | undefined {
  return ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name) ? name.text : undefined;
}

/** The argument a call passes at `index`, undefined when it passes none or spreads its arguments. */
export function argumentAt(call: ts.CallExpression, index: number): ts.Expression | undefined | 'spread' {
  if (call.arguments.slice(0, index + 1).some((argument) => ts.isSpreadElement(argument))) return 'spread';
  return call.arguments[index];
}
