import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from './node-types';
import type { TimeoutKeyKind } from '../knowledge/clients';
import { isFunctionNode, returnedValues } from './ast-walk';
import { findVariable, memberName, objectAssignParts, singleAssignmentInit, unwrap } from './origin';
import { localCallee } from './local-callees';
import type { TypeFacts } from './types';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/**
 * What an options object says about one key:
 * - `present`: the key is there (`property` is the literal property when there is one);
 * - `absent`: the object (or missing argument) visibly lacks it; `object` is the literal written at the
 *   call, where a fix can insert the key;
 * - `unknown`: a spread, a parameter or a computed value hides it. Unknown is never reported by default.
 */
export type OptionVerdict =
  | { kind: 'present'; value: TSESTree.Node; property?: TSESTree.Property }
  | { kind: 'absent'; object?: TSESTree.ObjectExpression }
  | { kind: 'unknown' };

const MAX_DEPTH = 8;
const ABSENT: OptionVerdict = { kind: 'absent' };
const UNKNOWN: OptionVerdict = { kind: 'unknown' };

export function propertyKey(property: TSESTree.Property): string | undefined {
  if (!property.computed) {
    if (property.key.type === AST_NODE_TYPES.Identifier) return property.key.name;
    if (property.key.type === AST_NODE_TYPES.Literal) return String(property.key.value);
    return undefined;
  }
  if (property.key.type === AST_NODE_TYPES.Literal && typeof property.key.value === 'string') return property.key.value;
  if (property.key.type === AST_NODE_TYPES.TemplateLiteral && property.key.expressions.length === 0) return property.key.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}

/** Reads `path` (e.g. `['requestHandler', 'requestTimeout']`) from the options expression `node`. */
export function readOption(context: Context, node: TSESTree.Node | undefined, path: readonly string[], types?: TypeFacts, depth = 0): OptionVerdict {
  if (!node) return ABSENT;
  if (depth > MAX_DEPTH) return UNKNOWN;
  const expression = unwrap(node);
  switch (expression.type) {
    case AST_NODE_TYPES.ObjectExpression:
      return readObject(context, expression, path, types, depth);
    case AST_NODE_TYPES.Identifier: {
      if (expression.name === 'undefined') return ABSENT;
      // What the code visibly assigns beats the declared type: `const config = { timeout: 0 }` has a
      // required `timeout` in its type, and its value is still 0.
      const seen = readVariable(context, expression, path, types, depth);
      if (seen.kind !== 'unknown') return seen;
      return types?.requiredProperty(expression, path) ?? seen;
    }
    case AST_NODE_TYPES.Literal:
      // `null` options, or a string where a connection string stands in for options.
      return expression.value === null ? ABSENT : UNKNOWN;
    case AST_NODE_TYPES.ConditionalExpression: {
      const whenTrue = readOption(context, expression.consequent, path, types, depth + 1);
      const whenFalse = readOption(context, expression.alternate, path, types, depth + 1);
      if (whenTrue.kind === whenFalse.kind && whenTrue.kind !== 'present') return { kind: whenTrue.kind } as OptionVerdict;
      if (whenTrue.kind === 'present' && whenFalse.kind === 'present') return whenTrue;
      return UNKNOWN;
    }
    case AST_NODE_TYPES.NewExpression:
      // `requestHandler: new NodeHttpHandler({ requestTimeout })` carries its options in its first argument.
      return readOption(context, expression.arguments[0], path, types, depth + 1);
    case AST_NODE_TYPES.CallExpression: {
      const assigned = objectAssignParts(context, expression);
      if (!assigned) return readReturned(context, expression, path, types, depth) ?? types?.requiredProperty(expression, path) ?? UNKNOWN;
      const fromSources = readAssignedSources(context, assigned.sources, path, types, depth);
      if (fromSources) return fromSources;
      // The merged object is built here, so a fix has no literal of the call's own to insert into.
      const target = readOption(context, assigned.target, path, types, depth + 1);
      return target.kind === 'absent' ? ABSENT : target;
    }
    default:
      return types?.requiredProperty(expression, path) ?? UNKNOWN;
  }
}

