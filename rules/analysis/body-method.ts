import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from './node-types';
import * as ts from 'typescript';
import type { HttpMethod } from '../knowledge/clients';
import { NON_IDEMPOTENT_METHODS } from '../knowledge/retries';
import { isFunctionNode } from './ast-walk';
import { callerExpressions, callersOf, parameterRead, type ParameterRead } from './caller-values';
import type { ClientCall } from './calls';
import { readOption } from './options';
import { assignedValues, findVariable, singleAssignmentInit, stringValue, unwrap } from './origin';
import { argumentAt, programCallsOf } from './program-callers';
import { placeOf, unparenthesised } from './retry-program';
import type { TypeFacts } from './types';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;
type CallNode = TSESTree.CallExpression | TSESTree.NewExpression;

/**
 * A request that is a POST exactly when a body is given: `fetch(url, { method: body ? 'POST' : 'GET', body })`,
 * or `let init = {}; if (body) { init = { method: 'POST', body } } else { init = { method: 'GET' } }`.
 * Helpers that "GET, or POST when you pass data" are common; what they send is decided by their callers.
 */
/** A call here that passes the body, the calls it goes through, and the call of another file it comes from, if it does. */
export interface Giver { call: CallNode; through: CallNode[]; elsewhere?: string }

export interface BodyMethod {
  method: HttpMethod;
  /** The options sent when the body is given: the request's own, or the object the `if` assigns. */
  options: TSESTree.Node;
  /** The calls in this file that pass a body (the outermost of a chain of wrappers), with the calls in between. */
  givers: Giver[];
  /** With types, when nothing here calls the function: the call of another file that passes the body ("in buy.ts on line 5"). */
  elsewhere?: string;
}

/** The method the request sends for the callers that give it a body, when one of them does. */
export function methodWhenGiven(context: Context, call: ClientCall, types: TypeFacts | undefined): BodyMethod | undefined {
  if (call.options.kind !== 'argument' || !call.options.node) return undefined;
  const condition = conditionalMethod(context, call.options.node, call.node);
  if (!condition) return undefined;
  const read = parameterRead(context, condition.test);
  if (!read) return undefined;
  const given = givenHere(context, condition.test) ?? (types ? givenElsewhere(context, types, condition.test, read) : undefined);
  return given && { method: condition.method, options: condition.options, ...given };
}

interface Condition { test: TSESTree.Node; method: HttpMethod; options: TSESTree.Node }

function nonIdempotent(node: TSESTree.Node | undefined): HttpMethod | undefined {
  const method = stringValue(node)?.toUpperCase();
  return NON_IDEMPOTENT_METHODS.find((unsafe) => unsafe === method);
}

/** The options' `method` is a non-idempotent one when, and only when, a value is truthy. */
function conditionalMethod(context: Context, options: TSESTree.Node, request: CallNode): Condition | undefined {
  const verdict = readOption(context, options, ['method']);
  if (verdict.kind === 'present') {
    const value = unwrap(verdict.value);
    if (value.type !== AST_NODE_TYPES.ConditionalExpression) return undefined;
    const branch = branchMethod(value.test, value.consequent, value.alternate);
    return branch && { ...branch, options };
  }
  const variable = unwrap(options);
  return verdict.kind === 'unknown' && variable.type === AST_NODE_TYPES.Identifier ? guardedAssignment(context, variable, request) : undefined;
}

/** `body ? 'POST' : 'GET'`, `!body ? 'GET' : 'POST'`: the method of the branch taken when `test` holds a value. */
function branchMethod(test: TSESTree.Node, whenTrue: TSESTree.Node, whenFalse: TSESTree.Node): Omit<Condition, 'options'> | undefined {
  const presence = presenceTest(test);
  if (!presence) return undefined;
  const [given, missing] = presence.negated ? [whenFalse, whenTrue] : [whenTrue, whenFalse];
  const method = nonIdempotent(given);
  return method && !nonIdempotent(missing) ? { test: presence.value, method } : undefined;
}

