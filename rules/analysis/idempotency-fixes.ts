import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from './node-types';
import { contains } from './ast-walk';
import { insertArgument, insertProperty, lineBreak } from './fixes';
import { freshName, lineIndent, randomUuid, readsVariablesFrom, removeStatementLine, type KeySource } from './retry-keys';
import type { Operation, SendKey } from './retry-operations';
import type { RetryScope } from './retry-types';
import { SUGGESTED_HEADER } from '../knowledge/retries';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;
type Fix = (fixer: TSESLint.RuleFixer) => TSESLint.RuleFix[];

/**
 * The edits no-unsafe-retry suggests: make a key once, before the retry, and send it where the operation
 * takes one; or move a key made on every attempt out of the retry. They change what is sent, so they are
 * suggestions, never autofixes; each keeps comments and yields code that parses (the suggestion property test).
 */

/** How the key is sent, as the message says: "an `Idempotency-Key` header", "the `idempotencyKey` request option". */
export function remedyOf(operation: Operation): string {
  const send = operation.send;
  if (send && (send.kind === 'option' || (send.kind === 'argument' && send.sdkOption))) return `the \`${send.sdkOption}\` request option`;
  if (operation.sdk) return 'the SDK\'s idempotency option';
  return `an \`${SUGGESTED_HEADER}\` header`;
}

/** `const idempotencyKey = randomUUID();` before `anchor` (importing `randomUUID` when the file does not), sent as `send` says. */
export function addKeyFix(context: Context, anchor: TSESTree.Statement, send: SendKey): Fix {
  return (fixer) => {
    const name = freshName(context, anchor, anchor, 'idempotencyKey');
    const uuid = randomUuid(context, fixer);
    const declaration = `const ${name} = ${uuid.expression};${lineBreak(context.sourceCode)}${lineIndent(context, anchor)}`;
    return [...uuid.fixes, fixer.insertTextBefore(anchor, declaration), ...sendKey(context, send, name, fixer)];
  };
}

function sendKey(context: Context, send: SendKey, name: string, fixer: TSESLint.RuleFixer): TSESLint.RuleFix[] {
  const sourceCode = context.sourceCode;
  const header = `'${SUGGESTED_HEADER}': ${name}`;
  const option = (sdkOption: string): string => (sdkOption === name ? name : `${sdkOption}: ${name}`);
  switch (send.kind) {
    case 'header':
      return insertProperty(fixer, sourceCode, send.object, header);
    case 'headers':
      return insertProperty(fixer, sourceCode, send.object, `headers: { ${header} }`);
    case 'option':
      return insertProperty(fixer, sourceCode, send.object, option(send.sdkOption));
    case 'argument':
      return [insertArgument(fixer, sourceCode, send.call, send.index, send.sdkOption ? `{ ${option(send.sdkOption)} }` : `{ headers: { ${header} } }`)];
    case 'chain':
      return [fixer.insertTextAfter(send.call, `.set('${SUGGESTED_HEADER}', ${name})`)];
  }
}

/**
 * Moves a key made inside the retry to before it: its declaration, or the generating expression itself
 * (`{ idempotencyKey: randomUUID() }` becomes `{ idempotencyKey }` when the names agree). Undefined when the
 * key reads variables of the retry, which do not exist before it.
 */
export function hoistKeyFix(context: Context, source: KeySource, value: TSESTree.Node, anchor: TSESTree.Statement, scope: RetryScope): Fix | undefined {
  const sourceCode = context.sourceCode;
  const indent = lineIndent(context, anchor);
  const declaration = source.declaration;
  if (declaration && contains(scope.body, declaration)) {
    if (declaration.type !== AST_NODE_TYPES.VariableDeclaration || readsVariablesFrom(context, declaration, scope.body)) return undefined;
    return (fixer) => [fixer.insertTextBefore(anchor, `${sourceCode.getText(declaration)}${lineBreak(sourceCode)}${indent}`), removeStatementLine(context, fixer, declaration)];
  }
  if (declaration || readsVariablesFrom(context, value, scope.body)) return undefined;
  return (fixer) => {
    const name = freshName(context, anchor, anchor, 'idempotencyKey');
    const property = value.parent;
    const shorthand = property?.type === AST_NODE_TYPES.Property && !property.computed && property.key.type === AST_NODE_TYPES.Identifier && property.key.name === name;
    return [fixer.insertTextBefore(anchor, `const ${name} = ${sourceCode.getText(value)};${lineBreak(sourceCode)}${indent}`), shorthand ? fixer.replaceText(property, name) : fixer.replaceText(value, name)];
  };
}
