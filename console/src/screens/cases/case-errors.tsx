import { errorText } from '../../ui/ErrorNote.js';
import { caseRefusalText } from './case-error-words.js';

/** ErrorNote for the case steps: the hub's refusals in the words of the work, other errors in the common words. */
export function CaseErrorNote({ error }: { error: unknown }) {
  if (!error) return null;
  return (
    <p role="alert" className="error">
      {caseRefusalText(error) ?? errorText(error)}
    </p>
  );
}