/**
 * Options built by a function of this file (`this.getOrderParams(…)`, `buildConfig()`): what every object it
 * returns says. Absent only when each return visibly lacks the key; any other return makes it unknown. The
 * object is built there, so the verdict carries no literal for a fix to insert into.
 */
function readReturned(context: Context, call: TSESTree.CallExpression, path: readonly string[], types: TypeFacts | undefined, depth: number): OptionVerdict | undefined {
  const fn = localCallee(context, call.callee)?.fn;
  if (!isFunctionNode(fn) || fn.async || fn.generator) return undefined;
  const returned = returnedValues(context, fn);
  if (returned.length === 0) return undefined;
  const verdicts = returned.map((value) => readOption(context, value, path, types, depth + 1));
  if (verdicts.every((verdict) => verdict.kind === 'absent')) return ABSENT;
  return verdicts.every((verdict) => verdict.kind === 'present') ? verdicts[0]! : UNKNOWN;
}

function readObject(context: Context, object: TSESTree.ObjectExpression, path: readonly string[], types: TypeFacts | undefined, depth: number): OptionVerdict {
  let unknownSpread = false;
  let found: OptionVerdict | undefined;
  for (const element of object.properties) {
    if (element.type === AST_NODE_TYPES.SpreadElement) {
      const spread = readOption(context, element.argument, path, types, depth + 1);
      if (spread.kind === 'present') found = spread;
      else if (spread.kind === 'unknown') unknownSpread = true;
      continue;
    }
    const key = propertyKey(element);
    if (key === undefined) {
      unknownSpread = true; // a computed key may be the one we look for
      continue;
    }
    if (key !== path[0]) continue;
    if (path.length === 1) {
      found = { kind: 'present', value: element.value, property: element };
      continue;
    }
    const inner = readOption(context, element.value, path.slice(1), types, depth + 1);
    if (inner.kind === 'present') found = inner;
    else if (inner.kind === 'unknown') unknownSpread = true;
  }
  if (found) return found;
  if (unknownSpread) return UNKNOWN;
  return { kind: 'absent', object };
}

/**
 * Verdicts of variables read from the top (depth 0), per variable and path: the rules ask about the same
 * variable at each of its uses (`method` of every argument of every call), and each read walks all of its
 * references, so a variable used n times would cost n² without it.
 */
const variableVerdicts = new WeakMap<object, Map<string, OptionVerdict>>();

/** A `const opts = {…}` read through its name; writes like `opts.timeout = 5` count as the key being set. */
function readVariable(context: Context, identifier: TSESTree.Identifier, path: readonly string[], types: TypeFacts | undefined, depth: number): OptionVerdict {
  const variable = findVariable(context, identifier);
  if (!variable) return UNKNOWN;
  if (depth > 0) return readVariableUncached(context, variable, path, types, depth);
  const key = `${types ? 'typed' : 'untyped'}:${path.join('.')}`;
  let verdicts = variableVerdicts.get(variable);
  if (!verdicts) variableVerdicts.set(variable, verdicts = new Map());
  let verdict = verdicts.get(key);
  if (!verdict) verdicts.set(key, verdict = readVariableUncached(context, variable, path, types, depth));
  return verdict;
}

function readVariableUncached(context: Context, variable: NonNullable<ReturnType<typeof findVariable>>, path: readonly string[], types: TypeFacts | undefined, depth: number): OptionVerdict {
  const init = singleAssignmentInit(variable);
  if (!init) return UNKNOWN;
  for (const reference of variable.references) {
    const parent = reference.identifier.parent;
    if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === reference.identifier) {
      const assignment = parent.parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.parent.left === parent ? parent.parent : undefined;
      const assigned = assignment !== undefined;
      if (assignment && memberName(parent) === path[0]) return path.length === 1 ? { kind: 'present', value: assignment.right } : UNKNOWN;
      if (memberName(parent) === undefined && assigned) return UNKNOWN;
    }
    // Object.assign(opts, …) sets what its sources set.
    if (parent?.type === AST_NODE_TYPES.CallExpression && parent.arguments[0] === reference.identifier) {
      const assigned = objectAssignParts(context, parent);
      if (assigned) {
        const fromSources = readAssignedSources(context, assigned.sources, path, types, depth);
        if (fromSources) return fromSources;
      } else if (parent.callee.type === AST_NODE_TYPES.MemberExpression && memberName(parent.callee) === 'assign') return UNKNOWN;
    }
  }
  const verdict = readOption(context, init, path, types, depth + 1);
  // The literal lives elsewhere (and may be shared), so a fix must not insert into it.
  return verdict.kind === 'absent' ? ABSENT : verdict;
}

