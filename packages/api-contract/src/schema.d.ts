// Generated from openapi.json by scripts/generate-types.mjs. Do not edit: run `npm run openapi`.
export interface paths {
  '/api/health/live': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['Health_live'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/health/ready': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['Health_ready'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/.well-known/lynxprompt.json': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['WellKnown_manifest'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/.well-known/security.txt': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['WellKnown_securityTxt'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    LiveResponse: {
      /** @example ok */
      status: string;
    };
    DependencyCheck: {
      /** @enum {string} */
      status: 'up' | 'down';
      /** @description How long the check took, in milliseconds */
      latencyMs: number;
    };
    ReadyChecks: {
      database: components['schemas']['DependencyCheck'];
      /** @description Redis, or the in-process store in embedded mode */
      redis: components['schemas']['DependencyCheck'];
    };
    ReadyResponse: {
      /** @example ok */
      status: string;
      checks: components['schemas']['ReadyChecks'];
    };
    ErrorBody: {
      /**
       * @description Stable machine-readable code
       * @example NOT_FOUND
       */
      code: string;
      /** @example No route for GET /api/v1/nope */
      message: string;
      /** @description Code-specific details, e.g. the invalid fields */
      details?: Record<string, never>;
    };
    ErrorResponse: {
      error: components['schemas']['ErrorBody'];
      /** @description Echoes the X-Request-Id header of the response */
      requestId: string;
    };
    InstanceManifest: {
      /** @example LynxPrompt */
      name: string;
      /**
       * @description Host of APP_URL, with the port when it has one
       * @example prompts.example.org
       */
      domain: string;
      /** @example 0.1.0 */
      version: string;
      /** @description Whether this instance takes part in the federation */
      federation: boolean;
      /**
       * Format: uri
       * @example https://prompts.example.org/api/v1
       */
      api: string;
      /** @description How many public blueprints this instance serves */
      publicBlueprints: number;
    };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  Health_live: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The process is up */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['LiveResponse'];
        };
      };
      /** @description Any error, in the error envelope with a stable `code` */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  Health_ready: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The database and Redis answer */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ReadyResponse'];
        };
      };
      /** @description `NOT_READY`, with each check in details */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description Any error, in the error envelope with a stable `code` */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  WellKnown_manifest: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The federation manifest of this instance */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['InstanceManifest'];
        };
      };
      /** @description Any error, in the error envelope with a stable `code` */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  WellKnown_securityTxt: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description RFC 9116 security contact */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/plain': string;
        };
      };
      /** @description Any error, in the error envelope with a stable `code` */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
}
