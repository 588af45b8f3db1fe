import { strict as assert } from 'node:assert';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { artifactDir, createWorkspace, ensurePackaged, EXTENSION_ID, FIX_TITLE, requireTool, ROOT, SAMPLE_FILE, SAMPLE_FIXED_LINE, VSIX } from './support';

const CHROMIUM = '/usr/bin/chromium';
const CODE_SERVER = path.join(ROOT, 'tools', 'code-server', 'node_modules', '.bin', 'code-server');
// Generous: the machine is shared, and under load the workbench alone has taken over a minute to appear.
// Nothing here asserts on speed; timings.json records how long each stage took.
const UI_TIMEOUT = 180_000;

/** What VS Code's settings.json needs for a quiet, deterministic workbench (recipes.md §2). */
const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'workbench.colorTheme': 'Default Light Modern',
  'workbench.tips.enabled': false,
  'editor.minimap.enabled': false,
  // Keep every opened file open: the server lints open documents and clears a document's problems on close.
  'workbench.editor.enablePreview': false,
  'workbench.editor.enablePreviewFromQuickOpen': false,
};

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function waitForHealth(url: string, child: ChildProcess, log: string): Promise<void> {
  const deadline = Date.now() + UI_TIMEOUT;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`code-server exited with ${child.exitCode}:\n${fs.readFileSync(log, 'utf8')}`);
    try {
      if ((await fetch(url, { signal: AbortSignal.timeout(2000) })).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`code-server did not answer ${url} within ${UI_TIMEOUT} ms:\n${fs.readFileSync(log, 'utf8')}`);
}

/**
 * Opens a workspace file through Quick Open (Ctrl+P) as a user would, and waits until it is the active tab.
 * Enter is pressed only once the focused entry is the file: before the filter applies, the list shows
 * recently opened files.
 */
async function quickOpen(page: Page, file: string): Promise<void> {
  const name = JSON.stringify(path.basename(file));
  await page.keyboard.press('Control+P');
  await page.waitForSelector('.quick-input-widget input');
  await page.keyboard.type(file);
  await page.waitForFunction(`document.querySelector('.quick-input-list .monaco-list-row.focused')?.getAttribute('aria-label')?.includes(${name})`);
  await page.keyboard.press('Enter');
  await page.waitForFunction(`document.querySelector('.tabs-container .tab.active')?.getAttribute('aria-label')?.includes(${name})`);
}

/** The quick-fix menu's rows, e.g. ["Quick Fix", "Add a 10 s timeout", ...], and the focused one. */
async function actionMenu(page: Page): Promise<{ rows: string[]; focused: string | null }> {
  return page.$$eval('.action-widget .monaco-list-row', (rows) => ({
    rows: rows.map((row) => row.getAttribute('aria-label') ?? ''),
    focused: rows.find((row) => row.classList.contains('focused'))?.getAttribute('aria-label') ?? null,
  }));
}