/**
 * What the sources of `Object.assign(target, ...sources)` say about `path`, the last one that sets its first
 * key winning (a source replaces a nested object whole); undefined when none sets it.
 */
function readAssignedSources(context: Context, sources: readonly TSESTree.Node[], path: readonly string[], types: TypeFacts | undefined, depth: number): OptionVerdict | undefined {
  for (const source of [...sources].reverse()) {
    const top = readOption(context, source, path.slice(0, 1), types, depth + 1);
    if (top.kind === 'unknown') return UNKNOWN;
    if (top.kind === 'present') return path.length === 1 ? top : readOption(context, source, path, types, depth + 1);
  }
  return undefined;
}

export type Bound = 'bounded' | 'disabled' | 'absent' | 'unknown';

function isInfinity(node: TSESTree.Node): boolean {
  if (node.type === AST_NODE_TYPES.Identifier) return node.name === 'Infinity';
  if (node.type === AST_NODE_TYPES.MemberExpression) {
    return node.object.type === AST_NODE_TYPES.Identifier && node.object.name === 'Number' && ['POSITIVE_INFINITY', 'MAX_SAFE_INTEGER', 'MAX_VALUE'].includes(memberName(node) ?? '');
  }
  return false;
}

/**
 * Does the value of a timeout key bound the wait? `0`, `Infinity`, `false` and `null` disable a duration;
 * `undefined` is as if the key were absent; anything computed is assumed to bound it.
 */
export function classifyBound(context: Context, node: TSESTree.Node, kind: TimeoutKeyKind, depth = 0): Bound {
  const value = unwrap(node);
  if (depth > MAX_DEPTH) return 'unknown';
  if (value.type === AST_NODE_TYPES.Identifier) {
    if (value.name === 'undefined') return 'absent';
    if (isInfinity(value)) return 'disabled';
    const variable = findVariable(context, value);
    const init = variable ? singleAssignmentInit(variable) : undefined;
    return init ? classifyBound(context, init, kind, depth + 1) : 'bounded';
  }
  if (value.type === AST_NODE_TYPES.Literal) {
    if (value.value === null) return kind === 'signal' ? 'absent' : 'disabled';
    if (value.value === false) return kind === 'signal' ? 'absent' : 'disabled';
    if (typeof value.value === 'number') return value.value > 0 && Number.isFinite(value.value) ? 'bounded' : 'disabled';
    return 'bounded';
  }
  if (isInfinity(value)) return 'disabled';
  if (kind === 'deadline' && value.type === AST_NODE_TYPES.BinaryExpression && (isInfinity(value.left) || isInfinity(value.right))) return 'disabled';
  if (kind === 'phases' && value.type === AST_NODE_TYPES.ObjectExpression) {
    let sawUnknown = false;
    let sawDisabled = false;
    for (const element of value.properties) {
      if (element.type === AST_NODE_TYPES.SpreadElement) {
        sawUnknown = true;
        continue;
      }
      const bound = classifyBound(context, element.value, 'ms', depth + 1);
      if (bound === 'bounded') return 'bounded';
      if (bound === 'disabled') sawDisabled = true;
      if (bound === 'unknown') sawUnknown = true;
    }
    if (sawUnknown) return 'unknown';
    return sawDisabled ? 'disabled' : 'absent';
  }
  return 'bounded';
}
