export function banner(url: string, readyUrl: string): string {
  return [
    '',
    `  welfare hub: ${url}`,
    `  readiness:   ${readyUrl}`,
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
