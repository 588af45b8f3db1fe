import * as path from 'node:path';
import * as ts from 'typescript';
import { attemptsFromCount, methodBlindCondition, type ConfiguredRetry } from '../knowledge/retries';
import { isModuleExport } from './origin';
import { loadedTogether } from './program-imports';
import { declarationOf, isExternal, originOf, placeOf, returnedExpression } from './retry-program';
import type { Attempts } from './retry-types';

/**
 * With type information, axios-retry attached in another file of the program. Applications attach it once,
 * where they set up their HTTP layer: `axiosRetry(axios, …)` in a loader file makes every call through the
 * default axios retry, and `axiosRetry(api, …)` beside an exported `api = axios.create(…)` makes every call
 * through `api` retry, whichever file makes it. Like retry-program.ts this reads the other files'
 * TypeScript AST, once per program.
 */
export interface ProgramAttachment {
  /** "in http.ts on line 5". */
  where: string;
  attempts: Attempts;
  /** The options replace the default condition, or can't be read: which methods repeat is not known. */
  conditioned: boolean;
  /** The failures on which it repeats a POST: the default condition's, or those of the predicate its condition keeps. */
  repeatsOn: string;
  /** Its condition repeats error responses only. */
  afterStatus?: true;
}

interface Attachment extends ProgramAttachment {
  file: ts.SourceFile;
  /** `default`: the axios module itself; otherwise the declaration of the instance it was given. */
  target: 'default' | ts.Declaration;
}

/**
 * Test setups attach retries to mocks and to the shared axios of the test run, not of the service. Read
 * inside the project, so that a project that itself lives under a `test/` directory is not all tests.
 */
const TEST_FILE = /(?:^|[\\/])(?:__tests__|__mocks__|tests?)[\\/]|\.(?:test|spec)\.[cm]?[jt]sx?$/;

function isTestFile(program: ts.Program, file: ts.SourceFile): boolean {
  const configFile = program.getCompilerOptions().configFilePath;
  const root = typeof configFile === 'string' ? path.dirname(configFile) : program.getCurrentDirectory();
  return TEST_FILE.test(path.relative(root, file.fileName));
}

const byProgram = new WeakMap<ts.Program, Map<ConfiguredRetry, Attachment[]>>();

function attachmentsOf(program: ts.Program, checker: ts.TypeChecker, retry: ConfiguredRetry): Attachment[] {
  let byRetry = byProgram.get(program);
  if (!byRetry) byProgram.set(program, (byRetry = new Map()));
  const cached = byRetry.get(retry);
  if (cached) return cached;
  const found: Attachment[] = [];
  for (const file of program.getSourceFiles()) {
    // Only a file that names the module can attach it: the text test spares walking every other file.
    if (isExternal(file) || isTestFile(program, file) || !retry.modules.some((module) => file.text.includes(module))) continue;
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node) && node.arguments[0] && attaches(checker, node, retry)) {
        const options = node.arguments[retry.optionsArg!];
        const condition = unsafeCondition(checker, options, retry);
        const blind = condition === undefined ? methodBlindConditionIn(options, retry) : undefined;
        const reading = {
          file, where: placeOf(node), attempts: attemptsIn(options, retry), conditioned: condition === undefined && blind === undefined && conditioned(options, retry),
          repeatsOn: condition ?? blind?.repeatsOn ?? retry.repeatsOn, ...(blind?.afterStatus ? { afterStatus: true as const } : {}),
        };
        for (const target of targetsOf(checker, retry, file, node.arguments[0])) found.push({ ...reading, target });
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }
  byRetry.set(retry, found);
  return found;
}

function attaches(checker: ts.TypeChecker, call: ts.CallExpression, retry: ConfiguredRetry): boolean {
  return isModuleExport(originOf(checker, call.expression), retry.modules, retry.path);
}

/** `default` when the argument is the module the attachment patches (axios itself, also when a file of the program hands it on). */
function targetOf(checker: ts.TypeChecker, retry: ConfiguredRetry, argument: ts.Node): Attachment['target'] | undefined {
  return isModuleExport(originOf(checker, argument), retry.attachesTo ?? [], '') ? 'default' : declarationOf(checker, argument);
}

/**
 * What an attachment's first argument names. A parameter of a set-up helper of the file
 * (`const setupRetry = (instance) => axiosRetry(instance, …)`) stands for what each call of the helper in
 * that file passes (`setupRetry(api)`).
 */
