import type { TSESLint } from '@typescript-eslint/utils';
import { rules } from './all-rules';
import { buildConfigs } from './configs';

// The plugin runs compiled, from out/rules/, two levels below the package root.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { name, version } = require('../../package.json') as { name: string; version: string };

interface FaultlinePlugin {
  meta: { name: string; version: string; namespace: string };
  rules: typeof rules;
  configs: { recommended: TSESLint.FlatConfig.Config; strict: TSESLint.FlatConfig.Config };
}

const plugin: FaultlinePlugin = {
  meta: { name, version, namespace: 'faultline' },
  rules,
  configs: {} as FaultlinePlugin['configs'],
};
// The configs name the plugin object itself, so they are built after it exists.
plugin.configs = buildConfigs(plugin as unknown as TSESLint.FlatConfig.Plugin, rules);

export = plugin;
