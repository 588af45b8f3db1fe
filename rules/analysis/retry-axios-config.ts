import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from './node-types';
import * as ts from 'typescript';
import { CONFIGURED_RETRIES, NON_IDEMPOTENT_METHODS } from '../knowledge/retries';
import type { ClientCall } from './calls';
import { readOption, type OptionVerdict } from './options';
import { isModuleExport, memberName, resolveOrigin, stringValue, unwrap, type Origin } from './origin';
import { walk } from './ast-walk';
import { literalAt } from './program-instances';
import { attachmentsOf, countAttempts, type ConfiguredUse } from './retry-configured';
import { declarationOf, returnedExpression, tsCallee, unparenthesised } from './retry-program';
import type { TypeFacts } from './types';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/**
 * retry-axios: `rax.attach()` patches the default axios (`rax.attach(instance)` an instance) with a response
 * interceptor that sends a failed request again when the request's `raxConfig` allows it. Its default
 * `httpMethodsToRetry` leaves POST and PATCH out, and the method check gates network errors too
 * (clients.md 3a), so a POST repeats only when a `raxConfig` lists it.
 */
export const RETRY_AXIOS = CONFIGURED_RETRIES.find((retry) => retry.id === 'retry-axios')!;

/**
 * The retry-axios retry of an axios call in a file that attaches it to the axios the call goes through:
 * it repeats a POST or PATCH when the request's `raxConfig` (or its instance's) lists the method in
 * `httpMethodsToRetry`. A `raxConfig` built elsewhere is read with types when a function of the program
 * returns it as an object literal; one that cannot be read is not judged.
 */
export function retryAxiosFor(context: Context, call: ClientCall, method: string | undefined, types: TypeFacts | undefined): ConfiguredUse | undefined {
  if (call.client.id !== 'axios') return undefined;
  const creation = call.instance?.creation;
  // The axios the call goes through: the instance it was made from, or the default one.
  const sameAxios = (target: Origin | undefined): boolean => (creation
    ? target?.kind === 'call' && target.call === creation && target.path.length === 0
    : !call.instance && target !== undefined && isModuleExport(target, RETRY_AXIOS.attachesTo!, ''));
  // `rax.attach()` with no argument patches the default axios.
  const attached = attachmentsOf(context, RETRY_AXIOS).find(({ target }) => (target === undefined && !call.instance) || sameAxios(target));
  if (!attached) return undefined;
  const configs = [call.options.kind === 'argument' ? call.options.node : undefined, creation?.arguments[0]];
  // `axios.defaults.raxConfig = { … }` (or the instance's): what every request of that axios starts from,
  // unless its own options (read first) name a config.
  const written = defaultsWrites(context).find(({ target }) => sameAxios(target));
  const verdicts: OptionVerdict[] = configs.map((options) => readOption(context, options, [RETRY_AXIOS.configKey!]));
  if (written) verdicts.push({ kind: 'present', value: written.value });
  for (const config of verdicts) {
    if (config.kind === 'absent') continue;
    if (config.kind === 'unknown') return undefined;
    const methods = listed(context, config.value, RETRY_AXIOS.methodsKey!, types);
    if (methods === 'unknown') return undefined;
    const repeatsUnsafe = method !== undefined && NON_IDEMPOTENT_METHODS.includes(method as never) && methods !== 'absent' && methods.includes(method);
    return { name: RETRY_AXIOS.name, node: attached.call.callee, attempts: countAttempts(context, RETRY_AXIOS, config.value), repeatsUnsafe, repeatsOn: RETRY_AXIOS.repeatsOn };
  }
  // No `raxConfig`: the defaults retry idempotent methods only.
  return { name: RETRY_AXIOS.name, node: attached.call.callee, attempts: RETRY_AXIOS.defaultAttempts, repeatsUnsafe: false, repeatsOn: RETRY_AXIOS.repeatsOn };
}

const writesByFile = new WeakMap<TSESTree.Program, Array<{ target: Origin | undefined; value: TSESTree.Expression }>>();

