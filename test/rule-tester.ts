import * as path from 'node:path';
import { RuleTester } from '@typescript-eslint/rule-tester';

/** Fixtures live in the source tree; tests run from out/test, so go back up to the repository. */
export const FIXTURES = path.join(__dirname, '..', '..', 'test', 'fixtures');

/** Syntax and scope only: the verdicts CI gets without `projectService`. */
export const untypedTester = new RuleTester({
  languageOptions: { parserOptions: { ecmaVersion: 'latest', sourceType: 'module' } },
});

/** Type-aware: a project service over test/fixtures, whose node_modules holds the client packages' types. */
export const typedTester = new RuleTester({
  languageOptions: {
    parserOptions: {
      projectService: { allowDefaultProject: ['*.ts*'] },
      tsconfigRootDir: FIXTURES,
    },
  },
});
