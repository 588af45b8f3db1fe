import type { TSESTree } from '@typescript-eslint/utils';
import * as ts from 'typescript';
import { isModuleExport } from './origin';
import { functionNameOf, originOf, placeOf, unparenthesised, type TsOrigin } from './retry-program';
import { readProgramFunction, retryWithin, type HelperDeclaration, type RetryWithin } from './retry-program-helpers';
import type { TypeFacts } from './types';

/**
 * With type information, a function of another file of the program that sends the request options it is
 * given: `export const apiFetch = (path, init) => fetch(BASE + path, { ...init, signal })`. A call of it
 * here sends what its argument says, so `apiFetch('/charges', { method: 'POST' })` is a POST. This reads
 * the other file's TypeScript AST (memoised per program), so it knows the common shapes only: fetch, axios
 * and node:http(s) `request`, with options that are the parameter, spread from it, or merged from it last,
 * or a `method` that is a parameter (`callApi('POST', '/charges')`).
 *
 * A wrapper may also repeat its request itself, in a loop whose catch goes round again or inside a retry
 * library's callback: then every call of it is a retried request.
 */
export interface ProgramRequestWrapper {
  /** The wrapper's parameter whose options the request sends. */
  optionsIndex?: number;
  /**
   * The wrapper's parameter that the request sends as its method: `fetch(url, { method })` for
   * `(method, url)`, or the object whose `method` it destructures (`({ method, url }) => axios({ method, url })`).
   */
  methodIndex?: number;
  /** An axios request: what it goes through (the default axios, or an instance), for axios-retry attached to it. */
  axiosReceiver?: ts.Expression;
  /** "apiFetch". */
  name: string;
  /** "apiFetch() (fetch in api.ts on line 3)". */
  description: string;
  /** The wrapper's own retry of the request. */
  retry?: RetryWithin;
  /** The wrapper's source, lower case: whether it names an idempotency key of its own. */
  text: string;
}

/** Where each request shape takes its options: global fetch, node-fetch and undici's second argument, axios's first. */
const OPTION_ARGUMENTS: ReadonlyArray<{ modules: readonly string[] | 'global'; path: string; index: number | 'any'; name: string }> = [
  { modules: 'global', path: 'fetch', index: 1, name: 'fetch' },
  { modules: ['node-fetch', 'cross-fetch', 'undici'], path: '', index: 1, name: 'fetch' },
  { modules: ['undici'], path: 'fetch', index: 1, name: 'fetch' },
  { modules: ['axios'], path: '', index: 0, name: 'axios' },
  { modules: ['axios'], path: 'request', index: 0, name: 'axios' },
  { modules: ['http', 'https'], path: 'request', index: 'any', name: 'node:http' },
];

const wrappers = new WeakMap<ts.Program, Map<ts.Node, ProgramRequestWrapper | null>>();

export function programRequestWrapper(types: TypeFacts, callee: TSESTree.Node): ProgramRequestWrapper | undefined {
  return readProgramFunction(types, callee, wrappers, readWrapper);
}

