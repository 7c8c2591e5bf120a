import { useId, useState, type FormEvent } from 'react';
import { useApolloClient } from '@apollo/client/react';
import { Link } from 'react-router';
import { graphql } from '../../gql/index.js';
import type { SearchPersonsQuery } from '../../gql/graphql.js';
import { dateJa } from '../../labels.js';
import { ErrorNote } from '../../ui/ErrorNote.js';

const SEARCH = graphql(`
  query SearchPersons($nameKana: String, $birthDate: Date, $after: String) {
    searchPersonsConnection(nameKana: $nameKana, birthDate: $birthDate, first: 20, after: $after) {
      edges {
        cursor
        node {
          id
          name
          nameKana
          birthDate
          age
          relationship
          residentStatus
          address
          household {
            id
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

type Found = SearchPersonsQuery['searchPersonsConnection']['edges'][number]['node'];

const RESIDENT_STATUS: Record<string, string> = { RESIDENT: '住民', MOVED_OUT: '転出', DECEASED: '死亡', STRUCK_OFF: '職権消除' };

/** 検索: by the reading (a family name finds the family) and/or the birth date, page by page. */
export function SearchScreen() {
  const client = useApolloClient();
  const kanaId = useId();
  const birthId = useId();
  const [kana, setKana] = useState('');
  const [birthDate, setBirthDate] = useState('');
  const [found, setFound] = useState<Found[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const run = async (after: string | null): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      const { data } = await client.query({
        query: SEARCH,
        variables: { nameKana: kana.trim() || null, birthDate: birthDate || null, after },
        fetchPolicy: 'network-only',
      });
      const page = data!.searchPersonsConnection;
      setFound((before) => [...(after ? (before ?? []) : []), ...page.edges.map((e) => e.node)]);
      setNext(page.pageInfo.hasNextPage ? (page.pageInfo.endCursor ?? null) : null);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    void run(null);
  };

  return (
    <>
      <h1>検索</h1>
      <form onSubmit={submit} className="search-form" role="search" aria-label="住民の検索">
        <div className="field">
          <label htmlFor={kanaId}>氏名（カナ）</label>
          <input id={kanaId} value={kana} onChange={(e) => setKana(e.target.value)} placeholder="ヤマダ タロウ" autoComplete="off" />
        </div>
        <div className="field">
          <label htmlFor={birthId}>生年月日</label>
          <input id={birthId} type="date" value={birthDate} onChange={(e) => setBirthDate(e.target.value)} />
        </div>
        <button type="submit" disabled={busy}>
          検索
        </button>
      </form>
      <ErrorNote error={error} />
      {found && (
        <section aria-label="検索結果">
          <p role="status">{found.length === 0 ? '該当する住民はいません。' : `${found.length}件${next ? '（続きがあります）' : ''}`}</p>
          {found.length > 0 && (
            <table>
              <thead>
                <tr>
                  <th scope="col">氏名</th>
                  <th scope="col">カナ</th>
                  <th scope="col">生年月日</th>
                  <th scope="col">年齢</th>
                  <th scope="col">住民状態</th>
                  <th scope="col">世帯</th>
                </tr>
              </thead>
              <tbody>
                {found.map((p) => (
                  <tr key={p.id}>
                    <th scope="row">{p.name}</th>
                    <td>{p.nameKana}</td>
                    <td>{dateJa(p.birthDate)}</td>
                    <td>{p.age}歳</td>
                    <td>{RESIDENT_STATUS[p.residentStatus] ?? p.residentStatus}</td>
                    <td>
                      <Link to={`/household/${p.household.id}`} aria-label={`${p.name}の世帯を開く`}>
                        世帯を開く
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {next && (
            <button type="button" onClick={() => void run(next)} disabled={busy}>
              さらに表示
            </button>
          )}
        </section>
      )}
    </>
  );
}
