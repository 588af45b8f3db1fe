import type { JSONSchema } from '@typescript-eslint/utils';
import { CLIENTS, type ClientSpec } from './clients';

/**
 * A client the user declares in the rule's `clients` option: plain JSON, so configs stay serialisable
 * for `eslint --concurrency` and CI sharding.
 */
export interface UserClient {
  /** Import specifier, e.g. `@acme/http`. */
  module: string;
  /** Property path from the module export; `''` (default) is the export itself. */
  export?: string;
  /** Index of the options argument. */
  optionsArgument?: number;
  /** Keys in the options object that bound the call (milliseconds, or an `AbortSignal` for `signal`). */
  timeoutKeys?: string[];
}

export const USER_CLIENT_SCHEMA: JSONSchema.JSONSchema4 = {
  type: 'object',
  additionalProperties: false,
  required: ['module'],
  properties: {
    module: { type: 'string', description: 'Import specifier of the module that exports the call.' },
    export: { type: 'string', description: 'Property path from the module export to the function, e.g. `request` or `http.get`; empty for the export itself.' },
    optionsArgument: { type: 'integer', minimum: 0, description: 'Index of the options argument (default 1).' },
    timeoutKeys: { type: 'array', items: { type: 'string' }, description: 'Option keys that bound the call (default `timeout` and `signal`).' },
  },
};

export function userClientRow(user: UserClient, index: number): ClientSpec {
  const keys = user.timeoutKeys ?? ['timeout', 'signal'];
  return {
    id: `user:${index}:${user.module}`,
    name: user.export ? `${user.module} ${user.export}` : user.module,
    modules: [user.module],
    category: 'http',
    default: { kind: 'none' },
    calls: [{ path: user.export ?? '', on: 'module', options: { kind: 'arg', index: user.optionsArgument ?? 1 } }],
    timeoutKeys: keys.map((path) => ({ path, kind: path === 'signal' || path.endsWith('.signal') ? 'signal' : 'ms' })),
    fix: { kind: 'property', text: keys[0] === 'signal' ? 'signal: AbortSignal.timeout({ms})' : `${keys[0]}: {ms}` },
    remedy: keys.map((key) => `\`${key}\``).join(' or '),
    source: 'the rule\'s `clients` option',
  };
}

/** The knowledge table plus the user's rows; user rows come first so they can claim a module's export. */
export function clientsWithUserRows(users: readonly UserClient[]): readonly ClientSpec[] {
  return users.length === 0 ? CLIENTS : [...users.map(userClientRow), ...CLIENTS];
}
