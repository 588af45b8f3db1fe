/**
 * `npm run bench:server`: how long a keystroke takes to become diagnostics, and whether memory stays flat.
 *
 *   node --expose-gc out/bench/server.js [--edits=200] [--memory-edits=2000] [--cli-runs=3] [--lines=3000] [--skip-typed] [--only=<sections>]
 *
 * A generated 3,000-line TypeScript file with realistic fetch/axios calls is opened in an in-process
 * FaultlineServer (push mode, debounce 0: the numbers are the server's own cost; a push client waits the
 * debounce on top, a pull client its own delay), then edited one line at a time; each edit's latency runs from
 * didChange to the publishDiagnostics of that version (the typed-run budget is off, so typed stays typed). The same edits go through ESLint's `ESLint` class
 * (lintText, the API the CLI is built on) and a few cold `eslint` CLI runs, for comparison. Memory: heapUsed after
 * a forced GC after 20 edits, half-way and after 2,000, so that a leak (growth in both halves) shows apart from
 * caches that fill once (growth in the first half only). Prints a table; it asserts nothing.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ESLint, type Linter } from 'eslint';
import type { PublishDiagnosticsParams } from 'vscode-languageserver/node';
import { FaultlineServer, type FaultlineConnection } from '../server/server';

const args = new Map(process.argv.slice(2).map((arg) => arg.replace(/^--/, '').split('=') as [string, string]));
const EDITS = Number(args.get('edits') ?? 200);
const MEMORY_EDITS = Number(args.get('memory-edits') ?? 2000);
/** Where the half-way heap reading is taken. */
const MEMORY_HALF = Math.floor(MEMORY_EDITS / 2);
const CLI_RUNS = Number(args.get('cli-runs') ?? 3);
const LINES = Number(args.get('lines') ?? 3000);
const SKIP_TYPED = args.has('skip-typed');
/** Sections to run (comma-separated): server-untyped, server-typed, memory-untyped, memory-typed, class-untyped, class-typed, cli. */
const ONLY = args.get('only')?.split(',');
const wanted = (section: string): boolean => !ONLY || ONLY.includes(section);
const ROOT = path.join(__dirname, '..', '..');
const gc = (globalThis as { gc?: () => void }).gc;

/** ~3,000 lines: services with fetch and axios calls, some bounded, some not, plus types and plain logic. */
export function generateSource(lines = 3000): string {
  const out = [
    "import axios from 'axios';",
    '',
    "const BASE = 'https://api.example.test';",
    'const api = axios.create({ baseURL: BASE, timeout: 5000 });',
    'const bare = axios.create({ baseURL: BASE });',
    '',
  ];
  for (let i = 0; out.length < lines - 12; i++) {
    out.push(
      `export interface Order${i} { id: string; total: number; items: Array<{ sku: string; qty: number }> }`,
      '',
      `export async function loadOrder${i}(id: string): Promise<Order${i}> {`,
      i % 3 === 0 ? `  const response = await fetch(\`\${BASE}/orders/\${id}\`);` : `  const response = await fetch(\`\${BASE}/orders/\${id}\`, { signal: AbortSignal.timeout(${1000 + i}) });`,
      `  if (!response.ok) throw new Error(\`order \${id}: \${response.status}\`);`,
      `  return (await response.json()) as Order${i};`,
      '}',
      '',
      `export async function saveOrder${i}(order: Order${i}): Promise<void> {`,
      i % 4 === 0 ? `  await axios.post(\`\${BASE}/orders\`, order);` : i % 4 === 1 ? '  await api.post(`/orders`, order);' : i % 4 === 2 ? '  await bare.get(`/orders/${order.id}`);' : `  await axios.put(\`\${BASE}/orders/\${order.id}\`, order, { timeout: 2000 });`,
      `  const total = order.items.reduce((sum, item) => sum + item.qty, 0);`,
      `  if (total !== order.total) console.warn('order ${i} total mismatch', total, order.total);`,
      '}',
      '',
    );
  }
  return `${out.join('\n')}\n`;
}

