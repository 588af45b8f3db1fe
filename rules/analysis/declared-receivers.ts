import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from './node-types';
import { anyModuleMatches, factoryPathMatches } from '../knowledge/clients';
import type { SdkSpec } from '../knowledge/retries';
import { classElementName, enclosingClassBody, findVariable, memberName, resolveOrigin, singleAssignmentInit, thisMemberName, unchangedField, unwrap, withPath, type Origin } from './origin';

/**
 * Clients that are injected or typed rather than built in the file (an Angular `HttpClient`, a NestJS
 * service's `private stripe: Stripe`, `let exchange: ccxt.Exchange`) are known by what their receiver is
 * declared as. This reads that declaration, without type information: the annotation the code wrote.
 */

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** The declaration of a member of the class around `node`: a field's annotation or value, or a constructor parameter property's annotation. */
function classMemberDeclaration(node: TSESTree.Node, name: string): TSESTree.Node | undefined {
  const body = enclosingClassBody(node);
  for (const member of body?.body ?? []) {
    if (member.type === AST_NODE_TYPES.PropertyDefinition && classElementName(member) === name) return member.typeAnnotation ?? member.value ?? undefined;
    if (member.type === AST_NODE_TYPES.MethodDefinition && member.kind === 'constructor') {
      for (const parameter of member.value.params) {
        const declared = parameter.type === AST_NODE_TYPES.TSParameterProperty ? parameter.parameter : undefined;
        if (declared?.type === AST_NODE_TYPES.Identifier && declared.name === name) return declared.typeAnnotation;
      }
    }
  }
  return undefined;
}

/**
 * What a receiver is declared with: the type annotation, or else the value, of `this.client` (a field or a
 * constructor parameter property), a typed parameter, or a local that holds one (`const client = this.client`,
 * `const { client } = this`). Undefined when nothing is written.
 */
export function receiverDeclaration(context: Context, receiver: TSESTree.Node, depth = 0): TSESTree.Node | undefined {
  const value = unwrap(receiver);
  if (value.type === AST_NODE_TYPES.MemberExpression && value.object.type === AST_NODE_TYPES.ThisExpression) {
    const name = thisMemberName(value);
    return name ? classMemberDeclaration(value, name) : undefined;
  }
  if (value.type !== AST_NODE_TYPES.Identifier || depth > 2) return undefined;
  const def = findVariable(context, value)?.defs[0];
  if (def?.type === 'Parameter' && def.name.type === AST_NODE_TYPES.Identifier) return def.name.typeAnnotation;
  if (def?.type !== 'Variable') return undefined;
  const { id, init } = def.node;
  if (id.type === AST_NODE_TYPES.Identifier) {
    if (id.typeAnnotation) return id.typeAnnotation;
    // `const client = this.client;`
    const held = init && unwrap(init);
    return held?.type === AST_NODE_TYPES.MemberExpression ? receiverDeclaration(context, held, depth + 1) : init ?? undefined;
  }
  // `const { client } = this;`
  if (id.type === AST_NODE_TYPES.ObjectPattern && init && unwrap(init).type === AST_NODE_TYPES.ThisExpression) {
    const property = id.properties.find((candidate) => candidate.type === AST_NODE_TYPES.Property && candidate.value === def.name);
    if (property?.type === AST_NODE_TYPES.Property && !property.computed && property.key.type === AST_NODE_TYPES.Identifier) return classMemberDeclaration(value, property.key.name);
  }
  return undefined;
}

/**
 * The class of this file a receiver is an instance of: `this.http` declared as `http = new HttpClientAdapter()`
 * or `http: HttpClientAdapter`, or `const client = new HttpClientAdapter()`.
 */
export function receiverClass(context: Context, receiver: TSESTree.Node): TSESTree.ClassBody | undefined {
  const name = receiverTypeName(context, receiver);
  const def = name && findVariable(context, name)?.defs[0];
  return def?.type === 'ClassName' ? def.node.body : undefined;
}

/** The name of the class a receiver is made from or annotated with: `new Map()`, `http: HttpClientAdapter`. */
export function receiverTypeName(context: Context, receiver: TSESTree.Node): TSESTree.Identifier | undefined {
  const declared = receiverDeclaration(context, receiver);
  const made = declared && unwrap(declared);
  const annotation = made?.type === AST_NODE_TYPES.TSTypeAnnotation ? made.typeAnnotation : undefined;
  const name = made?.type === AST_NODE_TYPES.NewExpression ? made.callee
    : annotation?.type === AST_NODE_TYPES.TSTypeReference ? annotation.typeName : undefined;
  return name?.type === AST_NODE_TYPES.Identifier ? name : undefined;
}

