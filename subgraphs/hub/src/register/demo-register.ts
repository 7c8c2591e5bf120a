import type { Organisation, Staff } from './register.js';

/**
 * The organisations and staff a demo hub starts with (listed in the README). A hub whose sources are all
 * configured seeds none: a real municipality registers its own.
 */
export const DEMO_ORGANISATIONS: Organisation[] = [
  { id: 'KAIGO-HOKATSU', name: '地域包括支援センター', sectors: ['KAIGO'], contact: '000-0000-1001 (内線 201)' },
  { id: 'SHOGAI-SODAN', name: '基幹相談支援センター', sectors: ['SHOGAI'], contact: '000-0000-1002' },
  { id: 'KODOMO-CENTER', name: 'こども家庭センター', sectors: ['KODOMO'], contact: '000-0000-1003' },
  { id: 'KONKYU-SHAKYO', name: '社会福祉協議会 自立相談支援機関', sectors: ['KONKYU'], contact: '000-0000-1004' },
  { id: 'JUSOU-SUISHIN', name: '重層的支援推進室', sectors: [] },
  { id: 'KIKAKU', name: '企画課 (統計)', sectors: [] },
  { id: 'HUB-ADMIN', name: 'ハブ運用担当', sectors: [] },
  { id: 'MINSEI-IIN', name: '民生委員・児童委員協議会', sectors: [], outsideWelfare: true },
];

export const DEMO_STAFF: Staff[] = [
  { id: 'kaigo-01', orgId: 'KAIGO-HOKATSU', name: '介護 一郎' },
  { id: 'shogai-01', orgId: 'SHOGAI-SODAN', name: '障害 花子' },
  { id: 'kodomo-01', orgId: 'KODOMO-CENTER', name: '子ども 次郎' },
  { id: 'konkyu-01', orgId: 'KONKYU-SHAKYO', name: '困窮 三郎' },
  { id: 'coord-01', orgId: 'JUSOU-SUISHIN', name: '重層 桜' },
  { id: 'analyst-01', orgId: 'KIKAKU', name: '企画 統計' },
  { id: 'privacy-01', orgId: 'HUB-ADMIN', name: '個人情報 保護' },
  { id: 'admin-01', orgId: 'HUB-ADMIN', name: '運用 管理' },
  { id: 'minsei-01', orgId: 'MINSEI-IIN', name: '民生 委員' },
];
