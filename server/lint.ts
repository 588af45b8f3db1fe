import * as path from 'node:path';
import { Linter } from 'eslint';
import * as parser from '@typescript-eslint/parser';
import type { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { SEVERITY, toDiagnostic } from './convert';
import { FAULTLINE_PLUGIN, keyOfMessage, PLUGIN_NAMESPACE, presetRules, withRelatedCapture, type PluginLike, type RelatedLocation, type RuleInfo } from './plugin';
import type { FaultlineSettings } from './settings';
import type { TypeScriptProjects } from './typescript-projects';

export const LINTED_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'] as const;
const FILES = [`**/*.{${LINTED_EXTENSIONS.map((extension) => extension.slice(1)).join(',')}}`];

/** One diagnostic with the ESLint message it came from (its suggestions and fix back the code actions). */
export interface LintRecord {
  diagnostic: Diagnostic;
  message: Linter.LintMessage;
  ruleId: string;
}

export interface LintResult {
  uri: string;
  version: number;
  records: LintRecord[];
  typed: boolean;
  /** The text did not parse (mid-typing): no findings, rather than stale ones. */
  parseError: boolean;
  /**
   * [start, end) offsets (into the BOM-less text, as ESLint counts) of tokens and comments spanning lines: a
   * template literal, JSX text, a block comment. A line starting inside one cannot take a comment above it.
   */
  multilineTokens?: Array<[number, number]>;
}

/** What a settings object turns into, computed once per settings object (settings are cached per document). */
interface PreparedSettings {
  rules: Record<string, Linter.RuleEntry>;
  severities: Map<string, DiagnosticSeverity>;
}

export interface LintEngineOptions {
  log: (message: string) => void;
  error: (message: string) => void;
  projects: TypeScriptProjects | undefined;
  relatedInformation: boolean;
  /** The faultline plugin unless a test hands in another. */
  plugin?: PluginLike;
  /**
   * A document whose typed runs take longer than this (ms) three times in a row is linted untyped until it is
   * reopened: typing must stay responsive. Its first run (which builds the program) doesn't count. 0 = no limit.
   */
  typedBudgetMs: number;
}

const STRIKES_BEFORE_UNTYPED = 3;

/**
 * Runs ESLint's `Linter` in-process on one document with only the faultline plugin and the typescript-eslint
 * parser: no eslint.config.js, no workspace plugins, nothing from the workspace is loaded or executed.
 */
export class LintEngine {
  private readonly linters = new Map<string, Linter>();
  private readonly prepared = new WeakMap<FaultlineSettings, PreparedSettings>();
  private readonly source: PluginLike;
  private readonly plugin: PluginLike;
  readonly rules: ReadonlyMap<string, RuleInfo>;
  /** Typed runs over budget in a row, per file; files that used them up are linted untyped. */
  private readonly slowTypedRuns = new Map<string, number>();
  private readonly untypedFiles = new Set<string>();
  private relatedSink: ((ruleId: string, key: string, related: RelatedLocation[]) => void) | undefined;

  constructor(private readonly options: LintEngineOptions) {
    this.source = options.plugin ?? FAULTLINE_PLUGIN;
    const wrapped = withRelatedCapture(this.source, () => this.relatedSink);
    this.plugin = wrapped.plugin;
    this.rules = wrapped.rules;
  }

  lint(document: TextDocument, filePath: string, settings: FaultlineSettings): LintResult {
    const text = document.getText();
    const prepared = this.prepare(settings);
    const firstRun = !this.slowTypedRuns.has(filePath);
    const program = this.untypedFiles.has(filePath) ? undefined : this.programFor(filePath, text, document.version);
    const started = performance.now();
    const related = new Map<string, RelatedLocation[]>();
    this.relatedSink = (ruleId, key, locations) => related.set(`${ruleId}@${key}`, locations);
    let messages: Linter.LintMessage[];
    const linter = this.linterFor(filePath);
    try {
      messages = linter.verify(text, this.config(filePath, prepared, program), { filename: filePath });
    } finally {
      this.relatedSink = undefined;
    }
    if (program) this.countTypedRun(filePath, performance.now() - started, firstRun);
    const result: LintResult = { uri: document.uri, version: document.version, records: [], typed: program !== undefined, parseError: false };
    for (const message of messages) {
      if (message.fatal) {
        result.parseError = true;
        continue;
      }
      // Inline `/* eslint … */` comments may switch on core rules; only our own findings are shown.
      if (!message.ruleId?.startsWith(`${PLUGIN_NAMESPACE}/`)) continue;
      const info = this.rules.get(message.ruleId.slice(PLUGIN_NAMESPACE.length + 1));
      const diagnostic = toDiagnostic(document, {
        message,
        ruleId: message.ruleId,
        severity: prepared.severities.get(message.ruleId) ?? SEVERITY.warn,
        docsUrl: info?.docsUrl,
        related: related.get(`${message.ruleId}@${keyOfMessage(message)}`) ?? [],
        relatedSupported: this.options.relatedInformation,
      });
      result.records.push({ diagnostic, message, ruleId: message.ruleId });
    }
    if (result.parseError) result.records = [];
    else result.multilineTokens = this.multilineTokens(linter);
    return result;
  }

  /** The document was closed: a reopened one gets type information again. */
  forget(filePath: string): void {
    this.slowTypedRuns.delete(filePath);
    this.untypedFiles.delete(filePath);
  }

  private countTypedRun(filePath: string, elapsed: number, firstRun: boolean): void {
    const budget = this.options.typedBudgetMs;
    const strikes = !firstRun && budget > 0 && elapsed > budget ? (this.slowTypedRuns.get(filePath) ?? 0) + 1 : 0;
    this.slowTypedRuns.set(filePath, strikes);
    if (strikes < STRIKES_BEFORE_UNTYPED) return;
    this.untypedFiles.add(filePath);
    this.options.log(`${filePath}: ${STRIKES_BEFORE_UNTYPED} typed runs in a row took over ${budget} ms (last ${elapsed.toFixed(0)} ms); linting it without type information until it is reopened.`);
  }

  /**
   * The text with the rules' autofixes applied (all rules, or `ruleId` only), or undefined when nothing changes.
   * Only autofixes: suggestions change behaviour and are never applied in bulk. Untyped documents re-run ESLint
   * with `fix` (up to ESLint's 10 passes, so neighbouring fixes are recomputed rather than merged). Typed ones
   * apply the current run's fixes in one pass, because a fixed text no longer matches the project's program.
   */
  fixAll(document: TextDocument, filePath: string, settings: FaultlineSettings, current: LintResult, ruleId?: string): string | undefined {
    const wanted = (message: Linter.LintMessage): boolean => message.ruleId !== null && (ruleId === undefined || message.ruleId === ruleId);
    const text = document.getText();
    if (!current.typed) {
      const prepared = this.prepare(settings);
      const output = this.linterFor(filePath).verifyAndFix(text, this.config(filePath, prepared, undefined), { filename: filePath, fix: wanted as unknown as boolean }).output;
      // (`fix` may be a predicate at run time, per ESLint's SourceCodeFixer; its typings only say boolean.)
      return output === text ? undefined : output;
    }
    const fixes = current.records.filter((record) => record.message.fix && wanted(record.message)).map((record) => record.message.fix!);
    const bom = text.startsWith('\uFEFF') ? 1 : 0;
    let output = '';
    let cursor = 0;
    for (const fix of fixes.sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1])) {
      const start = fix.range[0] + bom;
      if (start < cursor) continue; // overlaps an earlier fix; the next run picks it up
      output += text.slice(cursor, start) + fix.text;
      cursor = fix.range[1] + bom;
    }
    output += text.slice(cursor);
    return output === text ? undefined : output;
  }

  private multilineTokens(linter: Linter): Array<[number, number]> {
    const ast = linter.getSourceCode()?.ast;
    const spans: Array<[number, number]> = [];
    for (const token of [...(ast?.tokens ?? []), ...(ast?.comments ?? [])]) {
      if (token.loc && token.range && token.loc.start.line !== token.loc.end.line) spans.push([token.range[0], token.range[1]]);
    }
    return spans;
  }

  /** Rule options are checked once per settings object: an invalid entry is reported and replaced by the preset's. */
  private prepare(settings: FaultlineSettings): PreparedSettings {
    const cached = this.prepared.get(settings);
    if (cached) return cached;
    const preset = presetRules(this.source, settings.preset);
    const rules: Record<string, Linter.RuleEntry> = {};
    const severities = new Map<string, DiagnosticSeverity>();
    for (const [id, info] of this.rules) {
      const name = `${PLUGIN_NAMESPACE}/${id}`;
      const base = preset[name] ?? 'off';
      const [baseSeverity, ...baseOptions] = Array.isArray(base) ? base : [base];
      const severity = settings.rules[id] ?? severityName(baseSeverity);
      if (severity === 'off') {
        rules[name] = 'off';
        continue;
      }
      severities.set(name, SEVERITY[severity]);
      const eslintSeverity = severity === 'error' ? 'error' : 'warn';
      const overrides: Record<string, unknown> = {};
      if (info.takesTimeoutMs && settings.timeoutMs !== undefined) overrides.timeoutMs = settings.timeoutMs;
      Object.assign(overrides, settings.ruleOptions[id]);
      if (Object.keys(overrides).length === 0) {
        rules[name] = [eslintSeverity, ...baseOptions] as Linter.RuleEntry;
        continue;
      }
      const first = (baseOptions[0] ?? {}) as Record<string, unknown>;
      const candidate = [eslintSeverity, { ...first, ...overrides }, ...baseOptions.slice(1)] as Linter.RuleEntry;
      const problem = this.optionsProblem(name, candidate);
      if (problem) this.options.error(`Invalid options for ${name} in "faultline.ruleOptions"/"faultline.timeoutMs": ${problem} Using the rule's defaults.`);
      rules[name] = problem ? ([eslintSeverity, ...baseOptions] as Linter.RuleEntry) : candidate;
    }
    const prepared = { rules, severities };
    this.prepared.set(settings, prepared);
    return prepared;
  }

  /** ESLint validates options against the rule's schema when a config is used; an empty JS file is the cheapest use. */
  private optionsProblem(name: string, entry: Linter.RuleEntry): string | undefined {
    try {
      const config: Linter.Config = { files: FILES, plugins: { [PLUGIN_NAMESPACE]: this.plugin as never }, languageOptions: { parser: parser as never }, rules: { [name]: entry } };
      new Linter({ configType: 'flat' }).verify('', [config], { filename: 'probe.ts' });
      return undefined;
    } catch (error) {
      return (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ').trim();
    }
  }

  private programFor(filePath: string, text: string, version: number): import('typescript').Program | undefined {
    const projects = this.options.projects;
    if (!projects) return undefined;
    try {
      return projects.programFor(filePath, text, version);
    } catch (error) {
      this.options.log(`Type information unavailable for ${filePath}: ${String(error)}`);
      return undefined;
    }
  }

  private config(filePath: string, prepared: PreparedSettings, program: import('typescript').Program | undefined): Linter.Config[] {
    const extension = path.extname(filePath);
    const parserOptions: Record<string, unknown> = {
      ecmaVersion: 'latest',
      sourceType: extension === '.cjs' ? 'commonjs' : 'module',
      ecmaFeatures: { jsx: extension === '.jsx' || extension === '.js' || extension === '.tsx' },
    };
    if (program) parserOptions.programs = [program];
    return [{
      files: FILES,
      plugins: { [PLUGIN_NAMESPACE]: this.plugin as never },
      languageOptions: { parser: parser as never, parserOptions },
      // Disable comments naming rules we don't run are the workspace's business, not ours.
      linterOptions: { reportUnusedDisableDirectives: 'off' },
      rules: prepared.rules,
    }];
  }

  /** One Linter per filesystem root, so every absolute path is inside its `cwd` and matches `files`. */
  private linterFor(filePath: string): Linter {
    const root = path.parse(filePath).root || '/';
    let linter = this.linters.get(root);
    if (!linter) {
      linter = new Linter({ configType: 'flat', cwd: root });
      this.linters.set(root, linter);
    }
    return linter;
  }
}

function severityName(severity: Linter.RuleSeverity | undefined): 'off' | 'warn' | 'error' {
  if (severity === 2 || severity === 'error') return 'error';
  if (severity === 1 || severity === 'warn') return 'warn';
  return 'off';
}
