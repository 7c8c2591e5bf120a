import { useId, useState, type FormEvent } from 'react';
import type { ConsoleConfig } from '../config.js';
import { beginSignIn } from './oidc.js';
import { isExpired, sessionFromToken, type Session } from './session.js';

/**
 * Sign-in: the municipality's identity provider (OpenID Connect, code flow with PKCE) when configured, and in demo
 * mode also a pasted token (`npm run -s token -- --sub kaigo-01 --org KAIGO-HOKATSU`).
 */
export function SignIn({ config, problem, onSignedIn }: { config: ConsoleConfig; problem: string | null; onSignedIn(session: Session): void }) {
  const [token, setToken] = useState('');
  const [error, setError] = useState<string | null>(problem);
  const tokenId = useId();
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    const session = sessionFromToken(token);
    if (!session) return setError('トークンを読み取れません。JWT（xxx.yyy.zzz）を貼り付けてください。');
    if (isExpired(session)) return setError('このトークンは有効期限が切れています。');
    onSignedIn(session);
  };
  return (
    <main className="sign-in">
      <h1>福祉ハブ</h1>
      <p>世帯を分野横断で、法令に沿って確認するための画面です。閲覧はすべて記録されます。</p>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {config.oidc && (
        <section aria-labelledby="idp-heading">
          <h2 id="idp-heading">職員アカウントでサインイン</h2>
          <button type="button" onClick={() => beginSignIn(config.oidc!).catch(() => setError('IDプロバイダーに接続できませんでした。'))}>
            自治体のIDでサインイン
          </button>
        </section>
      )}
      {config.mode === 'demo' && (
        <form onSubmit={submit} aria-labelledby="token-heading">
          <h2 id="token-heading">デモ：トークンでサインイン</h2>
          <label htmlFor={tokenId}>アクセストークン</label>
          <textarea id={tokenId} value={token} onChange={(e) => setToken(e.target.value)} rows={4} spellCheck={false} autoComplete="off" required />
          <p className="muted">
            トークンはこのタブの間だけ保持され、タブを閉じると消えます。例：<code>npm run -s token -- --sub kaigo-01 --org KAIGO-HOKATSU</code>
          </p>
          <button type="submit">サインイン</button>
        </form>
      )}
      {config.mode !== 'demo' && !config.oidc && <p role="alert">サインイン方法が設定されていません（HUB_OIDC_ISSUER, HUB_OIDC_CLIENT_ID）。</p>}
    </main>
  );
}