/** `body`, `!!body`, `body !== undefined`, `body != null`, `!body`: what is tested for being there, and which way. */
function presenceTest(test: TSESTree.Node): { value: TSESTree.Node; negated: boolean } | undefined {
  const value = unwrap(test);
  if (value.type === AST_NODE_TYPES.Identifier || value.type === AST_NODE_TYPES.MemberExpression) return { value, negated: false };
  if (value.type === AST_NODE_TYPES.UnaryExpression && value.operator === '!') {
    const inner = presenceTest(value.argument);
    return inner && { value: inner.value, negated: !inner.negated };
  }
  if (value.type === AST_NODE_TYPES.BinaryExpression && ['!==', '!=', '===', '=='].includes(value.operator)) {
    const missing = (node: TSESTree.Node): boolean => (node.type === AST_NODE_TYPES.Identifier && node.name === 'undefined') || (node.type === AST_NODE_TYPES.Literal && node.value === null);
    const side = missing(value.right) ? value.left : missing(value.left) ? value.right : undefined;
    const inner = side && presenceTest(side);
    return inner && !inner.negated && side.type !== AST_NODE_TYPES.UnaryExpression ? { value: inner.value, negated: value.operator.startsWith('=') } : undefined;
  }
  return undefined;
}

/**
 * `let init = {}; if (body) { init = { method: 'POST', … } } else { init = { … } }` before the request: every
 * object naming a non-idempotent method is assigned in the same branch of one `if` that tests a value's
 * presence, nothing is assigned after that `if`, and the request comes after it.
 */
function guardedAssignment(context: Context, identifier: TSESTree.Identifier, request: CallNode): Condition | undefined {
  const variable = findVariable(context, identifier);
  const values = variable ? assignedValues(variable) : undefined;
  if (!values || values.length < 2 || nonIdempotent(methodOf(context, values[0]!))) return undefined;
  let found: { statement: TSESTree.IfStatement; inConsequent: boolean; method: HttpMethod; options: TSESTree.Node } | undefined;
  for (const value of values.slice(1)) {
    const method = nonIdempotent(methodOf(context, value));
    if (!method) continue;
    const guard = enclosingBranch(value);
    if (!guard || (found && (found.statement !== guard.statement || found.inConsequent !== guard.inConsequent))) return undefined;
    found = { ...guard, method, options: found?.options ?? value };
  }
  if (!found || request.range[0] < found.statement.range[1]) return undefined;
  const statement = found.statement;
  if (values.slice(1).some((value) => value.range[0] < statement.range[0] || value.range[1] > statement.range[1])) return undefined;
  const presence = presenceTest(statement.test);
  if (!presence) return undefined;
  return presence.negated === found.inConsequent ? undefined : { test: presence.value, method: found.method, options: found.options };
}

function methodOf(context: Context, value: TSESTree.Node): TSESTree.Node | undefined {
  const verdict = readOption(context, value, ['method']);
  return verdict.kind === 'present' ? verdict.value : undefined;
}

/** The nearest `if` whose branch holds `node`, within its function, and which branch. */
function enclosingBranch(node: TSESTree.Node): { statement: TSESTree.IfStatement; inConsequent: boolean } | undefined {
  let child: TSESTree.Node = node;
  for (let parent = node.parent; parent && !isFunctionNode(parent); child = parent, parent = parent.parent) {
    if (parent.type === AST_NODE_TYPES.IfStatement && child !== parent.test) return { statement: parent, inConsequent: child === parent.consequent };
  }
  return undefined;
}

/** The calls of this file that pass a body: an object, array, string or instance written there. */
function givenHere(context: Context, test: TSESTree.Node): Pick<BodyMethod, 'givers' | 'elsewhere'> | undefined {
  const givers = (callerExpressions(context, test) ?? []).filter((passed) => !passed.outside && passed.path.length === 0 && isGiven(context, passed.value))
    .map(({ call, through }) => ({ call, through }));
  return givers.length > 0 ? { givers } : undefined;
}

