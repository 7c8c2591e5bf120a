import { CARE_LEVEL_LABEL, CASE_STATUS_LABEL, CERTIFICATE_LABEL, dateJa, dateTimeJa, label } from '../../labels.js';
import type { SectorCode } from '../../labels.js';
import type { Member } from './member.js';

interface Common {
  lastInvolvementOn?: string | null;
  sourceReadAt?: string | null;
  lead?: { name: string; contact?: string | null } | null;
}

/** Who to call and how fresh the source is, for every granted sector. */
function Contact({ profile }: { profile: Common }) {
  return (
    <p className="contact">
      連絡先：{profile.lead ? `${profile.lead.name}${profile.lead.contact ? `（${profile.lead.contact}）` : ''}` : '登録なし'}
      ／最終関与：{dateJa(profile.lastInvolvementOn)}／データ取得：{dateTimeJa(profile.sourceReadAt)}
    </p>
  );
}

function Consultations({ items }: { items: readonly { id: string; date: string; category: string; status: string }[] }) {
  if (items.length === 0) return <p>相談記録：なし</p>;
  return (
    <ul>
      {items.map((c) => (
        <li key={c.id}>
          {dateJa(c.date)} {c.category}（{label(CASE_STATUS_LABEL, c.status)}）
        </li>
      ))}
    </ul>
  );
}

/** A granted sector's profile; a granted sector with nothing on the person says so (it is not withheld). */
export function SectorDetail({ member, sector }: { member: Member; sector: SectorCode }) {
  switch (sector) {
    case 'KAIGO': {
      const p = member.kaigo;
      if (!p) return <p>記録なし（または取得できませんでした）</p>;
      return (
        <>
          <p>
            要介護度：{label(CARE_LEVEL_LABEL, p.careLevel)}
            {p.careLevelValidUntil && `（${dateJa(p.careLevelValidUntil)}まで）`}
          </p>
          <Consultations items={p.consultations} />
          <Contact profile={p} />
        </>
      );
    }
    case 'SHOGAI': {
      const p = member.shogai;
      if (!p) return <p>記録なし（または取得できませんでした）</p>;
      return (
        <>
          <p>
            手帳：{p.certificates.length === 0 ? 'なし' : p.certificates.map((c) => `${label(CERTIFICATE_LABEL, c.type)} ${c.grade}`).join('、')}
            ／障害支援区分：
            {p.supportLevel ?? '—'}
          </p>
          {p.services.length > 0 && <p>サービス：{p.services.join('、')}</p>}
          <Consultations items={p.consultations} />
          <Contact profile={p} />
        </>
      );
    }
    case 'KODOMO': {
      const p = member.kodomo;
      if (!p) return <p>記録なし（または取得できませんでした）</p>;
      return (
        <>
          {p.cases.length === 0 ? (
            <p>ケース：なし</p>
          ) : (
            <ul>
              {p.cases.map((c) => (
                <li key={c.id}>
                  {c.category}（{label(CASE_STATUS_LABEL, c.status)}、{dateJa(c.openedOn)}〜{c.closedOn ? dateJa(c.closedOn) : ''}）
                  {c.youngCarerConcern && '／ヤングケアラーの懸念'}
                </li>
              ))}
            </ul>
          )}
          <Contact profile={p} />
        </>
      );
    }
    case 'KONKYU': {
      const p = member.konkyu;
      if (!p) return <p>記録なし（または取得できませんでした）</p>;
      return (
        <>
          <Consultations items={p.consultations} />
          <Contact profile={p} />
        </>
      );
    }
  }
}
