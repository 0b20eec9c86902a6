/**
 * A small catalogue of the services SecretsLab simulates: their actions and condition keys, with key
 * types. It feeds the validator (unknown action or key, missing set qualifier, type mismatches) and the
 * editor's completion. Secrets Manager from [SAR-SM] (spec section 6); KMS from [KMS-COND] and the KMS
 * Service Authorization Reference; IAM and STS limited to what the simulator's labs touch, so an IAM action
 * missing here is reported as a warning, not an error.
 */

export type ConditionKeyType = 'String' | 'ARN' | 'Numeric' | 'Bool' | 'Date' | 'IPAddress' | 'Binary' | 'ArrayOfString' | 'ArrayOfARN';

export interface ServiceCatalogue {
  prefix: string;
  actions: readonly string[];
  /** Condition keys; a trailing `/` or `:` means "followed by a name" (tags, encryption context). */
  conditionKeys: Readonly<Record<string, ConditionKeyType>>;
  /** True when the action list is the service's full list. */
  complete: boolean;
}

const secretsmanager: ServiceCatalogue = {
  prefix: 'secretsmanager',
  complete: true,
  actions: [
    'BatchGetSecretValue', 'CancelRotateSecret', 'CreateSecret', 'DeleteResourcePolicy', 'DeleteSecret', 'DescribeSecret',
    'GetRandomPassword', 'GetResourcePolicy', 'GetSecretValue', 'ListSecretVersionIds', 'ListSecrets', 'PutResourcePolicy',
    'PutSecretValue', 'RemoveRegionsFromReplication', 'ReplicateSecretToRegions', 'RestoreSecret', 'RotateSecret',
    'StopReplicationToReplica', 'TagResource', 'UntagResource', 'UpdateSecret', 'UpdateSecretVersionStage',
    'ValidateResourcePolicy',
  ],
  conditionKeys: {
    'secretsmanager:Name': 'String',
    'secretsmanager:SecretId': 'ARN',
    'secretsmanager:VersionId': 'String',
    'secretsmanager:VersionStage': 'String',
    'secretsmanager:Description': 'String',
    'secretsmanager:KmsKeyArn': 'ARN',
    'secretsmanager:KmsKeyId': 'String',
    'secretsmanager:RecoveryWindowInDays': 'Numeric',
    'secretsmanager:ForceDeleteWithoutRecovery': 'Bool',
    'secretsmanager:AddReplicaRegions': 'ArrayOfString',
    'secretsmanager:ForceOverwriteReplicaSecret': 'Bool',
    'secretsmanager:ModifyRotationRules': 'Bool',
    'secretsmanager:RotateImmediately': 'Bool',
    'secretsmanager:RotationLambdaARN': 'ARN',
    'secretsmanager:ExternalSecretRotationRoleArn': 'ARN',
    'secretsmanager:Type': 'String',
    'secretsmanager:BlockPublicPolicy': 'Bool',
    'secretsmanager:SecretPrimaryRegion': 'String',
    'secretsmanager:resource/AllowRotationLambdaArn': 'ARN',
    'secretsmanager:resource/Type': 'String',
    'secretsmanager:ResourceTag/': 'String',
  },
};

const kms: ServiceCatalogue = {
  prefix: 'kms',
  complete: true,
  actions: [
    'CancelKeyDeletion', 'ConnectCustomKeyStore', 'CreateAlias', 'CreateCustomKeyStore', 'CreateGrant', 'CreateKey',
    'Decrypt', 'DeleteAlias', 'DeleteCustomKeyStore', 'DeleteImportedKeyMaterial', 'DeriveSharedSecret',
    'DescribeCustomKeyStores', 'DescribeKey', 'DisableKey', 'DisableKeyRotation', 'DisconnectCustomKeyStore', 'EnableKey',
    'EnableKeyRotation', 'Encrypt', 'GenerateDataKey', 'GenerateDataKeyPair', 'GenerateDataKeyPairWithoutPlaintext',
    'GenerateDataKeyWithoutPlaintext', 'GenerateMac', 'GenerateRandom', 'GetKeyPolicy', 'GetKeyRotationStatus',
    'GetParametersForImport', 'GetPublicKey', 'ImportKeyMaterial', 'ListAliases', 'ListGrants', 'ListKeyPolicies',
    'ListKeyRotations', 'ListKeys', 'ListResourceTags', 'ListRetirableGrants', 'PutKeyPolicy', 'ReEncryptFrom',
    'ReEncryptTo', 'ReplicateKey', 'RetireGrant', 'RevokeGrant', 'RotateKeyOnDemand', 'ScheduleKeyDeletion', 'Sign',
    'SynchronizeMultiRegionKey', 'TagResource', 'UntagResource', 'UpdateAlias', 'UpdateCustomKeyStore',
    'UpdateKeyDescription', 'UpdatePrimaryRegion', 'Verify', 'VerifyMac',
  ],
  conditionKeys: {
    'kms:BypassPolicyLockoutSafetyCheck': 'Bool',
    'kms:CallerAccount': 'String',
    'kms:CustomerMasterKeySpec': 'String',
    'kms:CustomerMasterKeyUsage': 'String',
    'kms:DataKeyPairSpec': 'String',
    'kms:EncryptionAlgorithm': 'String',
    // Single-valued: one pair of the encryption context; KMS rejects set operators with it [KMS-COND].
    'kms:EncryptionContext:': 'String',
    'kms:EncryptionContextKeys': 'ArrayOfString',
    'kms:ExpirationModel': 'String',
    'kms:GrantConstraintType': 'String',
    'kms:GrantIsForAWSResource': 'Bool',
    'kms:GrantOperations': 'ArrayOfString',
    'kms:GranteePrincipal': 'String',
    'kms:KeyAgreementAlgorithm': 'String',
    'kms:KeyOrigin': 'String',
    'kms:KeySpec': 'String',
    'kms:KeyUsage': 'String',
    'kms:MacAlgorithm': 'String',
    'kms:MessageType': 'String',
    'kms:MultiRegion': 'Bool',
    'kms:MultiRegionKeyType': 'String',
    'kms:PrimaryRegion': 'String',
    'kms:ReEncryptOnSameKey': 'Bool',
    'kms:ReplicaRegion': 'String',
    'kms:RequestAlias': 'String',
    'kms:ResourceAliases': 'ArrayOfString',
    'kms:RetiringPrincipal': 'String',
    'kms:RotationPeriodInDays': 'Numeric',
    'kms:ScheduleKeyDeletionPendingWindowInDays': 'Numeric',
    'kms:SigningAlgorithm': 'String',
    'kms:ValidTo': 'Date',
    'kms:ViaService': 'String',
    'kms:WrappingAlgorithm': 'String',
    'kms:WrappingKeySpec': 'String',
  },
};

