import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from './node-types';
import { REPEATABLE_POST_URLS, REPEATABLE_TOKEN_GRANT } from '../knowledge/retries';
import type { ClientCall } from './calls';
import { enclosingFunction, isFunctionNode, parameterIndex, returnedValues } from './ast-walk';
import { bodyRepeatsNothing } from './read-bodies';
import { localCallee } from './local-callees';
import { callerExpressions, callersOf } from './caller-values';
import { readOption } from './options';
import { findVariable, singleAssignmentInit, unchangedField, unwrap } from './origin';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** Stands for the parts of an address only known at run time. */
const UNKNOWN_PART = '\u0000';

/**
 * The written parts of an address: `` `${base}?uploadId=${id}` `` reads as `\0?uploadId=\0`, through
 * `const url = …` and `+` as well. Undefined when nothing of it is written here.
 */
function writtenText(context: Context, node: TSESTree.Node, depth = 0): string | undefined {
  const value = unwrap(node);
  if (depth > 4) return undefined;
  switch (value.type) {
    case AST_NODE_TYPES.Literal:
      return typeof value.value === 'string' ? value.value : undefined;
    case AST_NODE_TYPES.TemplateLiteral:
      // `${GEMINI_URL}?key=${key}`: a part held in a `const` is written out, any other is unknown.
      return value.quasis.map((quasi, index) => (quasi.value.cooked ?? '') + (index < value.expressions.length ? writtenText(context, value.expressions[index]!, depth + 1) ?? UNKNOWN_PART : '')).join('');
    case AST_NODE_TYPES.LogicalExpression:
      // `process.env.OLLAMA_URL || 'http://localhost:11434'`: the default says what the deployment may move.
      return (value.operator === '||' || value.operator === '??') && isEnvironmentRead(value.left) ? writtenText(context, value.right, depth + 1) : undefined;
    case AST_NODE_TYPES.BinaryExpression:
      if (value.operator !== '+') return undefined;
      return (writtenText(context, value.left, depth + 1) ?? UNKNOWN_PART) + (writtenText(context, value.right, depth + 1) ?? UNKNOWN_PART);
    case AST_NODE_TYPES.Identifier: {
      const variable = findVariable(context, value);
      const init = variable ? singleAssignmentInit(variable) : undefined;
      return init ? writtenText(context, init, depth + 1) : undefined;
    }
    case AST_NODE_TYPES.MemberExpression: {
      // `this.endpoint`, a field set once (`private readonly endpoint = 'https://…/v1/moderations'`).
      const field = unchangedField(context, value);
      return field ? writtenText(context, field, depth + 1) : undefined;
    }
    case AST_NODE_TYPES.CallExpression: {
      // `GEMINI_ENDPOINT(model)`, a function of the file that returns one address (its parameters unknown).
      const callee = localCallee(context, value.callee)?.fn;
      const returned = isFunctionNode(callee) ? returnedValues(context, callee) : [];
      return returned.length === 1 && returned[0] ? writtenText(context, returned[0], depth + 1) : undefined;
    }
    default:
      return undefined;
  }
}

/**
 * Is `url` an address whose POST a repeat cannot do twice (REPEATABLE_POST_URLS)? An address chosen among
 * several (`provider === 'xai' ? XAI_URL : OPENAI_URL`, or a function of the file that returns one of them,
 * `getApiUrl(provider)`) is when every choice is.
 */
export function isRepeatablePostUrl(context: Context, url: TSESTree.Node | undefined): boolean {
  const choices = url ? addressChoices(context, url) : [];
  return choices.length > 0 && choices.every((choice) => templateTexts(context, choice).every((text) => text !== undefined && REPEATABLE_POST_URLS.some((entry) => entry.pattern.test(text))));
}

/**
 * Does `site`, a call of the function that makes `request` with its address parameter (`const post = (url,
 * body) => fetch(url, { method: 'POST', … })`), hand it an address whose POST repeats nothing
 * (`post('/api/auth/sign-in/email', creds)`)? Then what this site retries passes nothing unsafe, whatever
 * the wrapper's other callers send.
 */