/** The file's `X.defaults.raxConfig = value` writes, each with the axios `X` is. Read once per file. */
function defaultsWrites(context: Context): Array<{ target: Origin | undefined; value: TSESTree.Expression }> {
  const program = context.sourceCode.ast;
  const known = writesByFile.get(program);
  if (known) return known;
  const writes: Array<{ target: Origin | undefined; value: TSESTree.Expression }> = [];
  if (context.sourceCode.text.includes(`.defaults.${RETRY_AXIOS.configKey}`)) {
    walk(context.sourceCode, program, (node) => {
      if (node.type !== AST_NODE_TYPES.AssignmentExpression || node.operator !== '=' || node.left.type !== AST_NODE_TYPES.MemberExpression) return undefined;
      const defaults = node.left.object;
      if (memberName(node.left) !== RETRY_AXIOS.configKey || defaults.type !== AST_NODE_TYPES.MemberExpression || memberName(defaults) !== 'defaults') return undefined;
      writes.push({ target: resolveOrigin(context, defaults.object), value: node.right });
      return undefined;
    });
  }
  writesByFile.set(program, writes);
  return writes;
}

/** The upper-cased strings of a list option, `absent`, or `unknown` when the list is not written out. */
function listed(context: Context, config: TSESTree.Node, key: string, types: TypeFacts | undefined): string[] | 'absent' | 'unknown' {
  const value = unwrap(config);
  // A function of another file builds it: what that function writes (its declared type says only `string[]`).
  const built = types && value.type === AST_NODE_TYPES.CallExpression ? programListed(types, value, key) : 'unknown';
  if (built !== 'unknown') return built;
  const verdict = readOption(context, config, [key]);
  if (verdict.kind === 'absent') return 'absent';
  if (verdict.kind === 'present') {
    const list = unwrap(verdict.value);
    if (list.type !== AST_NODE_TYPES.ArrayExpression) return 'unknown';
    const values = list.elements.map((element) => (element && element.type !== AST_NODE_TYPES.SpreadElement ? stringValue(element)?.toUpperCase() : undefined));
    return values.every((each) => each !== undefined) ? (values as string[]) : 'unknown';
  }
  return 'unknown';
}

/**
 * `raxConfig: getRetryConfig(rax, options)` where `getRetryConfig` (another file, CommonJS or ES) returns an
 * object literal: the list that object writes under `key`.
 */
function programListed(types: TypeFacts, call: TSESTree.CallExpression, key: string): string[] | 'absent' | 'unknown' {
  const declaration = declarationOf(types.checker, tsCallee(types, call.callee));
  const fn = declaration && functionOf(declaration);
  const value = fn && returnedExpression(fn);
  const returned = value && unparenthesised(value);
  if (!returned || !ts.isObjectLiteralExpression(returned)) return 'unknown';
  const list = literalAt(returned, [key]);
  if (list === 'absent' || list === 'unknown') return list;
  if (!ts.isArrayLiteralExpression(list) || !list.elements.every((element) => ts.isStringLiteralLike(element))) return 'unknown';
  return list.elements.map((element) => (element as ts.StringLiteralLike).text.toUpperCase());
}

function functionOf(declaration: ts.Node): ts.ArrowFunction | ts.FunctionExpression | ts.FunctionDeclaration | undefined {
  if (ts.isArrowFunction(declaration) || ts.isFunctionExpression(declaration) || ts.isFunctionDeclaration(declaration)) return declaration;
  if (ts.isVariableDeclaration(declaration) && declaration.initializer) return functionOf(unparenthesised(declaration.initializer));
  // `module.exports = (rax, options) => ({ … })`.
  if (ts.isBinaryExpression(declaration) && declaration.operatorToken.kind === ts.SyntaxKind.EqualsToken) return functionOf(unparenthesised(declaration.right));
  if (ts.isExportAssignment(declaration)) return functionOf(unparenthesised(declaration.expression));
  return undefined;
}
