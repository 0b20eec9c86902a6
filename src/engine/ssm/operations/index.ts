import type { AnyOperation } from '../../kernel/index.ts';
import type { SsmDeps } from '../deps.ts';
import { deleteParameter } from './delete-parameter.ts';
import { describeParameters } from './describe-parameters.ts';
import { getParameter } from './get-parameter.ts';
import { getParameters } from './get-parameters.ts';
import { getParametersByPath } from './get-parameters-by-path.ts';
import { putParameter } from './put-parameter.ts';

export function ssmOperations(deps: SsmDeps): AnyOperation[] {
  return [putParameter(deps), getParameter(deps), getParameters(deps), getParametersByPath(deps), describeParameters(), deleteParameter()];
}
