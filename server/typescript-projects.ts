import * as fs from 'node:fs';
import * as path from 'node:path';
import type * as TS from 'typescript';

type TypeScript = typeof TS;

export interface ProjectsOptions {
  typescript: TypeScript;
  log: (message: string) => void;
  /** A project with more root files than this is linted untyped: building its program would stall typing. */
  maxProjectFiles: number;
}

interface Overlay {
  text: string;
  version: number;
  snapshot: TS.IScriptSnapshot;
}

interface Project {
  configPath: string;
  service: TS.LanguageService;
  /** Root files from the tsconfig; open documents it covers are already among them. */
  fileNames: Set<string>;
  /** Files linted through this project and still open: the project is dropped when none remain. */
  openFiles: Set<string>;
}

/**
 * One TypeScript LanguageService per tsconfig.json that an open document belongs to, with the open documents'
 * unsaved text laid over the disk. The service re-parses only files whose version changed, so an edit costs one
 * file's parse plus whatever the rules ask the checker. Nothing here runs workspace code: tsconfig files (and
 * their `extends`) are read as JSON, sources as text.
 */
export class TypeScriptProjects {
  private readonly ts: TypeScript;
  private readonly registry: TS.DocumentRegistry;
  private readonly overlays = new Map<string, Overlay>();
  /** Bumped when a file changes on disk (save, watched-file event), so services re-read it. */
  private readonly diskVersions = new Map<string, number>();
  private readonly projects = new Map<string, Project | null>();
  private readonly configByDirectory = new Map<string, string | null>();

  constructor(private readonly options: ProjectsOptions) {
    this.ts = options.typescript;
    this.registry = this.ts.createDocumentRegistry(this.ts.sys.useCaseSensitiveFileNames);
  }

  get version(): string {
    return this.ts.version;
  }

  /** The program for `fileName` with `text` laid over disk, or undefined when no tsconfig covers the file. */
  programFor(fileName: string, text: string, version: number): TS.Program | undefined {
    const configPath = this.findConfig(path.dirname(fileName));
    if (!configPath) return undefined;
    const project = this.project(configPath);
    if (!project || !project.fileNames.has(fileName)) return undefined;
    this.setText(fileName, text, version);
    project.openFiles.add(fileName);
    const program = project.service.getProgram();
    return program?.getSourceFile(fileName) ? program : undefined;
  }

  /** An open document's unsaved text, seen by every project that contains the file from its next program on. */
  setText(fileName: string, text: string, version: number): void {
    const overlay = this.overlays.get(fileName);
    if (overlay && overlay.version === version && overlay.text === text) return;
    this.overlays.set(fileName, { text, version, snapshot: new OverlaySnapshot(this.ts, text) });
  }

  /** The document is closed: the disk is the truth again, and a project with no open file is let go. */
  closed(fileName: string): void {
    this.overlays.delete(fileName);
    this.changedOnDisk(fileName);
    for (const [configPath, project] of this.projects) {
      if (!project?.openFiles.delete(fileName) || project.openFiles.size > 0) continue;
      project.service.dispose();
      this.projects.delete(configPath);
    }
  }

  changedOnDisk(fileName: string): void {
    this.diskVersions.set(fileName, (this.diskVersions.get(fileName) ?? 0) + 1);
    if (path.basename(fileName).startsWith('tsconfig')) this.forgetConfigs();
  }

  /** A tsconfig was created, changed or removed: projects are rebuilt on the next lint. */
  forgetConfigs(): void {
    for (const project of this.projects.values()) project?.service.dispose();
    this.projects.clear();
    this.configByDirectory.clear();
  }

  dispose(): void {
    this.forgetConfigs();
    this.overlays.clear();
  }

  private findConfig(directory: string): string | undefined {
    const seen: string[] = [];
    let current = directory;
    let found: string | null | undefined;
    for (;;) {
      found = this.configByDirectory.get(current);
      if (found !== undefined) break;
      seen.push(current);
      const candidate = path.join(current, 'tsconfig.json');
      if (fs.existsSync(candidate)) {
        found = candidate;
        break;
      }
      const parent = path.dirname(current);
      if (parent === current) {
        found = null;
        break;
      }
      current = parent;
    }
    for (const directoryOnTheWay of seen) this.configByDirectory.set(directoryOnTheWay, found);
    return found ?? undefined;
  }

  private project(configPath: string): Project | undefined {
    const known = this.projects.get(configPath);
    if (known !== undefined) return known ?? undefined;
    const project = this.createProject(configPath);
    this.projects.set(configPath, project);
    return project ?? undefined;
  }

