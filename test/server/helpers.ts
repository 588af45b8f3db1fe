import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ClientCapabilities, CodeAction, Diagnostic, PublishDiagnosticsParams, ShowDocumentParams, TextEdit, WorkspaceEdit } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { PluginLike } from '../../server/plugin';
import { FaultlineServer, type FaultlineConnection, type InitializationOptions } from '../../server/server';

/** A client as VS Code presents itself: pull diagnostics off unless asked, versioned edits, resolve support. */
export function capabilities(options: { pull?: boolean; resolve?: boolean; versioned?: boolean; configuration?: boolean } = {}): ClientCapabilities {
  return {
    workspace: { configuration: options.configuration !== false, workspaceEdit: { documentChanges: options.versioned !== false }, diagnostics: { refreshSupport: true } },
    window: { showDocument: { support: true } },
    textDocument: {
      publishDiagnostics: { relatedInformation: true },
      codeAction: {
        codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } },
        ...(options.resolve ? { resolveSupport: { properties: ['edit'] } } : {}),
      },
      ...(options.pull ? { diagnostic: { dynamicRegistration: false } } : {}),
    },
  };
}

/** Records everything the server sends, and answers `workspace/configuration` from `settings`. */
export class FakeClient implements FaultlineConnection {
  settings: unknown = {};
  /** Per-document answers (by scopeUri), over `settings`. */
  readonly settingsByUri = new Map<string, unknown>();
  readonly configurationRequests: string[] = [];
  readonly published: PublishDiagnosticsParams[] = [];
  readonly errors: string[] = [];
  readonly logs: string[] = [];
  readonly shown: ShowDocumentParams[] = [];
  readonly applied: WorkspaceEdit[] = [];
  refreshes = 0;
  private waiters: Array<{ uri: string; resolve: (params: PublishDiagnosticsParams) => void }> = [];

  getConfiguration(scopeUri: string): Promise<unknown> {
    this.configurationRequests.push(scopeUri);
    return Promise.resolve(this.settingsByUri.has(scopeUri) ? this.settingsByUri.get(scopeUri) : this.settings);
  }
  publishDiagnostics(params: PublishDiagnosticsParams): void {
    this.published.push(params);
    const waiting = this.waiters.filter((waiter) => waiter.uri === params.uri);
    this.waiters = this.waiters.filter((waiter) => waiter.uri !== params.uri);
    for (const waiter of waiting) waiter.resolve(params);
  }
  refreshDiagnostics(): Promise<void> {
    this.refreshes++;
    return Promise.resolve();
  }
  applyEdit(edit: WorkspaceEdit): Promise<boolean> {
    this.applied.push(edit);
    return Promise.resolve(true);
  }
  showDocument(params: ShowDocumentParams): Promise<boolean> {
    this.shown.push(params);
    return Promise.resolve(true);
  }
  log(message: string): void {
    this.logs.push(message);
  }
  error(message: string): void {
    this.errors.push(message);
  }
  /** The next diagnostics published for `uri`. */
  nextDiagnostics(uri: string): Promise<PublishDiagnosticsParams> {
    return new Promise((resolve) => this.waiters.push({ uri, resolve }));
  }
  lastFor(uri: string): PublishDiagnosticsParams | undefined {
    return this.published.filter((params) => params.uri === uri).at(-1);
  }
}

export interface Harness {
  server: FaultlineServer;
  client: FakeClient;
}

export function startServer(options: { pull?: boolean; resolve?: boolean; versioned?: boolean; configuration?: boolean; init?: InitializationOptions; root?: string; plugin?: PluginLike } = {}): Harness {
  const client = new FakeClient();
  const server = new FaultlineServer(client, { plugin: options.plugin });
  server.initialize({
    processId: null,
    rootUri: options.root ? pathToFileURL(options.root).href : null,
    capabilities: capabilities(options),
    // No typed-run budget by default: on a loaded machine it would turn typed tests untyped.
    initializationOptions: { debounceMs: 0, typed: false, typedBudgetMs: 0, ...options.init },
  });
  return { server, client };
}

export function tempDir(prefix = 'faultline-server-'): string {
  return fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), prefix)));
}

export function fileUri(file: string): string {
  return pathToFileURL(file).href;
}

/** Applies a code action's edit (versioned or not) to `text`, as a client would. */
export function applyEdit(text: string, edit: WorkspaceEdit | undefined): string {
  if (!edit) throw new Error('the action has no edit');
  const edits: TextEdit[] = edit.documentChanges
    ? edit.documentChanges.flatMap((change) => ('edits' in change ? (change.edits as TextEdit[]) : []))
    : Object.values(edit.changes ?? {}).flat();
  return TextDocument.applyEdits(TextDocument.create('file:///x', 'typescript', 0, text), edits);
}

export function titles(actions: CodeAction[]): string[] {
  return actions.map((action) => action.title);
}

export function ranges(diagnostics: Diagnostic[]): string[] {
  return diagnostics.map(({ range: { start, end }, code }) => `${String(code)} ${start.line}:${start.character}-${end.line}:${end.character}`);
}

export const TS = 'typescript';

/** Opens a document and waits for its first published diagnostics (push mode). */
export async function openDocument(harness: Harness, uri: string, text: string, languageId = TS, version = 1): Promise<Diagnostic[]> {
  const next = harness.client.nextDiagnostics(uri);
  harness.server.didOpen({ textDocument: { uri, languageId, version, text } });
  return (await next).diagnostics;
}

/** Replaces the whole text (a full-content change) and waits for the diagnostics of that version. */
export async function changeDocument(harness: Harness, uri: string, text: string, version: number): Promise<Diagnostic[]> {
  const next = harness.client.nextDiagnostics(uri);
  harness.server.didChange({ textDocument: { uri, version }, contentChanges: [{ text }] });
  return (await next).diagnostics;
}

/** The code actions a client asks for at a diagnostic. */
export function actionsAt(harness: Harness, uri: string, diagnostic: Diagnostic, only?: string[]): Promise<CodeAction[]> {
  return harness.server.codeAction({ textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic], ...(only ? { only } : {}) } });
}

/** Settings that run `rule` alone (other engineers keep adding rules; a test about one rule should not see them). */
export function onlyRule(harness: Harness, rule: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { ...extra, rules: Object.fromEntries(harness.server.ruleIds.map((id) => [id, id === rule ? 'warn' : 'off'])) };
}
