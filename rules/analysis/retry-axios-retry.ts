import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from './node-types';
import { receiverOf, type ClientCall } from './calls';
import { sameReceiver } from './declared-receivers';
import { isModuleExport, memberName, unwrap } from './origin';
import { programAttachment, type ProgramAttachment } from './program-axios-retry';
import { attachmentsOf, AXIOS_RETRY, countAttempts, hasCondition, methodBlindConditionOf, unsafeCondition, type ConfiguredUse } from './retry-configured';
import type { TypeFacts } from './types';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/**
 * axios-retry: which of the file's `axiosRetry(instance, options)` calls patches the axios a request goes
 * through (the instance's creation, the default axios, or the instance a client holds), and, with types, one
 * in another file of the program; and what it repeats for that request.
 */

export function axiosRetryFor(context: Context, call: ClientCall, unsafeMethod: boolean, types?: TypeFacts): ConfiguredUse | undefined {
  if (call.client.id !== 'axios') return undefined;
  const creation = call.instance?.creation;
  const receiver = receiverOf(call.node.callee);
  // No instance: the call goes through the axios module itself (a typed instance has no creation here).
  const throughDefault = !call.instance;
  for (const { call: attach, target } of attachmentsOf(context, AXIOS_RETRY)) {
    const matches = creation
      ? target?.kind === 'call' && target.call === creation && target.path.length === 0
      : throughDefault && isModuleExport(target, AXIOS_RETRY.attachesTo!, '');
    if (matches) return axiosRetryUse(context, attach, unsafeMethod);
  }
  if (!types) return undefined;
  // Attached where the application sets up its HTTP layer, in another file: found through the program.
  const receiverTs = types.toTs(receiver);
  const elsewhere = programAttachment(types.program, types.checker, AXIOS_RETRY, receiverTs.getSourceFile(), throughDefault ? undefined : receiverTs, receiverTs.getSourceFile());
  return elsewhere && attachmentUse(elsewhere, call.node.callee, unsafeMethod);
}

/** What an `axiosRetry(instance, options)` of this file repeats, for a call through that instance. */
function axiosRetryUse(context: Context, attach: TSESTree.CallExpression, unsafeMethod: boolean): ConfiguredUse {
  const options = attach.arguments[AXIOS_RETRY.optionsArg!];
  const condition = unsafeCondition(context, AXIOS_RETRY, options);
  const blind = condition === undefined ? methodBlindConditionOf(context, AXIOS_RETRY, options) : undefined;
  return {
    name: AXIOS_RETRY.name, node: attach.callee, attempts: countAttempts(context, AXIOS_RETRY, options),
    repeatsUnsafe: unsafeMethod && (condition !== undefined || blind !== undefined || !hasCondition(context, AXIOS_RETRY, options)),
    repeatsOn: condition ?? blind?.repeatsOn ?? AXIOS_RETRY.repeatsOn, ...(blind?.afterStatus ? { afterStatus: true as const } : {}),
  };
}

/**
 * axios-retry attached to the axios instance a client holds in `member` (`axiosRetry(this.httpService.axiosRef,
 * …)`), for a request made through that same client (`this.httpService.post(…)`): the same field of the same
 * class, or the same variable.
 */
export function axiosRetryOnMember(context: Context, receiver: TSESTree.Node, member: string, unsafeMethod: boolean): ConfiguredUse | undefined {
  for (const { call: attach } of attachmentsOf(context, AXIOS_RETRY)) {
    const target = attach.arguments[0] && unwrap(attach.arguments[0]);
    if (target?.type === AST_NODE_TYPES.MemberExpression && memberName(target) === member && sameReceiver(context, target.object, receiver)) return axiosRetryUse(context, attach, unsafeMethod);
  }
  return undefined;
}

/** An axios-retry attachment of another file, as the configured retry of a call (at `node`) through that axios. */
export function attachmentUse(attached: ProgramAttachment, node: TSESTree.Node, unsafeMethod: boolean): ConfiguredUse {
  return {
    name: AXIOS_RETRY.name, where: attached.where, node, attempts: attached.attempts,
    repeatsUnsafe: unsafeMethod && !attached.conditioned, repeatsOn: attached.repeatsOn, ...(attached.afterStatus ? { afterStatus: true as const } : {}),
  };
}
