import * as assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver/node';
import { parseSettings } from '../../server/settings';
import { actionsAt, applyEdit, openDocument, startServer, titles, type Harness } from './helpers';

const CODE = 'export const load = (url: string) => fetch(url);\n';
const RULES = new Set(['require-timeout', 'no-unsafe-retry']);

describe('server: settings', () => {
  let harness: Harness;
  beforeEach(() => {
    harness = startServer();
  });
  afterEach(() => harness.server.dispose());

  it('asks for the faultline section per document and caches it until the configuration changes', async () => {
    await openDocument(harness, 'file:///work/a.ts', CODE);
    await openDocument(harness, 'file:///work/b.ts', CODE);
    harness.server.didChange({ textDocument: { uri: 'file:///work/a.ts', version: 2 }, contentChanges: [{ text: CODE }] });
    await harness.server.validate('file:///work/a.ts');
    assert.deepEqual(harness.client.configurationRequests, ['file:///work/a.ts', 'file:///work/b.ts']);
  });

  it('turns a rule off, and changes severity to error or info', async () => {
    harness.client.settingsByUri.set('file:///work/off.ts', { rules: { 'require-timeout': 'off' } });
    harness.client.settingsByUri.set('file:///work/error.ts', { rules: { 'faultline/require-timeout': 'error' } });
    harness.client.settingsByUri.set('file:///work/info.ts', { rules: { 'require-timeout': 'info' } });
    assert.deepEqual(await openDocument(harness, 'file:///work/off.ts', CODE), []);
    assert.equal((await openDocument(harness, 'file:///work/error.ts', CODE))[0]?.severity, DiagnosticSeverity.Error);
    assert.equal((await openDocument(harness, 'file:///work/info.ts', CODE))[0]?.severity, DiagnosticSeverity.Information);
  });

  it('timeoutMs changes the suggestion\'s text and the inserted value; ruleOptions win over it', async () => {
    harness.client.settingsByUri.set('file:///work/t5.ts', { timeoutMs: 5000 });
    const [diagnostic] = await openDocument(harness, 'file:///work/t5.ts', CODE);
    const [suggestion] = await actionsAt(harness, 'file:///work/t5.ts', diagnostic!);
    assert.equal(suggestion?.title, 'Add a 5 s timeout');
    assert.equal(applyEdit(CODE, suggestion?.edit), 'export const load = (url: string) => fetch(url, { signal: AbortSignal.timeout(5000) });\n');
    harness.client.settingsByUri.set('file:///work/t2.ts', { timeoutMs: 5000, ruleOptions: { 'require-timeout': { timeoutMs: 2500 } } });
    const [second] = await openDocument(harness, 'file:///work/t2.ts', CODE);
    assert.equal((await actionsAt(harness, 'file:///work/t2.ts', second!))[0]?.title, 'Add a 2.5 s timeout');
  });

  it('passes rule options through: checkUnknown reports a call whose options it cannot see', async () => {
    const code = 'export const load = (url: string, init: RequestInit) => fetch(url, init);\n';
    assert.deepEqual(await openDocument(harness, 'file:///work/default.ts', code), []);
    harness.client.settingsByUri.set('file:///work/unknown.ts', { ruleOptions: { 'require-timeout': { checkUnknown: true } } });
    const [diagnostic] = await openDocument(harness, 'file:///work/unknown.ts', code);
    assert.match(String(diagnostic?.message), /cannot see whether this fetch call has a timeout/);
  });

  it('preset "strict" starts every rule as an error with its strict options', async () => {
    harness.client.settings = { preset: 'strict' };
    const [diagnostic] = (await openDocument(harness, 'file:///work/strict.ts', 'export const load = (url: string, init: RequestInit) => fetch(url, init);\n')).filter((d) => d.code === 'faultline/require-timeout');
    assert.equal(diagnostic?.severity, DiagnosticSeverity.Error);
  });

  it('enable: false publishes nothing and offers no actions', async () => {
    harness.client.settings = { enable: false };
    assert.deepEqual(await openDocument(harness, 'file:///work/disabled.ts', CODE), []);
  });

  it('invalid settings are reported clearly and the server keeps serving with the defaults', async () => {
    harness.client.settings = { run: 'sometimes', timeoutMs: -1, rules: { 'require-timeout': 'loud', 'no-such-rule': 'off' }, ruleOptions: { 'require-timeout': { bogus: 1 } } };
    const [diagnostic] = await openDocument(harness, 'file:///work/invalid.ts', CODE);
    assert.equal(diagnostic?.severity, DiagnosticSeverity.Warning);
    assert.equal((await actionsAt(harness, 'file:///work/invalid.ts', diagnostic!))[0]?.title, 'Add a 10 s timeout');
    const errors = harness.client.errors.join('\n');
    assert.match(errors, /"faultline.run" must be "onType" or "onSave", got "sometimes"; using the default/);
    assert.match(errors, /"faultline.timeoutMs" must be a positive whole number of milliseconds, got -1/);
    assert.match(errors, /"faultline.rules.require-timeout" must be one of "off", "info", "warn", "error", got "loud"/);
    assert.match(errors, /unknown rule "no-such-rule"/);
    assert.match(errors, /Invalid options for faultline\/require-timeout .*bogus.* Using the rule's defaults/);
  });

  it('settings that are not an object at all fall back to the defaults', async () => {
    harness.client.settings = 'yes please';
    assert.equal((await openDocument(harness, 'file:///work/string.ts', CODE)).length, 1);
    assert.match(harness.client.errors.join('\n'), /"faultline" settings must be an object/);
  });

  it('a configuration change drops the cache and re-lints open documents (push)', async () => {
    const uri = 'file:///work/change.ts';
    assert.equal((await openDocument(harness, uri, CODE)).length, 1);
    harness.client.settings = { rules: { 'require-timeout': 'off' } };
    const next = harness.client.nextDiagnostics(uri);
    harness.server.didChangeConfiguration({ settings: null });
    assert.deepEqual((await next).diagnostics, []);
  });

  it('a configuration change asks a pull client to refresh, and the next pull uses the new settings', async () => {
    harness.server.dispose();
    harness = startServer({ pull: true });
    const uri = 'file:///work/pull.ts';
    harness.server.didOpen({ textDocument: { uri, languageId: 'typescript', version: 1, text: CODE } });
    assert.equal((await harness.server.pullDiagnostics({ textDocument: { uri } }) as { items: unknown[] }).items.length, 1);
    harness.client.settings = { rules: { 'require-timeout': 'error' } };
    harness.server.didChangeConfiguration({ settings: null });
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(harness.client.refreshes, 1);
    const report = await harness.server.pullDiagnostics({ textDocument: { uri } }) as { items: Array<{ severity: number }> };
    assert.equal(report.items[0]?.severity, DiagnosticSeverity.Error);
  });

  it('run: onSave lints on open and save, not while typing', async () => {
    harness.client.settings = { run: 'onSave' };
    const uri = 'file:///work/save.ts';
    assert.equal((await openDocument(harness, uri, CODE)).length, 1);
    harness.server.didChange({ textDocument: { uri, version: 2 }, contentChanges: [{ text: 'export {};\n' }] });
    await new Promise((resolve) => setTimeout(resolve, 30));
    assert.equal(harness.client.published.length, 1);
    // Findings of the saved text only: no code actions against a text that moved on.
    assert.deepEqual(await harness.server.codeAction({ textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [] } }), []);
    const next = harness.client.nextDiagnostics(uri);
    harness.server.didSave({ textDocument: { uri } });
    assert.deepEqual(await next, { uri, version: 2, diagnostics: [] });
  });

  it('without workspace/configuration, initializationOptions.settings apply', async () => {
    harness.server.dispose();
    harness = startServer({ configuration: false, init: { settings: { timeoutMs: 3000 } } });
    const uri = 'file:///work/init.ts';
    const [diagnostic] = await openDocument(harness, uri, CODE);
    assert.deepEqual(titles(await actionsAt(harness, uri, diagnostic!)).slice(0, 1), ['Add a 3 s timeout']);
    assert.deepEqual(harness.client.configurationRequests, []);
  });
});

describe('server: parseSettings', () => {
  it('accepts rule ids with or without the faultline/ prefix, and null as unset', () => {
    const { settings, problems } = parseSettings({ rules: { 'faultline/require-timeout': 'error', 'no-unsafe-retry': 'off' }, timeoutMs: null, ruleOptions: null }, RULES);
    assert.deepEqual(problems, []);
    assert.deepEqual(settings.rules, { 'require-timeout': 'error', 'no-unsafe-retry': 'off' });
    assert.equal(settings.timeoutMs, undefined);
  });

  it('replaces each invalid field by its default and says so', () => {
    const { settings, problems } = parseSettings({ enable: 'yes', preset: 'lenient', rules: [], ruleOptions: { 'require-timeout': 3 } }, RULES);
    assert.equal(settings.enable, true);
    assert.equal(settings.preset, 'recommended');
    assert.equal(problems.length, 4);
  });
});
