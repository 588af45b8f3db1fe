import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from './node-types';
import { contains, identifiersIn, isVariableName, walk, walkSameFunction } from './ast-walk';
import { findVariable, isNullish, logicalTerms, memberName, unwrap } from './origin';
import { alwaysExits } from './retry-paths';
import { awaitsWait } from './retry-waits';
import { MORE_TO_DO_NAME } from '../knowledge/retries';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** How a loop's attempt leaves, or goes round, on what the answer holds or says (read by retry-loops.ts). */

/**
 * `try { const data = await res.json(); const content = data.choices?.[0]?.message?.content; if (typeof
 * content === 'string') return content; } catch { log() }`: the attempt ends by leaving with the answer when
 * something came back in it (a wait may follow). An empty answer falls out of the try and goes round as a failure does, so
 * success leaves and the loop retries; a test of what the answer says (`job.state === 'done'`) is a poll's.
 */
export function leavesWhenAnswered(context: Context, block: TSESTree.BlockStatement): boolean {
  // `if (text) break; await sleep(1000 * 2 ** attempt);`: an empty answer waits before it goes round.
  const statements = [...block.body];
  while (statements.length > 1 && statements.at(-1)!.type === AST_NODE_TYPES.ExpressionStatement && awaitsWait(context, statements.at(-1)!)) statements.pop();
  const last = statements.at(-1);
  if (last?.type !== AST_NODE_TYPES.IfStatement || last.alternate || !alwaysExits(last.consequent)) return false;
  const subjects = logicalTerms(last.test, '&&').map(presenceSubject);
  return subjects.every((subject) => subject !== undefined) && subjects.some((subject) => answeredIn(context, subject!, block, 0));
}

/**
 * What a test says is present: `x`, `res.data`, `typeof x === 'string'`, `x != null`, `x !== undefined`,
 * `x.length > 0`, `Array.isArray(x)`.
 */
function presenceSubject(term: TSESTree.Node): TSESTree.Node | undefined {
  const value = unwrap(term);
  // `if (content)`, `if (res.data)`; not `if (data.ok && data.sufficient)` or `if (ready)`, what the answer says.
  if (value.type === AST_NODE_TYPES.Identifier) return FLAG_NAME.test(value.name) ? undefined : value;
  if (value.type === AST_NODE_TYPES.MemberExpression) return CONTENT_MEMBER.test(memberName(value) ?? '') ? value : undefined;
  if (value.type === AST_NODE_TYPES.CallExpression && value.arguments.length === 1 && value.arguments[0]!.type !== AST_NODE_TYPES.SpreadElement
    && value.callee.type === AST_NODE_TYPES.MemberExpression && value.callee.object.type === AST_NODE_TYPES.Identifier && value.callee.object.name === 'Array'
    && value.callee.property.type === AST_NODE_TYPES.Identifier && value.callee.property.name === 'isArray') return value.arguments[0];
  if (value.type !== AST_NODE_TYPES.BinaryExpression || value.left.type === AST_NODE_TYPES.PrivateIdentifier) return undefined;
  const left = unwrap(value.left);
  const right = unwrap(value.right);
  if (left.type === AST_NODE_TYPES.UnaryExpression && left.operator === 'typeof' && ['===', '=='].includes(value.operator)
    && right.type === AST_NODE_TYPES.Literal && typeof right.value === 'string' && right.value !== 'undefined') return left.argument;
  if (['!==', '!='].includes(value.operator) && isNullish(right)) return left;
  const zero = right.type === AST_NODE_TYPES.Literal && right.value === 0;
  const one = right.type === AST_NODE_TYPES.Literal && right.value === 1;
  if (left.type === AST_NODE_TYPES.MemberExpression && !left.computed && left.property.type === AST_NODE_TYPES.Identifier && left.property.name === 'length'
    && ((value.operator === '>' && zero) || (value.operator === '>=' && one) || (['!==', '!='].includes(value.operator) && zero))) return left.object;
  return undefined;
}

/** A name for what an answer says rather than holds: `ok`, `isReady`, `done`, `sufficient`. */
const FLAG_NAME = /^(?:is|has|can|should|ok$|done$|ready$|success|sufficient$|valid$|finished$|complete)/i;

/** Members that hold an answer's content. */
const CONTENT_MEMBER = /^(?:data|body|content|text|items|results?|choices|output|message|response)$/;

/** Is `subject` read from a value the attempt awaited, directly or through a variable given one in the attempt? */
function answeredIn(context: Context, subject: TSESTree.Node, block: TSESTree.BlockStatement, depth: number): boolean {
  let root = unwrap(subject);
  while (root.type === AST_NODE_TYPES.MemberExpression) root = unwrap(root.object);
  if (root.type !== AST_NODE_TYPES.Identifier || depth > 2) return false;
  const variable = findVariable(context, root);
  const def = variable?.defs[0];
  const init = def?.type === 'Variable' && contains(block, def.name) ? def.node.init : undefined;
  // `let text = null` before the loop, and `text = res.ok ? await res.text() : null` in the attempt.
  const values = init ? [init] : (variable?.references ?? []).flatMap((reference) => (reference.writeExpr && contains(block, reference.writeExpr) ? [reference.writeExpr] : []));
  let answered = false;
  for (const value of values) {
    walk(context.sourceCode, value, (node) => {
      if (answered) return false;
      if (node.type === AST_NODE_TYPES.AwaitExpression) answered = true;
      // `const content = data?.choices?.[0]?.message?.content`, where `const data = await res.json()`.
      else if (node.type === AST_NODE_TYPES.Identifier && node !== root && isVariableName(node)) answered = answeredIn(context, node, block, depth + 1);
      return undefined;
    });
  }
  return answered;
}

