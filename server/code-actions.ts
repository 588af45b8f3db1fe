import { CodeActionKind, TextDocumentEdit, type CodeAction, type Diagnostic, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { eslintOffset, fixToTextEdit, offsetRange } from './convert';
import { disableForFileEdit, disableForLineEdit } from './disable-comments';
import type { LintRecord, LintResult } from './lint';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.faultline`;
export const COMMANDS = {
  /** Arguments: [url]. Opens the rule's documentation (the server asks the client with `window/showDocument`). */
  showDocumentation: 'faultline.showDocumentation',
  /** Arguments: [{ uri, version }]. Applies every autofix in the document; refused when `version` is not current. */
  applyFixAll: 'faultline.applyFixAll',
} as const;

/** What a lazily computed action needs to compute its edit on `codeAction/resolve`. */
export interface FixAllData {
  uri: string;
  version: number;
  ruleId?: string;
}

export interface ActionOptions {
  document: TextDocument;
  result: LintResult;
  /** The client applies `documentChanges` (versioned edits); otherwise plain `changes` are sent. */
  versionedEdits: boolean;
}

/** Every edit names the document version it was computed for, so a client refuses it once the text moved on. */
export function workspaceEdit(document: TextDocument, edits: TextEdit[], versioned: boolean): WorkspaceEdit {
  if (versioned) return { documentChanges: [TextDocumentEdit.create({ uri: document.uri, version: document.version }, edits)] };
  return { changes: { [document.uri]: edits } };
}

/** Matches a diagnostic sent back by the client to the record it came from: range, code and message. */
function keyOf(diagnostic: Diagnostic): string {
  const { start, end } = diagnostic.range;
  return `${start.line}:${start.character}-${end.line}:${end.character}|${String(diagnostic.code)}|${diagnostic.message}`;
}

export function findRecords(result: LintResult, diagnostics: readonly Diagnostic[]): LintRecord[] {
  const byKey = new Map(result.records.map((record) => [keyOf(record.diagnostic), record]));
  return diagnostics.filter((diagnostic) => diagnostic.source === 'faultline').flatMap((diagnostic) => byKey.get(keyOf(diagnostic)) ?? []);
}

/**
 * The quick fixes for the given records, in the order the menu shows them: the rule's autofix (preferred), each
 * suggestion, disable for the line, disable for the file, show documentation, fix all of this rule.
 * Disable, documentation and fix-all actions appear once per rule (and line) even when several diagnostics match.
 */
export function quickFixes(options: ActionOptions, records: readonly LintRecord[]): CodeAction[] {
  const { document, result, versionedEdits } = options;
  const edit = (edits: TextEdit[]): WorkspaceEdit => workspaceEdit(document, edits, versionedEdits);
  const fixes: CodeAction[] = [];
  const others: CodeAction[] = [];
  const once = new Set<string>();
  for (const record of records) {
    const { diagnostic, message, ruleId } = record;
    if (message.fix) {
      fixes.push({ title: `Fix this ${ruleId} problem`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: true, edit: edit([fixToTextEdit(document, message.fix)]) });
    }
    for (const suggestion of message.suggestions ?? []) {
      fixes.push({ title: suggestion.desc, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: edit([fixToTextEdit(document, suggestion.fix)]) });
    }
    const line = diagnostic.range.start.line;
    // A line that starts inside a template literal, JSX text or a block comment can't take a comment above it:
    // the comment would become part of the string (and disable nothing).
    if (!once.has(`line:${ruleId}:${line}`) && !startsInsideToken(document, result, line)) {
      once.add(`line:${ruleId}:${line}`);
      others.push({ title: `Disable ${ruleId} for this line`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: edit([disableForLineEdit(document, line, ruleId)]) });
    }
    if (once.has(`rule:${ruleId}`)) continue;
    once.add(`rule:${ruleId}`);
    others.push({ title: `Disable ${ruleId} for the entire file`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: edit([disableForFileEdit(document, ruleId)]) });
    const href = diagnostic.codeDescription?.href;
    if (href) {
      others.push({ title: `Show documentation for ${ruleId}`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], command: { title: `Show documentation for ${ruleId}`, command: COMMANDS.showDocumentation, arguments: [href] } });
    }
    if (result.records.some((other) => other.ruleId === ruleId && other.message.fix)) {
      const data: FixAllData = { uri: document.uri, version: result.version, ruleId };
      others.push({ title: `Fix all ${ruleId} problems`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], data });
    }
  }
  return [...fixes, ...others];
}

/**
 * `source.fixAll.faultline` (for `editor.codeActionsOnSave`): applies the rules' autofixes. Suggestions are not
 * applied: they change behaviour (a timeout, an idempotency key) and each needs a person to choose it.
 */
export function fixAllSourceAction(options: ActionOptions): CodeAction | undefined {
  if (!options.result.records.some((record) => record.message.fix)) return undefined;
  const data: FixAllData = { uri: options.document.uri, version: options.result.version };
  return { title: 'Fix all auto-fixable faultline problems', kind: FIX_ALL_KIND, data };
}

function startsInsideToken(document: TextDocument, result: LintResult, line: number): boolean {
  const offset = eslintOffset(document, { line, character: 0 });
  return (result.multilineTokens ?? []).some(([start, end]) => start < offset && offset < end);
}

/** The smallest single edit turning the document's text into `fixed`: common prefix and suffix are kept. */
export function minimalEdit(document: TextDocument, fixed: string): TextEdit {
  const text = document.getText();
  let start = 0;
  while (start < text.length && start < fixed.length && text.charCodeAt(start) === fixed.charCodeAt(start)) start++;
  let end = 0;
  while (end < text.length - start && end < fixed.length - start && text.charCodeAt(text.length - 1 - end) === fixed.charCodeAt(fixed.length - 1 - end)) end++;
  return { range: offsetRange(document, start, text.length - end), newText: fixed.slice(start, fixed.length - end) };
}
