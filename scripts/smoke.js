const { Linter } = require('eslint');
const plugin = require('/work/main/out/rules/index.js');
const parser = require('@typescript-eslint/parser');
const linter = new Linter({ configType: 'flat' });
const code = require('fs').readFileSync(process.argv[2], 'utf8');
const msgs = linter.verify(code, [{ files: ['**/*.ts'], languageOptions: { parser }, ...plugin.configs.recommended }], { filename: 'x.ts' });
for (const m of msgs) console.log(`${m.line}:${m.column}-${m.endLine}:${m.endColumn} ${m.ruleId} ${m.messageId} ${m.message}`, (m.suggestions||[]).map(s => JSON.stringify(s.fix)).join(' '));
