import * as assert from 'node:assert/strict';
import type { CodeAction } from 'vscode-languageserver/node';
import { actionsAt, applyEdit, openDocument, ranges, startServer, titles, type Harness } from './helpers';
import { fakePlugin } from './fake-plugin';

const RULE = 'faultline/require-timeout';
const FIX_ALL = 'source.fixAll.faultline';

function action(actions: CodeAction[], title: string): CodeAction {
  const found = actions.find((candidate) => candidate.title === title);
  assert.ok(found, `no action "${title}" among ${JSON.stringify(titles(actions))}`);
  return found;
}

/** Opens `text`, asks for the actions at its `index`-th diagnostic, applies `title`, and returns text and new findings. */
async function apply(harness: Harness, text: string, title: string, index = 0): Promise<{ text: string; after: string[] }> {
  const uri = `file:///work/app/actions-${Math.random().toString(36).slice(2)}.ts`;
  const diagnostics = await openDocument(harness, uri, text);
  const chosen = action(await actionsAt(harness, uri, diagnostics[index]!), title);
  const fixed = applyEdit(text, chosen.edit);
  const check = `file:///work/app/check-${Math.random().toString(36).slice(2)}.ts`;
  return { text: fixed, after: ranges(await openDocument(harness, check, fixed)) };
}