  private createProject(configPath: string): Project | null {
    const ts = this.ts;
    let parsed: TS.ParsedCommandLine | undefined;
    try {
      parsed = ts.getParsedCommandLineOfConfigFile(configPath, {}, {
        ...ts.sys,
        onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
          this.options.log(`${configPath}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`);
        },
      });
    } catch (error) {
      this.options.log(`Could not read ${configPath} (${String(error)}); linting without type information.`);
    }
    if (!parsed) return null;
    // A config with errors still yields a usable project (TypeScript recovers); say what it had to skip.
    for (const diagnostic of parsed.errors.slice(0, 3)) {
      this.options.log(`${configPath}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`);
    }
    if (parsed.fileNames.length > this.options.maxProjectFiles) {
      this.options.log(`${configPath} has ${parsed.fileNames.length} files (more than ${this.options.maxProjectFiles}); its files are linted without type information to keep typing responsive.`);
      return null;
    }
    const fileNames = new Set(parsed.fileNames.map((name) => path.normalize(name)));
    const compilerOptions = { ...parsed.options, noEmit: true };
    const overlays = this.overlays;
    const diskVersions = this.diskVersions;
    const host: TS.LanguageServiceHost = {
      getCompilationSettings: () => compilerOptions,
      getProjectReferences: () => parsed.projectReferences,
      getScriptFileNames: () => [...fileNames],
      getScriptVersion: (fileName) => {
        const overlay = overlays.get(path.normalize(fileName));
        return overlay ? `open:${overlay.version}` : `disk:${diskVersions.get(path.normalize(fileName)) ?? 0}`;
      },
      getScriptSnapshot: (fileName) => {
        const overlay = overlays.get(path.normalize(fileName));
        if (overlay) return overlay.snapshot;
        const text = ts.sys.readFile(fileName);
        return text === undefined ? undefined : ts.ScriptSnapshot.fromString(text);
      },
      getCurrentDirectory: () => path.dirname(configPath),
      getDefaultLibFileName: (options) => ts.getDefaultLibFilePath(options),
      fileExists: (fileName) => overlays.has(path.normalize(fileName)) || ts.sys.fileExists(fileName),
      readFile: (fileName, encoding) => overlays.get(path.normalize(fileName))?.text ?? ts.sys.readFile(fileName, encoding),
      readDirectory: ts.sys.readDirectory,
      directoryExists: ts.sys.directoryExists,
      getDirectories: ts.sys.getDirectories,
      realpath: ts.sys.realpath,
      useCaseSensitiveFileNames: () => ts.sys.useCaseSensitiveFileNames,
    };
    return { configPath, service: ts.createLanguageService(host, this.registry), fileNames, openFiles: new Set() };
  }
}

/**
 * How many incremental reparses of a document in a row before one full parse. Each incremental reparse at a new
 * spot left memory behind that no later reparse released: on the 3,000-line file of `bench:server`, about 20 KB
 * per edit, without end (the TypeScript LanguageService alone shows it; with full parses the heap stays flat).
 * A full parse now and then releases it, for the cost of one whole parse every this many edits.
 */
export const FULL_PARSE_EVERY = 50;

/**
 * An open document's text that tells TypeScript what changed since an earlier snapshot, so the LanguageService
 * re-parses incrementally (reusing the unchanged nodes) instead of from scratch: the changed span is the part
 * between the longest common prefix and suffix, however many edits were typed between two lints. Every
 * FULL_PARSE_EVERY-th update it says nothing, so the document is parsed whole.
 */
class OverlaySnapshot implements TS.IScriptSnapshot {
  /** Incremental reparses since this document was last parsed whole. */
  private incrementalParses = 0;

  constructor(private readonly ts: TypeScript, readonly text: string) {}

  getText(start: number, end: number): string {
    return this.text.substring(start, end);
  }

  getLength(): number {
    return this.text.length;
  }

  getChangeRange(oldSnapshot: TS.IScriptSnapshot): TS.TextChangeRange | undefined {
    if (!(oldSnapshot instanceof OverlaySnapshot) || oldSnapshot.incrementalParses + 1 >= FULL_PARSE_EVERY) return undefined;
    this.incrementalParses = oldSnapshot.incrementalParses + 1;
    const before = oldSnapshot.text;
    const after = this.text;
    let prefix = 0;
    const shorter = Math.min(before.length, after.length);
    while (prefix < shorter && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
    let suffix = 0;
    while (suffix < shorter - prefix && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
    return this.ts.createTextChangeRange(this.ts.createTextSpan(prefix, before.length - prefix - suffix), after.length - prefix - suffix);
  }
}

export interface LoadedTypeScript {
  typescript: TypeScript;
  from: 'workspace' | 'bundled';
}

/**
 * The TypeScript to build programs with. The parser (@typescript-eslint/typescript-estree) converts the program's
 * AST with the SyntaxKind numbering of the TypeScript *it* loads, so a workspace TypeScript is used only when its
 * major.minor matches; otherwise the numbering would differ and the ESTree would be garbage. Loading workspace
 * TypeScript runs workspace code, so it is only tried when the client says the workspace is trusted.
 */
export function loadTypeScript(workspaceRoot: string | undefined, trusted: boolean, log: (message: string) => void): LoadedTypeScript | undefined {
  let bundled: TypeScript | undefined;
  try {
    bundled = require('typescript') as TypeScript;
  } catch {
    log('TypeScript could not be loaded; linting without type information.');
    return undefined;
  }
  if (!workspaceRoot || !trusted) return { typescript: bundled, from: 'bundled' };
  try {
    const resolved = require.resolve('typescript', { paths: [workspaceRoot] });
    if (resolved === require.resolve('typescript')) return { typescript: bundled, from: 'bundled' };
    const workspace = require(resolved) as TypeScript;
    const minor = (version: string): string => version.split('.').slice(0, 2).join('.');
    if (minor(workspace.version) === minor(bundled.version)) return { typescript: workspace, from: 'workspace' };
    log(`The workspace's TypeScript ${workspace.version} differs from the parser's ${bundled.version}; using ${bundled.version} for type information.`);
  } catch {
    // No TypeScript in the workspace: ours it is.
  }
  return { typescript: bundled, from: 'bundled' };
}
