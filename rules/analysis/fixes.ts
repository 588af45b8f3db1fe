import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from './node-types';

type SourceCode = Readonly<TSESLint.SourceCode>;
type Fixer = TSESLint.RuleFixer;

/** The file's own line break, so an inserted line never mixes CRLF into an LF file or the reverse. */
export function lineBreak(sourceCode: SourceCode): string {
  return /\r\n/.test(sourceCode.text) ? '\r\n' : '\n';
}

/** The indentation of the line `node` starts on. */
function lineIndent(sourceCode: SourceCode, node: TSESTree.Node | TSESTree.Token): string {
  const line = sourceCode.lines[node.loc.start.line - 1] ?? '';
  return /^\s*/.exec(line)![0];
}

/**
 * Inserts `text` (`key: value`) as the last property of an object literal, keeping comments, trailing
 * commas and the object's layout: one line stays one line, a multi-line object gets a new line at the
 * indentation of its last property, after any comment that ends the last property's line.
 */
export function insertProperty(fixer: Fixer, sourceCode: SourceCode, object: TSESTree.ObjectExpression, text: string): TSESLint.RuleFix[] {
  const closing = sourceCode.getLastToken(object)!;
  const last = object.properties[object.properties.length - 1];
  if (!last) {
    // `{}` or `{ /* comment */ }`: keep what is inside.
    const inner = sourceCode.text.slice(object.range[0] + 1, object.range[1] - 1);
    if (inner.trim() === '') return [fixer.replaceText(object, `{ ${text} }`)];
    return [fixer.insertTextBefore(closing, `${/\s$/.test(inner) ? '' : ' '}${text} `)];
  }
  const tokenAfterLast = sourceCode.getTokenAfter(last)!;
  const hasTrailingComma = tokenAfterLast.value === ',';
  const multiline = closing.loc.start.line !== last.loc.end.line;
  if (!multiline) {
    return [hasTrailingComma ? fixer.insertTextAfter(tokenAfterLast, ` ${text},`) : fixer.insertTextAfter(last, `, ${text}`)];
  }
  let anchor: TSESTree.Node | TSESTree.Token = hasTrailingComma ? tokenAfterLast : last;
  for (const comment of sourceCode.getCommentsAfter(anchor)) {
    if (comment.loc.start.line === anchor.loc.end.line) anchor = comment;
  }
  const line = `${lineBreak(sourceCode)}${lineIndent(sourceCode, last)}${text}${hasTrailingComma ? ',' : ''}`;
  const fixes = [fixer.insertTextAfterRange([anchor.range[1], anchor.range[1]], line)];
  if (!hasTrailingComma) fixes.unshift(fixer.insertTextAfter(last, ','));
  return fixes;
}

/**
 * Adds an argument at `index` to a call, filling skipped positions with `undefined`
 * (`axios.post(url)` → `axios.post(url, undefined, { timeout })`). When a callback sits at `index`, the
 * new argument goes before it.
 */
export function insertArgument(fixer: Fixer, sourceCode: SourceCode, call: TSESTree.CallExpression | TSESTree.NewExpression, index: number, text: string): TSESLint.RuleFix {
  const args = call.arguments;
  if (index < args.length) return fixer.insertTextBefore(args[index]!, `${text}, `);
  const fill = Array.from({ length: index - args.length }, () => 'undefined');
  const parts = [...fill, text].join(', ');
  const lastArg = args[args.length - 1];
  if (lastArg) {
    const after = sourceCode.getTokenAfter(lastArg)!;
    if (after.value === ',') return fixer.insertTextAfter(after, ` ${parts}`);
    return fixer.insertTextAfter(lastArg, `, ${parts}`);
  }
  // `new Pool` without parentheses has no argument list at all.
  const closing = sourceCode.getLastToken(call)!;
  if (call.type === AST_NODE_TYPES.NewExpression && closing.value !== ')') return fixer.insertTextAfter(call, `(${parts})`);
  return fixer.insertTextBefore(closing, parts);
}

/** Replaces an options expression we can't edit in place with `{ ...options, key }`. */
export function spreadWithProperty(fixer: Fixer, sourceCode: SourceCode, options: TSESTree.Node, text: string): TSESLint.RuleFix {
  return fixer.replaceText(options, `{ ...${sourceCode.getText(options)}, ${text} }`);
}

/** Appends a call to a fluent chain right after `call`: `superagent.get(url)` → `superagent.get(url).timeout(ms)`. */
export function appendToChain(fixer: Fixer, call: TSESTree.Node, text: string): TSESLint.RuleFix {
  return fixer.insertTextAfter(call, text);
}
