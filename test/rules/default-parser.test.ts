import * as assert from 'node:assert/strict';
import { Linter } from 'eslint';
import plugin = require('../../rules');

/**
 * A JavaScript project may lint with ESLint's default parser, which provides no parser services: every
 * rule must run there, without types, and find what it finds with @typescript-eslint/parser.
 */
const compiledModule = `"use strict";
const p_retry_1 = __importStar(require("p-retry"));
const axios_1 = __importDefault(require("axios"));
async function pay(url, body) {
    return (0, p_retry_1.default)(() => fetch(url, { method: 'POST', body, signal: AbortSignal.timeout(5000) }), { retries: 3 });
}
async function load(url) {
    return (0, axios_1.default)(url);
}
module.exports = { pay, load };
`;

const expected = {
  recommended: ['5:41 faultline/no-unsafe-retry', '8:13 faultline/require-timeout'],
  // strict's no-unguarded-dependency mode `all` also asks for a guard around each call.
  strict: ['5:41 faultline/no-unguarded-dependency', '5:41 faultline/no-unsafe-retry', '8:13 faultline/no-unguarded-dependency', '8:13 faultline/require-timeout'],
};

for (const config of ['recommended', 'strict'] as const) {
  describe(`ESLint's default parser under configs.${config}`, () => {
    it('runs every rule and sees through compiled imports', () => {
      const linter = new Linter({ configType: 'flat' });
      const messages = linter.verify(compiledModule, [
        { files: ['**/*.js'], languageOptions: { sourceType: 'commonjs' } },
        plugin.configs[config] as Linter.Config,
      ], 'service.js');
      assert.deepEqual(messages.filter((message) => message.fatal || !message.ruleId), []);
      assert.deepEqual(messages.map((message) => `${message.line}:${message.column} ${message.ruleId}`), expected[config]);
    });
  });
}
