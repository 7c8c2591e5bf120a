import { appendVary } from './cors.js';

/**
 * Every /graphql answer depends on who asks and in which 支援会議 or case: no cache, shared or private, may keep one
 * (no-store), and one that did anyway must key it by the token and both context headers (Vary). Given last, over
 * what Apollo Server sets, with whatever Vary it and CORS already named.
 */
export function uncacheable(...vary: unknown[]): { 'cache-control': string; vary: string } {
  return { 'cache-control': 'private, no-store', vary: appendVary(vary.filter(Boolean).join(', '), 'authorization', 'x-hub-meeting', 'x-hub-case') };
}
