import { CombinedGraphQLErrors } from '@apollo/client/errors';

/** The hub's refusals of a case step (BAD_USER_INPUT, in English for developers), in the words of the work. */
const REFUSALS: readonly [RegExp, string][] = [
  [/before proposing a plan/, '支援プランの前に、アセスメントを記録してください。'],
  [/assessment and propose a plan before approving/, 'アセスメントと支援プランの作成の後で、プランを承認できます。'],
  [/Propose a plan .*before approving/, '承認の前に、支援プランを作成してください。'],
  [/is approved already/, 'このプランは承認済みです。改定したプランを作成してから、もう一度承認してください。'],
  [/can be evaluated/, '評価できるのは承認済みのプラン（支援の実施中）だけです。先にプランの承認を記録してください。'],
  [/before deciding on 参加支援/, '参加支援の決定の前に、アセスメントを記録してください。'],
  [/Name the 主担当/, '終結では、つなぎ戻し先の主担当の機関を指定してください。'],
  [/No organisation is registered with that id/, 'その機関コードの機関は登録されていません。'],
  [/主担当 is a registered welfare organisation/, '主担当には、登録された福祉の機関を指定してください。'],
  [/needs the case's consent/, 'この決定には本人の同意（申込票）が必要です。先に同意をケースに添付してください。'],
  [/The meeting is not open/, 'この会議は開催中ではありません。決定は会議の開催中に記録します。'],
  [/支援会議's subjects must include/, 'この支援会議の対象者に、ケースの対象者が含まれていません。'],
  [/Everyone present must be a full member/, '出席者は会議の構成員である必要があります。'],
  [
    /Before consent, contacts are logged only under an OUTREACH_PLANNED/,
    '本人同意の前は、支援会議でアウトリーチを決定したケースでのみ支援経過を記録できます。',
  ],
  [/is in the future/, '日時が未来です。支援経過は実施した後に記録してください。'],
  [/is before the case was opened/, '日時がケースの受付より前です。'],
  [/A contact about a member names a subject/, '対象の世帯員は、ケースの対象者から選んでください。'],
  [/The case is closed/, 'このケースは終結しています。新たな支援は新しいケースとして受け付けてください。'],
  [/Name at least one 課題/, '課題を一つ以上選んでください。'],
  [/Name at least one role/, '役割分担を一つ以上入力してください。'],
  [/A role goes to a registered welfare organisation/, '役割は、登録された福祉の機関に割り当ててください（機関コードを確認してください）。'],
  [/A role for a member names a subject/, '役割の対象は、ケースの対象者から選んでください。'],
  [/The review date is in the past/, '見直しの日が過去の日付です。'],
  [/Name the person who needs 参加支援|The person must be a subject/, '参加支援が必要な人を、ケースの対象者から選んでください。'],
  [/must be 1-\d+ characters/, '入力が長すぎるか、空欄です。'],
  [/The referral was .* already|decided already/, 'このつなぎは既に受付または辞退されています。'],
  [/accepted by opening a case/, '多機関協働のチームへのつなぎは、ケースを開いて受け付けます。'],
];

/** The words for a refusal of a case step (BAD_USER_INPUT), or null for one this list does not know. */
export function caseRefusalText(error: unknown): string | null {
  if (!CombinedGraphQLErrors.is(error)) return null;
  const first = error.errors[0];
  if (first?.extensions?.['code'] !== 'BAD_USER_INPUT') return null;
  const words = REFUSALS.find(([pattern]) => pattern.test(first.message));
  return words ? `入力を確認してください：${words[1]}` : null;
}
