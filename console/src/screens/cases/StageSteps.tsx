import { CASE_STAGES, CASE_STAGE_LABEL } from '../../labels.js';

/** The case's way through the stages (cases.md: forward only), the current one marked for assistive technology too. */
export function StageSteps({ stage }: { stage: string }) {
  const at = CASE_STAGES.indexOf(stage as (typeof CASE_STAGES)[number]);
  return (
    <ol className="stages" aria-label="ケースの段階">
      {CASE_STAGES.map((s, i) => (
        <li key={s} className={i === at ? 'current' : i < at ? 'done' : ''} aria-current={i === at ? 'step' : undefined}>
          {CASE_STAGE_LABEL[s]}
        </li>
      ))}
    </ol>
  );
}