function readWrapper(checker: ts.TypeChecker, fn: HelperDeclaration): ProgramRequestWrapper | undefined {
  const name = functionNameOf(fn) ?? 'the wrapper';
  const parameters = fn.parameters.map((parameter) => (ts.isIdentifier(parameter.name) ? checker.getSymbolAtLocation(parameter.name) : undefined));
  // `({ method, url, data })`: the `method` a parameter destructures stands for that parameter's `method`.
  const destructured = fn.parameters.map((parameter) => (ts.isObjectBindingPattern(parameter.name) ? destructuredMethod(checker, parameter.name) : undefined));
  const indexOf = (symbol: ts.Symbol | undefined): number | undefined => {
    const index = symbol ? parameters.indexOf(symbol) : -1;
    return index === -1 ? undefined : index;
  };
  const methodIndexOf = (symbol: ts.Symbol | undefined): number | undefined => {
    const index = symbol ? destructured.indexOf(symbol) : -1;
    return index === -1 ? indexOf(symbol) : index;
  };
  let found: ProgramRequestWrapper | undefined;
  // Each request that sends the same parameter: a digest-auth wrapper sends a challenge, then the request itself.
  const places: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node)) {
      const shape = requestShape(checker, node.expression);
      // `https.request(url, options, onResponse)`: the options are the last argument that is no callback.
      const candidates = shape ? (shape.index === 'any' ? [...node.arguments].reverse().filter((argument) => !ts.isFunctionLike(argument)) : [node.arguments[shape.index]]) : [];
      for (const argument of candidates) {
        if (!argument || !shape) continue;
        const optionsIndex = indexOf(parameters.find((symbol) => symbol !== undefined && forwards(checker, argument, symbol, 0)));
        const methodIndex = optionsIndex === undefined ? methodIndexOf(methodParameter(checker, argument)) : undefined;
        if (optionsIndex === undefined && methodIndex === undefined) continue;
        if (found) {
          if (found.optionsIndex === optionsIndex && found.methodIndex === methodIndex) places.push(`${shape.name} ${placeOf(node)}`);
          break;
        }
        places.push(`${shape.name} ${placeOf(node)}`);
        const request = node;
        const retry = retryWithin(checker, fn, {
          handedTo: (callback) => ts.isFunctionLike(callback) && within(request, callback),
          tried: (block) => within(request, block),
        });
        const axiosReceiver = shape.name === 'axios' ? (ts.isPropertyAccessExpression(node.expression) ? node.expression.expression : node.expression) : undefined;
        found = { optionsIndex, methodIndex, axiosReceiver, name, description: '', retry, text: fn.getText().toLowerCase() };
        break;
      }
    }
    ts.forEachChild(node, visit);
  };
  if (fn.body) visit(fn.body);
  return found && { ...found, description: `${name}() (${places.join(', ')})` };
}

/** The symbol a `{ method }` (or `{ method: verb }`) binding pattern binds the object's `method` to. */
function destructuredMethod(checker: ts.TypeChecker, pattern: ts.ObjectBindingPattern): ts.Symbol | undefined {
  for (const element of pattern.elements) {
    const key = element.propertyName ?? element.name;
    if (!element.dotDotDotToken && ts.isIdentifier(key) && key.text === 'method' && ts.isIdentifier(element.name)) return checker.getSymbolAtLocation(element.name);
  }
  return undefined;
}

function within(node: ts.Node, container: ts.Node): boolean {
  return node.getStart() >= container.getStart() && node.getEnd() <= container.getEnd();
}

/** `{ method, body }`, `{ method: method.toUpperCase() }`: the symbol the options' own `method` is read from. */
function methodParameter(checker: ts.TypeChecker, options: ts.Expression): ts.Symbol | undefined {
  const value = constValue(checker, unparenthesised(options));
  if (!ts.isObjectLiteralExpression(value)) return undefined;
  // The last `method` wins, and a spread after it may replace it.
  for (let index = value.properties.length - 1; index >= 0; index--) {
    const property = value.properties[index]!;
    if (ts.isSpreadAssignment(property)) return undefined;
    if (ts.isShorthandPropertyAssignment(property) && property.name.text === 'method') return checker.getShorthandAssignmentValueSymbol(property);
    if (!ts.isPropertyAssignment(property) || !(ts.isIdentifier(property.name) || ts.isStringLiteral(property.name)) || property.name.text !== 'method') continue;
    let method = unparenthesised(property.initializer);
    // `method.toUpperCase()` sends the same method.
    if (ts.isCallExpression(method) && method.arguments.length === 0 && ts.isPropertyAccessExpression(method.expression) && /^to(?:Upper|Lower)Case$/.test(method.expression.name.text)) {
      method = method.expression.expression;
    }
    return ts.isIdentifier(method) ? checker.getSymbolAtLocation(method) : undefined;
  }
  return undefined;
}

/** A `const`'s initialiser, for `const init = { method }; fetch(url, init)`; the node itself otherwise. */
function constValue(checker: ts.TypeChecker, node: ts.Expression): ts.Expression {
  return (ts.isIdentifier(node) && constInitializer(checker, node)) || node;
}

