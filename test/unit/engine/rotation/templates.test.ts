import { describe, expect, it } from 'vitest';
import {
  ROTATION_TEMPLATES,
  createDatabase,
  createSimulator,
  deployRotationFunction,
  setDatabaseUser,
  targetsState,
  type DatabaseEngine,
  type RotationTemplate,
  type World,
} from '../../../../src/engine/index.ts';
import { finishRun, run, sm, stages } from './helpers.ts';

const ENGINE: Record<string, DatabaseEngine> = { MySQL: 'mysql', PostgreSQL: 'postgres', MariaDB: 'mariadb', Oracle: 'oracle', SQLServer: 'sqlserver', Redshift: 'redshift', MongoDB: 'docdb' };

function engineFor(template: RotationTemplate): DatabaseEngine {
  const key = Object.keys(ENGINE).find((k) => template.includes(k));
  return ENGINE[key ?? 'MySQL']!;
}

describe('every rotation template', () => {
  for (const template of ROTATION_TEMPLATES.filter((t) => t !== 'SecretsManagerRotationTemplate')) {
    it(`${template} rotates a ${engineFor(template)} database's credentials`, () => {
      const sim = createSimulator();
      const db = createDatabase(sim, { engine: engineFor(template), name: 'store', masterUsername: 'admin', masterPassword: 'm-1' });
      setDatabaseUser(sim, db.id, 'svc', 's-1');
      const base = { engine: db.engine, host: db.host, port: db.port, dbname: db.dbname };
      const master = sm(sim, 'CreateSecret', { name: 'master', secretString: JSON.stringify({ ...base, username: 'admin', password: 'm-1' }) });
      const secret = sm(sim, 'CreateSecret', { name: 'svc', secretString: JSON.stringify({ ...base, username: 'svc', password: 's-1', masterarn: master.arn }) });
      const fn = deployRotationFunction(sim, { name: 'rotator', template });
      sm(sim, 'RotateSecret', { secretId: secret.arn, rotationLambdaARN: fn });
      finishRun(sim, secret.arn);
      expect(run(sim, secret.arn)!.state).toBe('succeeded');
      const current = JSON.parse(sm(sim, 'GetSecretValue', { secretId: secret.arn }).secretString) as { username: string; password: string };
      expect(current.username).toBe(template.endsWith('MultiUser') ? 'svc_clone' : 'svc');
      expect(targetsState(sim.state as World).databases[db.id]!.users[current.username]!.password).toBe(current.password);
    });
  }

  it('the generic template, as deployed, stores a random AWSPENDING value and then fails at setSecret with NotImplementedError, as AWS\'s skeleton does', () => {
    const sim = createSimulator();
    const secret = sm(sim, 'CreateSecret', { name: 'partner/api-key', secretString: 'key-0001' });
    const fn = deployRotationFunction(sim, { name: 'rotate-key', template: 'SecretsManagerRotationTemplate', inVpc: false });
    sm(sim, 'RotateSecret', { secretId: secret.arn, rotationLambdaARN: fn });
    finishRun(sim, secret.arn);
    const r = run(sim, secret.arn)!;
    expect(r.state).toBe('failed');
    expect(r.steps.map((s) => [s.step, s.outcome])).toEqual([
      ['createSecret', 'succeeded'],
      ['setSecret', 'failed'],
    ]);
    expect(r.steps[1]!.cause).toMatch(/^NotImplementedError \(the generic template leaves setSecret to you/);
    expect(r.steps[1]!.calls.map((c) => c.operation)).toEqual(['DescribeSecret']);
    // AWSCURRENT keeps the old value; the random one waits as AWSPENDING on the rotation's version.
    expect(sm(sim, 'GetSecretValue', { secretId: secret.arn }).secretString).toBe('key-0001');
    const pending = sm(sim, 'GetSecretValue', { secretId: secret.arn, versionStage: 'AWSPENDING' }).secretString as string;
    expect(pending).not.toBe('key-0001');
    expect(pending).toHaveLength(32);
    expect(Object.values(stages(sim, secret.arn)).flat().sort()).toEqual(['AWSCURRENT', 'AWSPENDING']);
  });
});
