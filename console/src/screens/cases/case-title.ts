/** How a case is named on a screen: its subjects' names, or that the person is not yet identified, and its number. */
export function caseTitle(c: { id: string; subjects: readonly { name: string }[] }): string {
  const names = c.subjects.map((s) => s.name).join('・');
  return `${names || '対象者未特定'}（ケース ${c.id}）`;
}
