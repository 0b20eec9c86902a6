import type { Database } from '../targets/index.ts';
import { canLogin } from '../targets/index.ts';
import type { RotationTemplate } from '../lambda/index.ts';
import { FunctionClient, StepFailure } from './function-client.ts';
import type { RotationStep } from './rotation.machine.ts';

/** The fields of a database secret (User Guide, "JSON structure of Secrets Manager database credentials"). */
interface DatabaseSecret {
  engine?: string;
  host?: string;
  username?: string;
  password?: string;
  dbname?: string;
  port?: number;
  masterarn?: string;
  [key: string]: unknown;
}

export interface StepEnvironment {
  client: FunctionClient;
  secretArn: string;
  token: string;
  template: RotationTemplate;
  /** The database the secret names, when the function can reach it (undefined: connection attempts time out). */
  database: (host: string | undefined) => Database | undefined | 'unreachable';
  /** Injected: the database refuses every password. */
  wrongPassword: boolean;
  /** RotateImmediately=false: testSecret checks the configuration on an empty pending version. */
  configurationTest: boolean;
}

const EXCLUDED = '/@"\'\\';

function parse(text: string | undefined, arn: string): DatabaseSecret {
  try {
    const value = JSON.parse(text ?? '') as unknown;
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as DatabaseSecret;
  } catch {
    // fall through
  }
  throw new StepFailure(`Secret ${arn} is not valid JSON`);
}

function isMultiUser(template: RotationTemplate): boolean {
  return template.endsWith('MultiUser');
}

function isGeneric(template: RotationTemplate): boolean {
  return template === 'SecretsManagerRotationTemplate';
}

/**
 * The generic template is a skeleton: its set_secret and test_secret raise NotImplementedError (aws-samples,
 * SecretsManagerRotationTemplate/lambda_function.py), so a rotation with it as deployed fails at setSecret after
 * createSecret has stored a random AWSPENDING value. Lambda reports the exception's type; its message is empty.
 */
function notImplemented(step: 'setSecret' | 'testSecret'): StepFailure {
  const what = step === 'setSecret' ? 'set the pending value in the service the secret belongs to' : 'check that the pending value works there';
  return new StepFailure(`NotImplementedError (the generic template leaves ${step} to you: ${what})`);
}

/** The alternating-users templates switch between `user` and `user_clone` on each rotation. */
export function alternateUsername(username: string): string {
  return username.endsWith('_clone') ? username.slice(0, -'_clone'.length) : `${username}_clone`;
}

/**
 * The four steps as Secrets Manager's rotation templates implement them (aws-samples rotation lambdas), with the
 * same checks and messages: the handler first checks that rotation is enabled and the token's version is staged.
 * Returns false when the step had nothing to do (the version is already AWSCURRENT).
 */
export function runStep(step: RotationStep, env: StepEnvironment): void {
  const { client, secretArn: arn, token } = env;
  const metadata = client.must('DescribeSecret', { secretId: arn }, 'SecretId');
  if (!metadata.rotationEnabled) throw new StepFailure(`Secret ${arn} is not enabled for rotation`);
  const versions = (metadata.versionIdsToStages ?? {}) as Record<string, string[]>;
  const stages = versions[token];
  if (!stages) throw new StepFailure(`Secret version ${token} has no stage for rotation of secret ${arn}.`);
  if (stages.includes('AWSCURRENT')) {
    if (step === 'finishSecret' || step === 'createSecret') return;
  } else if (!stages.includes('AWSPENDING')) {
    throw new StepFailure(`Secret version ${token} not set as AWSPENDING for rotation of secret ${arn}.`);
  }
  if (step === 'createSecret') createSecret(env);
  else if (step === 'setSecret') setSecret(env);
  else if (step === 'testSecret') testSecret(env);
  else finishSecret(env, versions);
}