/**
 * The class a receiver holds an instance of when it is given that one value, `new X()`: a variable given no
 * other value (`const limiter = new Limiter()`), or a field set once, where it is declared or in the
 * constructor (`this.wallets = new Map()` on an untyped field).
 */
export function heldInstanceClass(context: Context, receiver: TSESTree.Node): TSESTree.Identifier | undefined {
  const value = unwrap(receiver);
  const variable = value.type === AST_NODE_TYPES.Identifier ? findVariable(context, value) : undefined;
  const held = value.type === AST_NODE_TYPES.MemberExpression ? unchangedField(context, value) : variable ? singleAssignmentInit(variable) : undefined;
  const creation = held && unwrap(held);
  return creation?.type === AST_NODE_TYPES.NewExpression && creation.callee.type === AST_NODE_TYPES.Identifier ? creation.callee : undefined;
}

/** Do `a` and `b` name the same thing: one variable, or the same `this` member of one class? */
export function sameReceiver(context: Context, a: TSESTree.Node, b: TSESTree.Node): boolean {
  const [left, right] = [unwrap(a), unwrap(b)];
  if (left.type === AST_NODE_TYPES.Identifier && right.type === AST_NODE_TYPES.Identifier) {
    const variable = findVariable(context, left);
    return variable !== null && variable !== undefined && variable === findVariable(context, right);
  }
  if (left.type !== AST_NODE_TYPES.MemberExpression || right.type !== AST_NODE_TYPES.MemberExpression) return false;
  if (left.object.type !== AST_NODE_TYPES.ThisExpression || right.object.type !== AST_NODE_TYPES.ThisExpression) return false;
  const name = thisMemberName(left);
  return name !== undefined && name === thisMemberName(right) && enclosingClassBody(left) !== undefined && enclosingClassBody(left) === enclosingClassBody(right);
}

/** The origin of the type a declaration names: `Stripe`, `ccxt.Exchange` (a namespace import's member). */
export function declaredTypeOrigin(context: Context, declared: TSESTree.Node | undefined): Origin | undefined {
  const annotation = declared?.type === AST_NODE_TYPES.TSTypeAnnotation ? declared.typeAnnotation : declared;
  if (annotation?.type !== AST_NODE_TYPES.TSTypeReference) return undefined;
  const nameOrigin = (name: TSESTree.EntityName): Origin | undefined => {
    if (name.type === AST_NODE_TYPES.Identifier) return resolveOrigin(context, name);
    if (name.type !== AST_NODE_TYPES.TSQualifiedName) return undefined;
    const left = nameOrigin(name.left);
    return left && withPath(left, [name.right.name]);
  };
  return nameOrigin(annotation.typeName);
}

/**
 * `this.stripe.charges.create(…)` where the receiver is declared, not built, in the file (`private stripe:
 * Stripe`, `let exchange: ccxt.Exchange`): the method path after it, and the origin of the declared type.
 * Read once per call, then matched against each SDK's constructors.
 */
export interface DeclaredReceiver { path: string[]; declared: Extract<Origin, { kind: 'module' }> }

export function declaredReceiver(context: Context, node: TSESTree.CallExpression | TSESTree.NewExpression): DeclaredReceiver | undefined {
  let receiver = unwrap(node.callee);
  const path: string[] = [];
  while (receiver.type === AST_NODE_TYPES.MemberExpression && receiver.object.type !== AST_NODE_TYPES.ThisExpression) {
    const name = memberName(receiver);
    if (name === undefined) return undefined;
    path.unshift(name);
    receiver = unwrap(receiver.object);
  }
  if (path.length === 0) return undefined;
  const declared = declaredTypeOrigin(context, receiverDeclaration(context, receiver));
  return declared?.kind === 'module' ? { path, declared } : undefined;
}

/** The method path of a declared receiver, when its declared type is one of `sdk`'s constructors. */
export function declaredSdkPath(receiver: DeclaredReceiver | undefined, sdk: SdkSpec): string[] | undefined {
  if (!receiver || !anyModuleMatches(sdk.modules, receiver.declared.module)) return undefined;
  const declaredPath = receiver.declared.path.join('.');
  return sdk.constructors.some((constructor) => factoryPathMatches(constructor, declaredPath)) ? receiver.path : undefined;
}