export function siteSendsToRepeatableAddress(context: Context, request: TSESTree.CallExpression | TSESTree.NewExpression, site: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
  const fn = enclosingFunction(request);
  const url = request.arguments[0] && unwrap(request.arguments[0]);
  if (!fn || url?.type !== AST_NODE_TYPES.Identifier || site.type !== AST_NODE_TYPES.CallExpression || localCallee(context, site.callee)?.fn !== fn) return false;
  const index = parameterIndex(fn, url.name);
  const passed = index === -1 ? undefined : site.arguments[index];
  return passed !== undefined && passed.type !== AST_NODE_TYPES.SpreadElement && isRepeatablePostUrl(context, passed);
}

/**
 * The texts an address may be: `` `${this.config.baseURL}${endpoint}` `` in a wrapper whose callers pass
 * `'/chat/completions'` for `endpoint` reads as `\0/chat/completions`, once for each address they pass.
 */
function templateTexts(context: Context, choice: TSESTree.Node): Array<string | undefined> {
  const value = unwrap(choice);
  const chosen = value.type === AST_NODE_TYPES.TemplateLiteral ? value.expressions.filter((part) => part.type === AST_NODE_TYPES.Identifier && findVariable(context, part)?.defs[0]?.type === 'Parameter') : [];
  if (chosen.length !== 1) return [writtenText(context, choice)];
  const part = chosen[0] as TSESTree.Identifier;
  const passed = passedAddresses(context, part, findVariable(context, part), 0);
  if (!passed || passed.length === 0) return [writtenText(context, choice)];
  const template = value as TSESTree.TemplateLiteral;
  // A value the caller computes (`const key = readSecret('LLM_KEY')`) is unknown, as any other part is: the
  // address's written parts may still say what it is (`…:generateContent?key=${key}`).
  return passed.map((each) => {
    const written = writtenText(context, each) ?? UNKNOWN_PART;
    return template.quasis.map((quasi, index) => (quasi.value.cooked ?? '') + (index < template.expressions.length
      ? template.expressions[index] === part ? written : writtenText(context, template.expressions[index]!) ?? UNKNOWN_PART : '')).join('');
  });
}

/**
 * Does a repeat of this POST do nothing twice? It goes to such an address, it is an OAuth token request
 * for a grant that is issued another token (`grant` when the caller has read it already), or its body says
 * it repeats nothing (GraphQL queries only, a JSON-RPC read or signed submission).
 */
export function postRepeatsNothing(context: Context, call: ClientCall, grant = tokenGrant(context, call.node)): boolean {
  return grant === 'reusable' || isRepeatablePostUrl(context, urlOf(context, call)) || bodyRepeatsNothing(context, call.node);
}

/**
 * Is this POST an OAuth token request (REPEATABLE_TOKEN_GRANT), and of which kind? The grant is written where
 * the body is built, in the function that sends it (`new URLSearchParams({ grant_type: 'client_credentials',
 * … })`, `'grant_type=password&…'`, `params.append('grant_type', …)`). `reusable` when every grant it names
 * repeats harmlessly, `single-use` when one it names is a code or a refresh token.
 */
export function tokenGrant(context: Context, call: TSESTree.Node): 'reusable' | 'single-use' | undefined {
  const fn = enclosingFunction(call);
  const text = context.sourceCode.getText(fn ?? call);
  const grants = [...text.matchAll(REPEATABLE_TOKEN_GRANT.grant)].map((match) => text.slice(match.index, match.index + 72));
  if (grants.some((grant) => REPEATABLE_TOKEN_GRANT.singleUse.test(grant))) return 'single-use';
  return grants.length > 0 && grants.every((grant) => REPEATABLE_TOKEN_GRANT.reusable.test(grant)) ? 'reusable' : undefined;
}

/**
 * The expressions an address may be: both sides of a conditional, every value of an object it is looked up
 * in (`{ gemini: GEMINI_URL, openrouter: OPENROUTER_URL }[provider]`), or every return of a function of the
 * file it calls; through a variable given no other value.
 */
