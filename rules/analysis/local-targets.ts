import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from './node-types';
import { LOCAL_URL_SCHEMES } from '../knowledge/clients';
import type { ClientCall } from './calls';
import { readOption } from './options';
import { findVariable, memberName, singleAssignmentInit, unwrap } from './origin';
import type { TypeFacts } from './types';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/**
 * Calls that reach no remote host, so no timeout is asked of them: a resource read on this machine or
 * bundled with the code (a `data:` URL, an asset beside the module), or a Unix socket or named pipe. Which
 * clients can make such calls, and through which argument or option, is in the knowledge table.
 */

/**
 * `fetch('data:…')`, `fetch('chrome-extension://…/logo.png')`, `fetch(new URL('../fonts/Inter.ttf',
 * import.meta.url))`: a resource read on this machine (or bundled as an asset), with no remote host to stall.
 */
export function readsLocalResource(context: Context, node: TSESTree.Node | undefined, depth = 0): boolean {
  if (!node || depth > 3) return false;
  const value = unwrap(node);
  const head = value.type === AST_NODE_TYPES.Literal && typeof value.value === 'string' ? value.value
    : value.type === AST_NODE_TYPES.TemplateLiteral ? value.quasis[0]?.value.cooked ?? '' : undefined;
  if (head !== undefined) return LOCAL_URL_SCHEMES.some((scheme) => head.toLowerCase().startsWith(scheme));
  if (value.type === AST_NODE_TYPES.NewExpression && value.callee.type === AST_NODE_TYPES.Identifier && value.callee.name === 'URL') {
    const [path, base] = value.arguments;
    const relative = path?.type === AST_NODE_TYPES.Literal && typeof path.value === 'string' && !/^[a-z][a-z0-9+.-]*:|^\/\//i.test(path.value);
    const besideModule = base?.type === AST_NODE_TYPES.MemberExpression && base.object.type === AST_NODE_TYPES.MetaProperty && memberName(base) === 'url';
    return (relative && besideModule) || (path !== undefined && readsLocalResource(context, path, depth + 1));
  }
  if (value.type === AST_NODE_TYPES.Identifier) {
    const variable = findVariable(context, value);
    const init = variable ? singleAssignmentInit(variable) : undefined;
    return init !== undefined && readsLocalResource(context, init, depth + 1);
  }
  return false;
}

/** `net.connect('/tmp/app.sock')`, `net.connect({ path })`: a Unix socket or named pipe on this machine. */
export function connectsLocally(context: Context, call: ClientCall, optionKey: string, types: TypeFacts | undefined): boolean {
  const first = call.node.arguments[0];
  if (!first || first.type === AST_NODE_TYPES.SpreadElement) return false;
  if (readOption(context, first, [optionKey], types).kind === 'present') return true;
  const value = unwrap(first);
  if (value.type === AST_NODE_TYPES.Literal) return typeof value.value === 'string';
  if (value.type === AST_NODE_TYPES.TemplateLiteral) return true;
  // `net.connect(this.path)` (an IPC provider): as for a parameter below, the name is what there is.
  if (value.type === AST_NODE_TYPES.MemberExpression) return types?.isUrlType(value) ?? /path|sock|pipe/i.test(memberName(value) ?? '');
  if (value.type !== AST_NODE_TYPES.Identifier) return false;
  const typed = types?.isUrlType(value);
  if (typed !== undefined) return typed;
  const variable = findVariable(context, value);
  const init = variable ? singleAssignmentInit(variable) : undefined;
  if (init) return unwrap(init).type === AST_NODE_TYPES.Literal ? typeof (unwrap(init) as TSESTree.Literal).value === 'string' : unwrap(init).type === AST_NODE_TYPES.TemplateLiteral;
  // A parameter: its name is all there is to go on (`socketPath`, `ipcPath`, `sock`).
  return /path|sock|pipe/i.test(value.name);
}
