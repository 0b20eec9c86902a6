/**
 * The secret types of the console's "Store a new secret" wizard, with the JSON shape AWS's rotation functions
 * expect for each database (engine, host, username, password, dbname, port).
 */
export interface SecretTemplate {
  id: string;
  label: string;
  engine?: string;
  defaultPort?: number;
  engines?: { value: string; label: string; port: number }[];
}

export const SECRET_TEMPLATES: readonly SecretTemplate[] = [
  {
    id: 'rds',
    label: 'Credentials for Amazon RDS database',
    engines: [
      { value: 'mysql', label: 'MySQL', port: 3306 },
      { value: 'postgres', label: 'PostgreSQL', port: 5432 },
      { value: 'mariadb', label: 'MariaDB', port: 3306 },
      { value: 'oracle', label: 'Oracle', port: 1521 },
      { value: 'sqlserver', label: 'Microsoft SQL Server', port: 1433 },
    ],
  },
  { id: 'redshift', label: 'Credentials for Amazon Redshift data warehouse', engine: 'redshift', defaultPort: 5439 },
  { id: 'docdb', label: 'Credentials for Amazon DocumentDB database', engine: 'mongo', defaultPort: 27017 },
  { id: 'other', label: 'Other type of secret (API key, OAuth token, other)' },
];

export interface DatabaseCredentials {
  username: string;
  password: string;
  engine: string;
  host: string;
  port: number;
  dbname: string;
}

export function credentialsJson(credentials: DatabaseCredentials): string {
  const { username, password, engine, host, port, dbname } = credentials;
  return JSON.stringify({ username, password, engine, host, port, ...(dbname ? { dbname } : {}) });
}

/** Key/value rows as the console stores them: one JSON object. */
export function keyValueJson(rows: readonly { key: string; value: string }[]): string {
  const object: Record<string, string> = {};
  for (const row of rows) if (row.key.trim()) object[row.key.trim()] = row.value;
  return JSON.stringify(object);
}
