import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  CodeActionKind, DocumentDiagnosticReportKind, FileChangeType, LSPErrorCodes, ResponseError, TextDocumentSyncKind,
  type CancellationToken, type CodeAction, type CodeActionParams, type DidChangeConfigurationParams,
  type DidChangeTextDocumentParams, type DidChangeWatchedFilesParams, type DidCloseTextDocumentParams,
  type DidOpenTextDocumentParams, type DidSaveTextDocumentParams, type DocumentDiagnosticParams,
  type DocumentDiagnosticReport, type ExecuteCommandParams, type InitializeParams, type InitializeResult,
  type PublishDiagnosticsParams, type ShowDocumentParams, type WorkspaceEdit,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { COMMANDS, findRecords, FIX_ALL_KIND, fixAllSourceAction, minimalEdit, quickFixes, workspaceEdit, type FixAllData } from './code-actions';
import { LINTED_EXTENSIONS, LintEngine, type LintResult } from './lint';
import { pluginVersion, type PluginLike } from './plugin';
import { parseSettings, type FaultlineSettings } from './settings';
import { loadTypeScript, TypeScriptProjects } from './typescript-projects';

/** What the server needs from its connection; server/connection.ts binds it, tests fake it. */
export interface FaultlineConnection {
  /** `workspace/configuration` for section `faultline`, scoped to the document. */
  getConfiguration(scopeUri: string): Promise<unknown>;
  publishDiagnostics(params: PublishDiagnosticsParams): void;
  /** `workspace/diagnostic/refresh`: the client pulls every open document again. */
  refreshDiagnostics(): Promise<void>;
  applyEdit(edit: WorkspaceEdit, label: string): Promise<boolean>;
  showDocument(params: ShowDocumentParams): Promise<boolean>;
  log(message: string): void;
  error(message: string): void;
}

/** `initializationOptions` (all optional); documented in server/README.md. */
export interface InitializationOptions {
  /** Delay between the last keystroke and a lint, in ms (push mode). Default 100. */
  debounceMs?: number;
  /** The client's workspace is trusted: the workspace's own TypeScript may be loaded. Default false. */
  workspaceTrusted?: boolean;
  /** Settings for clients without `workspace/configuration`, in the `faultline` section's shape. */
  settings?: unknown;
  /** Lint with type information when a tsconfig.json covers the document. Default true. */
  typed?: boolean;
  /** Projects with more root files than this are linted untyped. Default 5000. */
  maxProjectFiles?: number;
  /** A document whose typed runs exceed this many ms three times in a row goes untyped until reopened. Default 1500; 0 = never. */
  typedBudgetMs?: number;
}

interface DocumentState {
  document: TextDocument;
  filePath: string;
  timer?: NodeJS.Timeout;
  /** The latest completed lint (possibly of an older version). */
  result?: LintResult;
}

const LANGUAGE_EXTENSIONS: Record<string, string> = { typescript: '.ts', typescriptreact: '.tsx', javascript: '.js', javascriptreact: '.jsx' };

/**
 * The Faultline language server: documents in, diagnostics and code actions out. Behaviour only; the transport is
 * injected, so tests drive an instance in-process and server/connection.ts binds it to a real connection.
 */
export class FaultlineServer {
  private readonly documents = new Map<string, DocumentState>();
  private readonly settingsCache = new Map<string, Promise<FaultlineSettings>>();
  private engine!: LintEngine;
  private projects: TypeScriptProjects | undefined;
  private options: InitializationOptions = {};
  private pull = false;
  private canConfigure = false;
  private canRefresh = false;
  private canShowDocument = false;
  private versionedEdits = false;
  private resolveEdits = false;

  /** `plugin` is for tests (a fixable rule, related locations); the server otherwise runs the faultline plugin. */
  constructor(private readonly connection: FaultlineConnection, private readonly overrides: { plugin?: PluginLike } = {}) {}