const iam: ServiceCatalogue = {
  prefix: 'iam',
  complete: false,
  actions: [
    'AddRoleToInstanceProfile', 'AddUserToGroup', 'AttachGroupPolicy', 'AttachRolePolicy', 'AttachUserPolicy',
    'ChangePassword', 'CreateAccessKey', 'CreateGroup', 'CreateInstanceProfile', 'CreateLoginProfile', 'CreatePolicy',
    'CreatePolicyVersion', 'CreateRole', 'CreateServiceLinkedRole', 'CreateUser', 'DeleteAccessKey', 'DeleteGroup',
    'DeleteGroupPolicy', 'DeleteInstanceProfile', 'DeleteLoginProfile', 'DeletePolicy', 'DeletePolicyVersion', 'DeleteRole',
    'DeleteRolePermissionsBoundary', 'DeleteRolePolicy', 'DeleteServiceLinkedRole', 'DeleteUser',
    'DeleteUserPermissionsBoundary', 'DeleteUserPolicy', 'DetachGroupPolicy', 'DetachRolePolicy', 'DetachUserPolicy',
    'GenerateCredentialReport', 'GetAccessKeyLastUsed', 'GetAccountAuthorizationDetails', 'GetAccountPasswordPolicy',
    'GetAccountSummary', 'GetContextKeysForCustomPolicy', 'GetContextKeysForPrincipalPolicy', 'GetCredentialReport',
    'GetGroup', 'GetGroupPolicy', 'GetInstanceProfile', 'GetLoginProfile', 'GetPolicy', 'GetPolicyVersion', 'GetRole',
    'GetRolePolicy', 'GetServiceLastAccessedDetails', 'GetUser', 'GetUserPolicy', 'ListAccessKeys', 'ListAccountAliases',
    'ListAttachedGroupPolicies', 'ListAttachedRolePolicies', 'ListAttachedUserPolicies', 'ListEntitiesForPolicy',
    'ListGroupPolicies', 'ListGroups', 'ListGroupsForUser', 'ListInstanceProfiles', 'ListMFADevices', 'ListPolicies',
    'ListPolicyVersions', 'ListRolePolicies', 'ListRoleTags', 'ListRoles', 'ListUserPolicies', 'ListUserTags', 'ListUsers',
    'PassRole', 'PutGroupPolicy', 'PutRolePermissionsBoundary', 'PutRolePolicy', 'PutUserPermissionsBoundary',
    'PutUserPolicy', 'RemoveRoleFromInstanceProfile', 'RemoveUserFromGroup', 'SetDefaultPolicyVersion',
    'SimulateCustomPolicy', 'SimulatePrincipalPolicy', 'TagPolicy', 'TagRole', 'TagUser', 'UntagPolicy', 'UntagRole',
    'UntagUser', 'UpdateAccessKey', 'UpdateAccountPasswordPolicy', 'UpdateAssumeRolePolicy', 'UpdateGroup',
    'UpdateLoginProfile', 'UpdateRole', 'UpdateRoleDescription', 'UpdateUser',
  ],
  conditionKeys: {
    'iam:AWSServiceName': 'String',
    'iam:AssociatedResourceArn': 'ARN',
    'iam:OrganizationsPolicyId': 'String',
    'iam:PassedToService': 'String',
    'iam:PermissionsBoundary': 'ARN',
    'iam:PolicyARN': 'ARN',
    'iam:ResourceTag/': 'String',
  },
};