function createSecret(env: StepEnvironment): void {
  const { client, secretArn: arn, token } = env;
  const current = client.must('GetSecretValue', { secretId: arn, versionStage: 'AWSCURRENT' }, 'VersionStage=AWSCURRENT');
  const pending = client.call('GetSecretValue', { secretId: arn, versionId: token, versionStage: 'AWSPENDING' }, 'VersionId=token, VersionStage=AWSPENDING');
  if (pending.ok) return;
  if (pending.error.code !== 'ResourceNotFoundException') throw new StepFailure(pending.error.message);
  const password = client.must('GetRandomPassword', { excludeCharacters: EXCLUDED }, 'ExcludeCharacters').randomPassword as string;
  let value: string;
  if (isGeneric(env.template)) {
    value = password;
  } else {
    const dict = parse(current.secretString, arn);
    if (isMultiUser(env.template)) dict.username = alternateUsername(String(dict.username ?? ''));
    dict.password = password;
    value = JSON.stringify(dict);
  }
  client.must('PutSecretValue', { secretId: arn, clientRequestToken: token, secretString: value, versionStages: ['AWSPENDING'] }, 'ClientRequestToken=token, VersionStages=[AWSPENDING]');
}

function pendingDict(env: StepEnvironment): DatabaseSecret {
  const out = env.client.must('GetSecretValue', { secretId: env.secretArn, versionId: env.token, versionStage: 'AWSPENDING' }, 'VersionId=token, VersionStage=AWSPENDING');
  return parse(out.secretString, env.secretArn);
}

function connect(env: StepEnvironment, host: string | undefined): Database {
  const db = env.database(host);
  if (db === 'unreachable') throw new StepFailure(`Unable to connect to database at ${host ?? '(no host)'}: connection timed out`);
  if (!db) throw new StepFailure(`Unable to resolve database host ${host ?? '(no host)'}`);
  return db;
}

function loginWorks(env: StepEnvironment, db: Database, username: string | undefined, password: string | undefined): boolean {
  return !env.wrongPassword && canLogin(db, username, password);
}

function setSecret(env: StepEnvironment): void {
  if (isGeneric(env.template)) throw notImplemented('setSecret');
  const { client, secretArn: arn } = env;
  const pending = pendingDict(env);
  const db = connect(env, pending.host);
  if (loginWorks(env, db, pending.username, pending.password)) return;
  const current = parse(client.must('GetSecretValue', { secretId: arn, versionStage: 'AWSCURRENT' }, 'VersionStage=AWSCURRENT').secretString, arn);
  if (isMultiUser(env.template)) {
    if (!current.masterarn) throw new StepFailure(`Secret ${arn} has no masterarn: the alternating users strategy needs the superuser secret`);
    const master = parse(client.must('GetSecretValue', { secretId: current.masterarn }, 'SecretId=masterarn').secretString, current.masterarn);
    if (!loginWorks(env, db, master.username, master.password)) {
      throw new StepFailure(`setSecret: Unable to log into database using credentials in master secret ${current.masterarn}`);
    }
    // Creates the alternate user if missing (with the current user's grants) and sets its password.
    db.users[String(pending.username)] = { password: String(pending.password) };
    return;
  }
  if (!loginWorks(env, db, current.username, current.password)) {
    throw new StepFailure(`setSecret: Unable to log into database with previous, current, or pending secret of secret arn ${arn}`);
  }
  db.users[String(current.username)] = { password: String(pending.password) };
}

function testSecret(env: StepEnvironment): void {
  if (isGeneric(env.template)) throw notImplemented('testSecret');
  if (env.configurationTest) {
    // Nothing to log in with yet: the check is that the function reaches the secret and the database.
    const current = parse(env.client.must('GetSecretValue', { secretId: env.secretArn, versionStage: 'AWSCURRENT' }, 'VersionStage=AWSCURRENT').secretString, env.secretArn);
    const db = connect(env, current.host);
    if (!loginWorks(env, db, current.username, current.password)) {
      throw new StepFailure(`testSecret: Unable to log into database with current secret of secret ARN ${env.secretArn}`);
    }
    return;
  }
  const pending = pendingDict(env);
  const db = connect(env, pending.host);
  if (!loginWorks(env, db, pending.username, pending.password)) {
    throw new StepFailure(`testSecret: Unable to log into database with pending secret of secret ARN ${env.secretArn}`);
  }
}

function finishSecret(env: StepEnvironment, versions: Record<string, string[]>): void {
  const current = Object.entries(versions).find(([, stages]) => stages.includes('AWSCURRENT'))?.[0];
  if (current === env.token) return;
  env.client.must(
    'UpdateSecretVersionStage',
    { secretId: env.secretArn, versionStage: 'AWSCURRENT', moveToVersionId: env.token, ...(current ? { removeFromVersionId: current } : {}) },
    'VersionStage=AWSCURRENT, MoveToVersionId=token',
  );
}
