import { ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from './node-types';
import { anyModuleMatches, CLIENTS, normaliseModule } from '../knowledge/clients';
import { calleeName, isFunctionNode, returnedValues, walk } from './ast-walk';
import type { TsOrigin } from './retry-program';

/**
 * Where a value comes from, as far as syntax and ESLint's scope analysis can tell without types.
 * - `module`: an import or require, with the property path read from it (a leading `default` is dropped,
 *   because an ESM default import of a CommonJS module is its `module.exports`);
 * - `global`: an identifier that resolves to no declaration in the file (the runtime's `fetch`);
 * - `call` / `new`: the result of calling something whose origin is known, then reading `path` from it;
 *   this is how `axios.create(cfg).get` and `new Pool(cfg).query` are seen.
 */
export type Origin = (
  | { kind: 'module'; module: string; path: string[] }
  | { kind: 'global'; name: string; path: string[] }
  | { kind: 'call'; callee: Origin; call: TSESTree.CallExpression | TSESTree.NewExpression; path: string[] }
) & {
  /**
   * Only the default of an injectable value: `options.fetch ?? globalThis.fetch`. What the call sends
   * (its method, its headers) is known whichever function runs; how long it waits is not.
   */
  overridable?: true;
};

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

const MAX_DEPTH = 12;

/** Names of the global object itself, whose properties are globals. */
const GLOBAL_OBJECTS = new Set(['globalThis', 'window', 'self', 'global']);

/**
 * Is this origin the export at `path` (`''` for the module itself) of one of `modules` (patterns as in the
 * tables)? Asked of the ESTree reading's origins and of the typed reader's (`TsOrigin`) alike.
 */
export function isModuleExport(origin: Origin | TsOrigin | undefined, modules: readonly string[], path: string): boolean {
  return origin?.kind === 'module' && origin.path.join('.') === path && anyModuleMatches(modules, origin.module);
}

/** Strips wrappers that do not change the value: parentheses are already gone in ESTree; `as`, `!`, `satisfies`, `?.`. */
export function unwrap(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  for (;;) {
    switch (current.type) {
      case AST_NODE_TYPES.TSAsExpression:
      case AST_NODE_TYPES.TSNonNullExpression:
      case AST_NODE_TYPES.TSSatisfiesExpression:
      case AST_NODE_TYPES.TSTypeAssertion:
      case AST_NODE_TYPES.ChainExpression:
        current = current.expression;
        break;
      case AST_NODE_TYPES.AwaitExpression:
        current = current.argument;
        break;
      default:
        return current;
    }
  }
}

/** `a && b && c` → [a, b, c] for `'&&'` (each must hold), `a || b` → [a, b] for `'||'` (each is enough). */
export function logicalTerms(test: TSESTree.Node, operator: '&&' | '||'): TSESTree.Node[] {
  const value = unwrap(test);
  return value.type === AST_NODE_TYPES.LogicalExpression && value.operator === operator ? [...logicalTerms(value.left, operator), ...logicalTerms(value.right, operator)] : [value];
}

/** Is `node` (through `as`, `!`, `await`) the identifier `name`? */
export function isIdentifierNamed(node: TSESTree.Node, name: string): boolean {
  const value = unwrap(node);
  return value.type === AST_NODE_TYPES.Identifier && value.name === name;
}

/** Where a write target starts: `self` of `self.condition.protocol = 2`, `opts` of `opts.headers[k] = v`. */
export function writeRoot(target: TSESTree.Node): TSESTree.Node {
  let root = target;
  while (root.type === AST_NODE_TYPES.MemberExpression) root = root.object;
  return root;
}

/** A member as `this` reaches it: `client`, or `#client` for a private one. */
export function thisMemberName(node: TSESTree.MemberExpression): string | undefined {
  return node.property.type === AST_NODE_TYPES.PrivateIdentifier ? `#${node.property.name}` : memberName(node);
}

/** A class field's or method's name as `this` reaches it (`#send` for a private one); undefined when computed. */
export function classElementName(element: TSESTree.PropertyDefinition | TSESTree.MethodDefinition): string | undefined {
  if (element.computed) return undefined;
  return element.key.type === AST_NODE_TYPES.PrivateIdentifier ? `#${element.key.name}` : element.key.type === AST_NODE_TYPES.Identifier ? element.key.name : undefined;
}

/** `null` or `undefined`, as written. */
export function isNullish(node: TSESTree.Node): boolean {
  const value = unwrap(node);
  return (value.type === AST_NODE_TYPES.Literal && value.value === null && !('regex' in value)) || (value.type === AST_NODE_TYPES.Identifier && value.name === 'undefined');
}

/** The static name of a member access (`a.b`, `a['b']`), or undefined when it is computed. */
export function memberName(node: TSESTree.MemberExpression): string | undefined {
  if (!node.computed) return node.property.type === AST_NODE_TYPES.Identifier ? node.property.name : undefined;
  if (node.property.type === AST_NODE_TYPES.Literal && typeof node.property.value === 'string') return node.property.value;
  return undefined;
}

export function findVariable(context: Context, identifier: TSESTree.Identifier): TSESLint.Scope.Variable | null {
  return ASTUtils.findVariable(context.sourceCode.getScope(identifier), identifier);
}

/**
 * The initialiser of the `const` an identifier names (`const isServerError = res.status >= 500`). Unlike
 * `singleAssignmentInit`, a `let` written once does not count: its readers want what cannot change.
 */
export function constInit(context: Context, identifier: TSESTree.Identifier): TSESTree.Expression | undefined {
  const def = findVariable(context, identifier)?.defs[0];
  return def?.type === 'Variable' && def.node.parent.kind === 'const' ? def.node.init ?? undefined : undefined;
}

/** A variable whose value never changes after its declaration: `const`, or `let`/`var` written once. */
export function singleAssignmentInit(variable: TSESLint.Scope.Variable): TSESTree.Expression | undefined {
  const def = variable.defs[0];
  if (!def || variable.defs.length !== 1 || def.type !== 'Variable') return undefined;
  const declarator = def.node;
  if (declarator.id.type !== AST_NODE_TYPES.Identifier || !declarator.init) return undefined;
  if (declarator.parent.kind !== 'const') {
    const writes = variable.references.filter((reference) => reference.isWrite());
    if (writes.length !== 1) return undefined;
  }
  return declarator.init;
}

/** Every value a declared variable is given (its initialiser and each plain `=`), or undefined when one is hidden. */
export function assignedValues(variable: TSESLint.Scope.Variable): TSESTree.Node[] | undefined {
  const declarator = variable.defs.length === 1 && variable.defs[0]?.type === 'Variable' ? variable.defs[0].node : undefined;
  if (!declarator?.init || declarator.id.type !== AST_NODE_TYPES.Identifier) return undefined;
  const values: TSESTree.Node[] = [declarator.init];
  for (const reference of variable.references) {
    if (!reference.isWrite() || reference.init === true) continue;
    const assignment = reference.identifier.parent;
    if (assignment?.type !== AST_NODE_TYPES.AssignmentExpression || assignment.operator !== '=' || assignment.left !== reference.identifier) return undefined;
    values.push(assignment.right);
  }
  return values;
}

/** `Object.assign(target, ...sources)` (the global `Object`): its target and sources, later sources winning. */
export function objectAssignParts(context: Context, node: TSESTree.Node): { target: TSESTree.Node; sources: TSESTree.Node[] } | undefined {
  const call = unwrap(node);
  if (call.type !== AST_NODE_TYPES.CallExpression || call.callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const object = call.callee.object;
  if (object.type !== AST_NODE_TYPES.Identifier || object.name !== 'Object' || memberName(call.callee) !== 'assign') return undefined;
  if ((findVariable(context, object)?.defs.length ?? 0) > 0) return undefined;
  const [target, ...sources] = call.arguments;
  if (!target || target.type === AST_NODE_TYPES.SpreadElement || sources.some((source) => source.type === AST_NODE_TYPES.SpreadElement)) return undefined;
  return { target, sources };
}

/** Helpers compiled ES imports wrap `require('m')` in; each hands back the module. */
export const INTEROP_HELPERS = new Set(['__importStar', '__importDefault', '__toESM', '_interopRequireDefault', '_interopRequireWildcard']);

/** `__importStar`, `tslib.__importStar`, `(0, tslib.__importDefault)`: helpers that hand back the required module. */
function isInteropHelper(callee: TSESTree.Node): boolean {
  const name = calleeName(unwrap(callee));
  return name !== undefined && INTEROP_HELPERS.has(name);
}

function isRequireCall(context: Context, node: TSESTree.Node): node is TSESTree.CallExpression {
  if (node.type !== AST_NODE_TYPES.CallExpression || node.callee.type !== AST_NODE_TYPES.Identifier) return false;
  if (node.callee.name !== 'require') return false;
  const argument = node.arguments[0];
  if (!argument || argument.type !== AST_NODE_TYPES.Literal || typeof argument.value !== 'string') return false;
  const variable = findVariable(context, node.callee);
  return !variable || variable.defs.length === 0;
}

/** The string a literal (`'POST'`, a template without substitutions) spells, through `as` and `!`. */
export function stringValue(node: TSESTree.Node | undefined): string | undefined {
  const value = node && unwrap(node);
  if (value?.type === AST_NODE_TYPES.Literal && typeof value.value === 'string') return value.value;
  if (value?.type === AST_NODE_TYPES.TemplateLiteral && value.expressions.length === 0) return value.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}

export function withPath(origin: Origin, extra: readonly string[]): Origin {
  if (extra.length === 0) return origin;
  let path = [...origin.path, ...extra];
  if (origin.kind === 'module' && path[0] === 'default') path = path.slice(1);
  return { ...origin, path } as Origin;
}

/** The property path a destructuring pattern takes to reach `target`: `const { a: { b } } = x` → ['a', 'b']. */
export function patternPath(pattern: TSESTree.Node, target: TSESTree.Node): string[] | undefined {
  if (pattern === target) return [];
  if (pattern.type === AST_NODE_TYPES.AssignmentPattern) return patternPath(pattern.left, target);
  if (pattern.type !== AST_NODE_TYPES.ObjectPattern) return undefined;
  for (const property of pattern.properties) {
    if (property.type !== AST_NODE_TYPES.Property) continue;
    const key = property.computed ? stringValue(property.key) : property.key.type === AST_NODE_TYPES.Identifier ? property.key.name : stringValue(property.key);
    if (key === undefined) continue;
    const inner = patternPath(property.value, target);
    if (inner) return [key, ...inner];
  }
  return undefined;
}

/**
 * Resolves an expression to its origin, following imports, requires, `const` aliases, destructuring,
 * `this.field` assignments inside a class, and calls. Returns undefined when the value can't be seen
 * (a parameter, a reassigned variable, a computed property): callers treat that as "not a known client".
 */
export function resolveOrigin(context: Context, node: TSESTree.Node, depth = 0): Origin | undefined {
  if (depth > MAX_DEPTH) return undefined;
  if (depth === 0) {
    // Several rules ask about the same callee; an answer depends only on the (immutable) tree and scopes.
    if (originCache.has(node)) return originCache.get(node);
    const origin = resolveOriginUncached(context, node, 0);
    originCache.set(node, origin);
    return origin;
  }
  return resolveOriginUncached(context, node, depth);
}

const originCache = new WeakMap<TSESTree.Node, Origin | undefined>();

function resolveOriginUncached(context: Context, node: TSESTree.Node, depth: number): Origin | undefined {
  const expression = unwrap(node);
  switch (expression.type) {
    case AST_NODE_TYPES.Identifier:
      return resolveIdentifier(context, expression, depth);
    case AST_NODE_TYPES.MemberExpression: {
      if (expression.object.type === AST_NODE_TYPES.ThisExpression) {
        const own = thisMemberName(expression);
        return own === undefined ? undefined : resolveThisMember(context, expression, own, depth);
      }
      const name = memberName(expression);
      if (name === undefined) return undefined;
      const object = resolveOrigin(context, expression.object, depth + 1);
      // `globalThis.fetch` is the global `fetch`.
      if (object?.kind === 'global' && object.path.length === 0 && GLOBAL_OBJECTS.has(object.name)) return { kind: 'global', name, path: [] };
      return object && withPath(object, [name]);
    }
    case AST_NODE_TYPES.ImportExpression: {
      const module = stringValue(expression.source);
      return module === undefined ? undefined : { kind: 'module', module: normaliseModule(module), path: [] };
    }
    case AST_NODE_TYPES.CallExpression:
    case AST_NODE_TYPES.NewExpression: {
      if (expression.type === AST_NODE_TYPES.CallExpression) {
        const first = expression.arguments[0];
        if (isRequireCall(context, expression as TSESTree.Node)) return { kind: 'module', module: normaliseModule(stringValue(first) ?? ''), path: [] };
        // Compiled ES modules: `__importStar(require('m'))` (tsc, tslib), `__toESM(require('m'))` (esbuild).
        if (first && isInteropHelper(expression.callee) && isRequireCall(context, first)) return resolveOrigin(context, first, depth + 1);
      }
      // `require('fetch-retry')(fetch)` style wrappers are modelled by the rules that know them.
      const callee = resolveOrigin(context, expression.callee, depth + 1);
      if (callee) return { kind: 'call', callee, call: expression, path: [] };
      // `const client = makeClient(baseURL)`, where `function makeClient(url) { return axios.create({ baseURL: url }) }`.
      const made = expression.callee.type === AST_NODE_TYPES.Identifier ? factoryReturn(context, expression.callee) : undefined;
      const instance = made && resolveOrigin(context, made, depth + 1);
      return instance?.kind === 'call' && instance.path.length === 0 ? instance : undefined;
    }
    case AST_NODE_TYPES.SequenceExpression:
      // `(0, m.default)(…)`: compiled code calls an import without a `this`; the value is the last one.
      return resolveOrigin(context, expression.expressions[expression.expressions.length - 1]!, depth + 1);
    case AST_NODE_TYPES.LogicalExpression: {
      // `injected ?? fetch`: the caller's function when given, the known default otherwise.
      if (expression.operator === '&&' || resolveOrigin(context, expression.left, depth + 1)) return undefined;
      const fallback = resolveOrigin(context, expression.right, depth + 1);
      return fallback && { ...fallback, overridable: true };
    }
    case AST_NODE_TYPES.ConditionalExpression: {
      // `(isHttps ? https : http).request(…)`: two modules one client row serves, read the same way.
      const either = interchangeable(resolveOrigin(context, expression.consequent, depth + 1), resolveOrigin(context, expression.alternate, depth + 1));
      if (either) return either;
      // tsc's `??` for older targets: `fetchFn !== null && fetchFn !== void 0 ? fetchFn : fetch`.
      const given = nullishTested(expression.test);
      if (!given || !sameIdentifier(given, expression.consequent) || resolveOrigin(context, expression.consequent, depth + 1)) return undefined;
      const fallback = resolveOrigin(context, expression.alternate, depth + 1);
      return fallback && { ...fallback, overridable: true };
    }
    default:
      return undefined;
  }
}

/**
 * What a function of the file returns, when it has one return with a value (or is an arrow with an
 * expression body) and is not async: a factory such as `function makeClient(baseURL) { return
 * axios.create({ baseURL, timeout: 30_000 }) }` hands its callers the instance its `return` creates.
 */
function factoryReturn(context: Context, callee: TSESTree.Identifier): TSESTree.Node | undefined {
  const def = findVariable(context, callee)?.defs[0];
  const declared = def?.type === 'FunctionName' ? def.node : def?.type === 'Variable' && def.parent?.kind === 'const' ? def.node.init : undefined;
  if (!isFunctionNode(declared) || declared.async || declared.generator) return undefined;
  const returned = returnedValues(context, declared);
  return returned.length === 1 ? returned[0] : undefined;
}

/** The first of two module origins at the same path whose modules one client row lists (`http`, `https`). */
function interchangeable(first: Origin | undefined, second: Origin | undefined): Origin | undefined {
  if (first?.kind !== 'module' || second?.kind !== 'module' || first.path.join('.') !== second.path.join('.')) return undefined;
  return CLIENTS.some((client) => anyModuleMatches(client.modules, first.module) && anyModuleMatches(client.modules, second.module)) ? first : undefined;
}

/** The identifier `x` of a compiled nullish test: `x !== null && x !== void 0`, or `x != null`. */
function nullishTested(test: TSESTree.Expression): TSESTree.Identifier | undefined {
  const isNullish = (node: TSESTree.Node): boolean => (node.type === AST_NODE_TYPES.Literal && node.value === null)
    || (node.type === AST_NODE_TYPES.UnaryExpression && node.operator === 'void') || (node.type === AST_NODE_TYPES.Identifier && node.name === 'undefined');
  const notNullish = (node: TSESTree.Node): TSESTree.Identifier | undefined => node.type === AST_NODE_TYPES.BinaryExpression && (node.operator === '!==' || node.operator === '!=')
    && node.left.type === AST_NODE_TYPES.Identifier && isNullish(node.right) ? node.left : undefined;
  if (test.type === AST_NODE_TYPES.LogicalExpression && test.operator === '&&') {
    const left = notNullish(test.left);
    return left && sameIdentifier(left, notNullish(test.right)) ? left : undefined;
  }
  return notNullish(test);
}

function sameIdentifier(a: TSESTree.Identifier, b: TSESTree.Node | undefined): boolean {
  return b?.type === AST_NODE_TYPES.Identifier && b.name === a.name;
}

/**
 * Is `callee` imported from the program's own code (a relative path, or a project alias such as `@/lib`,
 * `~/lib` or `#lib`) rather than from a package? Only such a callee can be a function the type checker
 * reads in another file, so the checker is asked about no other.
 */
export function importedFromProgram(context: Context, callee: TSESTree.Node): boolean {
  const origin = resolveOrigin(context, callee);
  return origin?.kind === 'module' && /^(?:\.|\/|@\/|~\/|#)/.test(origin.module);
}

/** Is this origin, or the value it was called or read from, only an injectable default? */
export function isOverridable(origin: Origin): boolean {
  if (origin.overridable) return true;
  return origin.kind === 'call' && isOverridable(origin.callee);
}

function resolveIdentifier(context: Context, identifier: TSESTree.Identifier, depth: number): Origin | undefined {
  const variable = findVariable(context, identifier);
  if (!variable || variable.defs.length === 0) return { kind: 'global', name: identifier.name, path: [] };
  const def = variable.defs[0]!;
  if (def.type === 'ImportBinding') {
    const specifier = def.node;
    // `import x = require('m')`
    if (specifier.type === AST_NODE_TYPES.TSImportEqualsDeclaration) {
      if (specifier.moduleReference.type !== AST_NODE_TYPES.TSExternalModuleReference) return undefined;
      const module = stringValue(specifier.moduleReference.expression);
      return module === undefined ? undefined : { kind: 'module', module: normaliseModule(module), path: [] };
    }
    const declaration = specifier.parent;
    if (!declaration.source) return undefined;
    const module = normaliseModule(String(declaration.source.value));
    if (specifier.type === AST_NODE_TYPES.ImportSpecifier) {
      const imported = specifier.imported.type === AST_NODE_TYPES.Identifier ? specifier.imported.name : String(specifier.imported.value);
      return { kind: 'module', module, path: imported === 'default' ? [] : [imported] };
    }
    return { kind: 'module', module, path: [] };
  }
  if (def.type === 'ImplicitGlobalVariable') return { kind: 'global', name: identifier.name, path: [] };
  if (def.type !== 'Variable') return undefined;
  const declarator = def.node;
  if (!declarator.init) return undefined;
  if (declarator.id.type === AST_NODE_TYPES.Identifier) {
    const init = singleAssignmentInit(variable);
    return init && resolveOrigin(context, init, depth + 1);
  }
  const path = patternPath(declarator.id, def.name);
  if (!path || declarator.parent.kind !== 'const') return undefined;
  const source = resolveOrigin(context, declarator.init, depth + 1);
  return source && withPath(source, path);
}

/**
 * `this.http.get()` inside a class: the field's initializer, or the single `this.http = …` assignment in
 * the constructor, decides what `this.http` is.
 */
function resolveThisMember(context: Context, member: TSESTree.MemberExpression, name: string, depth: number): Origin | undefined {
  const classBody = enclosingClassBody(member);
  if (!classBody) return undefined;
  const values: TSESTree.Expression[] = [];
  for (const element of classBody.body) {
    if (element.type === AST_NODE_TYPES.PropertyDefinition && classElementName(element) === name && element.value) {
      values.push(element.value);
    }
    if (element.type === AST_NODE_TYPES.MethodDefinition && element.kind === 'constructor') {
      collectThisAssignments(element.value.body, name, values);
    }
  }
  if (values.length !== 1) return undefined;
  return resolveOrigin(context, values[0]!, depth + 1);
}

/** How many classes up an inherited member is looked for. */
const MAX_CLASS_DEPTH = 4;

/** `body`, then the bodies of the classes of this file it extends, nearest first (up to MAX_CLASS_DEPTH). */
export function* classChain(context: Context, body: TSESTree.ClassBody | undefined): Generator<TSESTree.ClassBody> {
  for (let depth = 0; body && depth < MAX_CLASS_DEPTH; depth++) {
    yield body;
    body = superClassBody(context, body);
  }
}

/** The body of the class of this file that the class of `body` extends (`class Publisher extends BasePublisher`). */
function superClassBody(context: Context, body: TSESTree.ClassBody): TSESTree.ClassBody | undefined {
  const owner = body.parent;
  const named = (owner.type === AST_NODE_TYPES.ClassDeclaration || owner.type === AST_NODE_TYPES.ClassExpression) && owner.superClass?.type === AST_NODE_TYPES.Identifier ? owner.superClass : undefined;
  const declared = named && findVariable(context, named)?.defs[0]?.node;
  return declared?.type === AST_NODE_TYPES.ClassDeclaration ? declared.body : undefined;
}

export function enclosingClassBody(node: TSESTree.Node): TSESTree.ClassBody | undefined {
  let current: TSESTree.Node | undefined = node.parent;
  while (current) {
    if (current.type === AST_NODE_TYPES.ClassBody) return current;
    // Arrow functions keep `this`; ordinary functions rebind it.
    if ((current.type === AST_NODE_TYPES.FunctionExpression || current.type === AST_NODE_TYPES.FunctionDeclaration) && current.parent?.type !== AST_NODE_TYPES.MethodDefinition) return undefined;
    current = current.parent;
  }
  return undefined;
}

function collectThisAssignments(body: TSESTree.BlockStatement | null | undefined, name: string, into: TSESTree.Expression[]): void {
  if (!body) return;
  for (const statement of body.body) {
    if (statement.type !== AST_NODE_TYPES.ExpressionStatement) continue;
    const expression = statement.expression;
    if (expression.type !== AST_NODE_TYPES.AssignmentExpression || expression.operator !== '=') continue;
    const left = expression.left;
    if (left.type === AST_NODE_TYPES.MemberExpression && left.object.type === AST_NODE_TYPES.ThisExpression && thisMemberName(left) === name) {
      into.push(expression.right);
    }
  }
}

/** True when the value is produced by evaluating a string (URL) rather than an options object. */
export function isUrlLike(context: Context, node: TSESTree.Node | undefined, depth = 0): boolean {
  if (!node || depth > MAX_DEPTH) return false;
  const expression = unwrap(node);
  switch (expression.type) {
    case AST_NODE_TYPES.Literal:
      return typeof expression.value === 'string';
    case AST_NODE_TYPES.TemplateLiteral:
      return true;
    case AST_NODE_TYPES.BinaryExpression:
      return expression.operator === '+';
    case AST_NODE_TYPES.NewExpression:
      return expression.callee.type === AST_NODE_TYPES.Identifier && expression.callee.name === 'URL';
    case AST_NODE_TYPES.CallExpression:
      // `url.toString()`, `String(x)`, `new URL(...).href` style producers.
      if (expression.callee.type === AST_NODE_TYPES.Identifier && expression.callee.name === 'String') return true;
      return expression.callee.type === AST_NODE_TYPES.MemberExpression && ['toString', 'concat', 'replace', 'trim'].includes(memberName(expression.callee) ?? '');
    case AST_NODE_TYPES.MemberExpression:
      return ['href', 'url', 'URL', 'baseUrl', 'baseURL', 'endpoint'].includes(memberName(expression) ?? '');
    case AST_NODE_TYPES.Identifier: {
      const variable = findVariable(context, expression);
      const init = variable ? singleAssignmentInit(variable) : undefined;
      if (init) return isUrlLike(context, init, depth + 1);
      return /(?:url|uri|href|endpoint|path)$/i.test(expression.name);
    }
    default:
      return false;
  }
}

/** Does `target` (`this.options`, `this.options.headers`) write into the field `name`? */
function writesField(target: TSESTree.Node, name: string): boolean {
  let current = target;
  while (current.type === AST_NODE_TYPES.MemberExpression) {
    if (current.object.type === AST_NODE_TYPES.ThisExpression && memberName(current) === name) return true;
    current = current.object;
  }
  return false;
}

/**
 * `this.httpOptions`, where the class declares `httpOptions = { headers: … }` (or its constructor sets
 * `this.maxRetries = 3` once, at its top level) and nothing else in it writes the field or into it (no
 * `this.httpOptions = …`, `this.httpOptions.headers = …`, `Object.assign(this.httpOptions, …)`): that
 * value, the one every call sees.
 */
export function unchangedField(context: Context, member: TSESTree.MemberExpression): TSESTree.Expression | undefined {
  const name = member.object.type === AST_NODE_TYPES.ThisExpression ? memberName(member) : undefined;
  const body = name ? enclosingClassBody(member) : undefined;
  if (!name || !body) return undefined;
  const fields = body.body.filter((element): element is TSESTree.PropertyDefinition => element.type === AST_NODE_TYPES.PropertyDefinition && !element.computed && !element.static
    && element.key.type === AST_NODE_TYPES.Identifier && element.key.name === name);
  const constructorSets: TSESTree.Expression[] = [];
  for (const element of body.body) {
    if (element.type === AST_NODE_TYPES.MethodDefinition && element.kind === 'constructor') collectThisAssignments(element.value.body, name, constructorSets);
  }
  const fieldInit = fields.length === 1 ? fields[0]!.value : undefined;
  const init = fieldInit ?? (fields.length <= 1 && constructorSets.length === 1 ? constructorSets[0] : undefined);
  if (!init) return undefined;
  const setting = init === fieldInit ? undefined : init.parent;
  let written = false;
  walk(context.sourceCode, body, (node) => {
    if (written || node === setting) return false;
    const target = node.type === AST_NODE_TYPES.AssignmentExpression ? node.left
      : node.type === AST_NODE_TYPES.UpdateExpression ? node.argument
        : node.type === AST_NODE_TYPES.UnaryExpression && node.operator === 'delete' ? node.argument
          : node.type === AST_NODE_TYPES.CallExpression && objectAssignTarget(node) ? objectAssignTarget(node) : undefined;
    if (target && writesField(target, name)) written = true;
    return undefined;
  });
  return written ? undefined : init;
}

function objectAssignTarget(call: TSESTree.CallExpression): TSESTree.Node | undefined {
  const callee = call.callee;
  const isAssign = callee.type === AST_NODE_TYPES.MemberExpression && callee.object.type === AST_NODE_TYPES.Identifier && callee.object.name === 'Object' && memberName(callee) === 'assign';
  return isAssign ? call.arguments[0] : undefined;
}
