/** A static finding about a policy, shaped like IAM Access Analyzer's ValidatePolicy results [AA]. */
import type { SourceRange } from './source-range.ts';

export type FindingSeverity = 'ERROR' | 'SECURITY_WARNING' | 'WARNING' | 'SUGGESTION';

export interface Finding {
  /** Stable upper-snake code, Access Analyzer's issue code where one exists (e.g. `MISSING_VERSION`). */
  code: string;
  severity: FindingSeverity;
  /** Lowercase, no trailing period, user input in backticks (cedar's message style). */
  message: string;
  range: SourceRange;
}

/** The kind of policy being validated decides which elements are required or forbidden (spec 5.1). */
export type PolicyKind = 'identity' | 'boundary' | 'session' | 'scp' | 'rcp' | 'secret' | 'key';

export const RESOURCE_BASED_KINDS: ReadonlySet<PolicyKind> = new Set(['secret', 'key', 'rcp']);

export type Report = (code: string, severity: FindingSeverity, message: string, range: SourceRange) => void;