  initialize(params: InitializeParams): InitializeResult {
    const capabilities = params.capabilities;
    this.options = (params.initializationOptions ?? {}) as InitializationOptions;
    this.pull = capabilities.textDocument?.diagnostic !== undefined;
    this.canConfigure = capabilities.workspace?.configuration === true;
    this.canRefresh = capabilities.workspace?.diagnostics?.refreshSupport === true;
    this.canShowDocument = capabilities.window?.showDocument?.support === true;
    this.versionedEdits = capabilities.workspace?.workspaceEdit?.documentChanges === true;
    this.resolveEdits = capabilities.textDocument?.codeAction?.resolveSupport?.properties.includes('edit') === true;
    const root = params.workspaceFolders?.[0]?.uri ?? params.rootUri ?? undefined;
    const rootPath = root?.startsWith('file:') ? fileURLToPath(root) : undefined;
    if (this.options.typed !== false) {
      const loaded = loadTypeScript(rootPath, this.options.workspaceTrusted === true, (message) => this.connection.log(message));
      if (loaded) {
        this.projects = new TypeScriptProjects({ typescript: loaded.typescript, log: (message) => this.connection.log(message), maxProjectFiles: this.options.maxProjectFiles ?? 5000 });
        this.connection.log(`Type information from TypeScript ${loaded.typescript.version} (${loaded.from}).`);
      }
    }
    const relatedInformation = capabilities.textDocument?.publishDiagnostics?.relatedInformation === true || this.pull;
    this.engine = new LintEngine({ log: (message) => this.connection.log(message), error: (message) => this.connection.error(message), projects: this.projects, relatedInformation, plugin: this.overrides.plugin, typedBudgetMs: this.options.typedBudgetMs ?? 1500 });
    const literalActions = capabilities.textDocument?.codeAction?.codeActionLiteralSupport !== undefined;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        codeActionProvider: literalActions ? { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: true } : undefined,
        executeCommandProvider: { commands: Object.values(COMMANDS) },
        // Typed findings can depend on other files, but re-linting every open file on each keystroke would cost more
        // than it is worth: other documents are linted again when they change or are saved.
        diagnosticProvider: this.pull ? { identifier: 'faultline', interFileDependencies: false, workspaceDiagnostics: false } : undefined,
      },
      serverInfo: { name: 'faultline', version: pluginVersion() },
    };
  }

  didOpen({ textDocument }: DidOpenTextDocumentParams): void {
    const filePath = this.lintedPath(textDocument.uri, textDocument.languageId);
    if (!filePath) return;
    const document = TextDocument.create(textDocument.uri, textDocument.languageId, textDocument.version, textDocument.text);
    this.documents.set(textDocument.uri, { document, filePath });
    if (!this.pull) this.schedule(textDocument.uri, 0);
  }

  didChange({ textDocument, contentChanges }: DidChangeTextDocumentParams): void {
    const state = this.documents.get(textDocument.uri);
    if (!state) return;
    state.document = TextDocument.update(state.document, contentChanges, textDocument.version);
    // Other documents' type information sees this text from their next run, even before this one is linted.
    this.projects?.setText(state.filePath, state.document.getText(), textDocument.version);
    if (this.pull) return;
    void this.settingsFor(textDocument.uri).then((settings) => {
      if (settings.run === 'onType') this.schedule(textDocument.uri, this.options.debounceMs ?? 100);
    });
  }

  didSave({ textDocument }: DidSaveTextDocumentParams): void {
    const state = this.documents.get(textDocument.uri);
    if (!state) return;
    this.projects?.changedOnDisk(state.filePath);
    void this.settingsFor(textDocument.uri).then(async (settings) => {
      if (settings.run !== 'onSave') return;
      if (!this.pull) return this.schedule(textDocument.uri, 0);
      await this.validate(textDocument.uri, true);
      if (this.canRefresh) await this.connection.refreshDiagnostics();
    });
  }

  didClose({ textDocument }: DidCloseTextDocumentParams): void {
    const state = this.documents.get(textDocument.uri);
    if (!state) return;
    clearTimeout(state.timer);
    this.documents.delete(textDocument.uri);
    this.settingsCache.delete(textDocument.uri);
    this.projects?.closed(state.filePath);
    this.engine.forget(state.filePath);
    if (!this.pull) this.connection.publishDiagnostics({ uri: textDocument.uri, diagnostics: [] });
  }

  didChangeConfiguration(_params: DidChangeConfigurationParams): void {
    this.settingsCache.clear();
    void this.refreshAll();
  }

  didChangeWatchedFiles({ changes }: DidChangeWatchedFilesParams): void {
    // Saving an open document also arrives here; its open text already counts, so only other files matter.
    const elsewhere = changes.filter((change) => change.uri.startsWith('file:') && !this.documents.has(change.uri));
    for (const change of elsewhere) this.projects?.changedOnDisk(path.normalize(fileURLToPath(change.uri)));
    // A file created or deleted changes which files a tsconfig includes: rebuild the projects' file lists.
    if (elsewhere.some((change) => change.type !== FileChangeType.Changed)) this.projects?.forgetConfigs();
    if (elsewhere.length > 0 && this.projects) void this.refreshAll();
  }

  async pullDiagnostics({ textDocument }: DocumentDiagnosticParams, token?: CancellationToken): Promise<DocumentDiagnosticReport> {
    const state = this.documents.get(textDocument.uri);
    if (!state) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    const settings = await this.settingsFor(textDocument.uri);
    if (token?.isCancellationRequested) throw new ResponseError(LSPErrorCodes.ServerCancelled, 'The document changed', { retriggerRequest: true });
    // In onSave mode the client still pulls as you type: it gets the findings of the last open or save.
    const result = settings.run === 'onSave' && state.result ? state.result : await this.validate(textDocument.uri);
    return { kind: DocumentDiagnosticReportKind.Full, items: result?.records.map((record) => record.diagnostic) ?? [] };
  }

  async codeAction({ textDocument, context }: CodeActionParams): Promise<CodeAction[]> {
    const state = this.documents.get(textDocument.uri);
    if (!state) return [];
    const settings = await this.settingsFor(textDocument.uri);
    if (!settings.enable) return [];
    const result = settings.run === 'onType' ? await this.validate(textDocument.uri) : state.result;
    // Findings of an older text would edit the wrong places.
    if (!result || result.version !== state.document.version) return [];
    const options = { document: state.document, result, versionedEdits: this.versionedEdits };
    const only = context.only;
    const wants = (kind: string): boolean => !only || only.some((requested) => kind === requested || kind.startsWith(`${requested}.`));
    const actions: CodeAction[] = wants(CodeActionKind.QuickFix) ? quickFixes(options, findRecords(result, context.diagnostics)) : [];
    if (only && wants(FIX_ALL_KIND)) {
      const fixAll = fixAllSourceAction(options);
      if (fixAll) actions.push(fixAll);
    }
    if (this.resolveEdits) return actions;
    return Promise.all(actions.map((action) => (action.data ? this.resolveCodeAction(action) : action)));
  }

  /** Computes a fix-all edit; against a document that has moved on since the action was made, it adds nothing. */
  async resolveCodeAction(action: CodeAction): Promise<CodeAction> {
    const data = action.data as FixAllData | undefined;
    if (!data) return action;
    const edit = await this.fixAllEdit(data);
    return edit ? { ...action, edit } : action;
  }

  async executeCommand({ command, arguments: args }: ExecuteCommandParams): Promise<unknown> {
    if (command === COMMANDS.showDocumentation) {
      const url = args?.[0];
      if (typeof url !== 'string') return null;
      if (this.canShowDocument) await this.connection.showDocument({ uri: url, external: true });
      else this.connection.log(`Documentation: ${url}`);
      return null;
    }
    if (command === COMMANDS.applyFixAll) {
      const data = args?.[0] as FixAllData | undefined;
      const edit = data && (await this.fixAllEdit(data));
      if (edit) await this.connection.applyEdit(edit, 'Fix all auto-fixable faultline problems');
      return null;
    }
    return null;
  }

  /** Lints `uri` now if its latest result is older than its text. Test and benchmark code awaits this. */
  async validate(uri: string, force = false): Promise<LintResult | undefined> {
    const state = this.documents.get(uri);
    if (!state) return undefined;
    clearTimeout(state.timer);
    if (!force && state.result?.version === state.document.version) return state.result;
    const settings = await this.settingsFor(uri);
    const current = this.documents.get(uri);
    // Closed, or changed while the settings were fetched: the run that change scheduled is the one that counts.
    if (current !== state || (!force && state.result?.version === state.document.version)) return state.result;
    const document = state.document;
    let result: LintResult = { uri, version: document.version, records: [], typed: false, parseError: false };
    if (settings.enable) {
      try {
        result = this.engine.lint(document, state.filePath, settings);
      } catch (error) {
        // A crash inside a rule or the parser must not keep yesterday's findings on screen.
        this.connection.error(`Linting ${uri} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      }
    }
    state.result = result;
    return result;
  }

  /** Rule ids the plugin provides (without the `faultline/` prefix). */
  get ruleIds(): string[] {
    return [...this.engine.rules.keys()];
  }

  dispose(): void {
    for (const state of this.documents.values()) clearTimeout(state.timer);
    this.documents.clear();
    this.projects?.dispose();
  }

  private schedule(uri: string, delay: number): void {
    const state = this.documents.get(uri);
    if (!state) return;
    clearTimeout(state.timer);
    state.timer = setTimeout(() => {
      void this.validate(uri).then((result) => {
        // A newer version arrived while this one ran: its own run publishes.
        if (!result || this.documents.get(uri) !== state || result.version !== state.document.version) return;
        this.connection.publishDiagnostics({ uri, version: result.version, diagnostics: result.records.map((record) => record.diagnostic) });
      });
    }, delay);
  }

  private async refreshAll(): Promise<void> {
    if (this.pull) {
      for (const state of this.documents.values()) state.result = undefined;
      if (this.canRefresh) await this.connection.refreshDiagnostics();
      return;
    }
    for (const uri of this.documents.keys()) {
      const state = this.documents.get(uri)!;
      state.result = undefined;
      this.schedule(uri, 0);
    }
  }

  private async fixAllEdit(data: FixAllData): Promise<WorkspaceEdit | undefined> {
    const state = this.documents.get(data.uri);
    if (!state || state.document.version !== data.version) return undefined;
    const settings = await this.settingsFor(data.uri);
    const result = await this.validate(data.uri);
    if (!result || state.document.version !== data.version || result.version !== data.version) return undefined;
    const fixed = this.engine.fixAll(state.document, state.filePath, settings, result, data.ruleId);
    return fixed === undefined ? undefined : workspaceEdit(state.document, [minimalEdit(state.document, fixed)], this.versionedEdits);
  }

  private settingsFor(uri: string): Promise<FaultlineSettings> {
    let cached = this.settingsCache.get(uri);
    if (!cached) {
      cached = this.fetchSettings(uri);
      this.settingsCache.set(uri, cached);
    }
    return cached;
  }

  private async fetchSettings(uri: string): Promise<FaultlineSettings> {
    let raw: unknown = this.options.settings;
    if (this.canConfigure) {
      try {
        raw = await this.connection.getConfiguration(uri);
      } catch (error) {
        this.connection.error(`Could not read the faultline settings for ${uri} (${String(error)}); using the defaults.`);
        raw = undefined;
      }
    }
    const { settings, problems } = parseSettings(raw, new Set(this.engine.rules.keys()));
    for (const problem of problems) this.connection.error(`Invalid setting for ${uri}: ${problem}`);
    return settings;
  }

  /** The path ESLint and TypeScript see for a document, or undefined when it is not ours to lint. */
  private lintedPath(uri: string, languageId: string): string | undefined {
    if (uri.startsWith('file:')) {
      const filePath = path.normalize(fileURLToPath(uri));
      return (LINTED_EXTENSIONS as readonly string[]).includes(path.extname(filePath).toLowerCase()) ? filePath : undefined;
    }
    // Unsaved (untitled:) buffers: linted by language, under a path no tsconfig covers.
    const extension = LANGUAGE_EXTENSIONS[languageId];
    if (!extension) return undefined;
    const name = uri.replace(/^[a-z-]+:/i, '').replace(/[^\w.-]+/g, '_') || 'untitled';
    return path.join(path.parse(process.cwd()).root, 'untitled', name.endsWith(extension) ? name : `${name}${extension}`);
  }
}