describe('server: code actions', () => {
  let harness: Harness;
  beforeEach(() => {
    harness = startServer();
  });
  afterEach(() => harness.server.dispose());

  it('offers the suggestion, disable-line, disable-file and documentation, in that order', async () => {
    const uri = 'file:///work/app/order.ts';
    const [diagnostic] = await openDocument(harness, uri, 'await fetch(url);\n');
    const actions = await actionsAt(harness, uri, diagnostic!);
    assert.deepEqual(titles(actions), ['Add a 10 s timeout', `Disable ${RULE} for this line`, `Disable ${RULE} for the entire file`, `Show documentation for ${RULE}`]);
    assert.ok(actions.every((candidate) => candidate.kind === 'quickfix' && candidate.diagnostics?.[0] === diagnostic));
  });

  it('applies each suggestion as a quick fix with the document version, and the finding goes away', async () => {
    const result = await apply(harness, 'export const load = (url: string) => fetch(url);\n', 'Add a 10 s timeout');
    assert.equal(result.text, 'export const load = (url: string) => fetch(url, { signal: AbortSignal.timeout(10000) });\n');
    assert.deepEqual(result.after, []);
    const axios = await apply(harness, "import axios from 'axios';\nexport const save = (body: unknown) => axios.post('/orders', body);\n", 'Add a 10 s timeout');
    assert.equal(axios.text.split('\n')[1], "export const save = (body: unknown) => axios.post('/orders', body, { timeout: 10000 });");
    assert.deepEqual(axios.after, []);
  });

  it('every edit is a TextDocumentEdit naming the version it was computed for', async () => {
    const uri = 'file:///work/app/versioned.ts';
    const [diagnostic] = await openDocument(harness, uri, 'fetch("a");\n', 'typescript', 7);
    for (const candidate of await actionsAt(harness, uri, diagnostic!)) {
      if (!candidate.edit) continue;
      assert.deepEqual(candidate.edit.documentChanges?.map((change) => 'textDocument' in change && change.textDocument), [{ uri, version: 7 }]);
    }
  });

  it('disables the rule for the line with a new comment at the line\'s indent', async () => {
    const result = await apply(harness, 'export async function f() {\n    await fetch("a");\n}\n', `Disable ${RULE} for this line`);
    assert.equal(result.text, 'export async function f() {\n    // eslint-disable-next-line faultline/require-timeout\n    await fetch("a");\n}\n');
    assert.deepEqual(result.after, []);
  });

  it('merges into an existing eslint-disable-next-line comment, before its reason, line or block', async () => {
    const line = await apply(harness, '// eslint-disable-next-line no-console\nconsole.log(await fetch("a"));\n', `Disable ${RULE} for this line`);
    assert.equal(line.text, '// eslint-disable-next-line no-console, faultline/require-timeout\nconsole.log(await fetch("a"));\n');
    assert.deepEqual(line.after, []);
    const reason = await apply(harness, '  // eslint-disable-next-line no-console -- legacy\n  console.log(await fetch("a"));\n', `Disable ${RULE} for this line`);
    assert.equal(reason.text.split('\n')[0], '  // eslint-disable-next-line no-console, faultline/require-timeout -- legacy');
    assert.deepEqual(reason.after, []);
    const block = await apply(harness, '/* eslint-disable-next-line no-console */\nconsole.log(await fetch("a"));\n', `Disable ${RULE} for this line`);
    assert.equal(block.text.split('\n')[0], '/* eslint-disable-next-line no-console, faultline/require-timeout */');
    assert.deepEqual(block.after, []);
  });

  it('disables the rule for the file at the top, below a shebang, or in an existing eslint-disable comment', async () => {
    const top = await apply(harness, 'import x from "y";\nfetch(x);\n', `Disable ${RULE} for the entire file`);
    assert.equal(top.text, '/* eslint-disable faultline/require-timeout */\nimport x from "y";\nfetch(x);\n');
    assert.deepEqual(top.after, []);
    const shebang = await apply(harness, '#!/usr/bin/env node\nfetch("a");\n', `Disable ${RULE} for the entire file`);
    assert.equal(shebang.text, '#!/usr/bin/env node\n/* eslint-disable faultline/require-timeout */\nfetch("a");\n');
    assert.deepEqual(shebang.after, []);
    const merged = await apply(harness, '/* eslint-disable no-console */\nfetch("a");\n', `Disable ${RULE} for the entire file`);
    assert.equal(merged.text, '/* eslint-disable no-console, faultline/require-timeout */\nfetch("a");\n');
    assert.deepEqual(merged.after, []);
  });

  it('offers no disable-line comment where it would land inside a template literal or JSX text', async () => {
    for (const [name, text, languageId] of [
      ['template.ts', 'const q = `\n${fetch("/x")}\n`;\n', 'typescript'],
      ['children.tsx', 'export const A = () => (\n  <div>\n    {fetch("/x")}\n  </div>\n);\n', 'typescriptreact'],
    ] as const) {
      const uri = `file:///work/app/${name}`;
      const [diagnostic] = await openDocument(harness, uri, text, languageId);
      const offered = titles(await actionsAt(harness, uri, diagnostic!));
      assert.ok(!offered.includes(`Disable ${RULE} for this line`), `${name}: ${offered.join(', ')}`);
      assert.ok(offered.includes(`Disable ${RULE} for the entire file`), name);
    }
  });

  it('shows documentation through window/showDocument', async () => {
    const uri = 'file:///work/app/docs.ts';
    const [diagnostic] = await openDocument(harness, uri, 'fetch("a");\n');
    const show = action(await actionsAt(harness, uri, diagnostic!), `Show documentation for ${RULE}`);
    assert.equal(show.command?.command, 'faultline.showDocumentation');
    await harness.server.executeCommand({ command: show.command.command, arguments: show.command.arguments ?? [] });
    assert.deepEqual(harness.client.shown, [{ uri: 'https://github.com/faultline-dev/faultline/blob/main/docs/rules/require-timeout.md', external: true }]);
  });

  it('offers one disable-file and documentation action per rule, however many diagnostics are asked about', async () => {
    const uri = 'file:///work/app/many.ts';
    const diagnostics = await openDocument(harness, uri, 'fetch("a");\nfetch("b");\n');
    const actions = await harness.server.codeAction({ textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 2, character: 0 } }, context: { diagnostics } });
    assert.deepEqual(titles(actions).filter((title) => title.startsWith('Disable') || title.startsWith('Show')), [
      `Disable ${RULE} for this line`, `Disable ${RULE} for the entire file`, `Show documentation for ${RULE}`, `Disable ${RULE} for this line`,
    ]);
  });

  it('ignores diagnostics that are not faultline\'s or no longer match a finding', async () => {
    const uri = 'file:///work/app/foreign.ts';
    const [diagnostic] = await openDocument(harness, uri, 'fetch("a");\n');
    assert.deepEqual(await actionsAt(harness, uri, { ...diagnostic!, source: 'ts' }), []);
    assert.deepEqual(await actionsAt(harness, uri, { ...diagnostic!, message: 'something else' }), []);
  });

  it('source.fixAll.faultline applies no suggestions (the real rules only suggest)', async () => {
    const uri = 'file:///work/app/no-fix-all.ts';
    const [diagnostic] = await openDocument(harness, uri, 'fetch("a");\n');
    assert.deepEqual(await actionsAt(harness, uri, diagnostic!, [FIX_ALL]), []);
    assert.deepEqual(await harness.server.codeAction({ textDocument: { uri }, range: diagnostic!.range, context: { diagnostics: [], only: ['source'] } }), []);
  });

  it('sends plain changes to a client without versioned document edits', async () => {
    harness.server.dispose();
    harness = startServer({ versioned: false });
    const uri = 'file:///work/app/plain.ts';
    const [diagnostic] = await openDocument(harness, uri, 'fetch("a");\n');
    const suggestion = action(await actionsAt(harness, uri, diagnostic!), 'Add a 10 s timeout');
    assert.deepEqual(Object.keys(suggestion.edit?.changes ?? {}), [uri]);
  });
});

