import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from './node-types';
import * as ts from 'typescript';
import { anyModuleMatches } from '../knowledge/clients';
import { attemptsFromCount, NON_IDEMPOTENT_METHODS, UNPROCESSED_FAILURES, type ConfiguredRetry } from '../knowledge/retries';
import { receiverOf, type ClientCall } from './calls';
import { readOption } from './options';
import { unwrap } from './origin';
import type { ConfiguredUse } from './retry-configured';
import { originOf, placeOf, unparenthesised } from './retry-program';
import type { Attempts } from './retry-types';
import type { TypeFacts } from './types';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/**
 * With type information, the configuration of a client instance made in another file of the program:
 * `export const request = got.extend({ retry: { methods: ['POST'] } })` in request.ts, called here as
 * `request.post(…)`. The ESTree reading sees only instances made in the linted file; an application
 * usually makes its HTTP client once, in a module of its own.
 */
export interface ProgramInstance {
  /** The config objects written at the instance's creation and at its parents', the instance's first. */
  configs: ts.ObjectLiteralExpression[];
  /** "in request.ts on line 3". */
  where: string;
}

const FACTORY_METHODS = new Set(['extend', 'create']);

/**
 * The instance `receiver` names, followed through imports and re-exports to a `const` made by `extend` or
 * `create` on the client's module (or on another such instance), with each config written there as an
 * object literal. Undefined when any step is not written out that way.
 */
export function programInstance(types: TypeFacts, receiver: TSESTree.Node, modules: readonly string[]): ProgramInstance | undefined {
  const checker = types.checker;
  let node: ts.Node = types.toTs(receiver);
  const configs: ts.ObjectLiteralExpression[] = [];
  let where: string | undefined;
  for (let depth = 0; depth < 4; depth++) {
    if (!ts.isIdentifier(node)) return undefined;
    const origin = originOf(checker, node);
    if (origin?.kind === 'module' && origin.path.length === 0 && anyModuleMatches(modules, origin.module)) return where && configs.length > 0 ? { configs, where } : undefined;
    const initializer = constInitializer(checker, node);
    if (!initializer || !ts.isCallExpression(initializer) || !ts.isPropertyAccessExpression(initializer.expression) || !FACTORY_METHODS.has(initializer.expression.name.text)) return undefined;
    const [config] = initializer.arguments;
    if (config) {
      const object = unparenthesised(config);
      if (!ts.isObjectLiteralExpression(object)) return undefined;
      configs.push(object);
    }
    where ??= placeOf(initializer);
    node = unparenthesised(initializer.expression.expression);
  }
  return undefined;
}

/** The initialiser of the `const` an identifier names, through imports and re-exports. */
function constInitializer(checker: ts.TypeChecker, identifier: ts.Identifier): ts.Expression | undefined {
  let symbol = checker.getSymbolAtLocation(identifier);
  if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
  const declaration = symbol?.valueDeclaration;
  if (!declaration || !ts.isVariableDeclaration(declaration) || !declaration.initializer || !(ts.getCombinedNodeFlags(declaration) & ts.NodeFlags.Const)) return undefined;
  return unparenthesised(declaration.initializer);
}

/** What an object literal writes at `path`: the value, `absent`, or `unknown` behind a spread or a computed key. */
export function literalAt(object: ts.ObjectLiteralExpression, path: readonly string[]): ts.Expression | 'absent' | 'unknown' {
  let found: ts.Expression | 'absent' | 'unknown' = 'absent';
  for (const property of object.properties) {
    if (ts.isSpreadAssignment(property) || !property.name || ts.isComputedPropertyName(property.name)) {
      found = 'unknown';
      continue;
    }
    const name = ts.isIdentifier(property.name) || ts.isStringLiteral(property.name) ? property.name.text : undefined;
    if (name !== path[0]) continue;
    if (!ts.isPropertyAssignment(property)) return 'unknown';
    const value = unparenthesised(property.initializer);
    if (path.length === 1) found = value;
    else found = ts.isObjectLiteralExpression(value) ? literalAt(value, path.slice(1)) : 'unknown';
  }
  return found;
}

