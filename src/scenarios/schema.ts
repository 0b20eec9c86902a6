import { z } from 'zod';
import { TASK_STATEMENTS, TOPICS, type TaskStatement, type Topic } from '../quiz/schema.ts';

/**
 * A guided lab as stored in `content/labs/NN-slug/`: `index.md` (front matter + the situation in markdown) and
 * `lab.yaml` (the starting world, goals, steps, reference solution, debrief). Request members use AWS's own
 * names (PascalCase, as in the API reference and the CLI's --cli-input-json), so a learner reading a solution
 * sees what they would send to AWS.
 */

export const LAB_ID_PATTERN = /^\d{2}-[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** "8d", "36h", "90m", "30s": virtual time to move forward. */
export const DURATION_PATTERN = /^(\d+)(d|h|m|s)$/;

export const frontMatterSchema = z.strictObject({
  id: z.string().regex(LAB_ID_PATTERN),
  title: z.string().min(3),
  domain: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
  task: z.enum(Object.keys(TASK_STATEMENTS) as [TaskStatement, ...TaskStatement[]]),
  minutes: z.number().int().min(5).max(120),
  objectives: z.array(z.string().min(3)).min(1),
});
export type LabFrontMatter = z.infer<typeof frontMatterSchema>;

/** Who makes a call: a principal ARN (IAM user, account root, or a role session `arn:aws:sts::A:assumed-role/R/S`). */
const principalArn = z.string().regex(/^arn:aws:(iam|sts)::\d{12}:/);

export const apiCallSchema = z.strictObject({
  /** The engine's service name (secretsmanager, kms, iam, sts, organizations, cloudtrail, ...). */
  service: z.string().regex(/^[a-z][a-z0-9-]+$/),
  operation: z.string().regex(/^[A-Z][A-Za-z0-9]+$/),
  input: z.record(z.string(), z.unknown()).default({}),
  as: principalArn.optional(),
  region: z.string().optional(),
});
export type ApiCall = z.infer<typeof apiCallSchema>;

/** Saves values of a call's output (JMESPath over AWS's member names) as variables for later `${name}` use. */
const saveSchema = z.record(z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/), z.string().min(1));

/** An API call in a set-up or solution; `expectError` marks a call meant to fail (a denied attempt to record). */
export const callActionSchema = z.strictObject({
  call: apiCallSchema,
  save: saveSchema.optional(),
  expectError: z.string().optional(),
  /** What this step does, shown by "show me". */
  note: z.string().optional(),
});

export const advanceActionSchema = z.strictObject({
  advance: z.string().regex(DURATION_PATTERN),
  note: z.string().optional(),
});

/**
 * Set-up only: the simulator's own controls for things AWS has no API for (a database to rotate, a deployed rotation
 * function from the Serverless Application Repository, a function's network), as the engine exports them.
 */
export const CONTROL_NAMES = ['createDatabase', 'setDatabaseUser', 'deployRotationFunction', 'setFunctionNetwork', 'addApplication', 'createPartnerApi'] as const;
export const controlActionSchema = z.strictObject({
  control: z.enum(CONTROL_NAMES),
  args: z.array(z.unknown()).default([]),
  save: saveSchema.optional(),
  note: z.string().optional(),
});

/**
 * A change outside AWS that a learner can make too: their application's code (switch to the caching client), their
 * network where the simulator has no API for it yet (a VPC endpoint), or the code of their own rotation function
 * (SecretsLab takes the handler's source where AWS takes a .zip). `explain` says what it stands for in the real
 * world; the lab view shows these as "outside AWS" steps with a button that makes the change. Everything AWS-side
 * stays an API call. An argument written `{ file: solution/index.js }` is that file of the lab's folder (see
 * loader.ts), so a handler lives in its own .js file rather than inside the YAML.
 */
