/**
 * The JavaScript that runs INSIDE the sandbox (a Web Worker, or a node:vm context), before the learner's handler.
 * It is a source string, not a module, because the same text must run in two realms that share no imports: it
 * defines `require` with the two modules a SecretsLab function may load (an AWS SDK v3-shaped Secrets Manager client
 * and a client for the simulated third-party API), a `console` that keeps lines for the step log, and the Lambda
 * calling convention (`module.exports.handler(event, context)`).
 *
 * Every request leaves through one `bridge(requestJson)` function the host provides, which answers with JSON text
 * (synchronously in Node, as a promise in the browser). The bridge lives in a closure the learner's code cannot reach.
 *
 * Evaluating the source yields `install(bridge, onLog?)`, which returns `run(source, eventJson, contextJson)`: a promise of the
 * outcome as JSON text: { outcome: 'succeeded' | 'failed', errorType?, errorMessage?, logs }.
 */
export const HANDLER_RUNTIME_SOURCE = String.raw`(() => {
  'use strict';
  const OPERATIONS = ['BatchGetSecretValue', 'CancelRotateSecret', 'CreateSecret', 'DeleteResourcePolicy', 'DeleteSecret',
    'DescribeSecret', 'GetRandomPassword', 'GetResourcePolicy', 'GetSecretValue', 'ListSecretVersionIds', 'ListSecrets',
    'PutResourcePolicy', 'PutSecretValue', 'RemoveRegionsFromReplication', 'ReplicateSecretToRegions', 'RestoreSecret',
    'RotateSecret', 'StopReplicationToReplica', 'TagResource', 'UntagResource', 'UpdateSecret', 'UpdateSecretVersionStage',
    'ValidateResourcePolicy'];
  const ERRORS = ['AccessDeniedException', 'DecryptionFailure', 'EncryptionFailure', 'InternalServiceError',
    'InvalidNextTokenException', 'InvalidParameterException', 'InvalidRequestException', 'LimitExceededException',
    'MalformedPolicyDocumentException', 'PreconditionNotMetException', 'PublicPolicyException', 'ResourceExistsException',
    'ResourceNotFoundException', 'ThrottlingException', 'ValidationException', 'UnrecognizedClientException'];
  const TIMESTAMPS = new Set(['CreatedDate', 'LastChangedDate', 'LastAccessedDate', 'LastRotatedDate', 'DeletedDate',
    'NextRotationDate', 'DeletionDate', 'LastAccessedDate']);
  const MAX_LOG_LINES = 50;
  const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

  function toBase64(bytes) {
    let out = '';
    for (let i = 0; i < bytes.length; i += 3) {
      const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
      out += B64[(n >> 18) & 63] + B64[(n >> 12) & 63] + (i + 1 < bytes.length ? B64[(n >> 6) & 63] : '=') + (i + 2 < bytes.length ? B64[n & 63] : '=');
    }
    return out;
  }

  function fromBase64(text) {
    const clean = String(text).replace(/=+$/, '');
    const bytes = [];
    let bits = 0;
    let value = 0;
    for (const ch of clean) {
      value = (value << 6) | B64.indexOf(ch);
      bits += 6;
      if (bits >= 8) {
        bits -= 8;
        bytes.push((value >> bits) & 255);
      }
    }
    return new Uint8Array(bytes);
  }

  // The SDK turns wire timestamps (epoch seconds) into Date and blobs (base64) into bytes.
  function fromWire(value, key) {
    if (Array.isArray(value)) return value.map((item) => fromWire(item));
    if (value && typeof value === 'object') {
      const out = {};
      for (const [k, v] of Object.entries(value)) out[k] = fromWire(v, k);
      return out;
    }
    if (typeof value === 'number' && TIMESTAMPS.has(key)) return new Date(value * 1000);
    if (typeof value === 'string' && key === 'SecretBinary') return fromBase64(value);
    return value;
  }

  function toWire(value) {
    if (value instanceof Uint8Array) return toBase64(value);
    if (value instanceof Date) return value.getTime() / 1000;
    if (Array.isArray(value)) return value.map(toWire);
    if (value && typeof value === 'object') {
      const out = {};
      for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = toWire(v);
      return out;
    }
    return value;
  }

  function format(args) {
    return args.map((a) => {
      if (typeof a === 'string') return a;
      if (a instanceof Error) return (a.name || 'Error') + ': ' + a.message;
      try { return JSON.stringify(a); } catch (e) { return String(a); }
    }).join(' ');
  }

  // onLog (optional) hears each console line as it is printed, so a host that must end a handler early (a timeout)
  // still has the lines printed before it, as CloudWatch Logs would.
  return function install(bridge, onLog) {
    // A request whose route hangs (no network path) never answers: the host ends the invocation as timed out.
    const forever = () => new Promise(() => {});

    async function send(request) {
      const reply = JSON.parse(await bridge(JSON.stringify(request)));
      if (reply.hang) return forever();
      return reply;
    }

    class SecretsManagerServiceException extends Error {
      constructor(options) {
        super(options.message);
        this.name = options.name;
        this.$fault = options.$fault;
        this.$metadata = options.$metadata;
      }
    }
    const exceptions = { SecretsManagerServiceException };
    for (const code of ERRORS) {
      exceptions[code] = { [code]: class extends SecretsManagerServiceException {
        constructor(options) { super({ ...options, name: code }); }
      } }[code];
    }

    class SecretsManagerClient {
      constructor(config) { this.config = { ...(config || {}) }; }
      async send(command) {
        const operation = command && command.constructor && command.constructor.operation;
        if (!operation) throw new TypeError('send() takes a command, such as new GetSecretValueCommand({ SecretId })');
        const reply = await send({ kind: 'aws', operation, input: toWire(command.input || {}) });
        const body = reply.body ? JSON.parse(reply.body) : {};
        const $metadata = { httpStatusCode: reply.status, requestId: reply.requestId, attempts: 1, totalRetryDelay: 0 };
        if (reply.status === 200) return { ...fromWire(body), $metadata };
        const code = String(body.__type || 'UnknownError').split('#').pop();
        const Exception = exceptions[code] || SecretsManagerServiceException;
        throw new Exception({ name: code, message: body.message || body.Message || '', $fault: reply.status >= 500 ? 'server' : 'client', $metadata });
      }
      destroy() {}
    }

    const sdk = { SecretsManagerClient, ...exceptions };
    for (const operation of OPERATIONS) {
      const name = operation + 'Command';
      sdk[name] = { [name]: class {
        constructor(input) { this.input = input || {}; }
        static get operation() { return operation; }
      } }[name];
    }

    class PartnerApiError extends Error {
      constructor(code, message, status) {
        super(message);
        this.name = 'PartnerApiError';
        this.code = code;
        this.status = status;
      }
    }

    // A client for a third-party HTTPS API, as its vendor's SDK would be: every method takes the key to call with.
    class PartnerApiClient {
      constructor(options) {
        if (!options || typeof options.host !== 'string') throw new TypeError('new PartnerApiClient({ host }) needs the API host name');
        this.host = options.host;
      }
      async request(action, input) {
        const reply = await send({ kind: 'partner', host: this.host, action, input: input || {} });
        if (reply.ok) return reply.output;
        throw new PartnerApiError(reply.error.code, reply.error.message, reply.error.status);
      }
      whoAmI(input) { return this.request('whoAmI', input); }
      listKeys(input) { return this.request('listKeys', input); }
      addKey(input) { return this.request('addKey', input); }
      revokeKey(input) { return this.request('revokeKey', input); }
    }

    const modules = {
      '@aws-sdk/client-secrets-manager': sdk,
      'secretslab/partner-api': { PartnerApiClient, PartnerApiError },
    };

    function require(name) {
      if (Object.prototype.hasOwnProperty.call(modules, name)) return modules[name];
      const error = new Error("Cannot find module '" + name + "': the SecretsLab sandbox provides only " + Object.keys(modules).join(' and '));
      error.code = 'MODULE_NOT_FOUND';
      throw error;
    }

    // ES module syntax, as in an index.mjs: imports of the provided modules become require calls (a default or
    // namespace import is the whole module, as Node gives a CommonJS package to ESM), exports become assignments to
    // module.exports made after the body has run, so an export may name a binding declared further down.
    function commonJs(source) {
      const exported = [];
      const named = (list) => list.split(',').map((part) => part.trim()).filter(Boolean).map((part) => part.split(/\s+as\s+/));
      const body = source
        .replace(/^[ \t]*import\s+(?:([A-Za-z_$][\w$]*)\s*,?\s*)?(?:\*\s*as\s+([A-Za-z_$][\w$]*)\s*|\{([^}]*)\}\s*)?from\s*(['"][^'"]+['"]);?/gm, (_, whole, namespace, names, from) => {
          const parts = [];
          if (whole) parts.push('const ' + whole + ' = require(' + from + ');');
          if (namespace) parts.push('const ' + namespace + ' = require(' + from + ');');
          if (names !== undefined) parts.push('const {' + named(names).map(([name, local]) => (local ? name + ': ' + local : name)).join(', ') + '} = require(' + from + ');');
          return parts.join(' ');
        })
        .replace(/^[ \t]*import\s*(['"][^'"]+['"]);?/gm, (_, from) => 'require(' + from + ');')
        .replace(/^([ \t]*)export\s+((?:async\s+)?function\s*\*?\s*|class\s+|const\s+|let\s+|var\s+)([A-Za-z_$][\w$]*)/gm, (_, indent, kind, name) => {
          exported.push([name, name]);
          return indent + kind + name;
        })
        .replace(/^[ \t]*export\s*\{([^}]*)\};?/gm, (_, names) => {
          for (const [local, name] of named(names)) exported.push([local, name || local]);
          return '';
        })
        .replace(/^[ \t]*export\s+default\s+/gm, 'module.exports.default = ');
      return body + '\n' + exported.map(([local, name]) => 'module.exports[' + JSON.stringify(name) + '] = ' + local + ';').join('\n');
    }

    return async function run(source, eventJson, contextJson) {
      const logs = [];
      const log = (...args) => {
        if (logs.length >= MAX_LOG_LINES) return;
        const line = format(args);
        logs.push(line);
        if (typeof onLog === 'function') onLog(line);
      };
      const console = { log, info: log, warn: log, error: log, debug: log };
      const info = JSON.parse(contextJson);
      const context = { ...info, getRemainingTimeInMillis: () => info.timeoutMs };
      const module = { exports: {} };
      let factory;
      try {
        factory = new Function('require', 'module', 'exports', 'console', commonJs(source));
      } catch (error) {
        return JSON.stringify({ outcome: 'failed', errorType: 'Runtime.UserCodeSyntaxError', errorMessage: String(error), logs });
      }
      try {
        factory(require, module, module.exports, console);
        const handler = module.exports && module.exports.handler;
        if (typeof handler !== 'function') {
          return JSON.stringify({ outcome: 'failed', errorType: 'Runtime.HandlerNotFound', errorMessage: 'index.handler is undefined or not exported', logs });
        }
        await handler(JSON.parse(eventJson), context);
        return JSON.stringify({ outcome: 'succeeded', logs });
      } catch (error) {
        const isError = error && typeof error === 'object';
        return JSON.stringify({
          outcome: 'failed',
          errorType: isError && error.name ? String(error.name) : 'Error',
          errorMessage: isError && 'message' in error ? String(error.message) : String(error),
          logs,
        });
      }
    };
  };
})()`;