function constInitializer(checker: ts.TypeChecker, identifier: ts.Identifier): ts.Expression | undefined {
  const declaration = checker.getSymbolAtLocation(identifier)?.valueDeclaration;
  const isConst = declaration !== undefined && ts.isVariableDeclaration(declaration) && (ts.getCombinedNodeFlags(declaration) & ts.NodeFlags.Const) !== 0;
  return isConst && declaration.initializer ? unparenthesised(declaration.initializer) : undefined;
}

/** `fetch`, `axios.request`, `https.request`, `(secure ? https : http).request`: a request call and where its options go. */
function requestShape(checker: ts.TypeChecker, callee: ts.Expression): (typeof OPTION_ARGUMENTS)[number] | undefined {
  const origins: Array<TsOrigin | undefined> = [];
  const receiver = ts.isPropertyAccessExpression(callee) ? unparenthesised(callee.expression) : undefined;
  if (receiver && ts.isConditionalExpression(receiver)) {
    // Both modules must agree: `(isSecure ? https : http).request(options)`.
    for (const branch of [receiver.whenTrue, receiver.whenFalse]) {
      const origin = originOf(checker, branch);
      origins.push(origin && { ...origin, path: [...origin.path, (callee as ts.PropertyAccessExpression).name.text] } as TsOrigin);
    }
  } else {
    origins.push(originOf(checker, callee));
  }
  const shapes = origins.map((origin) => origin && OPTION_ARGUMENTS.find((shape) => matches(shape, origin)));
  return shapes.every((shape) => shape !== undefined && shape === shapes[0]) ? shapes[0] : undefined;
}

function matches(shape: (typeof OPTION_ARGUMENTS)[number], origin: TsOrigin): boolean {
  if (shape.modules === 'global') return origin.kind === 'global' && [origin.name, ...origin.path].join('.') === shape.path;
  return isModuleExport(origin, shape.modules, shape.path);
}

/**
 * Does `node` send what the parameter holds, with no `method` of its own after it: the parameter itself,
 * `{ ...init, signal }`, `Object.assign({}, defaults, options)`, or a `const` holding one of these.
 */
function forwards(checker: ts.TypeChecker, node: ts.Expression, parameter: ts.Symbol, depth: number): boolean {
  if (depth > 4) return false;
  const value = unparenthesised(node);
  if (ts.isIdentifier(value)) {
    const symbol = checker.getSymbolAtLocation(value);
    if (symbol === parameter) return true;
    const initializer = constInitializer(checker, value);
    return initializer !== undefined && forwards(checker, initializer, parameter, depth + 1);
  }
  if (ts.isObjectLiteralExpression(value)) return forwardsLast(checker, value.properties.map((property) => (ts.isSpreadAssignment(property) ? property.expression : property)), parameter, depth);
  if (ts.isCallExpression(value) && ts.isPropertyAccessExpression(value.expression) && ts.isIdentifier(value.expression.expression)
    && value.expression.expression.text === 'Object' && value.expression.name.text === 'assign') {
    return forwardsLast(checker, [...value.arguments], parameter, depth);
  }
  return false;
}

/** Among merged parts (spreads or `Object.assign` arguments), one forwards the parameter and none after it sets `method`. */
function forwardsLast(checker: ts.TypeChecker, parts: ReadonlyArray<ts.Node>, parameter: ts.Symbol, depth: number): boolean {
  for (let index = parts.length - 1; index >= 0; index--) {
    const part = parts[index]!;
    if (ts.isExpression(part) && forwards(checker, part, parameter, depth + 1)) return true;
    if (setsMethod(part)) return false;
  }
  return false;
}

function setsMethod(part: ts.Node): boolean {
  const named = (property: ts.ObjectLiteralElementLike): boolean => property.name !== undefined && (ts.isIdentifier(property.name) || ts.isStringLiteral(property.name)) && property.name.text === 'method';
  if (ts.isPropertyAssignment(part) || ts.isShorthandPropertyAssignment(part)) return named(part);
  if (ts.isObjectLiteralExpression(part)) return part.properties.some(named);
  // A spread or merged value we cannot read, or an accessor, may set it.
  return true;
}