/**
 * `shouldContinue = data.continue` where the request reads nothing the try moves on: the answer says whether
 * there is more to do, and the loop sends the same request again after a success, a batch driver, not a
 * retry. A pager that also moves its cursor (`more = body.more; cursor = body.cursor`) sends a failed page again.
 */
export function setsOnlyMoreToDo(context: Context, block: TSESTree.BlockStatement, testNames: Set<string>): boolean {
  let sets = 0;
  let moreToDo = 0;
  const moved = new Set<string>();
  walkSameFunction(context.sourceCode, block, (node) => {
    if (node.type !== AST_NODE_TYPES.AssignmentExpression || node.left.type !== AST_NODE_TYPES.Identifier) return undefined;
    if (!testNames.has(node.left.name)) moved.add(node.left.name);
    else {
      sets += 1;
      const value = unwrap(node.right);
      if (value.type === AST_NODE_TYPES.MemberExpression && MORE_TO_DO_NAME.test(memberName(value) ?? '')) moreToDo += 1;
    }
    return undefined;
  });
  let readsMoved = false;
  walkSameFunction(context.sourceCode, block, (node) => {
    if (node.type === AST_NODE_TYPES.CallExpression && node.arguments.some((argument) => [...identifiersIn(context.sourceCode, argument)].some((name) => moved.has(name)))) readsMoved = true;
    return readsMoved ? false : undefined;
  });
  return sets > 0 && sets === moreToDo && !readsMoved;
}

/**
 * `if (!data.processing) { isComplete = true }`: the loop's flag is set when the answer says the work is
 * done, so a good answer that says "not yet" goes round too: a poll, whose pace is its own. Not when the
 * test only asks whether something came back (`if (data.id) done = true`), an empty answer going round.
 */
export function setsFlagOnAnswer(context: Context, block: TSESTree.BlockStatement, testNames: Set<string>): boolean {
  let polls = false;
  walkSameFunction(context.sourceCode, block, (node) => {
    if (polls || node.type !== AST_NODE_TYPES.IfStatement) return polls ? false : undefined;
    const setsFlag = [node.consequent, node.alternate].some((branch) => branch && [...flagWrites(context, branch, testNames)].length > 0);
    const subjects = logicalTerms(node.test, '&&').map((term) => unwrap(term));
    // Only a test of how the work stands (`!data.processing`, `job.status === 'done'`); not a good status
    // (`!res.ok`), an empty page (`products.length === 0`) or something that came back (`data.id`).
    if (setsFlag && subjects.some((term) => saysHowWorkStands(term) && answeredIn(context, rootOf(term), block, 0))) polls = true;
    return undefined;
  });
  return polls;
}

/** `!data.processing`, `job.status === 'done'`, `!isOrderProcessing`: a member or value that says how the work stands. */
function saysHowWorkStands(term: TSESTree.Node): boolean {
  const read = rootOf(term);
  // `res.status === 404` compares an HTTP status, not a job's (`job.status === 'done'`).
  const value = unwrap(term);
  const numeric = value.type === AST_NODE_TYPES.BinaryExpression && [value.left, value.right].some((side) => side.type === AST_NODE_TYPES.Literal && typeof side.value === 'number');
  const name = read.type === AST_NODE_TYPES.MemberExpression ? memberName(read) : read.type === AST_NODE_TYPES.Identifier ? read.name : undefined;
  // Also a value taken out of the answer (`const { isOrderProcessing } = data.syncStatus[0]`).
  return !numeric && name !== undefined && (STATE_NAME.test(name) || STATE_SUFFIX.test(name));
}

/** Members that say how the work stands (not `ok` or `success`, a call's own word that it worked). */
const STATE_NAME = /processing|pending|running|busy|waiting|status|state|progress|^(?:is)?(?:done|ready|complete|completed|finished|over|ended)$/i;

/** The same, ending a camel-case name: `gameFinished`, `jobDone`, `matchOver`. */
const STATE_SUFFIX = /[a-z](?:Done|Finished|Over|Ended|Complete|Completed)$/;

/** Writes of the loop's test names to a literal in `branch`: `isComplete = true`. */
function flagWrites(context: Context, branch: TSESTree.Node, testNames: Set<string>): Set<string> {
  const written = new Set<string>();
  walkSameFunction(context.sourceCode, branch, (node) => {
    if (node.type === AST_NODE_TYPES.AssignmentExpression && node.left.type === AST_NODE_TYPES.Identifier && testNames.has(node.left.name) && unwrap(node.right).type === AST_NODE_TYPES.Literal) written.add(node.left.name);
    return undefined;
  });
  return written;
}

/** The variable a test reads from: `data` of `!data.processing`, `status` of `status !== 'done'`. */
function rootOf(term: TSESTree.Node): TSESTree.Node {
  let current = unwrap(term);
  if (current.type === AST_NODE_TYPES.UnaryExpression) current = unwrap(current.argument);
  if (current.type === AST_NODE_TYPES.BinaryExpression && current.left.type !== AST_NODE_TYPES.PrivateIdentifier) current = unwrap(current.left);
  return current;
}