function addressChoices(context: Context, url: TSESTree.Node, depth = 0): TSESTree.Node[] {
  const value = unwrap(url);
  if (depth > 3) return [value];
  if (value.type === AST_NODE_TYPES.ConditionalExpression) return [...addressChoices(context, value.consequent, depth + 1), ...addressChoices(context, value.alternate, depth + 1)];
  // `process.env.LLM_URL || 'https://openrouter.ai/api/v1/chat/completions'`: a deployment's override of the
  // default address moves the same endpoint (a proxy, a self-hosted copy); the default says what it is.
  if (value.type === AST_NODE_TYPES.LogicalExpression && (value.operator === '||' || value.operator === '??') && isEnvironmentRead(value.left)) return addressChoices(context, value.right, depth + 1);
  if (value.type === AST_NODE_TYPES.Identifier) {
    const variable = findVariable(context, value);
    const init = variable ? singleAssignmentInit(variable) : undefined;
    return init ? addressChoices(context, init, depth + 1) : passedAddresses(context, value, variable, depth) ?? [value];
  }
  if (value.type === AST_NODE_TYPES.MemberExpression && value.computed) {
    const table = lookupTable(context, value.object);
    if (!table) return [value];
    const entries = table.properties.map((property) => (property.type === AST_NODE_TYPES.Property ? property.value : undefined));
    return entries.length > 0 && entries.every((entry) => entry !== undefined) ? entries.flatMap((entry) => addressChoices(context, entry!, depth + 1)) : [];
  }
  const callee = value.type === AST_NODE_TYPES.CallExpression ? localCallee(context, value.callee)?.fn : undefined;
  if (!isFunctionNode(callee)) return [value];
  const returned = returnedValues(context, callee);
  return returned.every((each) => each !== undefined) ? returned.flatMap((each) => addressChoices(context, each!, depth + 1)) : [];
}

/** `process.env.NAME` or `import.meta.env.NAME`, a value the deployment sets. */
function isEnvironmentRead(node: TSESTree.Node): boolean {
  const value = unwrap(node);
  if (value.type !== AST_NODE_TYPES.MemberExpression) return false;
  const holder = unwrap(value.object);
  if (holder.type !== AST_NODE_TYPES.MemberExpression || holder.computed || holder.property.type !== AST_NODE_TYPES.Identifier || holder.property.name !== 'env') return false;
  const root = unwrap(holder.object);
  return (root.type === AST_NODE_TYPES.Identifier && root.name === 'process') || root.type === AST_NODE_TYPES.MetaProperty;
}

/**
 * `postGemini(body, key, endpoint = ENDPOINT)`: a parameter's addresses are what this file's callers pass
 * for it (through wrappers) and its default. Undefined when a caller's value comes from outside the file.
 */
function passedAddresses(context: Context, parameter: TSESTree.Identifier, variable: ReturnType<typeof findVariable>, depth: number): TSESTree.Node[] | undefined {
  const def = variable?.defs[0];
  if (def?.type !== 'Parameter') return undefined;
  const passed = callerExpressions(context, parameter);
  const fallback = def.name.parent?.type === AST_NODE_TYPES.AssignmentPattern && def.name.parent.left === def.name ? [def.name.parent.right] : [];
  // Callers here that all leave it out send the default.
  const omitted = passed?.length === 0 && fallback.length > 0 && isFunctionNode(def.node) && callersOf(context, def.node).length > 0;
  if (!passed || (passed.length === 0 && !omitted) || passed.some((each) => each.outside || each.path.length > 0)) return undefined;
  return [...passed.map((each) => each.value), ...fallback].flatMap((each) => addressChoices(context, each, depth + 1));
}

/** An object literal, written in place or held in a variable given no other value. */
function lookupTable(context: Context, node: TSESTree.Node): TSESTree.ObjectExpression | undefined {
  const value = unwrap(node);
  if (value.type === AST_NODE_TYPES.ObjectExpression) return value;
  const variable = value.type === AST_NODE_TYPES.Identifier ? findVariable(context, value) : null;
  const init = variable ? singleAssignmentInit(variable) : undefined;
  return init && unwrap(init).type === AST_NODE_TYPES.ObjectExpression ? (unwrap(init) as TSESTree.ObjectExpression) : undefined;
}

/** The address a client call sends to: its first argument, or the `url` of the options it takes alone. */
export function urlOf(context: Context, call: ClientCall): TSESTree.Node | undefined {
  const first = call.node.arguments[0];
  if (!first) return undefined;
  if (call.options.kind !== 'argument' || call.options.node !== first) return first;
  const verdict = readOption(context, first, ['url']);
  return verdict.kind === 'present' ? verdict.value : undefined;
}