describe('VS Code (code-server 4.100.3 + Debian chromium) with the packed .vsix', function () {
  this.timeout(900_000);

  let scratch: string;
  let codeServer: ChildProcess | undefined;
  let context: BrowserContext | undefined;
  let page: Page | undefined;
  let extensions: string;
  let base: string;
  const workspaces: string[] = [];
  let artifacts: string;

  before(function () {
    requireTool(this, 'chromium', CHROMIUM);
    requireTool(this, 'code-server', CODE_SERVER);
    ensurePackaged();
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'faultline-code-server-'));
    artifacts = artifactDir('code-server');
  });

  after(async function () {
    await context?.close().catch(() => undefined);
    // code-server keeps an extension host (and our server) per browser session alive after the page closes;
    // it was started as a process-group leader, so this ends exactly the processes this test started.
    if (codeServer?.pid !== undefined && codeServer.exitCode === null) {
      try {
        process.kill(-codeServer.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    }
    const log = scratch && path.join(scratch, 'code-server.log');
    if (log && fs.existsSync(log)) fs.copyFileSync(log, path.join(artifacts, 'code-server.log'));
    // VS Code's own logs, including the "Faultline" output channel (the server's log lines).
    const logs = scratch && path.join(scratch, 'user', 'logs');
    if (logs && fs.existsSync(logs)) fs.cpSync(logs, path.join(artifacts, 'vscode-logs'), { recursive: true });
    for (const dir of workspaces) fs.rmSync(dir, { recursive: true, force: true });
    if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
  });

  it('shows the squiggle and the Problems entry, and the quick fix removes them', async function () {
    const userData = path.join(scratch, 'user');
    extensions = path.join(scratch, 'extensions');
    fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
    fs.writeFileSync(path.join(userData, 'User', 'settings.json'), JSON.stringify(USER_SETTINGS, null, 2));
    const dirs = ['--user-data-dir', userData, '--extensions-dir', extensions];

    // Install the .vsix the way a user does.
    const installed = execFileSync(CODE_SERVER, [...dirs, '--install-extension', VSIX], { encoding: 'utf8', timeout: UI_TIMEOUT });
    assert.match(installed, /successfully installed/i);
    const listed = execFileSync(CODE_SERVER, [...dirs, '--list-extensions'], { encoding: 'utf8', timeout: UI_TIMEOUT });
    assert.ok(listed.split('\n').includes(EXTENSION_ID), `--list-extensions: ${listed}`);

    const port = await freePort();
    const config = path.join(scratch, 'config.yaml');
    // Loopback only, no password: the test is the only client. A config file keeps ~/.config untouched.
    fs.writeFileSync(config, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
    const workspace = createWorkspace('code-server');
    workspaces.push(workspace);
    const log = path.join(scratch, 'code-server.log');
    const logFd = fs.openSync(log, 'w');
    codeServer = spawn(
      CODE_SERVER,
      ['--config', config, ...dirs, '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override', workspace],
      { detached: true, stdio: ['ignore', logFd, logFd] },
    );
    fs.closeSync(logFd);
    base = `http://127.0.0.1:${port}`;
    await waitForHealth(`${base}/healthz`, codeServer, log);

    context = await chromium.launchPersistentContext(path.join(scratch, 'chromium'), {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1280, height: 800 },
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
    });
    context.setDefaultTimeout(UI_TIMEOUT);
    page = context.pages()[0] ?? (await context.newPage());
    const started = Date.now();
    const timings: Record<string, number> = {};
    const shot = async (name: string) => {
      timings[name] = Date.now() - started;
      await page!.screenshot({ path: path.join(artifacts, `${name}.png`) });
      fs.writeFileSync(path.join(artifacts, 'timings.json'), JSON.stringify(timings, null, 2));
    };

    try {
      await page.goto(`${base}/?folder=${encodeURIComponent(workspace)}`);
      await page.waitForSelector('.explorer-folders-view .monaco-list-row');
      timings['workbench'] = Date.now() - started;

      // Open the sample through Quick Open, as a user would.
      await quickOpen(page, SAMPLE_FILE);
      await page.waitForSelector('.monaco-editor .view-lines');
      timings['editor'] = Date.now() - started;

      // 1. The squiggle (require-timeout reports as a warning under the recommended preset).
      await page.waitForSelector('.monaco-editor .squiggly-warning');
      await shot('1-squiggle');

      // 2. The Problems panel lists it, with our source and rule id.
      await page.keyboard.press('Control+Shift+M');
      await page.waitForSelector('.markers-panel .monaco-list-row');
      // The row's text, e.g. "fetch call has no timeout: … faultline(faultline/require-timeout) [Ln 2, Col 26]"
      // (the aria-label leaves out the code when it is a documentation link).
      const problems = await page.$$eval('.markers-panel .monaco-list-row', (rows) =>
        rows.map((row) => (row as unknown as { innerText: string }).innerText.replace(/\s+/g, ' ').trim()),
      );
      fs.writeFileSync(path.join(artifacts, 'problems.json'), JSON.stringify(problems, null, 2));
      const ours = problems.filter((text) => /\bfaultline\b.*require-timeout/.test(text));
      assert.equal(ours.length, 1, `Problems panel: ${JSON.stringify(problems)}`);
      assert.match(ours[0]!, /fetch call has no timeout/);
      assert.match(ours[0]!, /\[Ln 2, Col 26\]/);
      await shot('2-problems');

      // 3. Ctrl+. on the call offers the quick fix.
      await page.click('.monaco-editor .view-lines');
      await page.keyboard.press('Control+G');
      await page.keyboard.type('2:26');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Control+.');
      await page.waitForSelector('.action-widget .monaco-list-row');
      let menu = await actionMenu(page);
      fs.writeFileSync(path.join(artifacts, 'quick-fix-menu.json'), JSON.stringify(menu.rows, null, 2));
      assert.ok(menu.rows.some((row) => row.startsWith(FIX_TITLE)), `quick fix menu: ${JSON.stringify(menu.rows)}`);
      await shot('3-quick-fix-menu');
      // A pointer-block overlay swallows clicks on the menu, so move the focus with the keyboard.
      for (let moves = 0; !menu.focused?.startsWith(FIX_TITLE) && moves < menu.rows.length; moves++) {
        await page.keyboard.press('ArrowDown');
        menu = await actionMenu(page);
      }
      assert.ok(menu.focused?.startsWith(FIX_TITLE), `could not focus "${FIX_TITLE}": ${JSON.stringify(menu)}`);
      await page.keyboard.press('Enter');

      // 4. The edit lands and the squiggle and the Problems entry go away.
      // (Strings, not functions: they run in the page, and this project compiles without the DOM lib.)
      await page.waitForFunction(`!document.querySelector('.monaco-editor .squiggly-warning')`);
      await page.waitForFunction(
        `![...document.querySelectorAll('.markers-panel .monaco-list-row')].some((row) => (row.getAttribute('aria-label') || '').includes('faultline'))`,
      );
      const text = await page.$eval('.monaco-editor .view-lines', (element) => (element as unknown as { innerText: string }).innerText);
      // The editor renders spaces as non-breaking spaces.
      assert.equal(text.replace(/\u00a0/g, ' ').split('\n')[1], SAMPLE_FIXED_LINE);
      await shot('4-fixed');
    } catch (error) {
      await shot('failure').catch(() => undefined);
      throw error;
    }
  });

  it('restarts the server after a crash and on "Faultline: Restart Server", and the new server lints', async function () {
    if (!page) this.skip();
    const crashed = serverProcesses(extensions);
    assert.equal(crashed.length, 1, `server processes: ${JSON.stringify(crashed)}`);
    // A crash, as far as the client can tell: the process dies without a shutdown request.
    process.kill(crashed[0]!, 'SIGKILL');
    const restarted = await nextServer(extensions, crashed[0]!);

    // The command a user runs: "Faultline: Restart Server" replaces the process.
    await runCommand(page, 'Faultline: Restart Server');
    await nextServer(extensions, restarted);

    // New text with a new finding: only a live server can report it.
    await page.click('.monaco-editor .view-lines');
    await page.keyboard.press('Control+End');
    await page.keyboard.type('export const ping = () => fetch(\'/ping\');');
    await page.waitForSelector('.monaco-editor .squiggly-warning');
    await page.screenshot({ path: path.join(artifacts, '5-after-restart.png') });
  });

  it('shows every finding `npm run demo` prints for examples/', async function () {
    if (!page) this.skip();
    const expected = demoFindings();
    assert.ok(expected.length > 0, 'the demo printed no findings');
    const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'faultline-examples-'));
    workspaces.push(workspace);
    fs.cpSync(path.join(ROOT, 'examples'), workspace, { recursive: true, filter: (source) => !source.includes('node_modules') });
    await page.goto(`${base}/?folder=${encodeURIComponent(workspace)}`);
    try {
      await page.waitForSelector('.explorer-folders-view .monaco-list-row');
      // The server lints open files: open every source file, including those the demo finds nothing in.
      for (const file of fs.readdirSync(path.join(workspace, 'src')).filter((name) => /\.[cm]?[jt]sx?$/.test(name))) {
        await quickOpen(page, `src/${file}`);
      }
      await page.keyboard.press('Control+Shift+M');
      await runCommand(page, 'View: Toggle Maximized Panel');
    } catch (error) {
      await page.screenshot({ path: path.join(artifacts, 'failure-examples.png') }).catch(() => undefined);
      throw error;
    }

    // Findings arrive file by file, and the panel re-renders its rows as they do: a snapshot taken mid-update
    // can hold the right number of rows under the wrong file header. Poll until the panel shows exactly the
    // demo's findings (or time runs out, then show the diff).
    const deadline = Date.now() + UI_TIMEOUT;
    let shown: string[] = [];
    while (Date.now() < deadline) {
      shown = await problemsPanelFindings(page);
      if (JSON.stringify(shown) === JSON.stringify(expected)) break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    fs.writeFileSync(path.join(artifacts, 'examples-findings.json'), JSON.stringify({ demo: expected, editor: shown }, null, 2));
    await page.screenshot({ path: path.join(artifacts, '6-examples-problems.png') });
    assert.deepEqual(shown, expected);
  });
});

