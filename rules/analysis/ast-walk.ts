import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from './node-types';

type SourceCode = Readonly<TSESLint.SourceCode>;

export type FunctionNode = TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression | TSESTree.FunctionDeclaration;

export function isFunctionNode(node: TSESTree.Node | undefined | null): node is FunctionNode {
  return node?.type === AST_NODE_TYPES.ArrowFunctionExpression || node?.type === AST_NODE_TYPES.FunctionExpression || node?.type === AST_NODE_TYPES.FunctionDeclaration;
}

export function isLoop(node: TSESTree.Node): node is TSESTree.ForStatement | TSESTree.WhileStatement | TSESTree.DoWhileStatement | TSESTree.ForOfStatement | TSESTree.ForInStatement {
  return node.type === AST_NODE_TYPES.ForStatement || node.type === AST_NODE_TYPES.WhileStatement || node.type === AST_NODE_TYPES.DoWhileStatement
    || node.type === AST_NODE_TYPES.ForOfStatement || node.type === AST_NODE_TYPES.ForInStatement;
}

/**
 * Visits `root` and its descendants in source order. `visit` returns false to skip a node's children.
 * Uses the parser's visitor keys, so TypeScript-only nodes are walked too.
 */
export function walk(sourceCode: SourceCode, root: TSESTree.Node, visit: (node: TSESTree.Node) => boolean | void): void {
  const keys = sourceCode.visitorKeys;
  const stack: TSESTree.Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (visit(node) === false) continue;
    // Children go on the stack last-first, so they come off in source order; no array per node.
    const childKeys = keys[node.type] ?? [];
    for (let key = childKeys.length - 1; key >= 0; key--) {
      const value = (node as unknown as Record<string, unknown>)[childKeys[key]!];
      if (Array.isArray(value)) {
        for (let index = value.length - 1; index >= 0; index--) if (isNode(value[index])) stack.push(value[index] as TSESTree.Node);
      } else if (isNode(value)) {
        stack.push(value);
      }
    }
  }
}

function isNode(value: unknown): value is TSESTree.Node {
  return value !== null && typeof value === 'object' && 'type' in value;
}

/** Like `walk`, but stays in `root`'s own function: nested functions (and their bodies) are not visited. */
export function walkSameFunction(sourceCode: SourceCode, root: TSESTree.Node, visit: (node: TSESTree.Node) => boolean | void): void {
  walk(sourceCode, root, (node) => (node !== root && isFunctionNode(node) ? false : visit(node)));
}

/** Does `root` wait for anything (`await`, `yield`) in its own function, not in the functions it defines? */
export function awaitsIn(sourceCode: SourceCode, root: TSESTree.Node): boolean {
  let waits = false;
  walkSameFunction(sourceCode, root, (node) => {
    if (node.type === AST_NODE_TYPES.AwaitExpression || node.type === AST_NODE_TYPES.YieldExpression) waits = true;
    return waits ? false : undefined;
  });
  return waits;
}

/** What a function returns when it is one expression: an arrow's body, or a block's only `return`. */
export function soleReturned(fn: FunctionNode): TSESTree.Node | undefined {
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return fn.body;
  const [only] = fn.body.body;
  return fn.body.body.length === 1 && only?.type === AST_NODE_TYPES.ReturnStatement ? only.argument ?? undefined : undefined;
}

/**
 * What a function's returns hand back (undefined for a bare `return`), walked once per function: every
 * options read through a call of it (each argument of each call a rule looks at) asks again.
 */
const returnedByFunction = new WeakMap<TSESTree.Node, ReadonlyArray<TSESTree.Node | undefined>>();

export function returnedValues(context: { sourceCode: SourceCode }, fn: FunctionNode): ReadonlyArray<TSESTree.Node | undefined> {
  const known = returnedByFunction.get(fn);
  if (known) return known;
  const returned: Array<TSESTree.Node | undefined> = [];
  if (fn.body.type === AST_NODE_TYPES.BlockStatement) {
    walkSameFunction(context.sourceCode, fn.body, (node) => {
      if (node.type === AST_NODE_TYPES.ReturnStatement) returned.push(node.argument ?? undefined);
    });
  } else {
    returned.push(fn.body);
  }
  returnedByFunction.set(fn, returned);
  return returned;
}

/** The index of `fn`'s parameter named `name` (plain or with a default), or -1. */
export function parameterIndex(fn: FunctionNode, name: string): number {
  return fn.params.findIndex((param) => {
    const target = param.type === AST_NODE_TYPES.AssignmentPattern ? param.left : param;
    return target.type === AST_NODE_TYPES.Identifier && target.name === name;
  });
}

