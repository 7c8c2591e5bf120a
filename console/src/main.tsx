import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { loadConfig, type ConsoleConfig } from './config.js';
import { completeSignIn } from './session/oidc.js';
import { sessionFromToken, type Session } from './session/session.js';
import { clearSession, storedSession, storeSession } from './session/session-store.js';
import { SignIn } from './session/SignIn.js';
import { App } from './App.js';
import './styles.css';

function Root({ config, initial, problem }: { config: ConsoleConfig; initial: Session | null; problem: string | null }) {
  const [session, setSession] = useState<Session | null>(initial);
  if (!session) {
    return (
      <SignIn
        config={config}
        problem={problem}
        onSignedIn={(s) => {
          storeSession(s);
          setSession(s);
        }}
      />
    );
  }
  return (
    <BrowserRouter>
      <App
        session={session}
        signOut={() => {
          clearSession();
          setSession(null);
        }}
      />
    </BrowserRouter>
  );
}

async function start(): Promise<void> {
  const config = await loadConfig();
  let problem: string | null = null;
  // Back from the identity provider: exchange the code, then leave the callback address (and its code) behind.
  if (location.pathname === '/auth/callback' && config.oidc) {
    try {
      const session = sessionFromToken(await completeSignIn(config.oidc, new URL(location.href)));
      if (session) storeSession(session);
      else problem = 'IDプロバイダーのトークンに職員ID（sub）と所属（org）がありません。';
    } catch {
      problem = 'サインインを完了できませんでした。もう一度お試しください。';
    }
    history.replaceState(null, '', '/');
  }
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <Root config={config} initial={storedSession()} problem={problem} />
    </StrictMode>,
  );
}

void start();
