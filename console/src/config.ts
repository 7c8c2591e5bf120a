/** What the gateway tells the console about itself (GET /console-config.json). */
export interface ConsoleConfig {
  mode: 'demo' | 'production';
  oidc: { issuer: string; clientId: string; redirectUri: string | null; scope: string } | null;
}

export async function loadConfig(): Promise<ConsoleConfig> {
  const response = await fetch('/console-config.json', { headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`console-config.json: ${response.status}`);
  return (await response.json()) as ConsoleConfig;
}
