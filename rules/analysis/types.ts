import { type ParserServicesWithTypeInformation, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import * as ts from 'typescript';
import { CLIENTS, type ClientSpec } from '../knowledge/clients';
import type { OptionVerdict } from './options';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/**
 * What type information adds, when the file was parsed with a program (`projectService`, `project`, or
 * the language server's own). Every method answers `undefined` when types can't decide, so callers fall
 * back to the syntactic verdict: type information only ever makes a verdict more precise.
 */
export interface TypeFacts {
  program: ts.Program;
  checker: ts.TypeChecker;
  toTs(node: TSESTree.Node): ts.Node;
  /** `present` when the declared type of `node` has `path` as a required (non-optional) property. */
  requiredProperty(node: TSESTree.Node, path: readonly string[]): OptionVerdict | undefined;
  /** True/false when the type says whether the value is a string or URL; undefined for `any`/unknown. */
  isUrlType(node: TSESTree.Node): boolean | undefined;
  /** The client whose declared type (`AxiosInstance`, a `grpc.Client` subclass…) the value has. */
  clientOfType(node: TSESTree.Node): ClientSpec | undefined;
  /**
   * Clients whose packages have declarations in the program. Only these can be named by a type, so a
   * call is never put to the checker for any other: asking for a type makes the checker check the file.
   */
  typedClients: ReadonlySet<ClientSpec>;
  /** Packages with declarations in the program (`@types/x` counted as `x`): a type can only come from these. */
  declaredPackages: ReadonlySet<string>;
}

const typedClientsByProgram = new WeakMap<ts.Program, ReadonlySet<ClientSpec>>();
const packagesByProgram = new WeakMap<ts.Program, ReadonlySet<string>>();

function packagesDeclaredIn(program: ts.Program): ReadonlySet<string> {
  const cached = packagesByProgram.get(program);
  if (cached) return cached;
  const packages = new Set<string>();
  for (const file of program.getSourceFiles()) {
    const name = file.fileName.includes('/node_modules/') ? packageOfFile(file.fileName) : undefined;
    if (name) packages.add(name);
  }
  packagesByProgram.set(program, packages);
  return packages;
}

function clientsDeclaredIn(program: ts.Program): ReadonlySet<ClientSpec> {
  const cached = typedClientsByProgram.get(program);
  if (cached) return cached;
  const packages = packagesDeclaredIn(program);
  const clients = new Set(CLIENTS.filter((client) => client.typeNames && client.modules.some((module) => packages.has(module))));
  typedClientsByProgram.set(program, clients);
  return clients;
}

const factsByContext = new WeakMap<object, TypeFacts | null>();

export function getTypeFacts(context: Context): TypeFacts | undefined {
  const key = context.sourceCode;
  const cached = factsByContext.get(key);
  if (cached !== undefined) return cached ?? undefined;
  // ESLint's default parser (plain JavaScript) has no parser services at all, and getParserServices throws
  // for it even when full type information is optional: read them directly and lint without types.
  const services = context.sourceCode.parserServices as Partial<ParserServicesWithTypeInformation> | undefined;
  const facts = services?.program && services.esTreeNodeToTSNodeMap ? createTypeFacts(services as ParserServicesWithTypeInformation) : null;
  factsByContext.set(key, facts);
  return facts ?? undefined;
}

/** The package a declaration comes from, by its path under node_modules (`@types/foo__bar` is `@foo/bar`). */
export function declarationPackage(declaration: ts.Declaration): string | undefined {
  return packageOfFile(declaration.getSourceFile().fileName);
}

function packageOfFile(fileName: string): string | undefined {
  const file = fileName.replace(/\\/g, '/');
  const match = /\/node_modules\/(?:@types\/)?((?:@[^/]+\/)?[^/]+)\//.exec(file);
  if (!match) return undefined;
  const name = match[1]!;
  // @types/foo__bar is @foo/bar
  return name.includes('__') ? `@${name.replace('__', '/')}` : name;
}

function createTypeFacts(services: ParserServicesWithTypeInformation): TypeFacts {
  const checker = services.program.getTypeChecker();
  const toTs = (node: TSESTree.Node): ts.Node => services.esTreeNodeToTSNodeMap.get(node);
  const typeOf = (node: TSESTree.Node): ts.Type => checker.getTypeAtLocation(toTs(node));

  function isOpaque(type: ts.Type): boolean {
    return (type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown | ts.TypeFlags.TypeParameter)) !== 0;
  }

  function requiredProperty(node: TSESTree.Node, path: readonly string[]): OptionVerdict | undefined {
    let type = typeOf(node);
    for (const segment of path) {
      if (isOpaque(type) || type.isUnion()) return undefined;
      const property = type.getProperty(segment);
      if (!property || (property.flags & ts.SymbolFlags.Optional) !== 0) return undefined;
      type = checker.getTypeOfSymbol(property);
    }
    // A required key typed `undefined` or `0` proves nothing about a bound.
    if ((type.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Null | ts.TypeFlags.Void)) !== 0) return undefined;
    return { kind: 'present', value: node };
  }

  function isUrlType(node: TSESTree.Node): boolean | undefined {
    const type = typeOf(node);
    if (isOpaque(type)) return undefined;
    const parts = type.isUnion() ? type.types : [type];
    const urlish = parts.every((part) => (part.flags & ts.TypeFlags.StringLike) !== 0 || part.getSymbol()?.getName() === 'URL');
    return urlish;
  }

  function namesInHierarchy(type: ts.Type, depth = 0): Array<{ name: string; declaration: ts.Declaration }> {
    if (depth > 6) return [];
    const found: Array<{ name: string; declaration: ts.Declaration }> = [];
    for (const symbol of [type.aliasSymbol, type.getSymbol()]) {
      const declaration = symbol?.declarations?.[0];
      if (symbol && declaration) found.push({ name: symbol.getName(), declaration });
    }
    if (type.isClassOrInterface()) {
      for (const base of checker.getBaseTypes(type)) found.push(...namesInHierarchy(base, depth + 1));
    }
    return found;
  }

  function clientOfType(node: TSESTree.Node): ClientSpec | undefined {
    const type = typeOf(node);
    if (isOpaque(type)) return undefined;
    for (const { name, declaration } of namesInHierarchy(type)) {
      const pkg = declarationPackage(declaration);
      if (!pkg) continue;
      const client = CLIENTS.find((candidate) => candidate.typeNames?.includes(name) && candidate.modules.includes(pkg));
      if (client) return client;
    }
    return undefined;
  }

  return { program: services.program, checker, toTs, requiredProperty, isUrlType, clientOfType, typedClients: clientsDeclaredIn(services.program), declaredPackages: packagesDeclaredIn(services.program) };
}

