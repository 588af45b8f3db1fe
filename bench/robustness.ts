/**
 * The full robustness sweep (`npm run bench:robustness`): every lintable file of the installed packages the
 * test suite samples, however large, under both configs. Exits 1 when any rule throws, naming the file.
 */
import { Linter } from 'eslint';
import { CORPUS_ROOTS, corpusFiles, linterConfig, lintFile, type ConfigName } from '../test/robustness/corpus';

function main(): number {
  const linter = new Linter({ configType: 'flat' });
  const crashes: string[] = [];
  for (const config of ['recommended', 'strict'] as const satisfies readonly ConfigName[]) {
    const eslintConfig = linterConfig(config);
    for (const root of CORPUS_ROOTS) {
      const files = corpusFiles(root);
      const started = process.hrtime.bigint();
      let parseErrors = 0;
      let findings = 0;
      let bytes = 0;
      for (const file of files) {
        const outcome = lintFile(linter, eslintConfig, file);
        bytes += file.bytes;
        findings += outcome.findings;
        if (outcome.parseError) parseErrors++;
        if (outcome.crash) crashes.push(`[${config}] node_modules/${file.name}: ${outcome.crash.split('\n').slice(0, 4).join(' | ')}`);
      }
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      console.log(`${config.padEnd(11)} ${root.padEnd(18)} ${String(files.length).padStart(5)} files ${(bytes / 1e6).toFixed(1).padStart(6)} MB ${seconds.toFixed(1).padStart(6)} s  findings ${findings}  parse errors ${parseErrors}`);
    }
  }
  if (crashes.length > 0) {
    console.error(`\n${crashes.length} rule crash(es):\n${crashes.join('\n')}`);
    return 1;
  }
  console.log('\nno rule crashed');
  return 0;
}

process.exitCode = main();
