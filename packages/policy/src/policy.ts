import type { DataSource } from 'typeorm';
import { hasRole, type HubContext, type Role } from '@welfare-hub/context';
import { findRegistration, type Registration } from './registration.js';
import { denied, type Decision } from './decision.js';
import { SECTORS, type Sector } from './sector.js';

/**
 * The one place where the hub decides what a viewer may see. A RequestPolicy lives for one subgraph
 * request: what it reads from the register is read once per request and never cached across requests,
 * so a change to the register holds from the next request on every replica.
 */
export class Policy {
  constructor(private readonly db: DataSource) {}

  forRequest(context: HubContext): RequestPolicy {
    return new RequestPolicy(this.db, context);
  }
}

export class RequestPolicy {
  private registrationPromise: Promise<Registration | null> | undefined;

  constructor(
    private readonly db: DataSource,
    readonly context: HubContext,
  ) {}

  hasRole(role: Role): boolean {
    return hasRole(this.context.viewer, role);
  }

  registration(): Promise<Registration | null> {
    this.registrationPromise ??= findRegistration(this.db, this.context.viewer);
    return this.registrationPromise;
  }

  /**
   * A resident's identity (the registry's fields) is shown to registered staff. An analyst sees counts only,
   * never a person, whatever else the token says.
   */
  async identityVisible(): Promise<boolean> {
    if (this.hasRole('analyst')) return false;
    return (await this.registration()) !== null;
  }

  /**
   * The basis for seeing a person's data of one sector, decided without looking at that data: the answer,
   * and the time it takes, are the same whether or not the sector holds anything about the person.
   * Today: OWN_SECTOR only (the viewer's organisation holds the sector); consent and 支援会議 come next.
   */
  async decide(_personId: string, sector: Sector): Promise<Decision> {
    if (!(await this.identityVisible())) return denied(sector);
    const registration = (await this.registration())!;
    if (registration.sectors.includes(sector)) return { sector, status: 'GRANTED', basis: 'OWN_SECTOR', reference: null };
    return denied(sector);
  }

  /** One decision per sector, in the contract's order. */
  access(personId: string): Promise<Decision[]> {
    return Promise.all(SECTORS.map((sector) => this.decide(personId, sector)));
  }
}