export function contains(outer: TSESTree.Node, inner: TSESTree.Node): boolean {
  return outer.range[0] <= inner.range[0] && inner.range[1] <= outer.range[1];
}

/**
 * Is `node` in the consequent of an `if`, between it and `root`, whose test `holds`? With `either`, in its
 * `else` too: the test decides whether `node` runs, whichever way.
 */
export function underIfTest(node: TSESTree.Node, root: TSESTree.Node, holds: (test: TSESTree.Expression) => boolean, branch: 'then' | 'either' = 'then'): boolean {
  for (let current: TSESTree.Node | undefined = node; current && current !== root; current = current.parent) {
    const parent: TSESTree.Node | undefined = current.parent;
    if (parent?.type === AST_NODE_TYPES.IfStatement && (parent.consequent === current || (branch === 'either' && parent.alternate === current)) && holds(parent.test)) return true;
  }
  return false;
}

/** A function's own name, or that of the variable, method, property or `exports` member it is assigned to. */
export function functionName(fn: FunctionNode): string | undefined {
  if (fn.type !== AST_NODE_TYPES.ArrowFunctionExpression && fn.id) return fn.id.name;
  const parent = fn.parent;
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier) return parent.id.name;
  if ((parent?.type === AST_NODE_TYPES.MethodDefinition || parent?.type === AST_NODE_TYPES.Property) && parent.key.type === AST_NODE_TYPES.Identifier) return parent.key.name;
  if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.left.type === AST_NODE_TYPES.MemberExpression && parent.left.property.type === AST_NODE_TYPES.Identifier) return parent.left.property.name;
  return undefined;
}

export function enclosingFunction(node: TSESTree.Node): FunctionNode | undefined {
  for (let current = node.parent; current; current = current.parent) if (isFunctionNode(current)) return current;
  return undefined;
}

/** The statement (in a statement list) that holds `node`, inside the same function; undefined for a concise arrow body. */
export function enclosingStatement(node: TSESTree.Node): TSESTree.Statement | undefined {
  let current: TSESTree.Node = node;
  for (let parent = node.parent; parent; current = parent, parent = parent.parent) {
    if (isFunctionNode(parent) && current === parent.body) return undefined;
    if (parent.type === AST_NODE_TYPES.BlockStatement || parent.type === AST_NODE_TYPES.Program || parent.type === AST_NODE_TYPES.SwitchCase || parent.type === AST_NODE_TYPES.StaticBlock) {
      return current as TSESTree.Statement;
    }
    if (isFunctionNode(parent)) return undefined;
  }
  return undefined;
}

/** The name a callee is called by: `sleep` for `sleep()`, `wait` for `utils.wait()`. */
export function calleeName(callee: TSESTree.Node): string | undefined {
  // `(0, utils_1.sleep)(ms)`: how compiled TypeScript calls an imported function.
  if (callee.type === AST_NODE_TYPES.SequenceExpression) return calleeName(callee.expressions[callee.expressions.length - 1]!);
  if (callee.type === AST_NODE_TYPES.Identifier) return callee.name;
  // `this.#request(…)`: a private method is named without its `#`.
  if (callee.type === AST_NODE_TYPES.MemberExpression && !callee.computed && (callee.property.type === AST_NODE_TYPES.Identifier || callee.property.type === AST_NODE_TYPES.PrivateIdentifier)) return callee.property.name;
  return undefined;
}

/** The names of the variables a node reads, for comparing a loop's test with its counter. */
export function identifiersIn(sourceCode: SourceCode, node: TSESTree.Node | null | undefined): Set<string> {
  const names = new Set<string>();
  if (!node) return names;
  walk(sourceCode, node, (child) => {
    if (child.type === AST_NODE_TYPES.Identifier) names.add(child.name);
    if (child.type === AST_NODE_TYPES.MemberExpression && !child.computed) {
      walk(sourceCode, child.object, (inner) => void (inner.type === AST_NODE_TYPES.Identifier && names.add(inner.name)));
      return false;
    }
    return undefined;
  });
  return names;
}

/** An identifier that names a variable: not a member's name (`a.b`) or an object key (`{ b: 1 }`). */
export function isVariableName(node: TSESTree.Identifier): boolean {
  const parent = node.parent;
  if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.property === node && !parent.computed) return false;
  return !(parent?.type === AST_NODE_TYPES.Property && parent.key === node && !parent.computed && !parent.shorthand);
}

const MIRRORED: Readonly<Record<string, string>> = { '<': '>', '<=': '>=', '>': '<', '>=': '<=' };

/** The operator with its operands swapped: `a < b` is `b > a`; equalities stay as they are. */
export function mirroredOperator(operator: string): string {
  return MIRRORED[operator] ?? operator;
}
