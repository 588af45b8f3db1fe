import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from './node-types';
import type { ClientSpec } from '../knowledge/clients';
import { appendToChain, insertArgument, insertProperty, spreadWithProperty } from './fixes';
import { propertyKey } from './options';
import { isNullish } from './origin';
import type { InsertPoint, TimeoutVerdict } from './timeouts';

type SourceCode = Readonly<TSESLint.SourceCode>;
type Fix = (fixer: TSESLint.RuleFixer) => TSESLint.RuleFix | TSESLint.RuleFix[];

/**
 * The edits require-timeout suggests: write the client's timeout (from its row of the knowledge table) where
 * the verdict says it fits, or the key a timeout needs beside it to work. Adding a timeout changes what the
 * call does, so these are suggestions, never autofixes; each keeps comments and yields code that parses
 * (the suggestion property test).
 */

/**
 * Adds the client's timeout (`timeout: 10000`, `.timeout(10000)`, `signal: AbortSignal.timeout(10000)`) at
 * `insert`; undefined where no edit is safe (a key held elsewhere, a computed key).
 */
export function timeoutFix(sourceCode: SourceCode, client: ClientSpec, insert: InsertPoint, timeoutMs: number, strictKey = false): Fix | undefined {
  const fix = strictKey ? client.strictFix : client.fix;
  if (!fix || insert.kind === 'none') return undefined;
  const text = fix.text.replaceAll('{ms}', String(timeoutMs));
  if (fix.kind === 'chain') return insert.kind === 'chain' ? (fixer) => appendToChain(fixer, insert.call, text) : undefined;
  switch (insert.kind) {
    case 'object': {
      const key = text.slice(0, text.indexOf(':')).trim();
      const existing = insert.object.properties.find((property): property is TSESTree.Property => property.type === AST_NODE_TYPES.Property && propertyKey(property) === key);
      if (!existing) return (fixer) => insertProperty(fixer, sourceCode, insert.object, text);
      if (existing.computed || existing.shorthand) return undefined;
      // `{ timeout: undefined }`, `{ signal: null }`: set the key that is there instead of repeating it.
      if (isNullish(existing.value)) return (fixer) => fixer.replaceText(existing, text);
      // A key that holds the user's own options (`requestHandler: new NodeHttpHandler({ httpsAgent })`) gets
      // the inner keys written into them; replacing it would drop the agent. Held elsewhere: no suggestion.
      const own = writtenOptions(existing.value);
      const inner = text.includes('{') ? text.slice(text.indexOf('{') + 1, text.lastIndexOf('}')).trim() : '';
      return own && inner ? (fixer) => insertProperty(fixer, sourceCode, own, inner) : undefined;
    }
    case 'argument':
      return (fixer) => insertArgument(fixer, sourceCode, insert.call, insert.index, `{ ${text} }`);
    case 'spread':
      return (fixer) => spreadWithProperty(fixer, sourceCode, insert.options, text);
    case 'replace':
      return (fixer) => fixer.replaceText(insert.node, `{ ${text} }`);
    default:
      return undefined;
  }
}

/** The options literal a value is written with: `{ … }`, or `new Handler({ … })`. */
function writtenOptions(value: TSESTree.Node): TSESTree.ObjectExpression | undefined {
  const written = value.type === AST_NODE_TYPES.NewExpression ? value.arguments[0] : value;
  return written?.type === AST_NODE_TYPES.ObjectExpression ? written : undefined;
}

/**
 * `requestTimeout` without `throwOnRequestTimeout`, got phases without one for the answer: the missing key
 * (its text, for the suggestion's title) and the edit that adds it beside the others.
 */
export function companionFix(sourceCode: SourceCode, verdict: Extract<TimeoutVerdict, { kind: 'ineffective' }>, timeoutMs: number): { text: string; fix: Fix } | undefined {
  const companion = verdict.fix;
  if (!companion) return undefined;
  const text = companion.text.replace('{ms}', String(timeoutMs));
  return { text, fix: (fixer) => insertProperty(fixer, sourceCode, companion.object, text) };
}