/** `npm run demo`'s findings (the ESLint CLI over examples/src) as sorted "src/<file> <line>:<column> <rule>". */
function demoFindings(): string[] {
  const eslint = path.join(ROOT, 'node_modules', '.bin', 'eslint');
  let output: string;
  try {
    output = execFileSync(eslint, ['--config', 'examples/eslint.config.mjs', '-f', 'json', 'examples/src'], { cwd: ROOT, encoding: 'utf8' });
  } catch (error) {
    output = (error as { stdout: string }).stdout; // exit code 1 when there are errors
  }
  const results = JSON.parse(output) as Array<{ filePath: string; messages: Array<{ ruleId: string | null; line: number; column: number }> }>;
  return results
    .flatMap((result) =>
      result.messages.map((message) => `${path.relative(path.join(ROOT, 'examples'), result.filePath)} ${message.line}:${message.column} ${message.ruleId}`),
    )
    .sort();
}

/**
 * The Problems panel's Faultline rows in the same shape. File rows' aria-labels name the file and folder
 * ("3 problems in file inventory.ts of folder src"); problem rows' text ends in
 * "faultline faultline/<rule> [Ln 7, Col 26]". The panel renders only the rows in view, so the list is
 * scrolled from the top down, with the mouse wheel (which moves neither focus nor selection), and rows are
 * collected by their index until a scroll shows no new one.
 */
