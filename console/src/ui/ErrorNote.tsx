import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';

/** An error in words a case worker can act on; never a stack, never a code alone. */
export function errorText(error: unknown): string {
  if (CombinedGraphQLErrors.is(error)) {
    const first = error.errors[0];
    const code = first?.extensions?.['code'];
    const field = first?.extensions?.['field'];
    switch (code) {
      case 'FORBIDDEN':
        return `この操作の権限がありません。${first?.message && first.message !== 'Forbidden' ? `（${first.message}）` : ''}`;
      case 'BAD_USER_INPUT':
        return `入力を確認してください${field ? `（${String(field)}）` : ''}: ${first?.message ?? ''}`;
      case 'MEETING_CONTEXT_INVALID':
        return first?.extensions?.['reason'] === 'NOT_OPEN'
          ? '選択中の支援会議は開催中ではありません。支援会議の選択を外してください。'
          : '選択中の支援会議では閲覧できません（存在しないか、構成員ではありません）。支援会議の選択を外してください。';
      case 'UNAUTHENTICATED':
        return 'サインインの有効期限が切れました。もう一度サインインしてください。';
      case 'SECTOR_UNAVAILABLE':
        return '一部の分野のシステムが応答しませんでした。その分野の項目は表示されていません。';
      default:
        return 'エラーが発生しました。時間をおいて再度お試しください。';
    }
  }
  if (ServerError.is(error)) {
    if (error.statusCode === 401) return 'サインインの有効期限が切れました。もう一度サインインしてください。';
    return `サーバーがエラーを返しました（${error.statusCode}）。`;
  }
  return 'エラーが発生しました。通信環境を確認してください。';
}

export function ErrorNote({ error }: { error: unknown }) {
  if (!error) return null;
  return (
    <p role="alert" className="error">
      {errorText(error)}
    </p>
  );
}

export function Loading({ what }: { what: string }) {
  return (
    <p role="status" className="muted">
      {what}を読み込んでいます…
    </p>
  );
}