function targetsOf(checker: ts.TypeChecker, retry: ConfiguredRetry, file: ts.SourceFile, argument: ts.Expression): Array<Attachment['target']> {
  const target = targetOf(checker, retry, argument);
  if (!target) return [];
  if (target === 'default' || !ts.isParameter(target) || !ts.isIdentifier(target.name)) return [target];
  const helper = target.parent;
  const index = helper.parameters.indexOf(target);
  const named = ts.isFunctionDeclaration(helper) ? helper : ts.isVariableDeclaration(helper.parent) ? helper.parent : undefined;
  if (!named) return [];
  const passed: Array<Attachment['target']> = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && node.arguments[index] && declarationOf(checker, node.expression) === named) {
      const value = targetOf(checker, retry, node.arguments[index]);
      if (value && (value === 'default' || !ts.isParameter(value))) passed.push(value);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return passed;
}

function property(options: ts.ObjectLiteralExpression, name: string): ts.ObjectLiteralElementLike | undefined {
  return options.properties.find((candidate) => candidate.name !== undefined && (ts.isIdentifier(candidate.name) || ts.isStringLiteral(candidate.name)) && candidate.name.text === name);
}

function attemptsIn(options: ts.Expression | undefined, retry: ConfiguredRetry): Attempts {
  if (!options) return retry.defaultAttempts;
  if (!ts.isObjectLiteralExpression(options) || options.properties.some(ts.isSpreadAssignment)) return { kind: 'unknown' };
  const count = property(options, retry.countKey!);
  if (!count) return retry.defaultAttempts;
  if (!ts.isPropertyAssignment(count) || !ts.isNumericLiteral(count.initializer)) return { kind: 'unknown' };
  return attemptsFromCount(Number(count.initializer.text), retry.countKind!);
}

/** As retry-configured's `unsafeCondition`: a condition that is, or `||`s with, a predicate that repeats any method. */
function unsafeCondition(checker: ts.TypeChecker, options: ts.Expression | undefined, retry: ConfiguredRetry): string | undefined {
  if (!options || !ts.isObjectLiteralExpression(options)) return undefined;
  for (const key of retry.conditionKeys ?? []) {
    const found = property(options, key);
    if (!found || !ts.isPropertyAssignment(found)) continue;
    const value = found.initializer;
    const operands = ts.isArrowFunction(value) || ts.isFunctionExpression(value) ? disjuncts(returnedExpression(value)) : [value];
    for (const operand of operands) {
      const origin = originOf(checker, ts.isCallExpression(operand) ? operand.expression : operand);
      const name = Object.keys(retry.unsafeConditions ?? {}).find((candidate) => isModuleExport(origin, retry.modules, candidate));
      if (name) return retry.unsafeConditions![name];
    }
  }
  return undefined;
}

/** As retry-configured's `methodBlindConditionOf`: a condition of the user's own that never reads the request's method. */
function methodBlindConditionIn(options: ts.Expression | undefined, retry: ConfiguredRetry): ReturnType<typeof methodBlindCondition> {
  if (!options || !ts.isObjectLiteralExpression(options)) return undefined;
  for (const key of retry.conditionKeys ?? []) {
    const found = property(options, key);
    if (!found || !ts.isPropertyAssignment(found)) continue;
    const value = found.initializer;
    return ts.isArrowFunction(value) || ts.isFunctionExpression(value) ? methodBlindCondition(value.getText()) : undefined;
  }
  return undefined;
}

function disjuncts(node: ts.Expression | undefined): ts.Expression[] {
  if (!node) return [];
  const value = ts.isParenthesizedExpression(node) ? node.expression : node;
  return ts.isBinaryExpression(value) && value.operatorToken.kind === ts.SyntaxKind.BarBarToken ? [...disjuncts(value.left), ...disjuncts(value.right)] : [value];
}

function conditioned(options: ts.Expression | undefined, retry: ConfiguredRetry): boolean {
  if (!options) return false;
  if (!ts.isObjectLiteralExpression(options) || options.properties.some(ts.isSpreadAssignment)) return true;
  return (retry.conditionKeys ?? []).some((key) => property(options, key) !== undefined);
}

/**
 * The attachment that retries calls through `receiver` (the default axios when it is undefined, else the
 * instance it names) made by a call in `caller`. It counts only when some file loads both it and
 * `caller`, so that they run in one process. `skip`: a file whose attachments are read elsewhere (the
 * linted file's, by the ESTree reading).
 */
export function programAttachment(program: ts.Program, checker: ts.TypeChecker, retry: ConfiguredRetry, caller: ts.SourceFile, receiver: ts.Node | undefined, skip?: ts.SourceFile): ProgramAttachment | undefined {
  const attachments = attachmentsOf(program, checker, retry);
  // Most programs attach nothing: then no call is worth a question to the checker.
  if (attachments.length === 0) return undefined;
  const target = receiver ? targetOf(checker, retry, receiver) : 'default';
  if (!target) return undefined;
  return attachments.find((attachment) => attachment.file !== skip && attachment.target === target && loadedTogether(program, checker, attachment.file, caller));
}
