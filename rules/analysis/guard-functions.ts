import { ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from './node-types';
import type { GuardEntry } from '../knowledge/guards';
import { isFunctionNode, type FunctionNode } from './ast-walk';
import { enclosingClassBody, findVariable, memberName, singleAssignmentInit, unwrap } from './origin';
import type { CallNode } from './policies';

/**
 * The functions a guard runs, and the names a suggestion can use for a guard, for rules/analysis/guards.ts:
 * inline functions, functions declared in the file, `this.method`, `.bind(…)`, and where a created guard
 * is stored.
 */

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** How a suggestion routes a bypassing call through a guard. */
export interface Route {
  template: string;
  /** Source text that names the guard (or the wrapped function) and where that text means the same thing. */
  guardText: string;
  variable?: TSESLint.Scope.Variable;
  classBody?: TSESTree.ClassBody;
  /** For an action guard (`new CircuitBreaker(action)`): only calls of this function can be routed. */
  action?: FunctionNode;
  /** …or, when the action is a client method, calls written the same way (`payments.get`). */
  actionText?: string;
}

/** The function or Program whose execution a node is part of. */
export function contextOf(node: TSESTree.Node): FunctionNode | TSESTree.Program {
  let current = node.parent;
  while (current) {
    if (isFunctionNode(current) || current.type === AST_NODE_TYPES.Program) return current;
    current = current.parent;
  }
  throw new Error('node outside a Program');
}

/** The name a created value is stored under: `const x = …`, `x = …` in a class field, `this.x = …`. */
export function holderOf(context: Context, node: TSESTree.Node): Omit<Route, 'template' | 'action'> | undefined {
  const parent = node.parent;
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === node && parent.id.type === AST_NODE_TYPES.Identifier) {
    const variable = findVariable(context, parent.id);
    return variable && singleAssignmentInit(variable) ? { guardText: parent.id.name, variable } : undefined;
  }
  const classBody = enclosingClassBody(node);
  if (parent?.type === AST_NODE_TYPES.PropertyDefinition && parent.value === node && !parent.computed && parent.key.type === AST_NODE_TYPES.Identifier && classBody) {
    return { guardText: `this.${parent.key.name}`, classBody };
  }
  if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.right === node && parent.left.type === AST_NODE_TYPES.MemberExpression && parent.left.object.type === AST_NODE_TYPES.ThisExpression && classBody) {
    const name = memberName(parent.left);
    return name ? { guardText: `this.${name}`, classBody } : undefined;
  }
  return undefined;
}

/** The text naming a guard at its use, when it can be written elsewhere in the file with the same meaning. */
export function guardReference(context: Context, expression: TSESTree.Node): Omit<Route, 'template' | 'action'> | undefined {
  const node = unwrap(expression);
  if (node.type === AST_NODE_TYPES.Identifier) {
    const variable = findVariable(context, node);
    return variable ? { guardText: node.name, variable } : undefined;
  }
  if (node.type === AST_NODE_TYPES.MemberExpression && node.object.type === AST_NODE_TYPES.ThisExpression && !node.computed) {
    const classBody = enclosingClassBody(node);
    const name = memberName(node);
    return classBody && name ? { guardText: `this.${name}`, classBody } : undefined;
  }
  return undefined;
}

/** Can `route.guardText` be written at `at` and still name the guard? */
export function routeReachable(context: Context, route: Route, at: TSESTree.Node): boolean {
  if (route.variable) return ASTUtils.findVariable(context.sourceCode.getScope(at), route.guardText) === route.variable;
  return route.classBody !== undefined && enclosingClassBody(at) === route.classBody;
}

/**
 * The function a guard runs: an inline function, a function declared in this file (`capturePayment`),
 * `this.method`, or either with `.bind(…)`.
 */
export function functionTarget(context: Context, expression: TSESTree.Node | undefined, depth = 0): FunctionNode | undefined {
  if (!expression || depth > 4) return undefined;
  const node = unwrap(expression);
  if (isFunctionNode(node)) return node;
  if (node.type === AST_NODE_TYPES.CallExpression && node.callee.type === AST_NODE_TYPES.MemberExpression && memberName(node.callee) === 'bind') {
    return functionTarget(context, node.callee.object, depth + 1);
  }
  if (node.type === AST_NODE_TYPES.Identifier) {
    const variable = findVariable(context, node);
    const def = variable?.defs[0];
    if (def?.type === 'FunctionName') return def.node as TSESTree.FunctionDeclaration;
    const init = variable ? singleAssignmentInit(variable) : undefined;
    return init && isFunctionNode(unwrap(init)) ? (unwrap(init) as FunctionNode) : undefined;
  }
  if (node.type === AST_NODE_TYPES.MemberExpression && node.object.type === AST_NODE_TYPES.ThisExpression) {
    const name = memberName(node);
    const classBody = enclosingClassBody(node);
    for (const element of classBody?.body ?? []) {
      if (element.type !== AST_NODE_TYPES.MethodDefinition && element.type !== AST_NODE_TYPES.PropertyDefinition) continue;
      if (element.computed || element.key.type !== AST_NODE_TYPES.Identifier || element.key.name !== name) continue;
      const value = element.value && unwrap(element.value);
      return isFunctionNode(value) ? value : undefined;
    }
  }
  return undefined;
}

/** `client.get` or `client.get.bind(client)`: a method handed over as a value. */
export function methodReference(expression: TSESTree.Node): TSESTree.MemberExpression | undefined {
  let node = unwrap(expression);
  if (node.type === AST_NODE_TYPES.CallExpression && node.callee.type === AST_NODE_TYPES.MemberExpression && memberName(node.callee) === 'bind') node = unwrap(node.callee.object);
  return node.type === AST_NODE_TYPES.MemberExpression && memberName(node) !== undefined ? node : undefined;
}

export function functionArguments(context: Context, call: CallNode, at: GuardEntry['functionArgument']): FunctionNode[] {
  const args = call.arguments.filter((argument): argument is TSESTree.Expression => argument.type !== AST_NODE_TYPES.SpreadElement);
  let candidates: TSESTree.Node[];
  if (at === 'first-function') {
    const first = args.find((argument) => functionTarget(context, argument));
    candidates = first ? [first] : [];
  } else if (at === undefined) {
    candidates = args;
  } else {
    const argument = args[at] && unwrap(args[at]);
    // `queue.addAll([() => a(), () => b()])`
    candidates = argument?.type === AST_NODE_TYPES.ArrayExpression ? argument.elements.filter((element): element is TSESTree.Expression => !!element && element.type !== AST_NODE_TYPES.SpreadElement) : argument ? [argument] : [];
    // `queue.addAll(ids.map((id) => () => get(id)))`: the functions built inside the argument run in the guard.
    if (argument && candidates.length === 1 && !functionTarget(context, argument) && argument.type === AST_NODE_TYPES.CallExpression) {
      return outermostFunctions(context, argument);
    }
  }
  return candidates.map((candidate) => functionTarget(context, candidate)).filter((fn): fn is FunctionNode => fn !== undefined);
}

function outermostFunctions(context: Context, root: TSESTree.Node): FunctionNode[] {
  const found: FunctionNode[] = [];
  const keys = context.sourceCode.visitorKeys;
  const stack: TSESTree.Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (isFunctionNode(node)) {
      found.push(node);
      continue;
    }
    for (const key of keys[node.type] ?? []) {
      const value = (node as unknown as Record<string, unknown>)[key];
      for (const child of Array.isArray(value) ? value : [value]) {
        if (child && typeof child === 'object' && 'type' in child) stack.push(child as TSESTree.Node);
      }
    }
  }
  return found;
}
