import type { Linter } from 'eslint';
import { DiagnosticSeverity, type Diagnostic, type DiagnosticRelatedInformation, type Position, type Range, type TextEdit } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { RelatedLocation } from './plugin';

/**
 * The one place where ESLint positions become LSP positions (style.md habit 9). ESLint speaks 1-based lines,
 * 1-based columns in messages, 0-based columns in AST `loc`, and offsets in fix ranges; LSP speaks 0-based
 * lines and UTF-16 characters (the same unit as JavaScript string columns). Everything is clamped to the
 * document, so a message that points past the end (a missing `endLine`, a NaN) still gives a valid range.
 *
 * A leading BOM is stripped by ESLint before it counts offsets and columns, but it is part of the LSP document:
 * offsets move by one, and so do columns on the first line.
 */

function bomLength(document: TextDocument): number {
  return document.getText({ start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }) === '\uFEFF' ? 1 : 0;
}

function finite(value: number | undefined, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

/** ESLint line (1-based) and column (0-based, as in `loc`) → an LSP position inside the document. */
function fromLoc(document: TextDocument, line: number, column0: number): Position {
  const lspLine = Math.max(0, finite(line, 1) - 1);
  const shift = lspLine === 0 ? bomLength(document) : 0;
  const position = { line: lspLine, character: Math.max(0, finite(column0, 0)) + shift };
  return document.positionAt(document.offsetAt(position));
}

/** A message's range: `line`/`column` are 1-based; without an end it covers just its start. */
export function messageRange(document: TextDocument, message: Linter.LintMessage): Range {
  const start = fromLoc(document, message.line, message.column - 1);
  if (message.endLine === undefined) return { start, end: start };
  return { start, end: fromLoc(document, message.endLine, finite(message.endColumn, message.column) - 1) };
}

/** An AST `SourceLocation` (1-based line, 0-based column), as related locations carry. */
export function locRange(document: TextDocument, loc: RelatedLocation['loc']): Range {
  return { start: fromLoc(document, loc.start.line, loc.start.column), end: fromLoc(document, loc.end.line, loc.end.column) };
}

/** An ESLint fix (`range` = [start, end) offsets into the BOM-less text) → an LSP text edit. */
export function fixToTextEdit(document: TextDocument, fix: Linter.LintMessage['fix'] & object): TextEdit {
  const shift = bomLength(document);
  return { range: { start: document.positionAt(fix.range[0] + shift), end: document.positionAt(fix.range[1] + shift) }, newText: fix.text };
}

/** An LSP position → the offset ESLint uses for it (BOM-less text), e.g. to compare with token ranges. */
export function eslintOffset(document: TextDocument, position: Position): number {
  return document.offsetAt(position) - bomLength(document);
}

/** Offsets into the document's own text (as the fix-all diff computes them) → an LSP range. */
export function offsetRange(document: TextDocument, start: number, end: number): Range {
  return { start: document.positionAt(start), end: document.positionAt(end) };
}

export interface DiagnosticInput {
  message: Linter.LintMessage;
  ruleId: string;
  severity: DiagnosticSeverity;
  docsUrl: string | undefined;
  related: readonly RelatedLocation[];
  relatedSupported: boolean;
}

export function toDiagnostic(document: TextDocument, input: DiagnosticInput): Diagnostic {
  const diagnostic: Diagnostic = {
    range: messageRange(document, input.message),
    severity: input.severity,
    source: 'faultline',
    code: input.ruleId,
    message: input.message.message,
  };
  if (input.docsUrl) diagnostic.codeDescription = { href: input.docsUrl };
  if (input.relatedSupported && input.related.length > 0) {
    diagnostic.relatedInformation = input.related.map((related): DiagnosticRelatedInformation => ({
      location: { uri: document.uri, range: locRange(document, related.loc) },
      message: related.message,
    }));
  }
  return diagnostic;
}

export const SEVERITY = {
  error: DiagnosticSeverity.Error,
  warn: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
} as const;