function typedProject(source: string): { dir: string; file: string } {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'faultline-bench-')));
  fs.mkdirSync(path.join(dir, 'src'));
  fs.mkdirSync(path.join(dir, 'node_modules', 'axios'), { recursive: true });
  // A small stand-in for axios's types: enough for AxiosInstance / AxiosStatic to resolve.
  fs.writeFileSync(path.join(dir, 'node_modules', 'axios', 'package.json'), JSON.stringify({ name: 'axios', version: '1.7.0', types: 'index.d.ts' }));
  fs.writeFileSync(path.join(dir, 'node_modules', 'axios', 'index.d.ts'), [
    'export interface AxiosRequestConfig { baseURL?: string; timeout?: number; signal?: AbortSignal; headers?: Record<string, string> }',
    'export interface AxiosResponse<T = unknown> { data: T; status: number }',
    'export interface AxiosInstance {',
    '  get<T = unknown>(url: string, config?: AxiosRequestConfig): Promise<AxiosResponse<T>>;',
    '  post<T = unknown>(url: string, data?: unknown, config?: AxiosRequestConfig): Promise<AxiosResponse<T>>;',
    '  put<T = unknown>(url: string, data?: unknown, config?: AxiosRequestConfig): Promise<AxiosResponse<T>>;',
    '  defaults: AxiosRequestConfig;',
    '}',
    'export interface AxiosStatic extends AxiosInstance { create(config?: AxiosRequestConfig): AxiosInstance }',
    'declare const axios: AxiosStatic;',
    'export default axios;',
    '',
  ].join('\n'));
  fs.writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { strict: true, target: 'ES2022', module: 'nodenext', moduleResolution: 'nodenext', lib: ['ES2022', 'DOM'], types: [], noEmit: true, skipLibCheck: true }, include: ['src/**/*.ts'] }));
  const file = path.join(dir, 'src', 'orders.ts');
  fs.writeFileSync(file, source);
  return { dir, file };
}

/** Edit n: append a short comment to a line spread over the file (a keystroke-sized change anywhere). */
function editFor(n: number, lineCount: number): { line: number; text: string } {
  return { line: (n * 677) % (lineCount - 1), text: ` // e${n}` };
}

class BenchClient implements FaultlineConnection {
  private waiting: { version: number; resolve: (params: PublishDiagnosticsParams) => void } | undefined;
  lastCount = 0;
  getConfiguration(): Promise<unknown> {
    return Promise.resolve({});
  }
  publishDiagnostics(params: PublishDiagnosticsParams): void {
    this.lastCount = params.diagnostics.length;
    if (this.waiting && params.version === this.waiting.version) this.waiting.resolve(params);
  }
  refreshDiagnostics(): Promise<void> {
    return Promise.resolve();
  }
  applyEdit(): Promise<boolean> {
    return Promise.resolve(true);
  }
  showDocument(): Promise<boolean> {
    return Promise.resolve(true);
  }
  log(): void {}
  error(message: string): void {
    process.stderr.write(`server error: ${message}\n`);
  }
  until(version: number): Promise<PublishDiagnosticsParams> {
    return new Promise((resolve) => (this.waiting = { version, resolve }));
  }
}

interface Session {
  server: FaultlineServer;
  client: BenchClient;
  uri: string;
  version: number;
  lines: string[];
}

async function openSession(file: string, source: string, typed: boolean): Promise<{ session: Session; openMs: number }> {
  const client = new BenchClient();
  const server = new FaultlineServer(client);
  const root = path.dirname(path.dirname(file));
  server.initialize({ processId: null, rootUri: pathToFileURL(root).href, capabilities: { workspace: { configuration: true } }, initializationOptions: { debounceMs: 0, typed, typedBudgetMs: 0 } });
  const uri = pathToFileURL(file).href;
  const start = performance.now();
  const published = client.until(1);
  server.didOpen({ textDocument: { uri, languageId: 'typescript', version: 1, text: source } });
  await published;
  return { session: { server, client, uri, version: 1, lines: source.split('\n') }, openMs: performance.now() - start };
}

/** CPU ms this process spent during the last measured edit: with other processes on the machine, wall time says less. */
let lastCpuMs = 0;

