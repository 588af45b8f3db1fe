/**
 * Per-document settings: what the client answers to `workspace/configuration` for section `faultline`.
 * They are resolved per URI and cached by the server per URI, never kept as server globals
 * (vscode-eslint agents.md). server/SETTINGS.md lists them for the client's `contributes.configuration`;
 * keep the two in step.
 */

export type RuleSeverity = 'off' | 'info' | 'warn' | 'error';
export type RunMode = 'onType' | 'onSave';
export type Preset = 'recommended' | 'strict';

export interface FaultlineSettings {
  /** Lint at all. `false` clears the document's diagnostics. */
  enable: boolean;
  /** Lint while typing (debounced) or only when the document is opened and saved. */
  run: RunMode;
  /** Which plugin config the rules and their options start from. */
  preset: Preset;
  /** Rule id (`require-timeout` or `faultline/require-timeout`) → severity, overriding the preset. */
  rules: Record<string, RuleSeverity>;
  /** Timeout in ms that fixes insert; handed to every rule whose options schema has `timeoutMs`. Unset: the rule's default. */
  timeoutMs: number | undefined;
  /** Rule id → the rule's options object, merged over the preset's options (and over `timeoutMs`). */
  ruleOptions: Record<string, Record<string, unknown>>;
}

export const DEFAULT_SETTINGS: Readonly<FaultlineSettings> = Object.freeze({
  enable: true,
  run: 'onType',
  preset: 'recommended',
  rules: {},
  timeoutMs: undefined,
  ruleOptions: {},
});

const SEVERITIES: readonly RuleSeverity[] = ['off', 'info', 'warn', 'error'];

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `faultline/require-timeout` and `require-timeout` name the same rule in settings. */
export function bareRuleId(id: string): string {
  return id.startsWith('faultline/') ? id.slice('faultline/'.length) : id;
}

/**
 * Reads whatever the client sent into valid settings. Each invalid field is reported in `problems`
 * (one clear sentence naming the setting) and replaced by its default, so one typo never stops linting.
 * `knownRules` are the plugin's rule ids: settings naming another rule are reported and ignored.
 */
export function parseSettings(raw: unknown, knownRules: ReadonlySet<string>): { settings: FaultlineSettings; problems: string[] } {
  const problems: string[] = [];
  const settings: FaultlineSettings = { ...DEFAULT_SETTINGS, rules: {}, ruleOptions: {} };
  if (raw === null || raw === undefined) return { settings, problems };
  if (!isPlainObject(raw)) {
    problems.push(`"faultline" settings must be an object, got ${JSON.stringify(raw)}; using the defaults.`);
    return { settings, problems };
  }
  const invalid = (name: string, expected: string): void => {
    problems.push(`"faultline.${name}" must be ${expected}, got ${JSON.stringify(raw[name])}; using the default.`);
  };

  if (raw.enable !== undefined) {
    if (typeof raw.enable === 'boolean') settings.enable = raw.enable;
    else invalid('enable', 'true or false');
  }
  if (raw.run !== undefined) {
    if (raw.run === 'onType' || raw.run === 'onSave') settings.run = raw.run;
    else invalid('run', '"onType" or "onSave"');
  }
  if (raw.preset !== undefined) {
    if (raw.preset === 'recommended' || raw.preset === 'strict') settings.preset = raw.preset;
    else invalid('preset', '"recommended" or "strict"');
  }
  if (raw.timeoutMs !== undefined && raw.timeoutMs !== null) {
    const value = raw.timeoutMs;
    if (typeof value === 'number' && Number.isInteger(value) && value > 0) settings.timeoutMs = value;
    else invalid('timeoutMs', 'a positive whole number of milliseconds');
  }
  if (raw.rules !== undefined && raw.rules !== null) {
    if (!isPlainObject(raw.rules)) invalid('rules', 'an object mapping rule ids to "off" | "info" | "warn" | "error"');
    else {
      for (const [id, severity] of Object.entries(raw.rules)) {
        const rule = bareRuleId(id);
        if (!knownRules.has(rule)) problems.push(`"faultline.rules" names an unknown rule "${id}"; ignored. Known rules: ${[...knownRules].join(', ')}.`);
        else if (!SEVERITIES.includes(severity as RuleSeverity)) problems.push(`"faultline.rules.${id}" must be one of ${SEVERITIES.map((s) => `"${s}"`).join(', ')}, got ${JSON.stringify(severity)}; ignored.`);
        else settings.rules[rule] = severity as RuleSeverity;
      }
    }
  }
  if (raw.ruleOptions !== undefined && raw.ruleOptions !== null) {
    if (!isPlainObject(raw.ruleOptions)) invalid('ruleOptions', 'an object mapping rule ids to option objects');
    else {
      for (const [id, options] of Object.entries(raw.ruleOptions)) {
        const rule = bareRuleId(id);
        if (!knownRules.has(rule)) problems.push(`"faultline.ruleOptions" names an unknown rule "${id}"; ignored.`);
        else if (!isPlainObject(options)) problems.push(`"faultline.ruleOptions.${id}" must be an options object, got ${JSON.stringify(options)}; ignored.`);
        else settings.ruleOptions[rule] = options;
      }
    }
  }
  return { settings, problems };
}