const sts: ServiceCatalogue = {
  prefix: 'sts',
  complete: false,
  actions: [
    'AssumeRole', 'AssumeRoleWithSAML', 'AssumeRoleWithWebIdentity', 'AssumeRoot', 'DecodeAuthorizationMessage',
    'GetAccessKeyInfo', 'GetCallerIdentity', 'GetFederationToken', 'GetServiceBearerToken', 'GetSessionToken',
    'SetContext', 'SetSourceIdentity', 'TagSession',
  ],
  conditionKeys: {
    'sts:AWSServiceName': 'String',
    'sts:DurationSeconds': 'Numeric',
    'sts:ExternalId': 'String',
    'sts:RoleSessionName': 'String',
    'sts:SourceIdentity': 'String',
    'sts:TaskPolicyArn': 'String',
    'sts:TransitiveTagKeys': 'ArrayOfString',
  },
};

export const SERVICE_CATALOGUES: ReadonlyMap<string, ServiceCatalogue> = new Map(
  [secretsmanager, kms, iam, sts].map((service) => [service.prefix, service]),
);

/** Global condition keys [GKEYS]. */
export const GLOBAL_CONDITION_KEYS: Readonly<Record<string, ConditionKeyType>> = {
  'aws:CalledVia': 'ArrayOfString',
  'aws:CalledViaFirst': 'String',
  'aws:CalledViaLast': 'String',
  'aws:CurrentTime': 'Date',
  'aws:EpochTime': 'Date',
  'aws:FederatedProvider': 'String',
  'aws:MultiFactorAuthAge': 'Numeric',
  'aws:MultiFactorAuthPresent': 'Bool',
  'aws:PrincipalAccount': 'String',
  'aws:PrincipalArn': 'ARN',
  'aws:PrincipalIsAWSService': 'Bool',
  'aws:PrincipalOrgID': 'String',
  'aws:PrincipalOrgPaths': 'ArrayOfString',
  'aws:PrincipalServiceName': 'String',
  'aws:PrincipalServiceNamesList': 'ArrayOfString',
  'aws:PrincipalTag/': 'String',
  'aws:PrincipalType': 'String',
  'aws:referer': 'String',
  'aws:RequestedRegion': 'String',
  'aws:RequestTag/': 'String',
  'aws:ResourceAccount': 'String',
  'aws:ResourceOrgID': 'String',
  'aws:ResourceOrgPaths': 'ArrayOfString',
  'aws:ResourceTag/': 'String',
  'aws:SecureTransport': 'Bool',
  'aws:SourceAccount': 'String',
  'aws:SourceArn': 'ARN',
  'aws:SourceIdentity': 'String',
  'aws:SourceIp': 'IPAddress',
  'aws:SourceOrgID': 'String',
  'aws:SourceOrgPaths': 'ArrayOfString',
  'aws:SourceOwner': 'String',
  'aws:SourceVpc': 'String',
  'aws:SourceVpcArn': 'ARN',
  'aws:SourceVpce': 'String',
  'aws:TagKeys': 'ArrayOfString',
  'aws:TokenIssueTime': 'Date',
  'aws:UserAgent': 'String',
  'aws:userid': 'String',
  'aws:username': 'String',
  'aws:ViaAWSService': 'Bool',
  'aws:VpcSourceIp': 'IPAddress',
};

export interface KnownConditionKey {
  name: string;
  type: ConditionKeyType;
}

/**
 * Looks a condition key up, case-insensitively [ELEM Condition]. Returns undefined when unknown, and
 * `'missing-tag'` for a tag prefix with nothing after it (`aws:ResourceTag/`).
 */
export function lookupConditionKey(key: string): KnownConditionKey | 'missing-tag' | undefined {
  const lower = key.toLowerCase();
  const prefix = lower.slice(0, lower.indexOf(':'));
  const table = prefix === 'aws' ? GLOBAL_CONDITION_KEYS : SERVICE_CATALOGUES.get(prefix)?.conditionKeys;
  if (!table) return undefined;
  for (const [name, type] of Object.entries(table)) {
    const lowerName = name.toLowerCase();
    const isPrefix = name.endsWith('/') || name.endsWith(':');
    if (isPrefix && lower.startsWith(lowerName)) {
      return lower.length === lowerName.length ? 'missing-tag' : { name, type };
    }
    if (!isPrefix && lower === lowerName) return { name, type };
  }
  return undefined;
}

/** True for the services whose condition keys this catalogue knows, so an unknown key there is reportable. */
export function catalogueKnowsKeysOf(key: string): boolean {
  const prefix = key.toLowerCase().split(':')[0] ?? '';
  return prefix === 'aws' || SERVICE_CATALOGUES.has(prefix);
}

export function isMultivalued(type: ConditionKeyType): boolean {
  return type === 'ArrayOfString' || type === 'ArrayOfARN';
}

/** Every catalogued action name (`service:Name`), for completion and for checking wildcards. */
export function catalogueActions(prefix: string): string[] {
  const service = SERVICE_CATALOGUES.get(prefix.toLowerCase());
  return service ? service.actions.map((action) => `${service.prefix}:${action}`) : [];
}
