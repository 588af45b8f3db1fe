import { strict as assert } from 'node:assert';
import { Linter } from 'eslint';
import * as parser from '@typescript-eslint/parser';
import plugin = require('../../rules');

/** Suggestions must write the file's own line break: a CRLF file stays CRLF (the server found LF mixed in). */
describe('suggestions keep the line endings of the file', () => {
  const linter = new Linter({ configType: 'flat' });
  const config = [{ files: ['**/*.ts'], languageOptions: { parser }, ...plugin.configs.recommended }] as Linter.Config[];

  const files: Array<[string, string]> = [
    ['a multi-line axios.create config', "import axios from 'axios';\nexport const api = axios.create({\n  baseURL: 'https://example.com',\n});\n"],
    ['a retried charge that needs a key and an import', "import axios from 'axios';\nexport async function charge(amount: number) {\n  for (let attempt = 0; attempt < 3; attempt++) {\n    try {\n      return await axios.post('https://pay.example.com/charges', { amount }, { timeout: 5000 });\n    } catch {\n      await new Promise((resolve) => setTimeout(resolve, 100 * 2 ** attempt));\n    }\n  }\n}\n"],
  ];

  for (const [name, lf] of files) {
    it(name, () => {
      const crlf = lf.replace(/\n/g, '\r\n');
      const messages = linter.verify(crlf, config, { filename: 'file.ts' });
      const suggestions = messages.flatMap((message) => message.suggestions ?? []);
      assert.ok(suggestions.length > 0, 'the case must offer a suggestion');
      for (const suggestion of suggestions) {
        const fixed = crlf.slice(0, suggestion.fix.range[0]) + suggestion.fix.text + crlf.slice(suggestion.fix.range[1]);
        assert.doesNotMatch(fixed, /[^\r]\n/, `"${suggestion.desc}" wrote a bare LF into a CRLF file`);
      }
    });
  }
});