/**
 * Timeouts written onto a client's defaults anywhere in the program (`axios.defaults.timeout = 5000` in
 * `setup.ts` counts for `axios.get()` in `users.ts`):
 * - `modules`: packages whose module-level default instance was configured (the receiver is declared
 *   inside the package, e.g. axios's default export);
 * - `symbols`: the user's own instances that were configured (`api.defaults.timeout = …` on an
 *   `export const api = axios.create()`), as the symbols they are declared with.
 */
export interface ProgramDefaults {
  modules: ReadonlySet<string>;
  symbols: ReadonlySet<ts.Symbol>;
}

const defaultsByProgram = new WeakMap<ts.Program, ProgramDefaults>();

/** The symbol a name finally refers to, through imports and re-exports. */
export function resolvedSymbol(checker: ts.TypeChecker, node: ts.Node): ts.Symbol | undefined {
  const symbol = checker.getSymbolAtLocation(node);
  if (!symbol) return undefined;
  return (symbol.flags & ts.SymbolFlags.Alias) !== 0 ? checker.getAliasedSymbol(symbol) : symbol;
}

/**
 * Scans, once per program, the source files whose text mentions one of `writes` (e.g. `defaults.timeout`)
 * for assignments to it. Linear in the program's text; declaration files and node_modules are skipped.
 */
export function configuredDefaults(facts: TypeFacts, writes: readonly string[] = defaultsWrites()): ProgramDefaults {
  const cached = defaultsByProgram.get(facts.program);
  if (cached) return cached;
  const modules = new Set<string>();
  const symbols = new Set<ts.Symbol>();
  const checker = facts.checker;
  const visit = (node: ts.Node): void => {
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
      const receiver = receiverOfWrite(node.left, writes);
      const symbol = receiver && resolvedSymbol(checker, receiver);
      const declaration = symbol?.declarations?.[0];
      if (symbol && declaration) {
        const pkg = declarationPackage(declaration);
        if (pkg) modules.add(pkg);
        else symbols.add(symbol);
      }
    }
    ts.forEachChild(node, visit);
  };
  for (const file of facts.program.getSourceFiles()) {
    if (file.isDeclarationFile || file.fileName.includes('/node_modules/')) continue;
    if (!writes.some((write) => file.text.includes(write))) continue;
    visit(file);
  }
  const summary = { modules, symbols };
  defaultsByProgram.set(facts.program, summary);
  return summary;
}

function defaultsWrites(): string[] {
  return [...new Set(CLIENTS.flatMap((client) => (client.defaultsWrite ? [client.defaultsWrite] : [])))];
}

/** `x.defaults.timeout` → `x` (an identifier) when the written path is one of `writes`. */
function receiverOfWrite(left: ts.Expression, writes: readonly string[]): ts.Identifier | ts.MemberName | undefined {
  const names: string[] = [];
  let target: ts.Expression = left;
  while (ts.isPropertyAccessExpression(target)) {
    names.unshift(target.name.text);
    target = target.expression;
    if (!writes.includes(names.join('.'))) continue;
    // `api.defaults.timeout`, or `this.http.defaults.timeout` (the field's symbol).
    if (ts.isIdentifier(target)) return target;
    return ts.isPropertyAccessExpression(target) ? target.name : undefined;
  }
  return undefined;
}