/** One edit through the server; returns ms from didChange to that version's diagnostics. */
async function edit(session: Session, n: number): Promise<number> {
  const { line, text } = editFor(n, session.lines.length);
  const character = session.lines[line]!.length;
  session.lines[line] += text;
  session.version++;
  const published = session.client.until(session.version);
  const cpu = process.cpuUsage();
  const start = performance.now();
  session.server.didChange({ textDocument: { uri: session.uri, version: session.version }, contentChanges: [{ range: { start: { line, character }, end: { line, character } }, text }] });
  await published;
  const elapsed = performance.now() - start;
  const used = process.cpuUsage(cpu);
  lastCpuMs = (used.user + used.system) / 1000;
  return elapsed;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function heapMb(): number {
  gc?.();
  gc?.();
  return process.memoryUsage().heapUsed / 1024 / 1024;
}

const rows: string[][] = [];
const row = (...cells: Array<string | number>): void => {
  rows.push(cells.map((cell) => (typeof cell === 'number' ? cell.toFixed(1) : cell)));
};

async function benchServer(label: string, file: string, source: string, typed: boolean): Promise<void> {
  const { session, openMs } = await openSession(file, source, typed);
  const first = await session.server.validate(session.uri);
  if (typed && !first?.typed) throw new Error('the typed session fell back to untyped linting');
  const findings = session.client.lastCount;
  // Warm-up, as an editor is warm after the first few keystrokes.
  for (let n = 0; n < 5; n++) await edit(session, n);
  const latencies: number[] = [];
  const cpu: number[] = [];
  for (let n = 5; n < 5 + EDITS; n++) {
    latencies.push(await edit(session, n));
    cpu.push(lastCpuMs);
  }
  if (latencies.length > 0) row(`server, ${label}`, String(EDITS), percentile(latencies, 50), percentile(latencies, 95), Math.max(...latencies), percentile(cpu, 50), percentile(cpu, 95), `open ${openMs.toFixed(0)} ms, ${findings} findings`);
  if (MEMORY_EDITS > 0 && wanted(`memory-${label}`)) {
    let n = 5 + EDITS;
    while (n < 20) await edit(session, n++);
    const after20 = heapMb();
    // A half-way reading tells a leak (the heap grows in both halves alike) from caches filling up once
    // (it grows in the first half only).
    while (n < MEMORY_HALF) await edit(session, n++);
    const afterHalf = heapMb();
    while (n < MEMORY_EDITS) await edit(session, n++);
    const afterAll = heapMb();
    const growth = (from: number, to: number): string => `${(((to - from) / from) * 100).toFixed(1)} %`;
    memory.push([`server, ${label}`, after20.toFixed(1), afterHalf.toFixed(1), afterAll.toFixed(1), growth(after20, afterAll), growth(after20, afterHalf), growth(afterHalf, afterAll)]);
  }
  session.server.dispose();
}

async function benchEslintClass(label: string, dir: string, file: string, source: string, typed: boolean): Promise<void> {
  const plugin = require('../rules') as { configs: { recommended: Linter.Config } };
  const parser = require('@typescript-eslint/parser') as Linter.Parser;
  const eslint = new ESLint({
    cwd: dir,
    overrideConfigFile: true,
    overrideConfig: [{
      files: ['**/*.ts'],
      ...plugin.configs.recommended,
      languageOptions: { parser, parserOptions: typed ? { projectService: true, tsconfigRootDir: dir } : { ecmaVersion: 'latest', sourceType: 'module' } },
    }],
  });
  const lines = source.split('\n');
  const latencies: number[] = [];
  const cpuTimes: number[] = [];
  for (let n = 0; n < 5 + EDITS; n++) {
    const { line, text } = editFor(n, lines.length);
    lines[line] += text;
    const cpu = process.cpuUsage();
    const start = performance.now();
    await eslint.lintText(lines.join('\n'), { filePath: file });
    const used = process.cpuUsage(cpu);
    if (n >= 5) {
      latencies.push(performance.now() - start);
      cpuTimes.push((used.user + used.system) / 1000);
    }
  }
  row(`ESLint class lintText, ${label}`, String(EDITS), percentile(latencies, 50), percentile(latencies, 95), Math.max(...latencies), percentile(cpuTimes, 50), percentile(cpuTimes, 95), typed ? 'projectService' : '');
}

function benchCli(label: string, dir: string, file: string, typed: boolean): void {
  const config = path.join(dir, 'eslint.config.cjs');
  fs.writeFileSync(config, [
    `const plugin = require(${JSON.stringify(path.join(ROOT, 'out', 'rules', 'index.js'))});`,
    `const parser = require(${JSON.stringify(require.resolve('@typescript-eslint/parser'))});`,
    'module.exports = [{ files: ["**/*.ts"], ...plugin.configs.recommended, languageOptions: { parser, parserOptions: ' +
      (typed ? `{ projectService: true, tsconfigRootDir: ${JSON.stringify(dir)} }` : '{ ecmaVersion: "latest", sourceType: "module" }') + ' } }];',
  ].join('\n'));
  const times: number[] = [];
  for (let run = 0; run < CLI_RUNS; run++) {
    const start = performance.now();
    try {
      execFileSync(process.execPath, [path.join(ROOT, 'node_modules', 'eslint', 'bin', 'eslint.js'), '--config', config, file], { cwd: dir, stdio: 'pipe' });
    } catch (error) {
      // Exit code 1 = findings, the expected outcome; anything else means the run measured nothing.
      const status = (error as { status?: number }).status;
      if (status !== 1) throw new Error(`eslint CLI exited ${String(status)}: ${String((error as { stderr?: Buffer }).stderr)}`);
    }
    times.push(performance.now() - start);
  }
  row(`eslint CLI (new process), ${label}`, String(CLI_RUNS), percentile(times, 50), percentile(times, 95), Math.max(...times), '-', '-', 'cold start per run');
}

const memory: string[][] = [];

async function main(): Promise<void> {
  if (!gc) process.stderr.write('note: run with --expose-gc for meaningful memory figures\n');
  const source = generateSource(LINES);
  const { dir, file } = typedProject(source);
  const untypedDir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'faultline-bench-untyped-')));
  const untypedFile = path.join(untypedDir, 'orders.ts');
  fs.writeFileSync(untypedFile, source);
  process.stdout.write(`bench:server — ${source.split('\n').length - 1} lines, ${EDITS} edits, Node ${process.version}, ${os.cpus().length} CPUs, load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}\n`);
  try {
    if (wanted('server-untyped') || wanted('memory-untyped')) await benchServer('untyped', untypedFile, source, false);
    if (!SKIP_TYPED && (wanted('server-typed') || wanted('memory-typed'))) await benchServer('typed', file, source, true);
    if (wanted('class-untyped')) await benchEslintClass('untyped', untypedDir, untypedFile, source, false);
    if (!SKIP_TYPED && wanted('class-typed')) await benchEslintClass('typed', dir, file, source, true);
    if (CLI_RUNS > 0 && wanted('cli')) {
      benchCli('untyped', untypedDir, untypedFile, false);
      if (!SKIP_TYPED) benchCli('typed', dir, file, true);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(untypedDir, { recursive: true, force: true });
  }
  print(['path', 'runs', 'p50 ms', 'p95 ms', 'max ms', 'CPU p50 ms', 'CPU p95 ms', 'note'], rows);
  if (memory.length > 0) print(['memory (heapUsed after GC)', 'after 20 edits MB', `after ${MEMORY_HALF} MB`, `after ${MEMORY_EDITS} MB`, 'growth', 'first half', 'second half'], memory);
  process.stdout.write(`load at end ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}\n`);
}

function print(header: string[], body: string[][]): void {
  const widths = header.map((cell, i) => Math.max(cell.length, ...body.map((r) => r[i]!.length)));
  const line = (cells: string[]): string => `| ${cells.map((cell, i) => cell.padEnd(widths[i]!)).join(' | ')} |`;
  process.stdout.write(`\n${line(header)}\n| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |\n${body.map(line).join('\n')}\n`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${String(error instanceof Error ? error.stack : error)}\n`);
    process.exitCode = 1;
  });
}
