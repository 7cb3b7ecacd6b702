import * as fs from 'fs';
import * as path from 'path';
import * as lib from '../lib';
import { CloudProvider, RuleCatalog } from '../lib';
import { COMMANDS } from '../lib/cli/main';
import { PLAN_COMMANDS } from '../lib/cli/plan';

// The generator's own functions (scripts/readme-rules.js), run over lib/ instead of dist/.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { RULES, REFUSED, rulesTable, refusedSection, between } = require('../scripts/readme-rules');

test('the README lists every built-in rule as the catalog states it', () => {
  const readme = fs.readFileSync(path.join(__dirname, '..', 'README.md'), 'utf8');
  expect(between(readme, RULES)).toBe(rulesTable(lib));
});

test('the README\'s "What the library refuses" is the catalog\'s unsuppressible and input rules, per cloud (npm run docs:rules)', () => {
  const readme = fs.readFileSync(path.join(__dirname, '..', 'README.md'), 'utf8');
  const section = between(readme, REFUSED);
  expect(section).toBe(refusedSection(lib));
  for (const provider of [CloudProvider.GCP, CloudProvider.AWS]) {
    for (const rule of RuleCatalog.unsuppressible(provider)) expect(section).toContain(`| ${rule.id} | ${rule.statement} |`);
  }
  expect(RuleCatalog.inputRules().map((r) => r.id)).toEqual(expect.arrayContaining(['INPUT-001', 'INPUT-002', 'INPUT-003', 'INPUT-004', 'INPUT-005']));
});

test('the README\'s two commands are the ones .ci/run and package.json implement', () => {
  const readme = fs.readFileSync(path.join(__dirname, '..', 'README.md'), 'utf8');
  expect(readme).toContain('npm ci && npm run synth');
  expect(readme).toMatch(/^npm test\s/m);
  const ci = fs.readFileSync(path.join(__dirname, '..', '.ci', 'run'), 'utf8');
  expect(ci).toMatch(/^npm ci$/m);
  expect(ci).toMatch(/^npm test$/m);
  const scripts = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8')).scripts;
  expect(scripts.synth).toMatch(/cdktf synth$/);
});

// The README's TypeScript blocks compile against the library as it is. A block may be a fragment
// of a program (`new FlatCluster(stack, ...)`): what it leaves to the reader (a stack, a network,
// the imports) is declared for it from CONTEXT, and only for the names it uses and does not declare.
const ROOT = path.join(__dirname, '..');
const LIBRARY = ['Archipelago', 'Cloud', 'CloudLink', 'Egress', 'FlatCluster', 'Ingress', 'IpFamily', 'IslandCluster', 'IsolatedCluster', 'Network'];
const CONTEXT: Record<string, string> = {
  fs: "import * as fs from 'fs';",
  os: "import * as os from 'os';",
  path: "import * as path from 'path';",
  App: "import { App } from 'cdktf';",
  TerraformStack: "import { TerraformStack } from 'cdktf';",
  Testing: "import { Testing } from 'cdktf';",
  GoogleProvider: "import { GoogleProvider } from '@cdktf/provider-google/lib/provider';",
  AwsProvider: "import { AwsProvider } from '@cdktf/provider-aws/lib/provider';",
  ...Object.fromEntries(LIBRARY.map((name) => [name, `import { ${name} } from 'cdktf-kube-networks';`])),
  app: "declare const app: import('cdktf').App;",
  stack: "declare const stack: import('cdktf').TerraformStack;",
  network: "declare const network: import('cdktf-kube-networks').Network;",
  gcpNetwork: "declare const gcpNetwork: import('cdktf-kube-networks').Network;",
  awsNetwork: "declare const awsNetwork: import('cdktf-kube-networks').Network;",
  cloud: "declare const cloud: import('cdktf-kube-networks').ICloud;",
  other: "declare const other: import('cdktf-kube-networks').ReservedRange;",
};
// What the README tells a TypeScript user of the matcher to declare.
const MATCHERS = 'declare namespace jest { interface Matchers<R> { toSatisfyNetworkModel(addressPlans?: string[]): R; } }\n';

/** The ```ts blocks of a Markdown file, each with the line its code starts on. */
function tsBlocks(file: string): Array<{ line: number; code: string }> {
  const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
  const blocks: Array<{ line: number; code: string }> = [];
  const fence = /^```ts\n([\s\S]*?)^```$/gm;
  for (let m = fence.exec(text); m; m = fence.exec(text)) blocks.push({ line: text.slice(0, m.index).split('\n').length + 1, code: m[1] });
  return blocks;
}

