import { AST_NODE_TYPES as NODE_TYPES } from '@typescript-eslint/utils';

/**
 * The node type enum as a plain binding. `@typescript-eslint/utils` re-exports it through a property getter,
 * so each `AST_NODE_TYPES.Identifier` the compiled rules read was a function call: about a tenth of the
 * rules' time in `npm run bench`'s profile. Read from here, it is a property of this module's exports.
 */
export const AST_NODE_TYPES = NODE_TYPES;