/** got/ky through an instance of another file: its `retry` settings (and its parents'), read where they are written. */
export function programMethodsOptionRetry(context: Context, types: TypeFacts, call: ClientCall, retry: ConfiguredRetry, method: string | undefined): ConfiguredUse | undefined {
  const instance = programInstance(types, receiverOf(call.node.callee), retry.modules);
  if (!instance || call.options.kind !== 'argument' || (call.options.node && unwrap(call.options.node).type !== AST_NODE_TYPES.ObjectExpression && call.options.node.type !== AST_NODE_TYPES.Identifier)) return undefined;
  const local = call.options.node;
  // The call's own options first: a `retry` written there replaces the instance's.
  if (local && readOption(context, local, ['retry']).kind !== 'absent') return undefined;
  let attempts: Attempts = retry.defaultAttempts;
  let repeatsUnsafe = false;
  // Each list as the nearest config writes it (the instance's own over its parents'); `unknown` when unreadable.
  const lists = new Map<string, ts.Expression | 'unknown'>();
  for (const config of [...instance.configs].reverse()) {
    for (const key of [retry.statusCodesKey, retry.errorCodesKey, retry.overrideKey]) {
      const written = key ? literalAt(config, key.split('.')) : 'absent';
      if (key && written !== 'absent') lists.set(key, written);
    }
    const whole = literalAt(config, ['retry']);
    if (whole === 'unknown') return undefined;
    if (whole !== 'absent' && ts.isNumericLiteral(whole)) attempts = attemptsFromCount(Number(whole.text), 'retries');
    const limit = literalAt(config, retry.countKey!.split('.'));
    const methods = literalAt(config, retry.path.split('.'));
    if (limit === 'unknown' || methods === 'unknown' || (retry.statusCodesKey && lists.get(retry.statusCodesKey) === 'unknown')) return undefined;
    if (limit !== 'absent') {
      if (!ts.isNumericLiteral(limit)) return undefined;
      attempts = attemptsFromCount(Number(limit.text), retry.countKind!);
    }
    if (methods !== 'absent') {
      if (!ts.isArrayLiteralExpression(methods) || !methods.elements.every(ts.isStringLiteralLike)) return undefined;
      repeatsUnsafe = method !== undefined && methods.elements.some((element) => (element as ts.StringLiteralLike).text.toUpperCase() === method);
    }
  }
  if (attempts.kind === 'finite' && attempts.attempts <= 1) return undefined;
  const statuses = retry.statusCodesKey ? lists.get(retry.statusCodesKey) : undefined;
  const statusList = statuses && statuses !== 'unknown' && ts.isArrayLiteralExpression(statuses) ? (statuses.elements.length === 0 ? 'empty' : 'listed') : undefined;
  const repeatsOn = (statusList === 'empty' && retry.repeatsOnNetworkOnly) || (statusList === 'listed' && retry.repeatsOnListed) || retry.repeatsOn;
  // got's `statusCodes: [429]` with `errorCodes: []` (and no `calculateDelay`) repeats only what the server refused.
  const only = (key: string | undefined, allowed: ReadonlyArray<string | number>): boolean => {
    const list = key ? lists.get(key) : undefined;
    return list !== undefined && list !== 'unknown' && ts.isArrayLiteralExpression(list)
      && list.elements.every((element) => (ts.isNumericLiteral(element) ? allowed.includes(Number(element.text)) : ts.isStringLiteralLike(element) && allowed.includes(element.text)));
  };
  const refusedOnly = retry.overrideKey !== undefined && !lists.has(retry.overrideKey) && only(retry.statusCodesKey, UNPROCESSED_FAILURES.statuses) && only(retry.errorCodesKey, UNPROCESSED_FAILURES.codes);
  return {
    name: `${call.client.name}'s built-in retries`, where: instance.where, node: call.node.callee, attempts,
    repeatsUnsafe: repeatsUnsafe && !refusedOnly && NON_IDEMPOTENT_METHODS.includes(method as never), repeatsOn,
  };
}
