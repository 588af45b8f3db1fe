import { strict as assert } from 'node:assert';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { artifactDir, createWorkspace, ensurePackaged, FIX_TITLE, requireTool, ROOT, SAMPLE_FILE, SAMPLE_FIXED_LINE, SERVER_BUNDLE } from './support';

const NVIM = '/usr/bin/nvim';
const SCRIPT = path.join(ROOT, 'test', 'editors', 'neovim', 'apply-timeout-fix.lua');

interface Step {
  event: string;
  [key: string]: unknown;
}

/** Runs headless Neovim on the workspace's sample file with the Lua driver; resolves with its JSON steps. */
function runNeovim(workspace: string, savedAs: string): Promise<{ steps: Step[]; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(
      NVIM,
      ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${SCRIPT}`, SAMPLE_FILE],
      {
        cwd: workspace,
        // The driver waits at most 30 s per step and always quits; this only guards against a wedged Neovim.
        timeout: 120_000,
        env: { ...process.env, FAULTLINE_SERVER: SERVER_BUNDLE, FAULTLINE_FIX_TITLE: FIX_TITLE, FAULTLINE_SAVE_AS: savedAs },
      },
      (error, stdout, stderr) => {
        if (error && error.killed) return reject(new Error(`nvim was killed after the timeout\n${stdout}\n${stderr}`));
        const steps = stdout
          .split('\n')
          .filter((line) => line.startsWith('{'))
          .map((line) => JSON.parse(line) as Step);
        resolve({ steps, stdout, stderr });
      },
    );
  });
}

describe('Neovim (Debian neovim, headless) as the LSP client', function () {
  this.timeout(300_000);

  before(function () {
    requireTool(this, 'Neovim', NVIM);
    ensurePackaged();
  });

  it('shows the missing-timeout diagnostic and applies the quick fix that removes it', async function () {
    const workspace = createWorkspace('nvim');
    const artifacts = artifactDir('neovim');
    const savedAs = path.join(artifacts, path.basename(SAMPLE_FILE));
    const { steps, stdout, stderr } = await runNeovim(workspace, savedAs).finally(() => fs.rmSync(workspace, { recursive: true, force: true }));
    fs.writeFileSync(path.join(artifacts, 'session.jsonl'), stdout);
    if (stderr) fs.writeFileSync(path.join(artifacts, 'stderr.txt'), stderr);
    const step = (event: string): Step => {
      const found = steps.find((s) => s.event === event);
      assert.ok(found, `no "${event}" step; Neovim printed:\n${stdout}\n${stderr}`);
      return found;
    };
    assert.equal(steps.find((s) => s.event === 'error')?.message, undefined, `driver error; output:\n${stdout}\n${stderr}`);

    const { received, diagnostics } = step('diagnostics') as unknown as { received: boolean; diagnostics: Array<Record<string, unknown>> };
    assert.ok(received, 'no Faultline diagnostics arrived');
    // Neovim's positions are 0-based: line 2, `fetch` at columns 25–30.
    assert.deepEqual(
      diagnostics.map(({ lnum, col, end_lnum, end_col, code }) => ({ lnum, col, end_lnum, end_col, code: String(code).replace(/^faultline\//, '') })),
      [{ lnum: 1, col: 25, end_lnum: 1, end_col: 30, code: 'require-timeout' }],
    );
    assert.ok((step('code-actions').titles as string[]).includes(FIX_TITLE));
    assert.equal((step('applied').buffer as string).split('\n')[1], SAMPLE_FIXED_LINE);
    assert.equal(step('after-fix').gone, true, 'the diagnostic is still there after the fix');
    assert.equal(fs.readFileSync(savedAs, 'utf8').split('\n')[1], SAMPLE_FIXED_LINE);
  });
});
