import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from './node-types';
import { isFunctionNode } from './ast-walk';
import { heldInstanceClass } from './declared-receivers';
import { classChain, classElementName, enclosingClassBody, findVariable, isModuleExport, resolveOrigin, thisMemberName, unwrap } from './origin';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/**
 * A function of this file that `call` calls: a declaration, a `const f = () => …`, `this.method()` (the
 * method declared or a class field that holds a function, `send = async (job) => { … }`), or a member of an
 * object or class of the file called through its name: `Api.fetchRetry()` where `const Api = { fetchRetry()
 * { … } }`, `Api.fetchRetry = (…) => …`, or `static fetchRetry()` of `class Api`.
 */
export function localCallee(context: Context, callee: TSESTree.Node): { fn: TSESTree.Node; name: string } | undefined {
  const target = unwrap(callee);
  if (target.type === AST_NODE_TYPES.Identifier) {
    const def = findVariable(context, target)?.defs[0];
    if (!def) return undefined;
    if (def.type === 'FunctionName' && def.node.body) return { fn: def.node, name: target.name };
    if (def.type === 'Variable' && def.node.init && isFunctionNode(unwrap(def.node.init))) return { fn: unwrap(def.node.init), name: target.name };
    const memoized = def.type === 'Variable' && def.node.init ? memoizedFunction(context, def.node.init) : undefined;
    return memoized ? { fn: memoized, name: target.name } : undefined;
  }
  if (target.type !== AST_NODE_TYPES.MemberExpression || target.computed || target.property.type !== AST_NODE_TYPES.Identifier) return undefined;
  if (target.object.type === AST_NODE_TYPES.ThisExpression) {
    const name = thisMemberName(target);
    const fn = name === undefined ? undefined : instanceMember(context, target, name);
    return fn ? { fn, name: `this.${name}` } : undefined;
  }
  // `this.limiter.addDelay(ms)`, `limiter.addDelay(ms)`: a method of an instance of a class of this file.
  const made = madeClass(context, target.object);
  if (made) {
    const fn = classMemberFunction(made, target.property.name, (element) => !element.static);
    return fn ? { fn, name: `${context.sourceCode.getText(target.object)}.${target.property.name}` } : undefined;
  }
  if (target.object.type !== AST_NODE_TYPES.Identifier) return undefined;
  // `var that = this; … function () { that.connect(cb) }`: the instance under another name, in a callback.
  const alias = thisAlias(context, target.object);
  const fn = alias ? instanceMember(context, alias, target.property.name) : namedMember(context, target.object, target.property.name);
  return fn ? { fn, name: `${target.object.name}.${target.property.name}` } : undefined;
}

/** The body of the class of this file that `receiver` is an instance of: `new Limiter()` in a `const` or an unchanged field. */
function madeClass(context: Context, receiver: TSESTree.Node): TSESTree.ClassBody | undefined {
  const made = heldInstanceClass(context, receiver);
  const def = made && findVariable(context, made)?.defs[0];
  return def?.type === 'ClassName' ? def.node.body : undefined;
}

/**
 * The function an instance of the class around `inside` holds under `name`: a method (an instance's, or a
 * static one called from another static method) or an instance field, its own or inherited from a class
 * of the file it extends (`this.sendWithRetry()` in `class Publisher extends BasePublisher`).
 */
function instanceMember(context: Context, inside: TSESTree.Node, name: string): TSESTree.Node | undefined {
  for (const body of classChain(context, enclosingClassBody(inside))) {
    const fn = classMemberFunction(body, name, (element) => element.type === AST_NODE_TYPES.MethodDefinition || !element.static);
    if (fn) return fn;
  }
  return undefined;
}

/** The declaration of `self` in `const self = this` (or a `var` never written again), if that is what it is. */
function thisAlias(context: Context, name: TSESTree.Identifier): TSESTree.Node | undefined {
  const variable = findVariable(context, name);
  const def = variable?.defs[0];
  if (def?.type !== 'Variable' || !def.node.init || unwrap(def.node.init).type !== AST_NODE_TYPES.ThisExpression) return undefined;
  return variable!.references.every((reference) => !reference.isWrite() || reference.init) ? def.node : undefined;
}

/** `useCallback((ms) => …, [])`: React hands back the function it is given (react, preact/hooks). */
function memoizedFunction(context: Context, init: TSESTree.Node): TSESTree.Node | undefined {
  const call = unwrap(init);
  if (call.type !== AST_NODE_TYPES.CallExpression || !isMemoizing(context, call)) return undefined;
  const fn = call.arguments[0] && unwrap(call.arguments[0]);
  return isFunctionNode(fn) ? fn : undefined;
}

/** Is `call` React's `useCallback(fn, deps)`, which hands back `fn` itself? */
export function isMemoizing(context: Context, call: TSESTree.CallExpression): boolean {
  return isModuleExport(resolveOrigin(context, call.callee), MEMO_MODULES, 'useCallback');
}

const MEMO_MODULES = ['react', 'preact/hooks', 'preact/compat'];

/** The function `owner.name` holds, when `owner` is a class or a `const` object of this file that defines it once. */
function namedMember(context: Context, owner: TSESTree.Identifier, name: string): TSESTree.Node | undefined {
  const variable = findVariable(context, owner);
  const def = variable?.defs[0];
  if (!variable || !def) return undefined;
  if (def.type === 'ClassName') return classMemberFunction(def.node.body, name, (element) => element.static);
  if (def.type !== 'Variable' || def.node.parent.kind !== 'const' || def.node.init?.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
  // `const Api = { fetchRetry(…) { … } }`, or `const Api = {}` then `Api.fetchRetry = (…) => …` written once.
  const values: TSESTree.Node[] = [];
  for (const property of def.node.init.properties) {
    if (property.type === AST_NODE_TYPES.Property && !property.computed && property.key.type === AST_NODE_TYPES.Identifier && property.key.name === name) values.push(unwrap(property.value));
  }
  for (const reference of variable.references) {
    const member = reference.identifier.parent;
    const assignment = member?.parent;
    if (member?.type === AST_NODE_TYPES.MemberExpression && member.object === reference.identifier && !member.computed && member.property.type === AST_NODE_TYPES.Identifier
      && member.property.name === name && assignment?.type === AST_NODE_TYPES.AssignmentExpression && assignment.left === member) values.push(unwrap(assignment.right));
  }
  const [only] = values;
  return values.length === 1 && isFunctionNode(only) ? only : undefined;
}

/**
 * The function the first element named `name` that `accept` admits holds: a method with a body, or a field
 * whose value is a function.
 */
function classMemberFunction(body: TSESTree.ClassBody, name: string, accept: (element: TSESTree.MethodDefinition | TSESTree.PropertyDefinition) => boolean): TSESTree.Node | undefined {
  const member = body.body.find((element): element is TSESTree.MethodDefinition | TSESTree.PropertyDefinition => (element.type === AST_NODE_TYPES.MethodDefinition
    || element.type === AST_NODE_TYPES.PropertyDefinition) && accept(element) && classElementName(element) === name);
  if (member?.type === AST_NODE_TYPES.MethodDefinition) return member.value.body ? member.value : undefined;
  const value = member?.value ? unwrap(member.value) : undefined;
  return isFunctionNode(value) ? value : undefined;
}