export const CHANGE_NAMES = ['useCachingClient', 'setFunctionNetwork', 'deployFunctionCode'] as const;
export type ChangeName = (typeof CHANGE_NAMES)[number];
export const changeActionSchema = z.strictObject({
  change: z.strictObject({ control: z.enum(CHANGE_NAMES), args: z.array(z.unknown()).default([]) }),
  explain: z.string().min(3),
  note: z.string().optional(),
});

/** A reference solution is what a learner can do: API calls, waiting, and changes to their own code or network. */
export const actionSchema = z.union([callActionSchema, advanceActionSchema, changeActionSchema]);
export const setupActionSchema = z.union([callActionSchema, advanceActionSchema, controlActionSchema]);
export type ChangeAction = z.infer<typeof changeActionSchema>;
export type LabAction = z.infer<typeof actionSchema>;
export type SetupAction = z.infer<typeof setupActionSchema>;
export type CallAction = z.infer<typeof callActionSchema>;

/** One expectation about a value found with a JMESPath expression. */
export const fieldExpectationSchema = z
  .strictObject({
    query: z.string().min(1),
    equals: z.unknown().optional(),
    notEquals: z.unknown().optional(),
    matches: z.string().optional(),
    notMatches: z.string().optional(),
    exists: z.boolean().optional(),
    atMost: z.number().optional(),
    atLeast: z.number().optional(),
  })
  .refine((e) => Object.keys(e).length > 1, { message: 'an expectation needs something to compare' });
export type FieldExpectation = z.infer<typeof fieldExpectationSchema>;

/**
 * A check the engine answers against a clone of the world: a call made as some principal succeeds (and its output
 * has the expected fields) or fails with an expected error code.
 */
export const callCheckSchema = z.strictObject({
  call: apiCallSchema,
  expect: z.union([z.literal('success'), z.strictObject({ error: z.string().min(3), message: z.string().optional() })]).default('success'),
  where: z.array(fieldExpectationSchema).optional(),
  save: saveSchema.optional(),
});

/**
 * The bill of one whole month (the engine's own bill: storage by the hour, requests by the meter, decimal money).
 * The month must be over in the lab's world, or a month not yet lived would pass with a bill of nothing.
 */
export const billCheckSchema = z.strictObject({
  bill: z.strictObject({
    month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/),
    accountId: z.string().regex(/^\d{12}$/).optional(),
    /** In USD, a decimal string such as "3.50": money is never a float. */
    atMost: z.string().regex(/^\d+(\.\d+)?$/),
    /** The exam's view ignores the always-free tiers; default false here too, so the lab matches list prices. */
    freeTier: z.boolean().default(false),
  }),
});

/**
 * What a simulated application lived through (its connections to the database, its reads of the secret), over the
 * last `withinLast` of virtual time (default: since it started), with the rotations of its secret that succeeded
 * in that stretch. The throttled share is the steady rate's: the clients' read rate against the Region's
 * GetSecretValue quota from the price table (pricing.trafficOver), as a decimal string. The projected monthly cost
 * prices the same steady traffic for the current month (pricing.project, list prices): the bill meters an
 * application's reads when its traffic is settled, so a month's bill may hold reads of the month before.
 */
export const applicationCheckSchema = z.strictObject({
  application: z
    .strictObject({
      name: z.string().min(1),
      withinLast: z.string().regex(DURATION_PATTERN).optional(),
      failedAtMost: z.number().int().min(0).optional(),
      connectionsAtLeast: z.number().int().min(0).optional(),
      rotationsAtLeast: z.number().int().min(1).optional(),
      throttledShareAtMost: z.string().regex(/^(0(\.\d+)?|1(\.0+)?)$/).optional(),
      /** USD, decimal string: the application's secret priced for a month at its current traffic (pricing.project). */
      projectedMonthlyCostAtMost: z.string().regex(/^\d+(\.\d+)?$/).optional(),
    })
    .refine((a) => Object.keys(a).some((k) => k !== 'name' && k !== 'withinLast'), { message: 'an application check needs something to compare' }),
});

