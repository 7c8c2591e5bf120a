import type { CodegenConfig } from '@graphql-codegen/cli';

// Types for the console's operations, from the client-facing schema (never the supergraph: it has fields the
// gateway refuses to clients). The generated src/gql/ is committed; `npm run build` regenerates it.
const config: CodegenConfig = {
  schema: '../schema/client.graphql',
  documents: ['src/**/*.{ts,tsx}', '!src/gql/**'],
  ignoreNoDocuments: true,
  generates: {
    './src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        scalars: { Date: 'string', DateTime: 'string' },
        enumsAsTypes: true,
        useTypeImports: true,
      },
    },
  },
};

export default config;
