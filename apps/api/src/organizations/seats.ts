/**
 * The seat limit hook. Billing (issue 10) fills it by installing a provider with `provideSeatLimits`; until then every
 * organization is unlimited. Checked when inviting (members plus pending invitations) and when accepting (members).
 */
export interface SeatedOrganization {
  readonly id: string;
  readonly slug: string;
}

/** How many members an organization may have; null means no limit. */
export type SeatLimitProvider = (organization: SeatedOrganization) => number | null;

const UNLIMITED: SeatLimitProvider = () => null;

let provider: SeatLimitProvider = UNLIMITED;

export function seatLimit(organization: SeatedOrganization): number | null {
  return provider(organization);
}

/** Installs the plan's limits (billing); `undefined` restores the default, unlimited. */
export function provideSeatLimits(next: SeatLimitProvider | undefined): void {
  provider = next ?? UNLIMITED;
}
