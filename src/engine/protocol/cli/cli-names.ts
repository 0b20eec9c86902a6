/**
 * The AWS CLI's names for operations and parameters: botocore's `xform_name(name, '-')`, which turns a model name
 * into kebab case (`GetSecretValue` -> `get-secret-value`, `RotationLambdaARN` -> `rotation-lambda-arn`,
 * `PolicyARNs` -> `policy-arns`). Ported rule for rule from botocore/__init__.py so every flag is spelled as the
 * real CLI spells it.
 */

// A pluralised acronym at the end (GatewayARNs, ListWebACLs) is split off whole before the other rules.
const SPECIAL_CASE = /[A-Z]{2,}s$/;
const FIRST_CAP = /(.)([A-Z][a-z]+)/g;
const END_CAP = /([a-z0-9])([A-Z])/g;

export function kebabName(name: string): string {
  if (name.includes('-')) return name;
  let base = name;
  const special = SPECIAL_CASE.exec(base);
  if (special) base = `${base.slice(0, -special[0].length)}-${special[0].toLowerCase()}`;
  // Python's re.sub does not rescan replaced text, and neither does String.replace with /g: the same result.
  return base.replace(FIRST_CAP, '$1-$2').replace(END_CAP, '$1-$2').toLowerCase();
}
