import type { TSESTree } from '@typescript-eslint/utils';
import * as ts from 'typescript';
import { moduleMatches } from '../knowledge/clients';
import { functionNameOf, originOf, placeOf, type TsOrigin } from './retry-program';
import { readProgramFunction, type HelperDeclaration } from './retry-program-helpers';
import type { TypeFacts } from './types';

/**
 * With type information, a function of another file of the program that sends the request options it is
 * given: `export const apiFetch = (path, init) => fetch(BASE + path, { ...init, signal })`. A call of it
 * here sends what its argument says, so `apiFetch('/charges', { method: 'POST' })` is a POST. This reads
 * the other file's TypeScript AST (memoised per program), so it knows the common shapes only: fetch, axios
 * and node:http(s) `request`, with options that are the parameter, spread from it, or merged from it last.
 */
export interface ProgramRequestWrapper {
  /** The wrapper's parameter whose options the request sends. */
  optionsIndex: number;
  /** "apiFetch() (fetch in api.ts on line 3)". */
  description: string;
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
  const name = functionNameOf(fn);
  const parameters = fn.parameters.map((parameter) => (ts.isIdentifier(parameter.name) ? checker.getSymbolAtLocation(parameter.name) : undefined));
  let found: ProgramRequestWrapper | undefined;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (ts.isCallExpression(node)) {
      const shape = requestShape(checker, node.expression);
      // `https.request(url, options, onResponse)`: the options are the last argument that is no callback.
      const candidates = shape ? (shape.index === 'any' ? [...node.arguments].reverse().filter((argument) => !ts.isFunctionLike(argument)) : [node.arguments[shape.index]]) : [];
      for (const argument of candidates) {
        const index = argument ? parameters.findIndex((symbol) => symbol !== undefined && forwards(checker, argument, symbol, 0)) : -1;
        if (index === -1 || !shape) continue;
        found = { optionsIndex: index, description: `${name ?? 'the wrapper'}() (${shape.name} ${placeOf(node)})` };
        return;
      }
    }
    ts.forEachChild(node, visit);
  };
  if (fn.body) visit(fn.body);
  return found;
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
  return origin.kind === 'module' && origin.path.join('.') === shape.path && shape.modules.some((pattern) => moduleMatches(pattern, origin.module));
}

function unparenthesised(node: ts.Expression): ts.Expression {
  return ts.isParenthesizedExpression(node) ? unparenthesised(node.expression) : node;
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
    const declaration = symbol?.valueDeclaration;
    return declaration !== undefined && ts.isVariableDeclaration(declaration) && declaration.initializer !== undefined
      && (ts.getCombinedNodeFlags(declaration) & ts.NodeFlags.Const) !== 0 && forwards(checker, declaration.initializer, parameter, depth + 1);
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
