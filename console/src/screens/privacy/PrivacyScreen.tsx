import { NavLink, useParams } from 'react-router';
import { AccessLogSection } from './AccessLogSection.js';
import { IntegritySection } from './IntegritySection.js';
import { IdentityLogSection } from './IdentityLogSection.js';
import { ProtectedReadsSection } from './ProtectedReadsSection.js';
import { ConsentReviewSection } from './ConsentReviewSection.js';
import { DisclosureSection } from './DisclosureSection.js';
import { CaseAccessSection } from './CaseAccessSection.js';

/** The privacy officer's parts, one at a time (each its own address, so that a link or the back button finds it). */
const PARTS = [
  { path: '', label: '分野の閲覧記録・完全性' },
  { path: 'identity', label: '識別情報の閲覧記録' },
  { path: 'protected', label: '支援措置対象者の閲覧' },
  { path: 'cases', label: 'ケースの閲覧記録' },
  { path: 'consents', label: '同意の点検' },
  { path: 'disclosure', label: '本人開示（印刷用）' },
] as const;

/**
 * The privacy officer: who saw or was refused what about a person (accessLog), who was shown their identity
 * (identityLog), every read of a person under a 支援措置 (protectedReads), who read the cases about a person
 * (caseAccessLog), the consents to review (consentReview), the
 * printable 本人開示 (disclosure), and the audit log's integrity.
 */
export default function PrivacyScreen() {
  const { section = '' } = useParams();
  return (
    <>
      <h1>閲覧記録・監査</h1>
      <nav aria-label="閲覧記録・監査の項目" className="subnav">
        <ul>
          {PARTS.map((p) => (
            <li key={p.path}>
              <NavLink to={p.path ? `/privacy/${p.path}` : '/privacy'} end>
                {p.label}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      {section === '' && (
        <>
          <AccessLogSection />
          <IntegritySection />
        </>
      )}
      {section === 'identity' && <IdentityLogSection />}
      {section === 'protected' && <ProtectedReadsSection />}
      {section === 'cases' && <CaseAccessSection />}
      {section === 'consents' && <ConsentReviewSection />}
      {section === 'disclosure' && <DisclosureSection />}
      {!PARTS.some((p) => p.path === section) && <p>この項目はありません。</p>}
    </>
  );
}
