/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS Lambda handler, as Node.js rotation functions are written */
// Rotation function for the Orbital Freight API key (reference solution of lab 08).
// The secret's value is {"apiKey": "..."}; Orbital Freight lets an account hold at most two active keys.
const {
  SecretsManagerClient,
  DescribeSecretCommand,
  GetSecretValueCommand,
  PutSecretValueCommand,
  UpdateSecretVersionStageCommand,
  GetRandomPasswordCommand,
} = require('@aws-sdk/client-secrets-manager');
const { PartnerApiClient } = require('secretslab/partner-api');

const secrets = new SecretsManagerClient({});
const orbital = new PartnerApiClient({ host: 'api.orbitalfreight.example' });

async function read(SecretId, VersionStage, VersionId) {
  const out = await secrets.send(new GetSecretValueCommand({ SecretId, VersionStage, VersionId }));
  return JSON.parse(out.SecretString);
}

// Whether Orbital Freight takes this key today (an unknown or revoked key is answered with Unauthorized).
async function accepted(apiKey) {
  try {
    await orbital.whoAmI({ apiKey });
    return true;
  } catch (error) {
    if (error.code === 'Unauthorized') return false;
    throw error;
  }
}

// createSecret: a new key, stored as the AWSPENDING version whose id is the token. Run again, it keeps the first one.
async function createSecret(SecretId, token) {
  try {
    await read(SecretId, 'AWSPENDING', token);
    return;
  } catch (error) {
    if (error.name !== 'ResourceNotFoundException') throw error;
  }
  const current = await read(SecretId, 'AWSCURRENT');
  const { RandomPassword } = await secrets.send(new GetRandomPasswordCommand({ PasswordLength: 32, ExcludePunctuation: true }));
  const value = JSON.stringify({ ...current, apiKey: `ofk_live_${RandomPassword}` });
  await secrets.send(new PutSecretValueCommand({ SecretId, ClientRequestToken: token, SecretString: value, VersionStages: ['AWSPENDING'] }));
  console.log('createSecret: a new key is stored as AWSPENDING'); // never log the key itself
}

// setSecret: register the pending key with Orbital Freight. Two keys at most, so first retire every key but the
// current one (that is the key before last: clients cache a key for minutes, not for a whole rotation interval).
// The current key stays: clients that cached it keep working until they read AWSCURRENT again.
async function setSecret(SecretId, token) {
  const current = await read(SecretId, 'AWSCURRENT');
  const pending = await read(SecretId, 'AWSPENDING', token);
  if (await accepted(pending.apiKey)) return; // registered by an earlier attempt of this step
  const me = await orbital.whoAmI({ apiKey: current.apiKey });
  const { keys } = await orbital.listKeys({ apiKey: current.apiKey });
  for (const key of keys) {
    if (key.keyId === me.keyId) continue;
    await orbital.revokeKey({ apiKey: current.apiKey, keyId: key.keyId });
    console.log('setSecret: revoked', key.keyId, 'ending in', key.last4);
  }
  const added = await orbital.addKey({ apiKey: current.apiKey, newKey: pending.apiKey });
  console.log('setSecret: registered the pending key as', added.keyId);
}

// testSecret: call the vendor with the pending key before anyone depends on it.
async function testSecret(SecretId, token) {
  const pending = await read(SecretId, 'AWSPENDING', token);
  const me = await orbital.whoAmI({ apiKey: pending.apiKey });
  console.log('testSecret: Orbital Freight accepts the pending key as', me.keyId);
}

// finishSecret: move AWSCURRENT to the new version; Secrets Manager gives the old one AWSPREVIOUS.
async function finishSecret(SecretId, token, versions) {
  const current = Object.keys(versions).find((id) => versions[id].includes('AWSCURRENT'));
  if (current === token) return;
  await secrets.send(new UpdateSecretVersionStageCommand({ SecretId, VersionStage: 'AWSCURRENT', MoveToVersionId: token, RemoveFromVersionId: current }));
  console.log('finishSecret: AWSCURRENT moved to', token);
}

exports.handler = async (event) => {
  const { SecretId, ClientRequestToken: token, Step } = event;
  // The same checks as AWS's own templates: rotation is on, and the token is a version staged for this rotation.
  const meta = await secrets.send(new DescribeSecretCommand({ SecretId }));
  if (!meta.RotationEnabled) throw new Error(`Secret ${SecretId} is not enabled for rotation`);
  const versions = meta.VersionIdsToStages;
  const stages = versions[token];
  if (!stages) throw new Error(`Secret version ${token} has no stage for rotation of secret ${SecretId}.`);
  if (stages.includes('AWSCURRENT')) return; // this rotation already finished
  if (!stages.includes('AWSPENDING')) throw new Error(`Secret version ${token} not set as AWSPENDING for rotation of secret ${SecretId}.`);

  if (Step === 'createSecret') await createSecret(SecretId, token);
  else if (Step === 'setSecret') await setSecret(SecretId, token);
  else if (Step === 'testSecret') await testSecret(SecretId, token);
  else if (Step === 'finishSecret') await finishSecret(SecretId, token, versions);
  else throw new Error(`Invalid step parameter ${Step}`);
};
