import fc from 'fast-check';
import { GraphQLError } from 'graphql';
import { decodeCursor, encodeCursor } from '../src/search-connection.js';

describe('searchPersonsConnection cursors', () => {
  it('give back the position they were made from', () => {
    fc.assert(
      fc.property(fc.constantFrom(1, 2, 3, 4), fc.stringMatching(/^\d{10}$/), (residentStatus, atenaNo) => {
        expect(decodeCursor(encodeCursor({ residentStatus: residentStatus as 1 | 2 | 3 | 4, atenaNo }))).toEqual({ residentStatus, atenaNo });
      }),
    );
  });

  it('never take anything else: any other string is BAD_USER_INPUT on `after`, never a query with it', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.base64String(),
          fc.jsonValue().map((v) => Buffer.from(JSON.stringify(v)).toString('base64url')),
        ),
        (cursor) => {
          let position: unknown;
          try {
            position = decodeCursor(cursor);
          } catch (error) {
            expect(error).toBeInstanceOf(GraphQLError);
            expect((error as GraphQLError).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
            return;
          }
          // A string that happens to decode is a well-formed position, nothing more.
          expect(position).toEqual({ residentStatus: expect.any(Number), atenaNo: expect.stringMatching(/^\d{1,15}$/) });
        },
      ),
      { numRuns: 2000 },
    );
  });

  it.each([
    ['a status out of range', [5, '0000000001']],
    ['an id with a quote', [1, "0' OR '1'='1"]],
    ['an id too long', [1, '1'.repeat(16)]],
    ['a third element', [1, '0000000001', 'x']],
    ['an object', { residentStatus: 1, atenaNo: '0000000001' }],
  ])('refuses %s', (_, value) => {
    expect(() => decodeCursor(Buffer.from(JSON.stringify(value)).toString('base64url'))).toThrow(GraphQLError);
  });
});
