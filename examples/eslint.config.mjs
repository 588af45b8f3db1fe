// The configuration a team adopting Faultline writes: the recommended config over TypeScript sources.
import faultline from 'eslint-plugin-faultline';
import tsParser from '@typescript-eslint/parser';

export default [
  {
    files: ['**/*.ts'],
    languageOptions: { parser: tsParser },
  },
  faultline.configs.recommended,
];