function isGiven(context: Context, node: TSESTree.Node, depth = 0): boolean {
  const value = unwrap(node);
  switch (value.type) {
    case AST_NODE_TYPES.ObjectExpression:
    case AST_NODE_TYPES.ArrayExpression:
    case AST_NODE_TYPES.NewExpression:
      return true;
    case AST_NODE_TYPES.TemplateLiteral:
      return value.quasis.some((quasi) => quasi.value.cooked !== '') || value.expressions.length > 0;
    case AST_NODE_TYPES.Literal:
      return typeof value.value === 'string' && value.value !== '';
    case AST_NODE_TYPES.Identifier: {
      const variable = depth < 2 ? findVariable(context, value) : null;
      const init = variable ? singleAssignmentInit(variable) : undefined;
      return init !== undefined && isGiven(context, init, depth + 1);
    }
    default:
      return false;
  }
}

/**
 * With types, a body given by a call in another file: to the function that tests it when nothing here
 * calls that function, or to the function whose parameter the calls here pass on (an exported
 * `makeInternalRequest(url, body)` that hands `body` to the request helper).
 */
function givenElsewhere(context: Context, types: TypeFacts, test: TSESTree.Node, read: ParameterRead): Pick<BodyMethod, 'givers' | 'elsewhere'> | undefined {
  const outer = callersOf(context, read.fn).length === 0 ? [{ read, giver: undefined }]
    : (callerExpressions(context, test) ?? []).filter((passed) => passed.outside && passed.path.length === 0)
      .map((passed) => ({ read: parameterRead(context, passed.value), giver: { call: passed.call, through: passed.through } }));
  const givers: Giver[] = [];
  for (const { read: parameter, giver } of outer) {
    if (!parameter || parameter.path.length > 0) continue;
    const giving = programCallsOf(types, parameter.fn).find((each) => {
      const argument = argumentAt(each, parameter.index);
      return argument !== 'spread' && tsGiven(types.checker, argument);
    });
    if (!giving) continue;
    if (!giver) return { givers: [], elsewhere: placeOf(giving) };
    givers.push({ ...giver, elsewhere: placeOf(giving) });
  }
  return givers.length > 0 ? { givers } : undefined;
}

function tsGiven(checker: ts.TypeChecker, node: ts.Expression | undefined, depth = 0): boolean {
  if (!node) return false;
  const value = unparenthesised(node);
  if (ts.isObjectLiteralExpression(value) || ts.isArrayLiteralExpression(value) || ts.isNewExpression(value)) return true;
  if (ts.isStringLiteral(value) || ts.isNoSubstitutionTemplateLiteral(value)) return value.text !== '';
  if (ts.isTemplateExpression(value)) return true;
  if (!ts.isIdentifier(value) || depth > 1) return false;
  const declaration = checker.getSymbolAtLocation(value)?.valueDeclaration;
  if (!declaration || !ts.isVariableDeclaration(declaration) || !declaration.initializer || reassigned(checker, declaration)) return false;
  return tsGiven(checker, declaration.initializer, depth + 1);
}

/** A `let` given another value after its declaration, in the function (or file) that declares it. */
function reassigned(checker: ts.TypeChecker, declaration: ts.VariableDeclaration): boolean {
  if (ts.getCombinedNodeFlags(declaration) & ts.NodeFlags.Const) return false;
  const symbol = ts.isIdentifier(declaration.name) ? checker.getSymbolAtLocation(declaration.name) : undefined;
  let container: ts.Node = declaration;
  while (container.parent && !ts.isFunctionLike(container) && !ts.isSourceFile(container)) container = container.parent;
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (ts.isBinaryExpression(node) && node.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && node.operatorToken.kind <= ts.SyntaxKind.LastAssignment
      && ts.isIdentifier(node.left) && checker.getSymbolAtLocation(node.left) === symbol) found = true;
    ts.forEachChild(node, visit);
  };
  visit(container);
  return found || symbol === undefined;
}
