/** What `npm start` prints once the gateway listens: where it is, what the demo city serves, and how to try it. */
export function banner(url: string, readyUrl: string, demoSources: readonly string[], topology: string): string {
  return [
    '',
    `  welfare hub (${topology}): ${url}`,
    `  readiness:   ${readyUrl}`,
    ...(demoSources.length > 0
      ? [`  demo mode: served by the generated demo city: ${demoSources.join(', ')} (configure HUB_*_DIR / _URL for a city's own systems)`]
      : []),
    '',
    '  a demo token (registered staff of the 地域包括支援センター):',
    '    TOKEN=$(npm run -s token -- --sub kaigo-01 --org KAIGO-HOKATSU)',
    '  an example query:',
    `    curl -s ${url} -H "authorization: Bearer $TOKEN" -H 'content-type: application/json' \\`,
    `      -d '{"query":"{ searchPersons(nameKana: \\"やまだ\\", limit: 3) { id name nameKana age household { id address members { name relationship age } } } }"}'`,
    '',
    '  Ctrl-C stops everything.',
    '',
  ].join('\n');
}
