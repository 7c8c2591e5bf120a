import { readFileSync } from 'node:fs';
import { sectors as registeredSectors, type SectorInfo } from '@welfare-hub/sectors';

/** What the situation rules read of one sector's facts: the selection the hub @requires of each member. */
const FACTS_SELECTION = '{ periods { kind from until } consultations { date open text } cases { openedOn closedOn open youngCarer } }';

/**
 * The sector-dependent lines of a subgraph SDL, written from the registry at compose time: in the hub, Person's
 * `<field>Facts @external` fields and the `@requires` of Household.situations (so a registered sector's facts reach
 * the situations); in every subgraph that defines the Sector or SourceName enum, a value for each sector beyond the
 * four its file lists. For the four built-in sectors the result is the committed file itself
 * (schema/test/sector-lines.test.ts), so the SDL on disk stays a valid schema that tools can read.
 */
export function withSectorLines(sdl: string, sectors: readonly SectorInfo[]): string {
  let out = sdl
    .replace(/(?:^ {2}\w+Facts: SituationFacts @external\n)+/m, sectors.map((s) => `  ${s.field}Facts: SituationFacts @external\n`).join(''))
    .replace(
      /@requires\(fields: "members \{ id birthDate relationship (?:\w+Facts \{ periods \{ kind from until \} consultations \{ date open text \} cases \{ openedOn closedOn open youngCarer \} \} )+\}"\)/,
      `@requires(fields: "members { id birthDate relationship ${sectors.map((s) => `${s.field}Facts ${FACTS_SELECTION} `).join('')}}")`,
    );
  out += extraEnumValues(
    out,
    'Sector',
    sectors.map((s) => s.code),
  );
  out += extraEnumValues(
    out,
    'SourceName',
    sectors.map((s) => s.source.toUpperCase()),
  );
  return out;
}

function extraEnumValues(sdl: string, name: string, values: readonly string[]): string {
  const block = new RegExp(`^enum ${name} \\{([^}]*)\\}`, 'm').exec(sdl);
  if (!block) return '';
  const listed = new Set(
    block[1]!
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => /^[A-Z_]+$/.test(l)),
  );
  const extra = values.filter((v) => !listed.has(v));
  return extra.length ? `\nextend enum ${name} {\n${extra.map((v) => `  ${v}\n`).join('')}}\n` : '';
}

/**
 * A core subgraph's SDL file (beside its code, written for the four built-in sectors: a schema codegen and editors read
 * on its own) and the SDL the subgraph serves, the file with its sector lines written from the registry.
 */
export function subgraphSdlFile(file: URL): { committedSdl(): string; sdl(): string } {
  const committedSdl = (): string => readFileSync(file, 'utf8');
  return { committedSdl, sdl: () => withSectorLines(committedSdl(), registeredSectors()) };
}