describe('server: fix-all (with a fixable stand-in rule)', () => {
  const text = 'var a = 1;\nvar b = 2;\nlet c = 3;\n';

  for (const resolve of [true, false]) {
    it(`source.fixAll.faultline applies every autofix ${resolve ? 'on codeAction/resolve' : 'eagerly for clients without resolve'}`, async () => {
      const harness = startServer({ plugin: fakePlugin, resolve });
      const uri = 'file:///work/app/fix-all.ts';
      await openDocument(harness, uri, text);
      const [fixAll, ...rest] = await harness.server.codeAction({ textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: [FIX_ALL] } });
      assert.deepEqual(rest, []);
      assert.equal(fixAll?.kind, FIX_ALL);
      assert.equal(fixAll?.title, 'Fix all auto-fixable faultline problems');
      assert.equal(fixAll?.edit === undefined, resolve);
      const resolved = resolve ? await harness.server.resolveCodeAction(fixAll!) : fixAll!;
      assert.equal(applyEdit(text, resolved.edit), 'let a = 1;\nlet b = 2;\nlet c = 3;\n');
      harness.server.dispose();
    });
  }

  it('offers "Fix this" (preferred) and a per-rule fix-all as quick fixes', async () => {
    const harness = startServer({ plugin: fakePlugin, resolve: true });
    const uri = 'file:///work/app/fix-rule.ts';
    const mixed = 'var a = 1;\nretry(() => charge());\nvar b = 2;\n';
    const diagnostics = await openDocument(harness, uri, mixed);
    const actions = await actionsAt(harness, uri, diagnostics[0]!);
    const fixThis = action(actions, 'Fix this faultline/fixable-var problem');
    assert.equal(fixThis.isPreferred, true);
    assert.equal(applyEdit(mixed, fixThis.edit), 'let a = 1;\nretry(() => charge());\nvar b = 2;\n');
    const perRule = await harness.server.resolveCodeAction(action(actions, 'Fix all faultline/fixable-var problems'));
    assert.equal(applyEdit(mixed, perRule.edit), 'let a = 1;\nretry(() => charge());\nlet b = 2;\n');
    const related = await actionsAt(harness, uri, diagnostics[1]!);
    assert.ok(!titles(related).some((title) => title.startsWith('Fix all')), 'related-demo has no autofix');
    harness.server.dispose();
  });

  it('the client-side "fix all in this file" command applies the edit through workspace/applyEdit', async () => {
    const harness = startServer({ plugin: fakePlugin });
    const uri = 'file:///work/app/fix-command.ts';
    await openDocument(harness, uri, text, 'typescript', 3);
    await harness.server.executeCommand({ command: 'faultline.applyFixAll', arguments: [{ uri, version: 3 }] });
    assert.equal(harness.client.applied.length, 1);
    assert.equal(applyEdit(text, harness.client.applied[0]), 'let a = 1;\nlet b = 2;\nlet c = 3;\n');
    harness.server.dispose();
  });
});
