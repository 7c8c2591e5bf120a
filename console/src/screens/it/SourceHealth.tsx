import { useEffect, useState } from 'react';
import { READ_STATE_LABEL, SOURCE_LABEL, dateTimeJa, label } from '../../labels.js';

interface SourceState {
  state: string;
  lastReadAt: string | null;
  lastSuccessfulReadAt?: string | null;
  recordsRead: number;
  recordsRejected: number;
  awaitingLink: number;
}

const HEALTH_STATE: Record<string, string> = { ...READ_STATE_LABEL, not_read: '未読込', unavailable: '応答なし' };

/**
 * Each source's health as the gateway's readiness reports it (GET /health/ready: same origin, codes and counts only,
 * nothing about a resident): state, last read, records read, rejected and waiting for a link.
 */
export function SourceHealth({ sources }: { sources: readonly string[] }) {
  const [health, setHealth] = useState<Record<string, SourceState> | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    fetch('/health/ready', { headers: { accept: 'application/json' } })
      .then((r) => r.json() as Promise<{ sources: Record<string, SourceState> }>)
      .then(
        (body) => live && setHealth(body.sources),
        () => live && setFailed(true),
      );
    return () => {
      live = false;
    };
  }, []);
  if (failed) return <p role="alert">取込元の状態を取得できませんでした。</p>;
  if (!health) return null;
  return (
    <section aria-labelledby="health-heading">
      <h2 id="health-heading">取込元の状態</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">取込元</th>
            <th scope="col">状態</th>
            <th scope="col">最終読込</th>
            <th scope="col">最終成功</th>
            <th scope="col">読込件数</th>
            <th scope="col">却下</th>
            <th scope="col">名寄せ待ち</th>
          </tr>
        </thead>
        <tbody>
          {sources.map((s) => {
            const h = health[s.toLowerCase()];
            if (!h) return null;
            return (
              <tr key={s}>
                <th scope="row">{SOURCE_LABEL[s] ?? s}</th>
                <td>{label(HEALTH_STATE, h.state)}</td>
                <td>{dateTimeJa(h.lastReadAt)}</td>
                <td>{dateTimeJa(h.lastSuccessfulReadAt ?? null)}</td>
                <td>{h.recordsRead}</td>
                <td>{h.recordsRejected}</td>
                <td>{h.awaitingLink}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
