import { lazy, Suspense, useMemo, useState } from 'react';
import { ApolloProvider } from '@apollo/client/react';
import { Navigate, NavLink, Route, Routes, useMatch } from 'react-router';
import { ContextClients } from './apollo/client.js';
import { MeetingContext, storedMeeting, storeMeeting, type MeetingChoice } from './meeting-context.js';
import { MeetingBanner, MeetingSelect } from './MeetingSelect.js';
import { SCREENS } from './screens.js';
import { SessionContext, hasRole } from './session/SessionContext.js';
import type { Session } from './session/session.js';
import { ROLE_LABEL } from './labels.js';
import { Loading } from './ui/ErrorNote.js';
import { useViewer } from './viewer.js';
import { SearchScreen } from './screens/search/SearchScreen.js';
import { HouseholdScreen } from './screens/household/HouseholdScreen.js';
import { ConsentsScreen } from './screens/consents/ConsentsScreen.js';
import { MeetingsScreen } from './screens/meetings/MeetingsScreen.js';
import { MeetingScreen } from './screens/meetings/MeetingScreen.js';

// Screens other roles use, and case work, loaded when first opened: the case worker's first screen carries none of them.
const CasesScreen = lazy(() => import('./screens/cases/CasesScreen.js'));
const CaseScreen = lazy(() => import('./screens/cases/CaseScreen.js'));
const PrivacyScreen = lazy(() => import('./screens/privacy/PrivacyScreen.js'));
const SourcesScreen = lazy(() => import('./screens/it/SourcesScreen.js'));
const LinkageScreen = lazy(() => import('./screens/it/LinkageScreen.js'));
const StatisticsScreen = lazy(() => import('./screens/analyst/StatisticsScreen.js'));

/** What the gateway takes in x-hub-case (an id, nothing else). */
const CASE_ID = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/;

export function App({ session, signOut }: { session: Session; signOut(): void }) {
  const [meeting, setMeeting] = useState<MeetingChoice | null>(storedMeeting);
  const clients = useMemo(() => new ContextClients(), []);
  // One client (and cache) per context: a change of meeting is a change of client, never a cache shared across them.
  // On a case's page every request names the case it is made for (x-hub-case, cases.md): the audit records it as the
  // purpose of each read; that context has its own client and cache too, dropped on leaving the case.
  const caseId = useMatch('/cases/:id')?.params.id ?? null;
  const client = clients.clientFor({
    token: session.token,
    staffId: session.staffId,
    meetingId: meeting?.id ?? null,
    caseId: caseId && CASE_ID.test(caseId) ? caseId : null,
  });
  const base = clients.baseClient({ token: session.token, staffId: session.staffId });
  const meetingValue = useMemo(
    () => ({
      meeting,
      choose(next: MeetingChoice | null) {
        storeMeeting(next);
        setMeeting(next);
      },
    }),
    [meeting],
  );
  const viewer = useViewer(base);
  const sectors = viewer?.organisation?.sectors ?? [];
  const home = hasRole(session, 'analyst') ? '/statistics' : '/search';
  return (
    <SessionContext.Provider value={{ session, signOut }}>
      <MeetingContext.Provider value={meetingValue}>
        <a className="skip" href="#main">
          本文へ移動
        </a>
        <header className="top">
          <p className="brand">福祉ハブ</p>
          <p className="who">
            {viewer?.staff?.name ?? session.staffId}（{viewer?.organisation?.name ?? session.orgId}）
            {session.roles.length > 0 && <span className="muted"> {session.roles.map((r) => ROLE_LABEL[r] ?? r).join('・')}</span>}
          </p>
          {!hasRole(session, 'analyst') && <MeetingSelect client={base} />}
          <button type="button" onClick={signOut}>
            サインアウト
          </button>
        </header>
        <nav aria-label="画面">
          <ul>
            {SCREENS.filter((s) => s.for(session, sectors)).map((s) => (
              <li key={s.path}>
                <NavLink to={s.path}>{s.label}</NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <MeetingBanner />
        <ApolloProvider client={client}>
          <main id="main" tabIndex={-1}>
            <Suspense fallback={<Loading what="画面" />}>
              <Routes>
                <Route path="/" element={<Navigate to={home} replace />} />
                <Route path="/search" element={<SearchScreen />} />
                <Route path="/household/:id" element={<HouseholdScreen />} />
                <Route path="/consents" element={<ConsentsScreen />} />
                <Route path="/consents/:personId" element={<ConsentsScreen />} />
                <Route path="/meetings" element={<MeetingsScreen />} />
                <Route path="/meetings/:id" element={<MeetingScreen />} />
                <Route path="/cases" element={<CasesScreen />} />
                <Route path="/cases/:id" element={<CaseScreen />} />
                <Route path="/privacy" element={<PrivacyScreen />} />
                <Route path="/privacy/:section" element={<PrivacyScreen />} />
                <Route path="/sources" element={<SourcesScreen sectors={sectors} admin={hasRole(session, 'admin')} />} />
                <Route path="/linkage" element={<LinkageScreen sectors={sectors} />} />
                <Route path="/statistics" element={<StatisticsScreen />} />
                <Route path="*" element={<p>この画面はありません。</p>} />
              </Routes>
            </Suspense>
          </main>
        </ApolloProvider>
      </MeetingContext.Provider>
    </SessionContext.Provider>
  );
}
