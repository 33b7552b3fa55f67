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
  '/api/v1/auth/session': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['Sessions_current'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/sign-out': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['Sessions_signOut'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/account/sessions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['Sessions_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/account/sessions/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete: operations['Sessions_revoke'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/account/sessions/revoke-others': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['Sessions_revokeOthers'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/account/security-events': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['Sessions_securityEvents'];
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
    SessionUser: {
      /** Format: uuid */
      id: string;
      email: string;
      handle: string;
      displayName: string;
      avatarUrl: string | null;
      /** @enum {string} */
      role: 'user' | 'admin';
    };
    SignInMethods: {
      /** @description Magic links by email are always available */
      email: boolean;
      github: boolean;
      google: boolean;
      /** @description Label of the SSO button, or null when not configured */
      sso: string | null;
      passkey: boolean;
      /** @description Whether people without an account or invitation can sign up */
      registration: boolean;
    };
    SessionState: {
      /** @enum {string} */
      status: 'anonymous' | 'pending_second_factor' | 'active';
      /** @description Present once signed in (also while the second factor is owed) */
      user?: components['schemas']['SessionUser'];
      /** @description Send as X-CSRF-Token on every state-changing request of this session */
      csrfToken?: string;
      methods: components['schemas']['SignInMethods'];
    };
    ActiveSession: {
      /** Format: uuid */
      id: string;
      /** @description This is the session making the request */
      current: boolean;
      authMethod: string;
      userAgent: string | null;
      /** @description Client network, truncated */
      ipPrefix: string | null;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      lastSeenAt: string;
      /** Format: date-time */
      expiresAt: string;
    };
    RevokedCount: {
      revoked: number;
    };
    SecurityEvent: {
      /** Format: uuid */
      id: string;
      /** Format: date-time */
      occurredAt: string;
      /** @example auth.sign_in */
      action: string;
      ipPrefix: string | null;
      userAgent: string | null;
      metadata: {
        [key: string]: unknown;
      };
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
  Sessions_current: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Who is signed in, the CSRF token, and the sign-in methods offered */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SessionState'];
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
  Sessions_signOut: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The session is deleted on the server and its cookie cleared */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Not signed in, or missing a required scope */
      401: {
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
  Sessions_list: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ActiveSession'][];
        };
      };
      /** @description Not signed in, or missing a required scope */
      401: {
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
  Sessions_revoke: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The session is revoked at once */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Not signed in, or missing a required scope */
      401: {
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
  Sessions_revokeOthers: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Every other session of this account is signed out */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RevokedCount'];
        };
      };
      /** @description Not signed in, or missing a required scope */
      401: {
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
  Sessions_securityEvents: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The 50 most recent security events of this account */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SecurityEvent'][];
        };
      };
      /** @description Not signed in, or missing a required scope */
      401: {
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
}