/**
 * A secret's rotation history as the engine recorded it (the runs of the rotation engine, newest ten kept): how many
 * rotations succeeded or failed (optionally only those run by one function, or in the last `withinLast`), and how
 * far apart its schedule puts rotations (the longest gap between the next scheduled windows, in days).
 */
export const rotationCheckSchema = z.strictObject({
  rotation: z
    .strictObject({
      /** The secret's name or ARN. */
      secret: z.string().min(1),
      /** Count only runs that invoked this function (its name or ARN). */
      function: z.string().min(1).optional(),
      withinLast: z.string().regex(DURATION_PATTERN).optional(),
      succeededAtLeast: z.number().int().min(1).optional(),
      failedAtMost: z.number().int().min(0).optional(),
      /** Rotation is on and its schedule never leaves more than this many days between rotations. */
      everyDaysAtMost: z.number().int().min(1).optional(),
    })
    .refine((r) => r.succeededAtLeast !== undefined || r.failedAtMost !== undefined || r.everyDaysAtMost !== undefined, {
      message: 'a rotation check needs something to compare',
    }),
});

/**
 * A third-party API (outside AWS) and the secret that holds its key: the service accepts the key found in the
 * `field` of each listed staging label's value (a client holding that version can still call it), and holds at most
 * `activeKeysAtMost` active keys. Answered from the simulated service's own key list, so it is what the vendor
 * would say, not what the secret says.
 */
export const partnerApiCheckSchema = z.strictObject({
  partnerApi: z.strictObject({
    host: z.string().regex(/^[a-z0-9.-]+$/),
    secret: z.string().min(1),
    field: z.string().min(1).default('apiKey'),
    accepts: z.array(z.string().min(1)).min(1),
    activeKeysAtMost: z.number().int().min(1).optional(),
  }),
});

export type GoalCheck =
  | z.infer<typeof callCheckSchema>
  | z.infer<typeof billCheckSchema>
  | z.infer<typeof applicationCheckSchema>
  | z.infer<typeof rotationCheckSchema>
  | z.infer<typeof partnerApiCheckSchema>
  | { all: GoalCheck[] }
  | { any: GoalCheck[] };

export const goalCheckSchema: z.ZodType<GoalCheck> = z.lazy(() =>
  z.union([
    callCheckSchema,
    billCheckSchema,
    applicationCheckSchema,
    rotationCheckSchema,
    partnerApiCheckSchema,
    z.strictObject({ all: z.array(goalCheckSchema).min(1) }),
    z.strictObject({ any: z.array(goalCheckSchema).min(1) }),
  ]),
) as z.ZodType<GoalCheck>;

export const goalSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  description: z.string().min(3),
  check: goalCheckSchema,
});
export type LabGoal = z.infer<typeof goalSchema>;

export const stepSchema = z.strictObject({
  title: z.string().min(3),
  instructions: z.string().min(3),
  hints: z.array(z.string().min(3)).default([]),
});
export type LabStep = z.infer<typeof stepSchema>;

export const debriefSchema = z.strictObject({
  whatHappened: z.string().min(3),
  why: z.string().min(3),
  examAngle: z.string().min(3),
  topics: z.array(z.enum(Object.keys(TOPICS) as [Topic, ...Topic[]])).min(1),
  concepts: z.array(z.string()).default([]),
});

export const labFileSchema = z.strictObject({
  /** Seed of the lab's world: ids, keys and passwords are the same on every start. */
  seed: z.string().optional(),
  setup: z.array(setupActionSchema).default([]),
  goals: z.array(goalSchema).min(1),
  steps: z.array(stepSchema).min(1),
  solution: z.array(actionSchema).min(1),
  debrief: debriefSchema,
});
export type LabFile = z.infer<typeof labFileSchema>;

export interface Lab extends LabFrontMatter {
  /** The situation, in markdown. */
  situation: string;
  seed: string;
  setup: SetupAction[];
  goals: LabGoal[];
  steps: LabStep[];
  solution: LabAction[];
  debrief: LabFile['debrief'];
}
