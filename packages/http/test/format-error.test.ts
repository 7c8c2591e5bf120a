import { formatError } from '../src/index.js';

describe('errors as a client sees them', () => {
  it('replaces an error without a public code by a bare INTERNAL, keeping only its path', () => {
    const leaked = formatError({
      message: 'duplicate key value violates unique constraint "person_pkey": Key (atena_no)=(0000012345) 山田',
      path: ['person'],
      extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at query (pg.js:1)'] },
    });
    expect(leaked).toEqual({ message: 'Internal error', path: ['person'], extensions: { code: 'INTERNAL' } });
    expect(formatError({ message: 'connect ECONNREFUSED 127.0.0.1:4101' })).toEqual({ message: 'Internal error', extensions: { code: 'INTERNAL' } });
  });

  it('passes a public code with its own message and fields, without stack or service name', () => {
    expect(
      formatError({
        message: 'limit must be between 1 and 100',
        extensions: { code: 'BAD_USER_INPUT', field: 'limit', stacktrace: ['x'], serviceName: 'juki' },
      }),
    ).toEqual({ message: 'limit must be between 1 and 100', extensions: { code: 'BAD_USER_INPUT', field: 'limit' } });
  });
});