/** `code` with what it uses from CONTEXT and does not declare itself put before it; the prelude is one line. */
function withContext(code: string): string {
  const declared = new Set<string>();
  for (const m of code.matchAll(/^import \{([^}]*)\}/gm)) m[1].split(',').forEach((n) => declared.add(n.trim()));
  for (const m of code.matchAll(/^import \* as (\w+)/gm)) declared.add(m[1]);
  for (const m of code.matchAll(/\b(?:const|let) (\w+)/g)) declared.add(m[1]);
  const used = Object.keys(CONTEXT).filter((name) => !declared.has(name) && new RegExp(`\\b${name}\\b`).test(code));
  return `${used.map((name) => CONTEXT[name]).join(' ')} export {};\n${code}`;
}

/** Type errors of `files` (name -> code), as `name:line: message`; line 1 is the first after the prelude line. */
function typeErrors(files: Record<string, string>): string[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const ts = require('typescript') as typeof import('typescript');
  const options: import('typescript').CompilerOptions = {
    strict: true, noEmit: true, skipLibCheck: true, esModuleInterop: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS,
    moduleResolution: ts.ModuleResolutionKind.Node10, lib: ['lib.es2022.d.ts'], types: ['jest', 'node'],
    baseUrl: ROOT, paths: { 'cdktf-kube-networks': ['lib/index.ts'] },
  };
  const virtual = new Map(Object.entries({ ...files, 'matchers.d.ts': MATCHERS }).map(([name, code]) => [path.join(ROOT, 'readme-snippets', name), code]));
  const host = ts.createCompilerHost(options);
  const { getSourceFile, fileExists, readFile } = host;
  host.fileExists = (f) => virtual.has(f) || fileExists.call(host, f);
  host.readFile = (f) => virtual.get(f) ?? readFile.call(host, f);
  host.getSourceFile = (f, language, ...rest) => (virtual.has(f) ? ts.createSourceFile(f, virtual.get(f)!, language) : getSourceFile.call(host, f, language, ...rest));
  const program = ts.createProgram([...virtual.keys()], options, host);
  return [...virtual.keys()].flatMap((f) => {
    const source = program.getSourceFile(f)!;
    return [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)].map((d) => {
      const line = d.start === undefined ? 0 : source.getLineAndCharacterOfPosition(d.start).line;
      return `${path.basename(f)}:${line}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
    });
  });
}

test('every TypeScript block of the README and docs/ARCHITECTURE.md compiles against the library', () => {
  const files: Record<string, string> = {};
  const starts = new Map<string, { doc: string; line: number }>();
  for (const doc of ['README.md', 'docs/ARCHITECTURE.md']) {
    for (const { line, code } of tsBlocks(doc)) {
      const name = `block-${starts.size + 1}.ts`;
      files[name] = withContext(code);
      starts.set(name, { doc, line });
    }
  }
  expect(starts.size).toBeGreaterThanOrEqual(9);
  // Each error at the line of the document it is on.
  const errors = typeErrors(files).map((e) => e.replace(/^([^:]+):(\d+):/, (_, name: string, line: string) => {
    const start = starts.get(name);
    return start ? `${start.doc}:${start.line + Number(line) - 1}:` : `${name}:${line}:`;
  }));
  expect(errors).toEqual([]);
}, 60_000);

test('every npm script, command, subcommand and flag the README and docs/ARCHITECTURE.md name exists', () => {
  const scripts = Object.keys(JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).scripts);
  for (const doc of ['README.md', 'docs/ARCHITECTURE.md']) {
    const text = fs.readFileSync(path.join(ROOT, doc), 'utf8');
    for (const [, script] of text.matchAll(/npm run ([\w:-]+)/g)) expect([doc, script, scripts.includes(script)]).toEqual([doc, script, true]);
    // A command as written to be run: after npx, or opening inline code.
    for (const [, command, sub] of text.matchAll(/(?:npx |`)cdktf-kube-networks (\w+)(?: (\w+))?/g)) {
      expect([doc, command, command in COMMANDS]).toEqual([doc, command, true]);
      if (command === 'plan' && sub) expect([doc, sub, sub in PLAN_COMMANDS]).toEqual([doc, sub, true]);
    }
    // The plan commands' table: each row's subcommand and flags.
    for (const [, sub, rest] of text.matchAll(/^\| `plan (\w+)([^`]*)`/gm)) {
      expect([doc, sub, sub in PLAN_COMMANDS]).toEqual([doc, sub, true]);
      for (const [, flag] of rest.matchAll(/--([\w-]+)/g)) expect([doc, sub, flag, flag in PLAN_COMMANDS[sub].options]).toEqual([doc, sub, flag, true]);
    }
  }
});