async function problemsPanelFindings(page: Page): Promise<string[]> {
  const list = await page.$('.markers-panel .monaco-list');
  const box = await list?.boundingBox();
  const byIndex = new Map<number, { label: string; text: string }>();
  const readRows = () => page.$$eval('.markers-panel .monaco-list-row', (elements) =>
    elements.map((row) => ({
      index: Number(row.getAttribute('data-index')),
      label: row.getAttribute('aria-label') ?? '',
      text: (row as unknown as { innerText: string }).innerText.replace(/\s+/g, ' '),
    })),
  );
  if (box) {
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, -100_000);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  for (let step = 0; step < 100; step++) {
    const before = byIndex.size;
    for (const { index, label, text } of await readRows()) byIndex.set(index, { label, text });
    if (!box || (step > 0 && byIndex.size === before)) break;
    await page.mouse.wheel(0, box.height * 0.7);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const rows = [...byIndex.entries()].sort(([a], [b]) => a - b).map(([, row]) => row);
  const findings: string[] = [];
  let file = '';
  for (const { label, text } of rows) {
    const header = /problems? in file (\S+) of folder (\S+)/.exec(label);
    if (header) {
      file = `${header[2]}/${header[1]}`;
      continue;
    }
    const problem = /\bfaultline (faultline\/[\w-]+) \[Ln (\d+), Col (\d+)\]/.exec(text);
    if (problem) findings.push(`${file} ${problem[2]}:${problem[3]} ${problem[1]}`);
  }
  return findings.sort();
}


/** Waits for the one server process that replaces `previous`; returns its PID. */
async function nextServer(extensionsDir: string, previous: number): Promise<number> {
  const deadline = Date.now() + UI_TIMEOUT;
  let pids: number[] = [];
  while (Date.now() < deadline) {
    pids = serverProcesses(extensionsDir);
    if (pids.length === 1 && pids[0] !== previous) return pids[0]!;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`no single new server replaced PID ${previous}; running: ${JSON.stringify(pids)}`);
}

/** Runs a command from the Command Palette (F1) by its title. */
async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  await page.waitForSelector('.quick-input-widget input');
  await page.keyboard.type(title);
  await page.waitForFunction(`document.querySelector('.quick-input-list .monaco-list-row.focused')?.getAttribute('aria-label')?.includes(${JSON.stringify(title)})`);
  await page.keyboard.press('Enter');
}

/** PIDs of Faultline servers started from this test's extensions directory (their command line names it). */
function serverProcesses(extensionsDir: string): number[] {
  const pids: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const commandLine = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      if (commandLine.some((arg) => arg.startsWith(extensionsDir) && arg.endsWith(path.join('dist', 'server.js')))) pids.push(Number(entry));
    } catch {
      // the process ended while we looked
    }
  }
  return pids;
}
