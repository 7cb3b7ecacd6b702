// Lint: typescript-eslint's recommended rules plus the layer rules of DESIGN.md.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const providerBarrels = {
  paths: [
    { name: '@cdktf/provider-aws', message: 'Import by deep path (@cdktf/provider-aws/lib/vpc): the barrel takes seconds to load.' },
    { name: '@cdktf/provider-google', message: 'Import by deep path (@cdktf/provider-google/lib/compute-network): the barrel takes seconds to load.' },
  ],
};

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'dist-jsii/', 'cdktf.out/', 'coverage/', '**/*.js', '**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      'no-restricted-imports': ['error', providerBarrels],
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'eqeqeq': ['error', 'always'],
      'quotes': ['error', 'single', { avoidEscape: true, allowTemplateLiterals: true }],
      'semi': ['error', 'always'],
    },
  },
  {
    // ipam is pure address math: it imports nothing of ours and no cdktf.
    files: ['lib/ipam/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        ...providerBarrels,
        patterns: [
          { group: ['cdktf', 'cdktf/*', 'constructs', '@cdktf/*'], message: 'lib/ipam is pure address math: no cdktf or constructs.' },
          { group: ['../*'], message: 'lib/ipam imports nothing of ours outside lib/ipam.' },
        ],
      }],
    },
  },
);
