import type { Linter, Rule } from 'eslint';
// The plugin's public export only (out/rules/index.js once built): the server never reaches into rule internals,
// so every rule another engineer adds appears here with no server change.
import faultline = require('../rules');

/**
 * A location a rule points at besides the report itself ("retried here", "instance created here").
 *
 * Convention (ESLint has no related locations, and a message's `data` never reaches `Linter` output): a rule
 * that wants them puts `relatedLocations: RelatedLocation[]` in its report's `data`, e.g.
 * `context.report({ node, messageId, data: { ..., relatedLocations: [{ message: 'retried here', loc: scope.loc }] } })`.
 * `loc` is an ESLint/ESTree `SourceLocation` (1-based lines, 0-based columns), so a node's `loc` can be passed as is.
 * Message templates don't mention the key, so the CLI ignores it; the server captures it by wrapping each rule's
 * `context.report` (see `withRelatedCapture`) and turns it into LSP `relatedInformation`.
 */
export interface RelatedLocation {
  message: string;
  loc: { start: { line: number; column: number }; end: { line: number; column: number } };
}

export interface RuleInfo {
  id: string;
  docsUrl: string | undefined;
  fixable: boolean;
  /** The rule's first options object accepts `timeoutMs`, so the `faultline.timeoutMs` setting applies. */
  takesTimeoutMs: boolean;
}

/** The shape the server needs from the plugin: its rules and the configs that name their default severities. */
export interface PluginLike {
  rules: Record<string, Rule.RuleModule>;
  configs: Partial<Record<'recommended' | 'strict', Linter.Config>>;
}

/** The plugin's version (its `meta`, from package.json): the server ships with the plugin, so it is the server's too. */
export function pluginVersion(): string {
  return faultline.meta.version;
}

/** The faultline plugin itself; tests may hand the server another plugin of the same shape. */
export const FAULTLINE_PLUGIN = faultline as unknown as PluginLike;

/** `filename` is the linted file's, for callers that lint many files in one run (the benchmarks); the server lints one. */
type Sink = (ruleId: string, key: string, related: RelatedLocation[], filename: string) => void;

export const PLUGIN_NAMESPACE = 'faultline';

/** Where a report lands, as ESLint's message will say it: 1-based line, 1-based column. */
function reportKey(descriptor: Rule.ReportDescriptor): string | undefined {
  const loc = 'loc' in descriptor && descriptor.loc ? descriptor.loc : 'node' in descriptor ? descriptor.node.loc : undefined;
  if (!loc) return undefined;
  const start = 'start' in loc ? loc.start : loc;
  const messageId = 'messageId' in descriptor ? descriptor.messageId : undefined;
  return `${start.line}:${start.column + 1}:${messageId ?? ''}`;
}

export function keyOfMessage(message: Linter.LintMessage): string {
  return `${message.line}:${message.column}:${message.messageId ?? ''}`;
}

function isRelatedLocation(value: unknown): value is RelatedLocation {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<RelatedLocation>;
  return typeof candidate.message === 'string' && typeof candidate.loc?.start?.line === 'number' && typeof candidate.loc?.end?.line === 'number';
}

/**
 * The faultline plugin with each rule's `context.report` observed: reports carrying `data.relatedLocations`
 * are handed to `sink` (the current lint run). Everything else passes through untouched.
 */
export function withRelatedCapture(source: PluginLike, sink: () => Sink | undefined): { plugin: PluginLike; rules: Map<string, RuleInfo> } {
  const rules: Record<string, Rule.RuleModule> = {};
  const infos = new Map<string, RuleInfo>();
  for (const [id, original] of Object.entries(source.rules)) {
    const schema = original.meta?.schema;
    const first = Array.isArray(schema) ? schema[0] : undefined;
    infos.set(id, {
      id,
      docsUrl: original.meta?.docs?.url,
      fixable: Boolean(original.meta?.fixable),
      takesTimeoutMs: Boolean(first && typeof first === 'object' && 'properties' in first && first.properties && 'timeoutMs' in first.properties),
    });
    rules[id] = {
      meta: original.meta,
      create(context) {
        const observed = Object.create(context, {
          report: {
            value(descriptor: Rule.ReportDescriptor) {
              const related = (descriptor.data as Record<string, unknown> | undefined)?.relatedLocations;
              const current = sink();
              if (current && Array.isArray(related)) {
                const key = reportKey(descriptor);
                if (key) current(`${PLUGIN_NAMESPACE}/${id}`, key, related.filter(isRelatedLocation), context.filename);
              }
              context.report(descriptor);
            },
          },
        }) as Rule.RuleContext;
        return original.create(observed);
      },
    };
  }
  return { plugin: { ...source, rules }, rules: infos };
}

/** The preset's rule entries (`faultline/<id>` → severity or [severity, ...options]), read from the plugin's configs. */
export function presetRules(source: PluginLike, preset: 'recommended' | 'strict'): Record<string, Linter.RuleEntry> {
  return { ...(source.configs[preset]?.rules ?? {}) } as Record<string, Linter.RuleEntry>;
}
