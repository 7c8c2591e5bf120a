import { todayInTokyo } from '@welfare-hub/codec';
import { buildIndex, type IndexSources } from './index-builder.js';

/**
 * Keeps the index fresh: a source read asks for a rebuild; requests that arrive during a build make one more
 * build after it, never two at once.
 */
export class IndexRefresher {
  private running: Promise<void> | null = null;
  private again = false;

  constructor(
    private readonly sources: IndexSources,
    private readonly onError: () => void,
  ) {}

  refresh(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      do {
        this.again = false;
        await buildIndex(this.sources, todayInTokyo()).catch(this.onError);
      } while (this.again);
      this.running = null;
    })();
    return this.running;
  }

  /** Resolves once no build is running (a clean stop waits for it). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }
}
