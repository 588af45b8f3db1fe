import type { TextEdit } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { offsetRange } from './convert';

/**
 * "Disable <rule> for this line": names the rule in an `eslint-disable-next-line` comment on the line above,
 * adding it to one that is already there (before a `-- reason`), or inserts a new comment with the line's indent.
 */
export function disableForLineEdit(document: TextDocument, line: number, ruleId: string): TextEdit {
  const lineStart = document.offsetAt({ line, character: 0 });
  const lineText = lineAt(document, line);
  if (line > 0) {
    const previousStart = document.offsetAt({ line: line - 1, character: 0 });
    const previous = lineAt(document, line - 1);
    const existing = /^(\s*(?:\/\/|\/\*)\s*eslint-disable-next-line)(?![\w-])([^\n]*?)(\s+--[^\n]*?)?(\s*\*\/)?\s*$/.exec(previous);
    if (existing && (existing[4] !== undefined) === previous.trimStart().startsWith('/*')) {
      const named = existing[2]!;
      const insertAt = previousStart + existing[1]!.length + named.trimEnd().length;
      const newText = named.trim() === '' ? ` ${ruleId}` : `, ${ruleId}`;
      return { range: offsetRange(document, insertAt, insertAt), newText };
    }
  }
  const indent = /^\s*/.exec(lineText)![0];
  return { range: offsetRange(document, lineStart, lineStart), newText: `${indent}// eslint-disable-next-line ${ruleId}\n` };
}

/**
 * "Disable <rule> for the entire file": a `/* eslint-disable <rule> *\/` comment at the top, below a shebang
 * (which must stay the first line) and after a BOM; added to such a comment when one is already there.
 */
export function disableForFileEdit(document: TextDocument, ruleId: string): TextEdit {
  const text = document.getText();
  let start = text.startsWith('\uFEFF') ? 1 : 0;
  let prefix = '';
  if (text.startsWith('#!', start)) {
    const newline = text.indexOf('\n', start);
    if (newline === -1) {
      start = text.length;
      prefix = '\n';
    } else start = newline + 1;
  }
  const firstLineEnd = text.indexOf('\n', start);
  const firstLine = text.slice(start, firstLineEnd === -1 ? text.length : firstLineEnd);
  const existing = /^(\/\*\s*eslint-disable)(?![\w-])(\s[^*]*?)?(\s+--[^*]*?)?\s*\*\/\s*$/.exec(firstLine);
  if (existing && existing[2]?.trim()) {
    const insertAt = start + existing[1]!.length + existing[2].trimEnd().length;
    return { range: offsetRange(document, insertAt, insertAt), newText: `, ${ruleId}` };
  }
  return { range: offsetRange(document, start, start), newText: `${prefix}/* eslint-disable ${ruleId} */\n` };
}

function lineAt(document: TextDocument, line: number): string {
  return document.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).replace(/\r?\n$/, '');
}
