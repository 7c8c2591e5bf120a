import { useId } from 'react';

export interface Period {
  from: string;
  to: string;
}

/** A period of days in Japan's calendar as the instants the audit queries take (null: open-ended). */
export function periodVariables(p: Period): { from: string | null; to: string | null } {
  return {
    from: p.from ? new Date(`${p.from}T00:00:00+09:00`).toISOString() : null,
    to: p.to ? new Date(`${p.to}T23:59:59.999+09:00`).toISOString() : null,
  };
}

/** 期間の開始・終了, two date fields for a form. */
export function PeriodFields({ value, onChange }: { value: Period; onChange(next: Period): void }) {
  const ids = { from: useId(), to: useId() };
  return (
    <>
      <label htmlFor={ids.from}>期間の開始</label>
      <input id={ids.from} type="date" value={value.from} onChange={(e) => onChange({ ...value, from: e.target.value })} />
      <label htmlFor={ids.to}>期間の終了</label>
      <input id={ids.to} type="date" value={value.to} onChange={(e) => onChange({ ...value, to: e.target.value })} />
    </>
  );
}
