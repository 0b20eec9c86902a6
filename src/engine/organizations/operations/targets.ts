import { organizationsErrors } from '../errors.ts';
import type { Organization } from '../state.ts';

/** A root, OU or member account id of this organization. */
export function requireTarget(org: Organization, targetId: string): void {
  if (targetId !== org.root.id && !org.ous[targetId] && !org.accounts[targetId]) throw organizationsErrors.targetNotFound();
}
