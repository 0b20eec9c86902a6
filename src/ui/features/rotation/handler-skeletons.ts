/**
 * Starter code for the rotation view's "Function code" panel, written for SecretsLab (Node.js 20, CommonJS,
 * `index.handler`). Secrets Manager invokes a rotation function once per step with the same event shape:
 * { Step, SecretId, ClientRequestToken, RotationToken }; the token is the id of the version being rotated in.
 */

/** The SDK v3 client both starters begin with: the commands a rotation function needs, one client for them all. */
const CLIENT_PRELUDE = `const {
  SecretsManagerClient,
  DescribeSecretCommand,
  GetSecretValueCommand,
  GetRandomPasswordCommand,
  PutSecretValueCommand,
  UpdateSecretVersionStageCommand,
} = require('@aws-sdk/client-secrets-manager');

const client = new SecretsManagerClient({});
`;

/** The four steps with what each must do, for a learner to fill in. */
export const STEP_SKELETON = `${CLIENT_PRELUDE}
exports.handler = async (event) => {
  const { Step, SecretId, ClientRequestToken: token } = event;
  console.log(\`\${Step} for version \${token}\`);

  switch (Step) {
    case 'createSecret':
      // TODO: if the version \`token\` already has a value (GetSecretValue with VersionId and VersionStage AWSPENDING),
      // stop here: the step may run twice. Otherwise make a new value (GetRandomPassword) and store it with
      // PutSecretValue({ SecretId, ClientRequestToken: token, SecretString, VersionStages: ['AWSPENDING'] }).
      return;
    case 'setSecret':
      // TODO: give the pending value to the service that checks it (a database, a third-party API).
      return;
    case 'testSecret':
      // TODO: sign in to that service with the pending value, and throw if it does not work.
      return;
    case 'finishSecret':
      // TODO: move AWSCURRENT to \`token\` with UpdateSecretVersionStage (MoveToVersionId, RemoveFromVersionId: the
      // version that has AWSCURRENT now, which then becomes AWSPREVIOUS).
      return;
    default:
      throw new Error(\`Unknown step \${Step}\`);
  }
};
`;

/**
 * A complete handler for a generic secret holding an API key ({"apiKey": "..."}): a new random key as AWSPENDING,
 * nothing to set or test (the key is only checked by whoever reads the secret), then AWSCURRENT moves.
 */
export const GENERIC_HANDLER = `${CLIENT_PRELUDE}
exports.handler = async (event) => {
  const { Step, SecretId, ClientRequestToken: token } = event;
  const described = await client.send(new DescribeSecretCommand({ SecretId }));
  if (!described.RotationEnabled) throw new Error(\`Rotation is not turned on for \${SecretId}\`);
  const stages = described.VersionIdsToStages[token];
  if (!stages) throw new Error(\`Version \${token} has no staging label for rotation\`);
  if (stages.includes('AWSCURRENT')) {
    console.log(\`\${Step}: version \${token} is already AWSCURRENT\`);
    return;
  }

  if (Step === 'createSecret') {
    try {
      await client.send(new GetSecretValueCommand({ SecretId, VersionId: token, VersionStage: 'AWSPENDING' }));
      console.log('createSecret: the pending value already exists');
      return;
    } catch (error) {
      if (error.name !== 'ResourceNotFoundException') throw error;
    }
    const current = await client.send(new GetSecretValueCommand({ SecretId, VersionStage: 'AWSCURRENT' }));
    const { RandomPassword } = await client.send(new GetRandomPasswordCommand({ PasswordLength: 32, ExcludePunctuation: true }));
    const value = { ...JSON.parse(current.SecretString), apiKey: RandomPassword };
    await client.send(new PutSecretValueCommand({ SecretId, ClientRequestToken: token, SecretString: JSON.stringify(value), VersionStages: ['AWSPENDING'] }));
    console.log(\`createSecret: new key ending \${RandomPassword.slice(-4)} stored as AWSPENDING\`);
  } else if (Step === 'setSecret') {
    console.log('setSecret: nothing to set; this key is not registered anywhere else');
  } else if (Step === 'testSecret') {
    console.log('testSecret: nothing to test');
  } else if (Step === 'finishSecret') {
    const currentVersion = Object.keys(described.VersionIdsToStages).find((id) => described.VersionIdsToStages[id].includes('AWSCURRENT'));
    await client.send(new UpdateSecretVersionStageCommand({ SecretId, VersionStage: 'AWSCURRENT', MoveToVersionId: token, RemoveFromVersionId: currentVersion }));
    console.log(\`finishSecret: AWSCURRENT moved from \${currentVersion} to \${token}\`);
  } else {
    throw new Error(\`Unknown step \${Step}\`);
  }
};
`;
