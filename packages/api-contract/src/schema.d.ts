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
  '/.well-known/nodeinfo': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['NodeInfo_discovery'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/nodeinfo/2.1': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['NodeInfo_nodeInfo'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/.well-known/agent-skills/index.json': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['AgentSkills_instanceIndex'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/profiles/{handle}/agent-skills/index.json': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['AgentSkills_ownerIndex'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/.well-known/agent-skills/{id}/SKILL.md': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['AgentSkills_skillMd'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/.well-known/agent-skills/{id}/archive.zip': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['AgentSkills_archive'];
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
  '/api/v1/auth/magic-link': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['MagicLink_request'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/magic-link/verify': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['MagicLink_verify'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/oauth/{provider}/start': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['OAuth_start'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/oauth/{provider}/callback': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['OAuth_callback'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/oidc/start': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['OAuth_oidcStart'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/oidc/callback': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['OAuth_oidcCallback'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/account/identities': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['Identities_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/account/identities/{provider}/link': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['Identities_link'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/account/identities/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete: operations['Identities_unlink'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/account/passkeys/registration/options': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['Passkeys_registrationOptions'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/account/passkeys/registration/verify': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['Passkeys_register'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/account/passkeys': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['Passkeys_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/account/passkeys/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete: operations['Passkeys_remove'];
    options?: never;
    head?: never;
    patch: operations['Passkeys_rename'];
    trace?: never;
  };
  '/api/v1/auth/passkey/options': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['Passkeys_signInOptions'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/passkey/verify': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['Passkeys_signIn'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/second-factor/passkey/options': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['Passkeys_secondFactorOptions'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/second-factor/passkey/verify': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['Passkeys_secondFactor'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/account/two-step': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['TwoStep_status'];
    put?: never;
    post?: never;
    delete: operations['TwoStep_disable'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/account/two-step/totp/setup': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['TwoStep_setup'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/account/two-step/totp/confirm': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['TwoStep_confirm'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/account/two-step/recovery-codes': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['TwoStep_regenerate'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/second-factor/totp': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['TwoStep_totp'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/second-factor/recovery-code': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['TwoStep_recoveryCode'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/account/api-tokens': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['ApiTokens_list'];
    put?: never;
    post: operations['ApiTokens_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/account/api-tokens/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete: operations['ApiTokens_revoke'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/me': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['Me_me'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/me/token': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete: operations['Me_revokeOwnToken'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/device/code': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['Device_code'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/device/token': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['Device_token'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/device/requests/{userCode}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['Device_describe'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/device/requests/{userCode}/approve': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['Device_approve'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/device/requests/{userCode}/deny': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['Device_deny'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/organizations/{slug}/tokens': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['OrganizationTokens_list'];
    put?: never;
    post: operations['OrganizationTokens_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/organizations/{slug}/tokens/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete: operations['OrganizationTokens_revoke'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/organizations/{slug}/audit': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['OrganizationAudit_page'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/organizations/{slug}/audit/export': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['OrganizationAudit_export'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/account': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete: operations['Account_delete'];
    options?: never;
    head?: never;
    patch: operations['Account_update'];
    trace?: never;
  };
  '/api/v1/account/email': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['Account_requestEmailChange'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/account/email/verify': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['Account_verifyEmailChange'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/invitations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['AdminInvitations_invite'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/blueprints': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['Catalog_search'];
    put?: never;
    post: operations['Blueprints_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/me/blueprints': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['Catalog_mine'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/me/favorites': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['Catalog_favorites'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/organizations/{slug}/blueprints': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['Catalog_organizationBlueprints'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/formats': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['Catalog_formats'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/scan': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['Catalog_scan'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/blueprints/import': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['Blueprints_import'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/blueprints/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['Blueprints_get'];
    put?: never;
    post?: never;
    delete: operations['Blueprints_delete'];
    options?: never;
    head?: never;
    patch: operations['Blueprints_update'];
    trace?: never;
  };
  '/api/v1/blueprints/{id}/publish': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['Blueprints_publish'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/blueprints/{id}/unpublish': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['Blueprints_unpublish'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/blueprints/{id}/strip-invisible': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['Blueprints_stripInvisible'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/blueprints/{id}/favorite': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put: operations['Blueprints_favorite'];
    post?: never;
    delete: operations['Blueprints_unfavorite'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/blueprints/{id}/transfer': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['Blueprints_transfer'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/blueprints/{id}/fork': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['Blueprints_fork'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/blueprints/{id}/raw': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['Blueprints_raw'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/blueprints/{id}/variables': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['Blueprints_variables'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/blueprints/{id}/render': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['Blueprints_render'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/blueprints/{id}/download': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['Blueprints_download'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/blueprints/{id}/export': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['Blueprints_export'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/blueprints/{id}/versions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['BlueprintVersions_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/blueprints/{id}/versions/{number}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['BlueprintVersions_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/blueprints/{id}/files': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['BlueprintVersions_file'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/blueprints/{id}/diff': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['BlueprintVersions_diff'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/blueprints/{id}/versions/{number}/restore': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['BlueprintVersions_restore'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/hierarchies': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['Hierarchies_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/me/hierarchies': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['Hierarchies_mine'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/organizations/{slug}/hierarchies': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['Hierarchies_ofOrganization'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/hierarchies/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['Hierarchies_get'];
    put?: never;
    post?: never;
    delete: operations['Hierarchies_delete'];
    options?: never;
    head?: never;
    patch: operations['Hierarchies_update'];
    trace?: never;
  };
  '/api/v1/hierarchies/{id}/transfer': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['Hierarchies_transfer'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/hierarchies/{id}/archive': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['Hierarchies_archive'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/profiles/{handle}/blueprints/{slug}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['OwnerSlug_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/profiles/{handle}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['Profiles_profile'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/profiles/{handle}/blueprints': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['Profiles_blueprints'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/plugins/import': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['Plugins_import'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/hierarchies/{id}/plugin': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['Plugins_export'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/profiles/{handle}/claude-plugins/marketplace.json': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['PluginMarketplace_marketplaceJson'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/profiles/{handle}/claude-plugins/{repository}/info/refs': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['PluginMarketplace_infoRefs'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/profiles/{handle}/claude-plugins/{repository}/git-upload-pack': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['PluginMarketplace_uploadPack'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/profiles/{handle}/claude-plugins/{repository}/HEAD': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['PluginMarketplace_head'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/profiles/{handle}/claude-plugins/{repository}/objects/{directory}/{file}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['PluginMarketplace_object'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/imports/preview': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['Imports_preview'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/imports': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['Imports_import'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/federation/key/rotate': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['InstanceKeys_rotate'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/federation/blueprints': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['FederationCatalogue_blueprints'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/federation/remote-blueprints/{id}/hide': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['RemoteBlueprintsAdmin_hide'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/federation/remote-blueprints/{id}/unhide': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['RemoteBlueprintsAdmin_unhide'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/federation/register': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['Registry_register'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/federation/heartbeat': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['Registry_heartbeat'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/federation/instances': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['Registry_instances'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/federation/peers': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['Registry_directory'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/federation/peers': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['AdminFederation_list'];
    put?: never;
    post: operations['AdminFederation_add'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/federation/peers/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['AdminFederation_detail'];
    put?: never;
    post?: never;
    delete: operations['AdminFederation_remove'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/federation/peers/{id}/crawl': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['AdminFederation_crawl'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/federation/peers/{id}/approve-key': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['AdminFederation_approveKey'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/federation/domain-rules': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['AdminFederation_rules'];
    put?: never;
    post: operations['AdminFederation_addRule'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/federation/domain-rules/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete: operations['AdminFederation_removeRule'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/federation/settings': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['AdminFederation_settings'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch: operations['AdminFederation_updateSettings'];
    trace?: never;
  };
  '/api/v1/organizations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['Organizations_list'];
    put?: never;
    post: operations['Organizations_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/organizations/{slug}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['Organizations_get'];
    put?: never;
    post?: never;
    delete: operations['Organizations_delete'];
    options?: never;
    head?: never;
    patch: operations['Organizations_update'];
    trace?: never;
  };
  '/api/v1/organizations/{slug}/members': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['Organizations_members'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/organizations/{slug}/members/{member}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete: operations['Organizations_removeMember'];
    options?: never;
    head?: never;
    patch: operations['Organizations_changeRole'];
    trace?: never;
  };
  '/api/v1/organizations/{slug}/invitations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['Organizations_invitationList'];
    put?: never;
    post: operations['Organizations_invite'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/organizations/{slug}/invitations/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete: operations['Organizations_revoke'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/invitations/{token}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['Organizations_preview'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/invitations/{token}/accept': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['Organizations_accept'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/billing': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['Billing_mine'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/organizations/{slug}/billing': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['Billing_organization'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/billing/checkout': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['Billing_checkout'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/billing/checkout/{sessionId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['Billing_checkoutResult'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/billing/portal': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['Billing_portal'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/organizations/{slug}/billing/seats': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put: operations['Billing_seats'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/billing/webhook': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['BillingWebhook_receive'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/billing/subscriptions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['AdminBilling_subscriptions'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/mcp': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Not supported (stateless server: no event stream); answers 405 */
    get: operations['Mcp_streamNotSupported'];
    put?: never;
    /** Model Context Protocol over streamable HTTP (JSON-RPC 2.0); see docs/integrations.md */
    post: operations['Mcp_post'];
    /** Not supported (stateless server: no session to end); answers 405 */
    delete: operations['Mcp_sessionNotSupported'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/me/variables': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['SavedVariables_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/me/variables/{name}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put: operations['SavedVariables_set'];
    post?: never;
    delete: operations['SavedVariables_delete'];
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
    ManifestSoftware: {
      /** @example lynxprompt */
      name: string;
      /** @example 0.1.0 */
      version: string;
      /** Format: uri */
      repository: string;
    };
    ManifestEndpoints: {
      /**
       * Format: uri
       * @example https://prompts.example.org/api/v1/federation/blueprints
       */
      catalogue: string;
      /**
       * @description URI template of a page
       * @example https://prompts.example.org/blueprints/{id}
       */
      blueprint: string;
      /**
       * @description URI template
       * @example https://prompts.example.org/api/v1/blueprints/{id}/raw
       */
      raw: string;
    };
    PublicKeyView: {
      /**
       * @description Fingerprint of the key: the keyId of signatures
       * @example Yw3vQm2T1xgq8K0d
       */
      id: string;
      /** @enum {string} */
      algorithm: 'Ed25519';
      /** @description The raw 32-byte public key, base64url without padding */
      key: string;
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
      software?: components['schemas']['ManifestSoftware'];
      /** @example lynxprompt-federation/1 */
      protocol?: string;
      endpoints?: components['schemas']['ManifestEndpoints'];
      /** @description The key catalogue pages are signed with */
      publicKey?: components['schemas']['PublicKeyView'];
      /**
       * @description Who runs the instance
       * @example mailto:admin@example.org
       */
      contact?: string;
      /** @description Whether people may sign up for an account */
      openRegistrations?: boolean;
      /**
       * Format: date-time
       * @description When the signing key was created: the rest changes only with the configuration or the version
       */
      updatedAt?: string;
    };
    NodeInfoLink: {
      /** @example http://nodeinfo.diaspora.software/ns/schema/2.1 */
      rel: string;
      /** Format: uri */
      href: string;
    };
    NodeInfoDiscovery: {
      links: components['schemas']['NodeInfoLink'][];
    };
    NodeInfoSoftware: {
      /** @example lynxprompt */
      name: string;
      /** @example 0.1.0 */
      version: string;
      /** Format: uri */
      repository: string;
      /** Format: uri */
      homepage: string;
    };
    NodeInfoServices: {
      inbound: string[];
      outbound: string[];
    };
    NodeInfoUsers: {
      total: number;
      /** @description Seen or signed in during the last 30 days */
      activeMonth: number;
      /** @description Seen or signed in during the last 180 days */
      activeHalfyear: number;
    };
    NodeInfoUsage: {
      users: components['schemas']['NodeInfoUsers'];
      /** @description Public blueprints */
      localPosts: number;
    };
    NodeInfoMetadata: {
      /** @example LynxPrompt */
      nodeName: string;
    };
    NodeInfo: {
      /** @enum {string} */
      version: '2.1';
      software: components['schemas']['NodeInfoSoftware'];
      /**
       * @example [
       *       "lynxprompt"
       *     ]
       */
      protocols: string[];
      services: components['schemas']['NodeInfoServices'];
      openRegistrations: boolean;
      usage: components['schemas']['NodeInfoUsage'];
      metadata: components['schemas']['NodeInfoMetadata'];
    };
    SessionUser: {
      /** Format: uuid */
      id: string;
      email: string;
      handle: string;
      displayName: string;
      avatarUrl: string | null;
      /** @description Shown on the public profile page (/@handle); may be empty */
      bio: string;
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
    InstanceFeatures: {
      /** @description Stripe billing is on: plans, billing pages and limits (docs/billing.md) */
      billing: boolean;
    };
    SessionState: {
      /** @enum {string} */
      status: 'anonymous' | 'pending_second_factor' | 'active';
      /** @description Present once signed in (also while the second factor is owed) */
      user?: components['schemas']['SessionUser'];
      /** @description Send as X-CSRF-Token on every state-changing request of this session */
      csrfToken?: string;
      methods: components['schemas']['SignInMethods'];
      features: components['schemas']['InstanceFeatures'];
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
    MagicLinkRequest: {
      /**
       * Format: email
       * @example ada@example.org
       */
      email: string;
    };
    MagicLinkSent: {
      /**
       * @description Always the same answer, whether or not the address has an account (and may get a link)
       * @enum {string}
       */
      status: 'sent';
    };
    MagicLinkVerifyRequest: {
      /** @description The `token` query value of the emailed link */
      token: string;
    };
    SignInResult: {
      /**
       * @description `pending_second_factor`: two-step verification is on and a second factor is still owed
       * @enum {string}
       */
      status: 'active' | 'pending_second_factor';
    };
    LinkedIdentity: {
      /** Format: uuid */
      id: string;
      /** @enum {string} */
      provider: 'github' | 'google' | 'oidc';
      /** @description The verified address the provider reported, if any */
      email: string | null;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      lastUsedAt: string | null;
    };
    LinkStart: {
      /** @description Send the browser here (a top-level navigation); it comes back to /settings/security?linked=<provider> */
      url: string;
    };
    PasskeyCreationOptions: {
      /** @description base64url */
      challenge: string;
      /** @description { id, name } */
      rp: {
        [key: string]: unknown;
      };
      /** @description { id (base64url), name, displayName } */
      user: {
        [key: string]: unknown;
      };
      pubKeyCredParams: {
        [key: string]: unknown;
      }[];
      timeout?: number;
      /** @description The passkeys already registered, so the authenticator does not make a second one */
      excludeCredentials?: {
        [key: string]: unknown;
      }[];
      authenticatorSelection?: {
        [key: string]: unknown;
      };
      attestation?: string;
      hints?: string[];
      extensions?: {
        [key: string]: unknown;
      };
    };
    RegisterPasskeyBody: {
      /** @example Laptop */
      name: string;
      /** @description RegistrationResponseJSON, as @simplewebauthn/browser startRegistration() returns it */
      response: {
        [key: string]: unknown;
      };
    };
    PasskeyView: {
      /** Format: uuid */
      id: string;
      name: string;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      lastUsedAt: string | null;
      /** @description Whether the passkey is synced to a backup (e.g. a password manager) */
      backedUp: boolean;
      /** @enum {string} */
      deviceType: 'singleDevice' | 'multiDevice';
    };
    RenamePasskeyBody: {
      name: string;
    };
    PasskeyRequestOptions: {
      /** @description base64url */
      challenge: string;
      timeout?: number;
      rpId?: string;
      /** @description Absent for a usernameless sign-in; the account’s passkeys for a second factor */
      allowCredentials?: {
        [key: string]: unknown;
      }[];
      /** @enum {string} */
      userVerification?: 'required' | 'preferred' | 'discouraged';
      hints?: string[];
      extensions?: {
        [key: string]: unknown;
      };
    };
    PasskeyChallenge: {
      /** @description Send back with the response */
      challengeId: string;
      options: components['schemas']['PasskeyRequestOptions'];
    };
    VerifyPasskeyBody: {
      challengeId: string;
      /** @description AuthenticationResponseJSON, as @simplewebauthn/browser startAuthentication() returns it */
      response: {
        [key: string]: unknown;
      };
    };
    SignInStatus: {
      /** @enum {string} */
      status: 'active';
    };
    TwoStepStatusView: {
      totpEnabled: boolean;
      /** @description Unused recovery codes (0 while two-step is off) */
      recoveryCodesRemaining: number;
      /** @description How many passkeys the account has (each can serve as the second factor) */
      passkeys: number;
    };
    TotpSetupView: {
      /** @example otpauth://totp/LynxPrompt:ada?secret=…&issuer=LynxPrompt */
      otpauthUri: string;
      /** @description The otpauth URI as a QR code, a data:image/png;base64 URL */
      qrCodeDataUrl: string;
      /** @description Base32, for typing into an app that cannot scan */
      secret: string;
    };
    TotpCodeBody: {
      /**
       * @description The 6-digit code the authenticator app shows
       * @example 123456
       */
      code: string;
    };
    RecoveryCodesView: {
      /**
       * @description Ten single-use codes; shown this once, only their hashes are kept
       * @example [
       *       "ab12-cd34-ef56"
       *     ]
       */
      recoveryCodes: string[];
    };
    SecondFactorStatus: {
      /** @enum {string} */
      status: 'active';
    };
    RecoveryCodeBody: {
      /** @example ab12-cd34-ef56 */
      code: string;
    };
    CreateApiTokenRequest: {
      /** @example CI publishing */
      name: string;
      scopes: ('blueprints:read' | 'blueprints:write' | 'profile:read' | 'variables:read' | 'variables:write')[];
      /**
       * @description production tokens read published blueprint versions, development tokens the latest draft
       * @enum {string}
       */
      environment: 'production' | 'development';
      /** @description Omit for a token that does not expire */
      expiresInDays?: number;
    };
    CreatedApiToken: {
      /** @description The token itself. Shown this once: only its hash is stored. */
      token: string;
      /** Format: uuid */
      id: string;
      name: string;
      prefix: string;
      scopes: ('blueprints:read' | 'blueprints:write' | 'profile:read' | 'variables:read' | 'variables:write')[];
      /** @enum {string} */
      environment: 'production' | 'development';
      /** Format: date-time */
      expiresAt: string | null;
      /** Format: date-time */
      createdAt: string;
    };
    ApiTokenSummary: {
      /** Format: uuid */
      id: string;
      name: string;
      /**
       * @description The first characters of the token, to recognise it
       * @example lp_AbCdEfG
       */
      prefix: string;
      scopes: ('blueprints:read' | 'blueprints:write' | 'profile:read' | 'variables:read' | 'variables:write')[];
      /** @enum {string} */
      environment: 'production' | 'development';
      /** Format: date-time */
      expiresAt: string | null;
      /** Format: date-time */
      lastUsedAt: string | null;
      /** Format: date-time */
      createdAt: string;
      /** @description Network of the last use, truncated */
      lastUsedIp: string | null;
    };
    MeResponse: {
      /** Format: uuid */
      id: string;
      email: string;
      handle: string;
      displayName: string;
      avatarUrl: string | null;
      /** @description Shown on the public profile page (/@handle); may be empty */
      bio: string;
      /** @enum {string} */
      role: 'user' | 'admin';
      /**
       * @description Present when called with an API token: the blueprint versions that token reads
       * @enum {string}
       */
      tokenEnvironment?: 'production' | 'development';
    };
    DeviceCodeRequest: {
      /**
       * @description Shown as the client name
       * @example lynxprompt-cli
       */
      client_id: string;
      /**
       * @description Space-separated subset of: blueprints:read, blueprints:write, profile:read, variables:read, variables:write. Default: profile:read blueprints:read
       * @example profile:read blueprints:read
       */
      scope?: string;
    };
    DeviceCodeResponse: {
      /** @description The device polls the token endpoint with this secret */
      device_code: string;
      /**
       * @description What the person types at verification_uri
       * @example BCDF-GHJK
       */
      user_code: string;
      /** @example https://lynxprompt.example/device */
      verification_uri: string;
      /** @example https://lynxprompt.example/device?code=BCDF-GHJK */
      verification_uri_complete: string;
      /**
       * @description Seconds until both codes expire
       * @example 600
       */
      expires_in: number;
      /**
       * @description Minimum seconds between polls
       * @example 5
       */
      interval: number;
    };
    DeviceTokenRequest: {
      /** @example urn:ietf:params:oauth:grant-type:device_code */
      grant_type: string;
      device_code: string;
      /**
       * @description The client_id the device code was issued to
       * @example lynxprompt-cli
       */
      client_id: string;
    };
    DeviceTokenResponse: {
      /** @description An API token (lp_…) to send as Authorization: Bearer */
      access_token: string;
      /** @enum {string} */
      token_type: 'Bearer';
      /** @description Seconds until the token expires */
      expires_in: number;
      /** @example profile:read blueprints:read */
      scope: string;
    };
    DeviceTokenErrorResponse: {
      /** @enum {string} */
      error:
        | 'authorization_pending'
        | 'slow_down'
        | 'access_denied'
        | 'expired_token'
        | 'invalid_grant'
        | 'unsupported_grant_type'
        | 'invalid_request';
      error_description: string;
      /** @description Echoes the X-Request-Id header of the response */
      requestId: string;
    };
    DeviceRequestView: {
      /** @example BCDF-GHJK */
      userCode: string;
      /**
       * @description The client_id the device presented; not verified
       * @example lynxprompt-cli
       */
      clientName: string;
      scopes: ('blueprints:read' | 'blueprints:write' | 'profile:read' | 'variables:read' | 'variables:write')[];
      /** Format: date-time */
      expiresAt: string;
      /** @enum {string} */
      status: 'pending' | 'approved' | 'denied' | 'consumed';
    };
    CreateOrganizationTokenRequest: {
      /** @example CI publishing */
      name: string;
      scopes: ('blueprints:read' | 'blueprints:write')[];
      /**
       * @description production tokens read published blueprint versions, development tokens the latest draft
       * @enum {string}
       */
      environment: 'production' | 'development';
      /** @description Omit for a token that does not expire */
      expiresInDays?: number;
    };
    CreatedOrganizationToken: {
      /** @description The token itself. Shown this once: only its hash is stored. */
      token: string;
      /** Format: uuid */
      id: string;
      name: string;
      prefix: string;
      scopes: ('blueprints:read' | 'blueprints:write')[];
      /** @enum {string} */
      environment: 'production' | 'development';
      /** Format: date-time */
      expiresAt: string | null;
      /** Format: date-time */
      createdAt: string;
    };
    OrganizationTokenSummary: {
      /** Format: uuid */
      id: string;
      name: string;
      /**
       * @description The first characters of the token, to recognise it
       * @example lp_AbCdEfG
       */
      prefix: string;
      scopes: ('blueprints:read' | 'blueprints:write')[];
      /** @enum {string} */
      environment: 'production' | 'development';
      /** Format: date-time */
      expiresAt: string | null;
      /** Format: date-time */
      lastUsedAt: string | null;
      /** Format: date-time */
      createdAt: string;
      /** @description Handle of the member who made it, if the account exists */
      createdBy: string | null;
    };
    AuditActorView: {
      /** @enum {string} */
      type: 'user' | 'system' | 'anonymous';
      /** Format: uuid */
      id: string | null;
      /** @description The user’s handle while their account exists */
      handle: string | null;
    };
    AuditTargetView: {
      /** @example api_token */
      type: string;
      id: string;
    };
    OrganizationAuditEvent: {
      /** Format: uuid */
      id: string;
      /** Format: date-time */
      occurredAt: string;
      /** @example organization_token.created */
      action: string;
      actor: components['schemas']['AuditActorView'];
      target: components['schemas']['AuditTargetView'] | null;
      metadata: {
        [key: string]: unknown;
      };
      /** @description The client’s network (/24 or /48), never its address */
      ipPrefix: string | null;
    };
    OrganizationAuditPage: {
      /** @description Newest first */
      events: components['schemas']['OrganizationAuditEvent'][];
      /** @description Pass as cursor for the next page; null on the last */
      nextCursor: string | null;
    };
    UpdateProfileRequest: {
      /** @example Ada Lovelace */
      displayName?: string;
      /**
       * @description 2–39 lowercase letters, digits or single hyphens (USER_HANDLE_INVALID otherwise)
       * @example ada
       */
      handle?: string;
      /** @description Shown on the public profile page (/@handle); empty clears it */
      bio?: string;
    };
    EmailChangeRequest: {
      /**
       * Format: email
       * @description The new address; a confirmation link is sent to it
       */
      email: string;
    };
    EmailChangeSent: {
      /** @enum {string} */
      status: 'sent';
    };
    EmailChangeVerifyRequest: {
      /** @description The `token` query value of the confirmation link */
      token: string;
    };
    InvitationRequest: {
      /**
       * Format: email
       * @description May sign up even while ENABLE_REGISTRATION=false
       */
      email: string;
    };
    InvitationView: {
      /** @description Lower-cased */
      email: string;
      /** Format: date-time */
      createdAt: string;
    };
    AuthorRef: {
      /**
       * @description Who owns it: a user, or an organization (its slug is the handle, its name the display name)
       * @enum {string}
       */
      kind: 'user' | 'organization';
      /** @description Profile at /@handle (for remote blueprints, on their origin instance) */
      handle: string;
      displayName: string;
      avatarUrl: string | null;
    };
    ForkSource: {
      id: string;
      name: string;
      author: components['schemas']['AuthorRef'];
    };
    RemoteForkSource: {
      /** @description Canonical URL of the original on its instance */
      url: string;
      /** @description rb_… of our copy, while we still hold it and it is not hidden */
      id?: string;
      /** @description Its name, while we still hold a copy */
      name?: string;
    };
    BlueprintOrigin: {
      /** @description Domain of the instance the blueprint was published on */
      instance: string;
      /** @description Published on this instance */
      local: boolean;
      /** @description Remote only: canonical URL of the blueprint on its instance */
      url?: string;
      /** @description Remote only: crawled with verified signatures; false for legacy peers that sign nothing */
      signed?: boolean;
      /** @description Remote only, shown to admins: hidden by an admin, so 404 to everyone else */
      hidden?: boolean;
      /** @description Remote only: the author's profile on their instance (/@handle on the peer's verified origin); absent when the peer published no handle */
      authorProfileUrl?: string;
    };
    BlueprintSummary: {
      /** @example bp_k3j9x2mq7w4t8pzr */
      id: string;
      name: string;
      slug: string;
      /** @description Null only for a remote blueprint whose peer publishes none */
      description: string | null;
      /** @enum {string} */
      kind: 'rules' | 'command' | 'skill' | 'agent' | 'mcp-config' | 'settings';
      /** @description Format registry id the content is written in */
      format: string;
      /** @description Tool the format belongs to */
      tool: string;
      category: string | null;
      tags: string[];
      /** @description SPDX licence expression */
      license: string;
      /** @enum {string} */
      visibility: 'private' | 'team' | 'unlisted' | 'public';
      author: components['schemas']['AuthorRef'];
      favoriteCount: number;
      downloadCount: number;
      publishedVersion: number | null;
      headVersion: number;
      /** @description The published content carries hidden-instruction findings */
      hasHiddenInstructions: boolean;
      /** @description Null too when the source is gone or private */
      forkedFrom: components['schemas']['ForkSource'] | null;
      /** @description Present on forks of another instance’s blueprint */
      forkedFromRemote?: components['schemas']['RemoteForkSource'];
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      updatedAt: string;
      /**
       * Format: date-time
       * @description First publication
       */
      publishedAt: string | null;
      origin: components['schemas']['BlueprintOrigin'];
    };
    FacetCount: {
      value: string;
      count: number;
    };
    FacetSample: {
      /** @description How many of the matches the counts were taken over */
      size: number;
    };
    CatalogFacets: {
      kind: components['schemas']['FacetCount'][];
      tool: components['schemas']['FacetCount'][];
      category: components['schemas']['FacetCount'][];
      tags: components['schemas']['FacetCount'][];
      license: components['schemas']['FacetCount'][];
      /** @description Present when the query matches more blueprints than were counted: the counts are over a sample of this size, so they are proportions, not totals */
      sample?: components['schemas']['FacetSample'];
    };
    SearchCorrection: {
      /** @description The word as typed */
      word: string;
      /** @description The word searched for instead */
      suggestion: string;
    };
    SearchApproximation: {
      /** @description The corrected search the items and facets are for */
      query: string;
      corrections: components['schemas']['SearchCorrection'][];
    };
    BlueprintPage: {
      items: components['schemas']['BlueprintSummary'][];
      /** @description Pass as cursor for the next page */
      nextCursor: string | null;
      facets?: components['schemas']['CatalogFacets'];
      /** @description Present only when nothing matched the words as typed: the items, facets and cursor are for this corrected search (typos corrected to words of listed names and tags) */
      approximate?: components['schemas']['SearchApproximation'];
    };
    FormatTargetView: {
      /** @example cursor-rules */
      id: string;
      /** @example cursor */
      tool: string;
      /** @example Cursor */
      toolName: string;
      label: string;
      kinds: ('rules' | 'command' | 'skill' | 'agent' | 'mcp-config' | 'settings')[];
      /** @example .cursor/rules/{slug}.mdc */
      path: string;
      /** @enum {string} */
      syntax: 'markdown' | 'mdc' | 'json' | 'yaml' | 'toml';
      mediaType: string;
      docsUrl?: string;
    };
    FormatList: {
      items: components['schemas']['FormatTargetView'][];
    };
    ScanRequest: {
      content: string;
    };
    ScanFindingView: {
      /** @description Stable fingerprint; acknowledge low-confidence findings by this id */
      id: string;
      /** @enum {string} */
      category: 'secret' | 'hidden-instruction';
      rule: string;
      /** @enum {string} */
      confidence: 'high' | 'low';
      line: number;
      column: number;
      endLine: number;
      endColumn: number;
      message: string;
      /** @description Redacted: never the secret itself */
      excerpt: string;
      suggestion?: string;
      /** @description In an error’s list: the attached file the finding is in (absent: the content) */
      file?: string;
    };
    SecretCounts: {
      /** @description Findings that block sharing */
      high: number;
      /** @description Findings to acknowledge before sharing */
      low: number;
    };
    VariableOccurrence: {
      line: number;
      column: number;
    };
    TemplateVariableView: {
      /** @description Canonical upper-case name */
      name: string;
      defaultValue?: string;
      occurrences: components['schemas']['VariableOccurrence'][];
    };
    ScanResult: {
      /** @description At most SCAN_MAX_LISTED_FINDINGS, secrets first, in position order: see truncated */
      findings: components['schemas']['ScanFindingView'][];
      /** @description Secret findings by confidence, all of them */
      secrets: components['schemas']['SecretCounts'];
      /** @description Hidden-instruction findings, all of them */
      hiddenInstructions: number;
      /** @description More findings than listed; the counts are exact */
      truncated: boolean;
      variables: components['schemas']['TemplateVariableView'][];
    };
    AttachedFileRequest: {
      /**
       * @description Relative to the main file’s folder, / separators, no .. (references/, scripts/, assets/, …)
       * @example references/api.md
       */
      path: string;
      /** @description The text, or the bytes in base64 when encoding is base64 */
      content: string;
      /**
       * @description utf8 files are scanned like the content; base64 are not
       * @enum {string}
       */
      encoding: 'utf8' | 'base64';
    };
    CreateBlueprintRequest: {
      /** @description Derived from the name when omitted */
      slug?: string;
      description?: string;
      /** @enum {string|null} */
      category?:
        | 'general'
        | 'web'
        | 'frontend'
        | 'backend'
        | 'fullstack'
        | 'mobile'
        | 'desktop'
        | 'devops'
        | 'cloud'
        | 'data'
        | 'ml'
        | 'security'
        | 'testing'
        | 'documentation'
        | 'game-dev'
        | 'embedded'
        | 'other'
        | null;
      tags?: string[];
      /**
       * @description SPDX licence expression; the instance default when omitted
       * @example MIT
       */
      license?: string;
      /** @enum {string} */
      visibility?: 'private' | 'team' | 'unlisted' | 'public';
      changelog?: string;
      /** @description Publish the resulting version at once */
      publish?: boolean;
      /** @description Ids of low-confidence secret findings the author confirms are not secrets */
      acknowledgedFindings?: string[];
      /** @description ha_… of one of your hierarchies */
      hierarchyId?: string | null;
      /** @example packages/web/AGENTS.md */
      repositoryPath?: string | null;
      /** @description bp_… of the parent in the same hierarchy */
      parentId?: string | null;
      /** @description Skills only: the other files of the skill’s folder (references/, scripts/, assets/). On update, omitted keeps the current files and [] removes them. Limits: BLUEPRINT_FILE_MAX_BYTES, BLUEPRINT_FILES_MAX_BYTES, BLUEPRINT_FILES_MAX_COUNT */
      files?: components['schemas']['AttachedFileRequest'][];
      name: string;
      /** @enum {string} */
      kind: 'rules' | 'command' | 'skill' | 'agent' | 'mcp-config' | 'settings';
      /** @description Format registry id the content is written in (GET /api/v1/formats) */
      format: string;
      /** @description Markdown, MDC, JSON or YAML; at most 256 KB and 10,000 lines */
      content: string;
      /**
       * @description The organization (slug) that will own it; the caller's own account when omitted
       * @example acme
       */
      organization?: string;
    };
    FindingTotals: {
      /** @description Secret findings by confidence, all of them */
      secrets: components['schemas']['SecretCounts'];
      /** @description Hidden-instruction findings, all of them */
      hiddenInstructions: number;
      /** @description More findings than listed (SCAN_MAX_LISTED_FINDINGS); the counts are exact */
      truncated: boolean;
    };
    AttachedFileView: {
      /**
       * @description Relative to the main file’s folder
       * @example references/api.md
       */
      path: string;
      /** @enum {string} */
      encoding: 'utf8' | 'base64';
      sizeBytes: number;
      /** @description SHA-256 of the bytes, hex */
      contentHash: string;
      /** @description Text files: the scan when written (binary: none). At most 200 across all files, secrets first: see findingTotals */
      findings: components['schemas']['ScanFindingView'][];
      /** @description Exact counts for this file; truncated when not all are listed */
      findingTotals: components['schemas']['FindingTotals'];
    };
    HierarchyPlacement: {
      id: string;
      name: string;
      repositoryPath: string | null;
      parentId: string | null;
    };
    WithheldVersion: {
      number: number;
      /**
       * @description The secret policy check it fails
       * @enum {string}
       */
      reason: 'SECRET_DETECTED' | 'FINDINGS_TOO_MANY' | 'FINDINGS_NOT_ACKNOWLEDGED';
      /** Format: date-time */
      withheldAt: string;
    };
    BlueprintDetail: {
      /** @example bp_k3j9x2mq7w4t8pzr */
      id: string;
      name: string;
      slug: string;
      /** @description Null only for a remote blueprint whose peer publishes none */
      description: string | null;
      /** @enum {string} */
      kind: 'rules' | 'command' | 'skill' | 'agent' | 'mcp-config' | 'settings';
      /** @description Format registry id the content is written in */
      format: string;
      /** @description Tool the format belongs to */
      tool: string;
      category: string | null;
      tags: string[];
      /** @description SPDX licence expression */
      license: string;
      /** @enum {string} */
      visibility: 'private' | 'team' | 'unlisted' | 'public';
      author: components['schemas']['AuthorRef'];
      favoriteCount: number;
      downloadCount: number;
      publishedVersion: number | null;
      headVersion: number;
      /** @description The published content carries hidden-instruction findings */
      hasHiddenInstructions: boolean;
      /** @description Null too when the source is gone or private */
      forkedFrom: components['schemas']['ForkSource'] | null;
      /** @description Present on forks of another instance’s blueprint */
      forkedFromRemote?: components['schemas']['RemoteForkSource'];
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      updatedAt: string;
      /**
       * Format: date-time
       * @description First publication
       */
      publishedAt: string | null;
      origin: components['schemas']['BlueprintOrigin'];
      /** @description Bumped by every write; the ETag is "r<revision>" */
      revision: number;
      /** @description The version this content is */
      version: number;
      /** @description True when the content is not the published version */
      isDraft: boolean;
      content: string;
      /** @description SHA-256 of the content, hex */
      contentHash: string;
      sizeBytes: number;
      /** @description At most SCAN_MAX_LISTED_FINDINGS: see findingTotals */
      findings: components['schemas']['ScanFindingView'][];
      findingTotals: components['schemas']['FindingTotals'];
      /** @description A skill’s other files (GET /blueprints/{id}/files?path= for one file’s bytes); [] for other kinds */
      files: components['schemas']['AttachedFileView'][];
      variables: components['schemas']['TemplateVariableView'][];
      isOwner: boolean;
      isFavorite: boolean;
      hierarchy: components['schemas']['HierarchyPlacement'] | null;
      /** @description For the owner: once-published versions the secret policy withholds from everyone else (empty for others) */
      withheldVersions: components['schemas']['WithheldVersion'][];
    };
    ImportBlueprintRequest: {
      /** @description Derived from the name when omitted */
      slug?: string;
      description?: string;
      /** @enum {string|null} */
      category?:
        | 'general'
        | 'web'
        | 'frontend'
        | 'backend'
        | 'fullstack'
        | 'mobile'
        | 'desktop'
        | 'devops'
        | 'cloud'
        | 'data'
        | 'ml'
        | 'security'
        | 'testing'
        | 'documentation'
        | 'game-dev'
        | 'embedded'
        | 'other'
        | null;
      tags?: string[];
      /**
       * @description SPDX licence expression; the instance default when omitted
       * @example MIT
       */
      license?: string;
      /** @enum {string} */
      visibility?: 'private' | 'team' | 'unlisted' | 'public';
      changelog?: string;
      /** @description Publish the resulting version at once */
      publish?: boolean;
      /** @description Ids of low-confidence secret findings the author confirms are not secrets */
      acknowledgedFindings?: string[];
      /** @description ha_… of one of your hierarchies */
      hierarchyId?: string | null;
      /** @example packages/web/AGENTS.md */
      repositoryPath?: string | null;
      /** @description bp_… of the parent in the same hierarchy */
      parentId?: string | null;
      /** @description Skills only: the other files of the skill’s folder (references/, scripts/, assets/). On update, omitted keeps the current files and [] removes them. Limits: BLUEPRINT_FILE_MAX_BYTES, BLUEPRINT_FILES_MAX_BYTES, BLUEPRINT_FILES_MAX_COUNT */
      files?: components['schemas']['AttachedFileRequest'][];
      name?: string;
      /** @enum {string} */
      kind?: 'rules' | 'command' | 'skill' | 'agent' | 'mcp-config' | 'settings';
      /** @description Format registry id the content is written in (GET /api/v1/formats) */
      format?: string;
      /** @description The file as the tool reads it, frontmatter included */
      content?: string;
      /** @description Where the file lives in a repository; used to detect its format and name */
      path?: string;
      /**
       * @description The organization (slug) that will own it; the caller's own account when omitted
       * @example acme
       */
      organization?: string;
    };
    ImportDetectionView: {
      /** @example claude-agent */
      format: string;
      /** @enum {string} */
      kind: 'rules' | 'command' | 'skill' | 'agent' | 'mcp-config' | 'settings';
      /** @enum {string} */
      confidence: 'certain' | 'likely' | 'guess';
      /** @enum {string} */
      method: 'given' | 'path' | 'layout' | 'content';
      /** @example path .claude/agents/*.md */
      reason: string;
      /** @description Other formats that would also fit, best first */
      alternatives: string[];
    };
    ImportReadNoteView: {
      /** @example LENIENT_FRONTMATTER */
      code: string;
      message: string;
      line?: number;
      key?: string;
    };
    ImportedBlueprint: {
      /** @example bp_k3j9x2mq7w4t8pzr */
      id: string;
      name: string;
      slug: string;
      /** @description Null only for a remote blueprint whose peer publishes none */
      description: string | null;
      /** @enum {string} */
      kind: 'rules' | 'command' | 'skill' | 'agent' | 'mcp-config' | 'settings';
      /** @description Format registry id the content is written in */
      format: string;
      /** @description Tool the format belongs to */
      tool: string;
      category: string | null;
      tags: string[];
      /** @description SPDX licence expression */
      license: string;
      /** @enum {string} */
      visibility: 'private' | 'team' | 'unlisted' | 'public';
      author: components['schemas']['AuthorRef'];
      favoriteCount: number;
      downloadCount: number;
      publishedVersion: number | null;
      headVersion: number;
      /** @description The published content carries hidden-instruction findings */
      hasHiddenInstructions: boolean;
      /** @description Null too when the source is gone or private */
      forkedFrom: components['schemas']['ForkSource'] | null;
      /** @description Present on forks of another instance’s blueprint */
      forkedFromRemote?: components['schemas']['RemoteForkSource'];
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      updatedAt: string;
      /**
       * Format: date-time
       * @description First publication
       */
      publishedAt: string | null;
      origin: components['schemas']['BlueprintOrigin'];
      /** @description Bumped by every write; the ETag is "r<revision>" */
      revision: number;
      /** @description The version this content is */
      version: number;
      /** @description True when the content is not the published version */
      isDraft: boolean;
      content: string;
      /** @description SHA-256 of the content, hex */
      contentHash: string;
      sizeBytes: number;
      /** @description At most SCAN_MAX_LISTED_FINDINGS: see findingTotals */
      findings: components['schemas']['ScanFindingView'][];
      findingTotals: components['schemas']['FindingTotals'];
      /** @description A skill’s other files (GET /blueprints/{id}/files?path= for one file’s bytes); [] for other kinds */
      files: components['schemas']['AttachedFileView'][];
      variables: components['schemas']['TemplateVariableView'][];
      isOwner: boolean;
      isFavorite: boolean;
      hierarchy: components['schemas']['HierarchyPlacement'] | null;
      /** @description For the owner: once-published versions the secret policy withholds from everyone else (empty for others) */
      withheldVersions: components['schemas']['WithheldVersion'][];
      /** @description The format and kind the file was taken as, and why */
      detection: components['schemas']['ImportDetectionView'];
      /** @description Tolerances the reading needed (LENIENT_FRONTMATTER) */
      readNotes: components['schemas']['ImportReadNoteView'][];
    };
    UpdateBlueprintRequest: {
      /** @description Derived from the name when omitted */
      slug?: string;
      description?: string;
      /** @enum {string|null} */
      category?:
        | 'general'
        | 'web'
        | 'frontend'
        | 'backend'
        | 'fullstack'
        | 'mobile'
        | 'desktop'
        | 'devops'
        | 'cloud'
        | 'data'
        | 'ml'
        | 'security'
        | 'testing'
        | 'documentation'
        | 'game-dev'
        | 'embedded'
        | 'other'
        | null;
      tags?: string[];
      /**
       * @description SPDX licence expression; the instance default when omitted
       * @example MIT
       */
      license?: string;
      /** @enum {string} */
      visibility?: 'private' | 'team' | 'unlisted' | 'public';
      changelog?: string;
      /** @description Publish the resulting version at once */
      publish?: boolean;
      /** @description Ids of low-confidence secret findings the author confirms are not secrets */
      acknowledgedFindings?: string[];
      /** @description ha_… of one of your hierarchies */
      hierarchyId?: string | null;
      /** @example packages/web/AGENTS.md */
      repositoryPath?: string | null;
      /** @description bp_… of the parent in the same hierarchy */
      parentId?: string | null;
      /** @description Skills only: the other files of the skill’s folder (references/, scripts/, assets/). On update, omitted keeps the current files and [] removes them. Limits: BLUEPRINT_FILE_MAX_BYTES, BLUEPRINT_FILES_MAX_BYTES, BLUEPRINT_FILES_MAX_COUNT */
      files?: components['schemas']['AttachedFileRequest'][];
      name?: string;
      /** @enum {string} */
      kind?: 'rules' | 'command' | 'skill' | 'agent' | 'mcp-config' | 'settings';
      /** @description Format registry id the content is written in (GET /api/v1/formats) */
      format?: string;
      /** @description Markdown, MDC, JSON or YAML; at most 256 KB and 10,000 lines */
      content?: string;
    };
    PublishRequest: {
      /** @description The version to publish; the latest when omitted */
      version?: number;
      acknowledgedFindings?: string[];
    };
    FavoriteState: {
      favorite: boolean;
      favoriteCount: number;
    };
    TransferRequest: {
      /**
       * @description The organization (slug) to give it to, or null to take it into your own account
       * @example acme
       */
      organization: string | null;
      /** @description A new slug, when the current one is taken at the destination */
      slug?: string;
    };
    ForkRequest: {
      name?: string;
      /**
       * @description The organization (slug) that will own it; the caller's own account when omitted
       * @example acme
       */
      organization?: string;
    };
    VariableList: {
      variables: components['schemas']['TemplateVariableView'][];
    };
    RenderRequest: {
      /** @description Target format id; the blueprint’s own format when omitted */
      format?: string;
      /**
       * @example {
       *       "PROJECT": "acme"
       *     }
       */
      values?: {
        [key: string]: string;
      };
      /** @description A version you may read (as GET /versions/{number}); the one you read by default when omitted */
      version?: number;
    };
    RenderedVariable: {
      name: string;
      /** @enum {string} */
      source: 'request' | 'saved' | 'default' | 'unresolved';
    };
    ConversionChangeView: {
      /** @description A neutral field (allowedTools), a source key (license), body, or file:<path> */
      field: string;
      /** @enum {string} */
      change: 'dropped' | 'changed' | 'derived' | 'translated';
      message: string;
      from?: string;
      to?: string;
    };
    ConversionReportView: {
      /** @description The source tool or format */
      from: string;
      /** @description The target format id */
      to: string;
      /** @description Nothing was dropped or changed (derived and translated values keep the meaning) */
      lossless: boolean;
      changes: components['schemas']['ConversionChangeView'][];
    };
    RenderedAttachedFile: {
      /** @description Relative to the repository root, beside the main file */
      path: string;
      /** @enum {string} */
      encoding: 'utf8' | 'base64';
    };
    RenderedFile: {
      /** @description The version rendered */
      version: number;
      format: string;
      /** @description Where the tool expects the file, relative to the repository root */
      path: string;
      fileName: string;
      mediaType: string;
      content: string;
      variables: components['schemas']['RenderedVariable'][];
      unresolved: string[];
      /** @description What the conversion dropped, changed, derived or translated (the same report as downloads) */
      conversion: components['schemas']['ConversionReportView'];
      /** @description The fields of the conversion’s dropped entries (kept for older clients) */
      droppedFields: string[];
      /** @description A skill’s attached files at their target paths; download with archive=zip to get them */
      files: components['schemas']['RenderedAttachedFile'][];
    };
    DownloadRequest: {
      /** @description Target format id; the blueprint’s own format when omitted */
      format?: string;
      /**
       * @example {
       *       "PROJECT": "acme"
       *     }
       */
      values?: {
        [key: string]: string;
      };
      /** @description A version you may read (as GET /versions/{number}); the one you read by default when omitted */
      version?: number;
      /**
       * @description zip: the file at its repository path inside a zip
       * @enum {string}
       */
      archive?: 'zip';
      /**
       * @description hidden: as for export, a copy without hidden instructions
       * @enum {string}
       */
      strip?: 'hidden';
    };
    VersionSummary: {
      number: number;
      contentHash: string;
      sizeBytes: number;
      format: string;
      changelog: string;
      author: components['schemas']['AuthorRef'] | null;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      publishedAt: string | null;
      restoredFrom: number | null;
      /** @description This is the version the public sees */
      isPublished: boolean;
      /** @description Withheld from readers by the secret policy (only its owner sees such a version) */
      withheld: boolean;
      /** @enum {string|null} */
      withheldReason: 'SECRET_DETECTED' | 'FINDINGS_TOO_MANY' | 'FINDINGS_NOT_ACKNOWLEDGED' | null;
      /** @description The version’s attached files */
      files: components['schemas']['AttachedFileView'][];
    };
    VersionList: {
      items: components['schemas']['VersionSummary'][];
      /**
       * @description Older versions the owner's plan does not list (versionHistory): kept, not deleted, and listed again after an upgrade. 0 when none
       * @example 0
       */
      heldBackByPlan: number;
    };
    VersionDetail: {
      number: number;
      contentHash: string;
      sizeBytes: number;
      format: string;
      changelog: string;
      author: components['schemas']['AuthorRef'] | null;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      publishedAt: string | null;
      restoredFrom: number | null;
      /** @description This is the version the public sees */
      isPublished: boolean;
      /** @description Withheld from readers by the secret policy (only its owner sees such a version) */
      withheld: boolean;
      /** @enum {string|null} */
      withheldReason: 'SECRET_DETECTED' | 'FINDINGS_TOO_MANY' | 'FINDINGS_NOT_ACKNOWLEDGED' | null;
      /** @description The version’s attached files */
      files: components['schemas']['AttachedFileView'][];
      content: string;
      /** @description At most SCAN_MAX_LISTED_FINDINGS: see findingTotals */
      findings: components['schemas']['ScanFindingView'][];
      findingTotals: components['schemas']['FindingTotals'];
    };
    AttachedFileChange: {
      /** @example references/api.md */
      path: string;
      /** @enum {string} */
      change: 'added' | 'removed' | 'changed';
    };
    VersionDiff: {
      from: number;
      to: number;
      /** @description Unified diff of the two contents */
      unified: string;
      /** @description Attached files added, removed or changed between the two versions, in path order */
      files: components['schemas']['AttachedFileChange'][];
    };
    RestoreRequest: {
      changelog?: string;
      acknowledgedFindings?: string[];
    };
    CreateHierarchyRequest: {
      /** @example acme/monorepo */
      name: string;
      description?: string;
      /**
       * @description The organization (slug) that will own it; the caller's own account when omitted
       * @example acme
       */
      organization?: string;
    };
    HierarchyMember: {
      id: string;
      name: string;
      /** @enum {string} */
      kind: 'rules' | 'command' | 'skill' | 'agent' | 'mcp-config' | 'settings';
      format: string;
      /** @example packages/web/AGENTS.md */
      repositoryPath: string;
      parentId: string | null;
    };
    HierarchyPlugin: {
      /**
       * @description The tool whose manifest it was imported with
       * @enum {string}
       */
      tool: 'claude-code' | 'cursor' | 'codex';
      /** @description The tools it kept a manifest for */
      manifests: ('claude-code' | 'cursor' | 'codex')[];
    };
    HierarchyDetail: {
      /** @example ha_k3j9x2mq7w4t8pzr */
      id: string;
      name: string;
      description: string;
      owner: components['schemas']['AuthorRef'];
      isOwner: boolean;
      /** @description Only those you may read, by path */
      blueprints: components['schemas']['HierarchyMember'][];
      /** @description Set when the hierarchy was imported as a plugin: GET /hierarchies/{id}/plugin exports it again */
      plugin: components['schemas']['HierarchyPlugin'] | null;
    };
    HierarchySummary: {
      id: string;
      name: string;
      description: string;
      blueprintCount: number;
      /** Format: date-time */
      updatedAt: string;
    };
    HierarchyList: {
      items: components['schemas']['HierarchySummary'][];
    };
    UpdateHierarchyRequest: {
      name?: string;
      description?: string;
    };
    HierarchyTransferRequest: {
      /** @description The organization (slug) to give it to, or null to take it into your own account */
      organization: string | null;
    };
    ProfileCounts: {
      /** @description Listed blueprints: public, published and not deleted */
      publicBlueprints: number;
      /** @description Hierarchies holding at least one of those listed blueprints */
      hierarchies: number;
      /** @description Favourites of the listed blueprints, summed */
      favoritesReceived: number;
      /** @description Downloads of the listed blueprints, summed */
      downloads: number;
    };
    Profile: {
      /** @enum {string} */
      kind: 'user' | 'organization';
      /**
       * @description A user's handle or an organization's slug (one namespace)
       * @example ada
       */
      handle: string;
      /** @description The user's display name or the organization's name */
      name: string;
      /** @description The user's bio or the organization's description; may be empty */
      bio: string;
      avatarUrl: string | null;
      /** @description Organizations only; always null for users */
      websiteUrl: string | null;
      /**
       * Format: date-time
       * @description When the account or organization was created
       */
      createdAt: string;
      counts: components['schemas']['ProfileCounts'];
      /**
       * @description The profile page: <APP_URL>/@handle
       * @example https://prompts.example.org/@ada
       */
      profileUrl: string;
    };
    PluginFile: {
      /**
       * @description Relative to the uploaded folder, / separators
       * @example agents/code-reviewer.md
       */
      path: string;
      /** @description At most 262144 bytes once decoded */
      content: string;
      /**
       * @description Components must be utf8; other files may be base64
       * @enum {string}
       */
      encoding: 'utf8' | 'base64';
    };
    ImportPluginRequest: {
      /** @description The files of one plugin (with .claude-plugin/plugin.json, .cursor-plugin/plugin.json or .codex-plugin/plugin.json) or of a marketplace (with its marketplace.json), by path */
      files: components['schemas']['PluginFile'][];
      /**
       * @description Of every member; private when omitted
       * @enum {string}
       */
      visibility?: 'private' | 'team' | 'unlisted' | 'public';
      /** @description Publish every member's first version at once */
      publish?: boolean;
      /**
       * @description The organization (slug) that will own it; the caller's own account when omitted
       * @example acme
       */
      organization?: string;
    };
    ImportedPluginMember: {
      /**
       * @description The member's repositoryPath in the hierarchy
       * @example agents/code-reviewer.md
       */
      path: string;
      blueprintId: string;
      name: string;
      /** @enum {string} */
      kind: 'rules' | 'command' | 'skill' | 'agent' | 'mcp-config' | 'settings';
      format: string;
      findings: components['schemas']['ScanFindingView'][];
      findingTotals: components['schemas']['FindingTotals'];
      /** @description What the reader did that the file did not say */
      notes: string[];
      /** @description A skill's attached files stored with it, relative to its folder */
      files: string[];
    };
    SkippedPluginFile: {
      path: string;
      reason: string;
    };
    ImportedPlugin: {
      hierarchyId: string;
      /** @description The plugin's name from its manifest */
      name: string;
      /**
       * @description The tool whose manifest it was read with
       * @enum {string}
       */
      tool: 'claude-code' | 'cursor' | 'codex';
      /** @description The plugin's folder in the upload, '' for the root */
      root: string;
      /** @description Tools whose manifests the hierarchy keeps */
      manifests: string[];
      /** @description The plugin has hooks: a settings member, or kept with the manifest (Cursor, Codex) */
      hooks: boolean;
      members: components['schemas']['ImportedPluginMember'][];
      skipped: components['schemas']['SkippedPluginFile'][];
    };
    PluginImportResult: {
      plugins: components['schemas']['ImportedPlugin'][];
      /** @description Files and marketplace entries that belong to no plugin imported */
      skipped: components['schemas']['SkippedPluginFile'][];
    };
    ImportFileInput: {
      /**
       * @description Relative; `/`-separated
       * @example plugins/review/agents/code-reviewer.md
       */
      path: string;
      /** @description The file as it is in the repository */
      content: string;
      /**
       * @description base64 for binary skill assets
       * @default utf8
       * @enum {string}
       */
      encoding: 'utf8' | 'base64';
    };
    PreviewImportRequest: {
      /** @description At most 200 files, 256 KB each, 4 MB in all */
      files: components['schemas']['ImportFileInput'][];
      /**
       * @description The organization (slug) that will own it; the caller's own account when omitted
       * @example acme
       */
      organization?: string;
    };
    ImportScanView: {
      findings: components['schemas']['ScanFindingView'][];
      secrets: components['schemas']['SecretCounts'];
      hiddenInstructions: number;
      truncated: boolean;
    };
    ImportAttachmentView: {
      /**
       * @description Relative to the SKILL.md’s folder
       * @example references/api.md
       */
      path: string;
      /** @example skills/pdf/references/api.md */
      repositoryPath: string;
      /** @enum {string} */
      encoding: 'utf8' | 'base64';
      sizeBytes: number;
      /** @description null for base64 (binary) files */
      scan: components['schemas']['ImportScanView'] | null;
    };
    ImportConflictView: {
      /**
       * @description SLUG_EXISTS: you have a blueprint with this slug; SAME_NAME_IN_BATCH: another item would get the same one. Either way the import still succeeds, with a numbered slug (name-2)
       * @enum {string}
       */
      code: 'SLUG_EXISTS' | 'SAME_NAME_IN_BATCH';
      message: string;
      /** @description SLUG_EXISTS: your blueprint with that slug */
      blueprintId?: string | null;
      /** @description SAME_NAME_IN_BATCH: the other items */
      paths?: string[];
    };
    ImportErrorView: {
      /** @example FORMAT_PARSE_FAILED */
      code: string;
      message: string;
      /** @description As the error envelope’s details */
      details?: Record<string, never>;
    };
    ImportPreviewItem: {
      /** @example skills/pdf/SKILL.md */
      path: string;
      /**
       * @description ready: detected and read; invalid: detected but not readable as that format (see error); unknown: nothing recognises it (see reason). Invalid and unknown items can still be imported with a format override
       * @enum {string}
       */
      status: 'ready' | 'invalid' | 'unknown';
      /** @description Why: how it was detected, or why nothing fits */
      reason: string;
      detection: components['schemas']['ImportDetectionView'] | null;
      /** @description The name it would be imported with */
      name: string | null;
      slug: string | null;
      notes: components['schemas']['ImportReadNoteView'][];
      /** @description null for binary files */
      scan: components['schemas']['ImportScanView'] | null;
      /** @description A skill’s references/, scripts/ and assets/ */
      attachments: components['schemas']['ImportAttachmentView'][];
      conflicts: components['schemas']['ImportConflictView'][];
      error: components['schemas']['ImportErrorView'] | null;
    };
    ImportLimits: {
      maxFiles: number;
      maxFileBytes: number;
      maxTotalBytes: number;
    };
    ImportPreview: {
      items: components['schemas']['ImportPreviewItem'][];
      limits: components['schemas']['ImportLimits'];
    };
    ImportItemChoice: {
      /** @description The item’s path, as the preview gave it */
      path: string;
      /** @description Skip this item: nothing is created for it */
      skip?: boolean;
      /** @description A format id to read the file as, instead of the detected one */
      format?: string;
      /**
       * @description The kind, instead of the format’s
       * @enum {string}
       */
      kind?: 'rules' | 'command' | 'skill' | 'agent' | 'mcp-config' | 'settings';
      /** @description The name, instead of the file’s own */
      name?: string;
    };
    CreateImportRequest: {
      /** @description The same files as the preview */
      files: components['schemas']['ImportFileInput'][];
      /**
       * @description The organization (slug) that will own it; the caller's own account when omitted
       * @example acme
       */
      organization?: string;
      /** @description The items to import, in order; others are left out */
      items: components['schemas']['ImportItemChoice'][];
      /**
       * @description blueprints: one private blueprint each; hierarchy: one new hierarchy holding them at their paths
       * @enum {string}
       */
      target: 'blueprints' | 'hierarchy';
      /** @description For target hierarchy: the new hierarchy’s name (required unless hierarchyId is given) */
      hierarchyName?: string;
      /** @description For target hierarchy: add to this hierarchy of yours instead of making a new one (a batch sent in several requests continues the hierarchy the first one made) */
      hierarchyId?: string;
    };
    ImportItemResult: {
      path: string;
      /** @enum {string} */
      status: 'created' | 'skipped' | 'failed';
      blueprintId: string | null;
      name: string | null;
      slug: string | null;
      format: string | null;
      /** @enum {string|null} */
      kind: 'rules' | 'command' | 'skill' | 'agent' | 'mcp-config' | 'settings' | null;
      /** @description Files sent with it as attachments (a skill’s resources) */
      attachedFiles: number;
      error: components['schemas']['ImportErrorView'] | null;
    };
    ImportOutcome: {
      /** @description The hierarchy the items went into (a new one only when at least one item was created) */
      hierarchyId: string | null;
      created: number;
      skipped: number;
      failed: number;
      /** @description One per requested item, in order */
      items: components['schemas']['ImportItemResult'][];
    };
    InstancePublicKeyView: {
      /**
       * @description Fingerprint of the key: the keyId of signatures
       * @example Yw3vQm2T1xgq8K0d
       */
      id: string;
      /** @enum {string} */
      algorithm: 'Ed25519';
      /** @description The raw 32-byte public key, base64url without padding */
      key: string;
      /** Format: date-time */
      createdAt: string;
    };
    FederationItem: {
      /** @example bp_k3j9x2mq7w4t8pzr */
      id: string;
      name: string;
      description: string;
      /** @example rules */
      kind: string;
      /** @example agents-md */
      format: string;
      /** @example agents */
      tool: string;
      category: string | null;
      tags: string[];
      /** @example MIT */
      license: string;
      /** @description Display name of the owner */
      author: string;
      authorHandle: string;
      /** @description The published version */
      version: number;
      /** @description Lowercase hex SHA-256 of the UTF-8 content of that version */
      contentHash: string;
      sizeBytes: number;
      /** Format: uri */
      url: string;
      /** Format: uri */
      rawUrl: string;
      downloads: number;
      favorites: number;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      updatedAt: string;
      /** Format: date-time */
      publishedAt: string;
      /** @description Only with include=content */
      content?: string;
    };
    FederationTombstone: {
      id: string;
      /** Format: date-time */
      deletedAt: string;
    };
    FederationCataloguePage: {
      /** @example lynxprompt-federation/1 */
      protocol: string;
      /** @example prompts.example.org */
      instance: string;
      blueprints: components['schemas']['FederationItem'][];
      tombstones: components['schemas']['FederationTombstone'][];
      /** @description Where to resume; always present */
      cursor: string;
      hasMore: boolean;
    };
    FederationOffsetPage: {
      blueprints: components['schemas']['FederationItem'][];
      total: number;
      limit: number;
      offset: number;
    };
    RemoteBlueprintModeration: {
      /** @example rb_k3j9x2mq7w4t8pzr */
      id: string;
      /** @description Hidden by an admin: out of listings, and 404 to everyone but admins */
      hidden: boolean;
      /** @description Shown in public listings: not hidden, and its peer neither silenced nor blocked */
      listed: boolean;
      /** Format: date-time */
      hiddenAt: string | null;
    };
    DomainRequest: {
      /**
       * @description host[:port]; a scheme is accepted for admins
       * @example prompts.example.org
       */
      domain: string;
    };
    RegistryAnswer: {
      /** @enum {boolean} */
      ok: true;
      domain: string;
      /** @enum {string} */
      status: 'pending' | 'verified' | 'failing' | 'suspended' | 'blocked';
    };
    RegistryInstance: {
      /** @description Stable identifier (the reference product's web page keys its list on it) */
      id: string;
      domain: string;
      name: string;
      version: string;
      logoUrl: string | null;
      publicBlueprintCount: number;
      lastSeenAt: string | null;
      registeredAt: string | null;
    };
    RegistryInstanceList: {
      instances: components['schemas']['RegistryInstance'][];
    };
    InstanceDirectoryEntry: {
      domain: string;
      name: string;
      version: string | null;
      /** @description Public blueprints of this instance held here */
      blueprintCount: number;
      /** @description False for legacy peers, crawled unsigned */
      signed: boolean;
      /** @enum {string} */
      status: 'pending' | 'verified' | 'failing' | 'suspended' | 'blocked';
      lastCrawlAt: string | null;
      lastSuccessAt: string | null;
      /** @description Where the instance lives */
      url: string;
    };
    InstanceDirectory: {
      items: components['schemas']['InstanceDirectoryEntry'][];
    };
    PendingKeyView: {
      /** @description Fingerprint of the new key; null when the peer dropped its key */
      keyId: string | null;
      changedAt: string;
    };
    PeerErrorDetails: {
      /** @example OUTBOUND_ADDRESS_REFUSED */
      reason: string;
      /**
       * @description For OUTBOUND_ADDRESS_REFUSED: loopback, private, link-local, unique-local, … (see docs/federation.md §7)
       * @example private
       */
      addressKind?: string;
    };
    CrawlFetchCount: {
      count: number;
      ids: string[];
    };
    CrawlFetches: {
      /** @description New to this instance */
      new?: components['schemas']['CrawlFetchCount'];
      /** @description Its listing changed, so its content may have */
      changed?: components['schemas']['CrawlFetchCount'];
      /** @description Unchanged, refreshed within FEDERATION_LEGACY_REFRESH_PER_RUN (oldest first) */
      refresh?: components['schemas']['CrawlFetchCount'];
      /** @description A complete walk did not list it: asked directly whether it is still public */
      confirm?: components['schemas']['CrawlFetchCount'];
    };
    CrawlRunView: {
      id: string;
      /** @enum {string} */
      trigger: 'schedule' | 'manual' | 'registration';
      /** @enum {string} */
      outcome: 'running' | 'succeeded' | 'not_modified' | 'failed' | 'rejected' | 'skipped';
      startedAt: string;
      finishedAt: string | null;
      requests: number;
      pages: number;
      added: number;
      updated: number;
      removed: number;
      bytes: number;
      /** @description [{code, message, url?}] */
      errors: Record<string, never>[];
      fetches: components['schemas']['CrawlFetches'];
    };
    PeerView: {
      id: string;
      domain: string;
      baseUrl: string;
      /** @enum {string} */
      status: 'pending' | 'verified' | 'failing' | 'suspended' | 'blocked';
      /** @enum {string} */
      source: 'admin' | 'registration';
      name: string | null;
      version: string | null;
      protocol: string | null;
      signed: boolean;
      /** @description Fingerprint of the pinned key */
      keyId: string | null;
      pendingKey: components['schemas']['PendingKeyView'] | null;
      /**
       * @description What the domain rules say about it now
       * @enum {string}
       */
      policy: 'federate' | 'silence' | 'block';
      blueprintCount: number;
      advertisedCount: number | null;
      lastCrawlAt: string | null;
      lastSuccessAt: string | null;
      lastError: string | null;
      lastErrorDetails: components['schemas']['PeerErrorDetails'] | null;
      /** @description When its manifest last verified; null for a peer never verified (whose signing is not known yet) */
      verifiedAt: string | null;
      failingSince: string | null;
      nextCrawlAt: string | null;
      registeredAt: string | null;
      lastSeenAt: string | null;
      createdAt: string;
      latestRun?: components['schemas']['CrawlRunView'] | null;
    };
    PeerList: {
      items: components['schemas']['PeerView'][];
    };
    PeerDetail: {
      peer: components['schemas']['PeerView'];
      /** @description The latest runs, newest first */
      runs: components['schemas']['CrawlRunView'][];
    };
    DomainRuleView: {
      id: string;
      domain: string;
      /** @enum {string} */
      action: 'block' | 'silence' | 'allow';
      note: string;
      createdAt: string;
    };
    DomainRuleList: {
      items: components['schemas']['DomainRuleView'][];
    };
    DomainRuleRequest: {
      /**
       * @description Matches the domain and all its subdomains
       * @example spam.example
       */
      domain: string;
      /** @enum {string} */
      action: 'block' | 'silence' | 'allow';
      note?: string;
    };
    FederationSettingsView: {
      /** @description Federate only with domains that have an allow rule */
      allowlistMode: boolean;
      /** @description Other instances may register through the registry endpoints */
      acceptRegistrations: boolean;
    };
    FederationSettingsRequest: {
      allowlistMode?: boolean;
      acceptRegistrations?: boolean;
    };
    CreateOrganizationRequest: {
      /**
       * @description 2–39 lowercase letters, digits or single hyphens, like a user handle (ORGANIZATION_SLUG_INVALID otherwise); one namespace with user handles (HANDLE_TAKEN)
       * @example acme
       */
      slug: string;
      /** @example Acme Corp */
      name: string;
      description?: string;
      /** @description https only */
      avatarUrl?: string | null;
      /** @description http or https */
      websiteUrl?: string | null;
    };
    OrganizationView: {
      /** Format: uuid */
      id: string;
      slug: string;
      name: string;
      description: string;
      avatarUrl: string | null;
      websiteUrl: string | null;
      /**
       * @description Your role in it
       * @enum {string}
       */
      role: 'owner' | 'admin' | 'member' | 'viewer';
      memberCount: number;
      /** Format: date-time */
      createdAt: string;
    };
    OrganizationList: {
      items: components['schemas']['OrganizationView'][];
    };
    UpdateOrganizationRequest: {
      /** @description 2–39 lowercase letters, digits or single hyphens, like a user handle (ORGANIZATION_SLUG_INVALID otherwise); one namespace with user handles (HANDLE_TAKEN) */
      slug?: string;
      name?: string;
      description?: string;
      /** @description https only; null removes it */
      avatarUrl?: string | null;
      /** @description http or https; null removes it */
      websiteUrl?: string | null;
    };
    MemberView: {
      /** Format: uuid */
      userId: string;
      handle: string;
      displayName: string;
      avatarUrl: string | null;
      /** @enum {string} */
      role: 'owner' | 'admin' | 'member' | 'viewer';
      /** Format: date-time */
      joinedAt: string;
    };
    MemberList: {
      items: components['schemas']['MemberView'][];
    };
    ChangeRoleRequest: {
      /** @enum {string} */
      role: 'owner' | 'admin' | 'member' | 'viewer';
    };
    CreateInvitationRequest: {
      /**
       * Format: email
       * @description Only a verified account with this address may accept
       */
      email: string;
      /** @enum {string} */
      role: 'owner' | 'admin' | 'member' | 'viewer';
    };
    OrganizationInvitationView: {
      /** Format: uuid */
      id: string;
      /** @description Lower-cased */
      email: string;
      /** @enum {string} */
      role: 'owner' | 'admin' | 'member' | 'viewer';
      /** @enum {string} */
      status: 'pending' | 'accepted' | 'revoked' | 'expired';
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      expiresAt: string;
    };
    OrganizationInvitationList: {
      items: components['schemas']['OrganizationInvitationView'][];
    };
    InvitationOrganization: {
      slug: string;
      name: string;
      avatarUrl: string | null;
    };
    InvitationPreview: {
      organization: components['schemas']['InvitationOrganization'];
      /** @enum {string} */
      role: 'owner' | 'admin' | 'member' | 'viewer';
      /** @description The invited address, masked (a***@example.org) */
      email: string;
      /** @description Whether your verified address is the invited one */
      forYou: boolean;
      /** Format: date-time */
      expiresAt: string;
    };
    InvitationAccepted: {
      organization: components['schemas']['OrganizationView'];
    };
    BillingAccountView: {
      /** @enum {string} */
      kind: 'user' | 'organization';
      /** Format: uuid */
      id: string;
      /** @description The organization’s slug */
      slug: string | null;
    };
    PlanLimitsView: {
      /** @description Private and team blueprints (null: unlimited) */
      privateBlueprints: number | null;
      /** @description Bytes stored, every version and attached file counted (null: unlimited) */
      storageBytes: number | null;
      /** @description Organizations the user owns (null: unlimited) */
      organizations: number | null;
      /** @description Members of an organization (null: unlimited) */
      seats: number | null;
      /** @description Live organization tokens (null: unlimited) */
      organizationTokens: number | null;
      /** @description Versions of each blueprint listed in its history (null: unlimited) */
      versionHistory: number | null;
      /** @description Requests per minute by the account’s API tokens (null: unlimited) */
      apiRatePerMinute: number | null;
    };
    PlanView: {
      /** @example pro */
      id: string;
      /** @example Pro */
      name: string;
      description: string;
      for: ('user' | 'organization')[];
      /** @enum {string} */
      pricing: 'flat' | 'per-seat';
      /** @description Billing intervals on offer; none: free */
      intervals: ('month' | 'year')[];
      /**
       * @description Per-seat plans: a member beyond the paid seats
       * @enum {string}
       */
      seatOverflow: 'refuse' | 'buy';
      trialDays: number | null;
      free: boolean;
      limits: components['schemas']['PlanLimitsView'];
    };
    SubscriptionView: {
      /**
       * @description Stripe’s status
       * @example active
       */
      status: string;
      /** @enum {string} */
      interval: 'month' | 'year';
      /** @description Seats on per-seat plans, else 1 */
      quantity: number;
      /** Format: date-time */
      currentPeriodEnd: string | null;
      /**
       * Format: date-time
       * @description When the next invoice is due; null when the subscription ends at the period end
       */
      nextInvoiceAt: string | null;
      cancelAtPeriodEnd: boolean;
      /** Format: date-time */
      trialEnd: string | null;
      /**
       * Format: date-time
       * @description A payment failed: the plan holds until then
       */
      graceEndsAt: string | null;
    };
    LimitUsageView: {
      /** @enum {string} */
      key:
        | 'privateBlueprints'
        | 'storageBytes'
        | 'organizations'
        | 'seats'
        | 'organizationTokens'
        | 'versionHistory'
        | 'apiRatePerMinute';
      /** @example private blueprints */
      label: string;
      /** @description null: unlimited */
      limit: number | null;
      /** @description null: not something the account holds */
      used: number | null;
      /** @description Over the limit (the plan shrank): read-only for this resource until back under */
      over: boolean;
    };
    BillingSummary: {
      account: components['schemas']['BillingAccountView'];
      /** @description The plan that applies now */
      plan: components['schemas']['PlanView'];
      /**
       * @description Why this plan applies (docs/billing.md)
       * @enum {string}
       */
      standing: 'free' | 'trialing' | 'active' | 'grace' | 'lapsed' | 'ended' | 'unknown-price';
      subscription: components['schemas']['SubscriptionView'] | null;
      usage: components['schemas']['LimitUsageView'][];
      /** @description The plans this account may choose */
      plans: components['schemas']['PlanView'][];
      /** @description A Stripe customer exists, so the Customer Portal can open */
      portal: boolean;
    };
    CheckoutRequest: {
      /** @example pro */
      plan: string;
      /** @enum {string} */
      interval: 'month' | 'year';
      /** @description Subscribe this organization (Owners and Admins) instead of yourself */
      organization?: string;
    };
    BillingRedirect: {
      /**
       * Format: uri
       * @description Send the browser here (Stripe Checkout or the Customer Portal)
       */
      url: string;
    };
    CheckoutSessionView: {
      /** @enum {string} */
      status: 'open' | 'complete' | 'expired';
      /**
       * @description The billing page of the account it was for
       * @example /settings/billing
       */
      billingPath: string;
      summary: components['schemas']['BillingSummary'];
    };
    PortalRequest: {
      /** @description The organization’s billing (Owners and Admins) instead of yours */
      organization?: string;
    };
    SeatsRequest: {
      quantity: number;
    };
    WebhookReceipt: {
      received: boolean;
      /** @description The event was delivered before; nothing changed */
      duplicate: boolean;
    };
    AdminSubscriptionAccount: {
      /** @enum {string} */
      kind: 'user' | 'organization';
      /** Format: uuid */
      id: string;
      /** @description User handle or organization slug */
      name: string | null;
    };
    AdminSubscriptionView: {
      account: components['schemas']['AdminSubscriptionAccount'];
      planId: string | null;
      /** @enum {string} */
      standing: 'free' | 'trialing' | 'active' | 'grace' | 'lapsed' | 'ended' | 'unknown-price';
      stripeSubscriptionId: string;
      subscription: components['schemas']['SubscriptionView'];
      /** Format: date-time */
      updatedAt: string;
    };
    StatusCount: {
      status: string;
      count: number;
    };
    AdminSubscriptionList: {
      items: components['schemas']['AdminSubscriptionView'][];
      total: number;
      /** @description Subscriptions per Stripe status, across all pages */
      byStatus: components['schemas']['StatusCount'][];
    };
    JsonRpcErrorBody: {
      /**
       * @description JSON-RPC 2.0 error code (-32700 parse error, -32600 invalid request…)
       * @example -32700
       */
      code: number;
      /** @example Parse error: Invalid JSON */
      message: string;
      data?: Record<string, never>;
    };
    JsonRpcErrorResponse: {
      /** @example 2.0 */
      jsonrpc: string;
      error: components['schemas']['JsonRpcErrorBody'];
      /** @example null */
      id: string | null;
    };
    SavedVariable: {
      /** @example OPENAI_API_KEY */
      name: string;
      value: string;
      /** Format: date-time */
      updatedAt: string;
    };
    SavedVariableList: {
      items: components['schemas']['SavedVariable'][];
    };
    SaveVariableRequest: {
      value: string;
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
  NodeInfo_discovery: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Links to the NodeInfo documents */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['NodeInfoDiscovery'];
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
  NodeInfo_nodeInfo: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description NodeInfo 2.1 of this instance */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json; profile="http://nodeinfo.diaspora.software/ns/schema/2.1#"': components['schemas']['NodeInfo'];
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
  AgentSkills_instanceIndex: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The instance's public skills (at most 1000) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {string} */
            $schema: 'https://schemas.agentskills.io/discovery/0.2.0/schema.json';
            skills: {
              name: string;
              /** @enum {string} */
              type: 'skill-md' | 'archive';
              description: string;
              /** Format: uri */
              url: string;
              digest: string;
            }[];
          };
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
  AgentSkills_ownerIndex: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        handle: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description One user's or organization's public skills (at most 1000) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {string} */
            $schema: 'https://schemas.agentskills.io/discovery/0.2.0/schema.json';
            skills: {
              name: string;
              /** @enum {string} */
              type: 'skill-md' | 'archive';
              description: string;
              /** Format: uri */
              url: string;
              digest: string;
            }[];
          };
        };
      };
      /** @description PROFILE_NOT_FOUND: no user or organization has it */
      404: {
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
  AgentSkills_skillMd: {
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
      /** @description A skill's published SKILL.md (a skill without attached files) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/markdown': string;
        };
      };
      /** @description AGENT_SKILL_NOT_FOUND */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/markdown': components['schemas']['ErrorResponse'];
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
  AgentSkills_archive: {
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
      /** @description A skill's folder, SKILL.md at the root (a skill with attached files) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/zip': string;
        };
      };
      /** @description AGENT_SKILL_NOT_FOUND */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/zip': components['schemas']['ErrorResponse'];
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
  MagicLink_request: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['MagicLinkRequest'];
      };
    };
    responses: {
      /** @description The same answer for every address; a link is mailed when the address may sign in */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MagicLinkSent'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this client */
      429: {
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
  MagicLink_verify: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['MagicLinkVerifyRequest'];
      };
    };
    responses: {
      /** @description Signed in; the session cookie is set */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SignInResult'];
        };
      };
      /** @description MAGIC_LINK_INVALID or MAGIC_LINK_EXPIRED */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description REGISTRATION_CLOSED */
      403: {
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
  OAuth_start: {
    parameters: {
      query?: {
        /** @description Set by POST /api/v1/account/identities/{provider}/link: link instead of signing in */
        link_token?: unknown;
        /** @description A path on this site to come back to after signing in (anything else is replaced by /) */
        returnTo?: unknown;
      };
      header?: never;
      path: {
        provider: 'github' | 'google';
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Redirect to the provider's authorization page (or to /sign-in?error=<CODE>) */
      302: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description PROVIDER_NOT_CONFIGURED */
      404: {
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
  OAuth_callback: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        provider: 'github' | 'google';
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Redirect to returnTo, /settings/security?linked=<provider>, or /sign-in?error=<CODE> */
      302: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description PROVIDER_NOT_CONFIGURED */
      404: {
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
  OAuth_oidcStart: {
    parameters: {
      query?: {
        /** @description Set by POST /api/v1/account/identities/{provider}/link: link instead of signing in */
        link_token?: unknown;
        /** @description A path on this site to come back to after signing in (anything else is replaced by /) */
        returnTo?: unknown;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Redirect to the provider's authorization page (or to /sign-in?error=<CODE>) */
      302: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description PROVIDER_NOT_CONFIGURED */
      404: {
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
  OAuth_oidcCallback: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Redirect to returnTo, /settings/security?linked=<provider>, or /sign-in?error=<CODE> */
      302: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description PROVIDER_NOT_CONFIGURED */
      404: {
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
  Identities_list: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Provider sign-ins linked to this account */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['LinkedIdentity'][];
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
  Identities_link: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        provider: 'github' | 'google' | 'oidc';
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['LinkStart'];
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
      /** @description PROVIDER_NOT_CONFIGURED */
      404: {
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
  Identities_unlink: {
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
      /** @description The provider can no longer be used to sign in to this account */
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
      /** @description IDENTITY_NOT_FOUND */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description LAST_SIGN_IN_METHOD: it is the only way left to sign in */
      409: {
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
  Passkeys_registrationOptions: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Options for navigator.credentials.create() */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PasskeyCreationOptions'];
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
  Passkeys_register: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RegisterPasskeyBody'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PasskeyView'];
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
  Passkeys_list: {
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
          'application/json': components['schemas']['PasskeyView'][];
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
  Passkeys_remove: {
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
      /** @description The passkey no longer signs in */
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
  Passkeys_rename: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RenamePasskeyBody'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PasskeyView'];
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
  Passkeys_signInOptions: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A usernameless challenge (no allowCredentials) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PasskeyChallenge'];
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
  Passkeys_signIn: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['VerifyPasskeyBody'];
      };
    };
    responses: {
      /** @description Signed in; the session cookie is set */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SignInStatus'];
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
  Passkeys_secondFactorOptions: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A challenge for one of this account’s passkeys */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PasskeyChallenge'];
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
  Passkeys_secondFactor: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['VerifyPasskeyBody'];
      };
    };
    responses: {
      /** @description The session is replaced by a fully active one */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SignInStatus'];
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
  TwoStep_status: {
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
          'application/json': components['schemas']['TwoStepStatusView'];
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
  TwoStep_disable: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Two-step is off; needs a second factor proven in the last 10 minutes */
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
  TwoStep_setup: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A new secret; two-step stays off until a code confirms it */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TotpSetupView'];
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
  TwoStep_confirm: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['TotpCodeBody'];
      };
    };
    responses: {
      /** @description Two-step is on; the session id is renewed */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RecoveryCodesView'];
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
  TwoStep_regenerate: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A new set; every earlier code stops working */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RecoveryCodesView'];
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
  TwoStep_totp: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['TotpCodeBody'];
      };
    };
    responses: {
      /** @description The session is replaced by a fully active one */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SecondFactorStatus'];
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
  TwoStep_recoveryCode: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RecoveryCodeBody'];
      };
    };
    responses: {
      /** @description The session is replaced by a fully active one */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SecondFactorStatus'];
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
  ApiTokens_list: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Tokens not revoked, newest first; never the token itself */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiTokenSummary'][];
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
  ApiTokens_create: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateApiTokenRequest'];
      };
    };
    responses: {
      /** @description The token is in this response only; store it now */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CreatedApiToken'];
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
      /** @description REAUTHENTICATION_REQUIRED: with two-step on, confirm with a second factor first */
      403: {
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
  ApiTokens_revoke: {
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
      /** @description The token stops working at once */
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
  Me_me: {
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
          'application/json': components['schemas']['MeResponse'];
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
  Me_revokeOwnToken: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The token is revoked; it authenticates nothing from now on */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description TOKEN_REQUIRED: the request came with a session */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
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
  Device_code: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/x-www-form-urlencoded': components['schemas']['DeviceCodeRequest'];
        'application/json': components['schemas']['DeviceCodeRequest'];
      };
    };
    responses: {
      /** @description RFC 8628 §3.2 device authorization response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DeviceCodeResponse'];
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
  Device_token: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/x-www-form-urlencoded': components['schemas']['DeviceTokenRequest'];
        'application/json': components['schemas']['DeviceTokenRequest'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DeviceTokenResponse'];
        };
      };
      /** @description RFC 6749 §5.2 error (not the usual envelope): keep polling on authorization_pending and slow_down */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DeviceTokenErrorResponse'];
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
  Device_describe: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        userCode: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The sign-in request a user code stands for */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DeviceRequestView'];
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
      /** @description DEVICE_CODE_NOT_FOUND */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description DEVICE_CODE_EXPIRED */
      410: {
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
  Device_approve: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        userCode: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Approved for this account; the device receives a token */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DeviceRequestView'];
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
      /** @description REAUTHENTICATION_REQUIRED: with two-step on, confirm with a second factor first */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description DEVICE_CODE_EXPIRED */
      410: {
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
  Device_deny: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        userCode: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Denied; the device hears access_denied */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DeviceRequestView'];
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
  OrganizationTokens_list: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        slug: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Tokens not revoked, newest first */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['OrganizationTokenSummary'][];
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
      /** @description ORGANIZATION_ROLE_REQUIRED: Owners and Admins only; REAUTHENTICATION_REQUIRED (creating, with two-step on) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description ORGANIZATION_NOT_FOUND: no such organization of yours */
      404: {
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
  OrganizationTokens_create: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        slug: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateOrganizationTokenRequest'];
      };
    };
    responses: {
      /** @description The token is in this response only */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CreatedOrganizationToken'];
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
      /** @description PLAN_LIMIT_REACHED (only when billing is on): organizationTokens: as many live tokens as the plan allows (existing ones keep working). details: limit, plan, allowed, used, wanted, upgradeUrl */
      402: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description ORGANIZATION_ROLE_REQUIRED: Owners and Admins only; REAUTHENTICATION_REQUIRED (creating, with two-step on) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description ORGANIZATION_NOT_FOUND: no such organization of yours */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description ORGANIZATION_TOKEN_SCOPE_NOT_ALLOWED: only blueprints:read and blueprints:write */
      422: {
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
  OrganizationTokens_revoke: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        slug: string;
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The token stops working at once */
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
      /** @description ORGANIZATION_ROLE_REQUIRED: Owners and Admins only; REAUTHENTICATION_REQUIRED (creating, with two-step on) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description ORGANIZATION_NOT_FOUND: no such organization of yours */
      404: {
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
  OrganizationAudit_page: {
    parameters: {
      query?: {
        /** @description Only actions starting with this, e.g. organization_token. */
        action?: string;
        /** @description Only events at or after this instant */
        from?: string;
        /** @description Only events before this instant */
        to?: string;
        /** @description Opaque resume position returned by the previous page */
        cursor?: string;
        /** @description Events per page, default 50 */
        limit?: number;
      };
      header?: never;
      path: {
        slug: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Newest first, a page at a time */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['OrganizationAuditPage'];
        };
      };
      /** @description INVALID_CURSOR, INVALID_LIMIT, INVALID_DATE_RANGE, UNSUPPORTED_EXPORT_FORMAT */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
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
      /** @description ORGANIZATION_ROLE_REQUIRED: Owners and Admins only */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description ORGANIZATION_NOT_FOUND: no such organization of yours */
      404: {
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
  OrganizationAudit_export: {
    parameters: {
      query: {
        /** @description Only actions starting with this, e.g. organization_token. */
        action?: string;
        /** @description Only events at or after this instant */
        from?: string;
        /** @description Only events before this instant */
        to?: string;
        format: 'csv' | 'json';
      };
      header?: never;
      path: {
        slug: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The whole log (or the filtered part), newest first, as an attachment */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description INVALID_CURSOR, INVALID_LIMIT, INVALID_DATE_RANGE, UNSUPPORTED_EXPORT_FORMAT */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description Not signed in, or missing a required scope */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/csv': components['schemas']['ErrorResponse'];
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description ORGANIZATION_ROLE_REQUIRED: Owners and Admins only */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description ORGANIZATION_NOT_FOUND: no such organization of yours */
      404: {
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
  Account_delete: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The account and everything attached to it is deleted; signed out */
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
      /** @description REAUTHENTICATION_REQUIRED: sign in again (details.requires = recent_sign_in) or confirm the second factor (recent_second_factor) first */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description LAST_OWNER: you are the only Owner of the organizations in details.organizations; BILLING_SUBSCRIPTION_RENEWS: cancel your subscription first */
      409: {
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
  Account_update: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateProfileRequest'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SessionUser'];
        };
      };
      /** @description USER_HANDLE_INVALID or VALIDATION_FAILED */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
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
      /** @description USER_HANDLE_TAKEN */
      409: {
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
  Account_requestEmailChange: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['EmailChangeRequest'];
      };
    };
    responses: {
      /** @description A confirmation link goes to the new address and a notice to the current one */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EmailChangeSent'];
        };
      };
      /** @description EMAIL_CHANGE_SAME_ADDRESS or VALIDATION_FAILED */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
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
      /** @description REAUTHENTICATION_REQUIRED: sign in again (details.requires = recent_sign_in) or confirm the second factor (recent_second_factor) first */
      403: {
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
  Account_verifyEmailChange: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['EmailChangeVerifyRequest'];
      };
    };
    responses: {
      /** @description The address changed; every other session has ended */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SessionUser'];
        };
      };
      /** @description EMAIL_CHANGE_INVALID or EMAIL_CHANGE_EXPIRED */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
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
      /** @description USER_EMAIL_TAKEN */
      409: {
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
  AdminInvitations_invite: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['InvitationRequest'];
      };
    };
    responses: {
      /** @description The address may now sign up; an invitation is mailed */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['InvitationView'];
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
      /** @description FORBIDDEN: only admins invite */
      403: {
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
  Catalog_search: {
    parameters: {
      query?: {
        /** @description Web-search syntax: words, "phrases", -exclusions, or */
        q?: string;
        kind?: 'rules' | 'command' | 'skill' | 'agent' | 'mcp-config' | 'settings';
        /** @description Tool id, e.g. cursor */
        tool?: string;
        /** @description Format id, e.g. cursor-rules */
        format?: string;
        category?:
          | 'general'
          | 'web'
          | 'frontend'
          | 'backend'
          | 'fullstack'
          | 'mobile'
          | 'desktop'
          | 'devops'
          | 'cloud'
          | 'data'
          | 'ml'
          | 'security'
          | 'testing'
          | 'documentation'
          | 'game-dev'
          | 'embedded'
          | 'other';
        /** @description Repeat for several; all must match */
        tag?: string[];
        /** @description Author handle: a local one, or with instance=<peer domain> an author handle on that peer */
        author?: string;
        /** @description Origin: this instance’s domain for local blueprints only, a peer’s domain for its blueprints only */
        instance?: string;
        /** @description SPDX licence id */
        license?: string;
        sort?: 'relevance' | 'newest' | 'favorites' | 'downloads' | 'trending';
        cursor?: string;
        limit?: number;
        /** @description Include facet counts (costs a second query; ask on the first page) */
        facets?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Public, published blueprints; keyset pagination */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['BlueprintPage'];
        };
      };
      /** @description INVALID_CURSOR, INVALID_LIMIT, UNKNOWN_KIND, UNKNOWN_TOOL, UNKNOWN_FORMAT, UNKNOWN_SORT, SEARCH_QUERY_TOO_COMPLEX, INVALID_SEARCH_FILTER, … */
      400: {
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
  Blueprints_create: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateBlueprintRequest'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['BlueprintDetail'];
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
      /** @description PLAN_LIMIT_REACHED (only when billing is on): privateBlueprints (creating, importing or forking a private or team blueprint, making one private, receiving one by transfer, or editing one while the owner is over that limit), storageBytes (a write that stores more). details: limit, plan, allowed, used, wanted, upgradeUrl */
      402: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description REMOTE_BLUEPRINT_READ_ONLY: writes and favourites on another instance’s (rb_…) blueprint; forks: FORK_NOT_ALLOWED, REMOTE_LICENSE_FORBIDS_FORK; QUOTA_EXCEEDED: a write that would take one of your quotas over its limit */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description BLUEPRINT_NOT_FOUND (also for others’ private ones) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description SECRET_DETECTED, FINDINGS_NOT_ACKNOWLEDGED, CONTENT_INVALID_ENCODING, CONTENT_TOO_MANY_LINES, SCAN_TIMEOUT, … */
      422: {
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
  Catalog_mine: {
    parameters: {
      query?: {
        cursor?: string;
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description All of yours, drafts and private ones too; latest change first */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['BlueprintPage'];
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
  Catalog_favorites: {
    parameters: {
      query?: {
        cursor?: string;
        limit?: number;
      };
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
          'application/json': components['schemas']['BlueprintPage'];
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
  Catalog_organizationBlueprints: {
    parameters: {
      query?: {
        cursor?: string;
        limit?: number;
      };
      header?: never;
      path: {
        slug: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description An organization's blueprints as far as the caller may read them: all of them for its authors and its tokens with blueprints:read, team, unlisted and public ones for Viewers, listed ones for anyone else */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['BlueprintPage'];
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
  Catalog_formats: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Every tool format blueprints import from and export to */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['FormatList'];
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
  Catalog_scan: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ScanRequest'];
      };
    };
    responses: {
      /** @description Secrets, hidden instructions and variables in a draft; stores nothing */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ScanResult'];
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
      /** @description SCAN_TIMEOUT: the scan ran out of WORKER_TASK_TIMEOUT_MS (details.budgetMs) */
      422: {
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
  Blueprints_import: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ImportBlueprintRequest'];
      };
    };
    responses: {
      /** @description The file’s format is detected (or given) and its frontmatter read; the detection says how */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ImportedBlueprint'];
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
      /** @description PLAN_LIMIT_REACHED (only when billing is on): privateBlueprints (creating, importing or forking a private or team blueprint, making one private, receiving one by transfer, or editing one while the owner is over that limit), storageBytes (a write that stores more). details: limit, plan, allowed, used, wanted, upgradeUrl */
      402: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description REMOTE_BLUEPRINT_READ_ONLY: writes and favourites on another instance’s (rb_…) blueprint; forks: FORK_NOT_ALLOWED, REMOTE_LICENSE_FORBIDS_FORK; QUOTA_EXCEEDED: a write that would take one of your quotas over its limit */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description BLUEPRINT_NOT_FOUND (also for others’ private ones) */
      404: {
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
  Blueprints_get: {
    parameters: {
      query?: {
        /** @description Owners see the draft unless they ask */
        version?: 'published' | 'draft';
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The published version; its owner gets the draft */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['BlueprintDetail'];
        };
      };
      /** @description PLAN_LIMIT_REACHED (only when billing is on): privateBlueprints (creating, importing or forking a private or team blueprint, making one private, receiving one by transfer, or editing one while the owner is over that limit), storageBytes (a write that stores more). details: limit, plan, allowed, used, wanted, upgradeUrl */
      402: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description REMOTE_BLUEPRINT_READ_ONLY: writes and favourites on another instance’s (rb_…) blueprint; forks: FORK_NOT_ALLOWED, REMOTE_LICENSE_FORBIDS_FORK; QUOTA_EXCEEDED: a write that would take one of your quotas over its limit */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description BLUEPRINT_NOT_FOUND (also for others’ private ones) */
      404: {
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
  Blueprints_delete: {
    parameters: {
      query?: never;
      header?: {
        /** @description The ETag of the blueprint you read ("r<revision>"); a stale one gets 412 PRECONDITION_FAILED */
        'If-Match'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Deleted; a tombstone remains so peers remove their copies */
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
      /** @description PLAN_LIMIT_REACHED (only when billing is on): privateBlueprints (creating, importing or forking a private or team blueprint, making one private, receiving one by transfer, or editing one while the owner is over that limit), storageBytes (a write that stores more). details: limit, plan, allowed, used, wanted, upgradeUrl */
      402: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description REMOTE_BLUEPRINT_READ_ONLY: writes and favourites on another instance’s (rb_…) blueprint; forks: FORK_NOT_ALLOWED, REMOTE_LICENSE_FORBIDS_FORK; QUOTA_EXCEEDED: a write that would take one of your quotas over its limit */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description BLUEPRINT_NOT_FOUND (also for others’ private ones) */
      404: {
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
  Blueprints_update: {
    parameters: {
      query?: never;
      header?: {
        /** @description The ETag of the blueprint you read ("r<revision>"); a stale one gets 412 PRECONDITION_FAILED */
        'If-Match'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateBlueprintRequest'];
      };
    };
    responses: {
      /** @description New content makes a new version */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['BlueprintDetail'];
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
      /** @description PLAN_LIMIT_REACHED (only when billing is on): privateBlueprints (creating, importing or forking a private or team blueprint, making one private, receiving one by transfer, or editing one while the owner is over that limit), storageBytes (a write that stores more). details: limit, plan, allowed, used, wanted, upgradeUrl */
      402: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description REMOTE_BLUEPRINT_READ_ONLY: writes and favourites on another instance’s (rb_…) blueprint; forks: FORK_NOT_ALLOWED, REMOTE_LICENSE_FORBIDS_FORK; QUOTA_EXCEEDED: a write that would take one of your quotas over its limit */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description BLUEPRINT_NOT_FOUND (also for others’ private ones) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description PRECONDITION_FAILED */
      412: {
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
  Blueprints_publish: {
    parameters: {
      query?: never;
      header?: {
        /** @description The ETag of the blueprint you read ("r<revision>"); a stale one gets 412 PRECONDITION_FAILED */
        'If-Match'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['PublishRequest'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['BlueprintDetail'];
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
      /** @description PLAN_LIMIT_REACHED (only when billing is on): privateBlueprints (creating, importing or forking a private or team blueprint, making one private, receiving one by transfer, or editing one while the owner is over that limit), storageBytes (a write that stores more). details: limit, plan, allowed, used, wanted, upgradeUrl */
      402: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description REMOTE_BLUEPRINT_READ_ONLY: writes and favourites on another instance’s (rb_…) blueprint; forks: FORK_NOT_ALLOWED, REMOTE_LICENSE_FORBIDS_FORK; QUOTA_EXCEEDED: a write that would take one of your quotas over its limit */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description BLUEPRINT_NOT_FOUND (also for others’ private ones) */
      404: {
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
  Blueprints_unpublish: {
    parameters: {
      query?: never;
      header?: {
        /** @description The ETag of the blueprint you read ("r<revision>"); a stale one gets 412 PRECONDITION_FAILED */
        'If-Match'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['BlueprintDetail'];
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
      /** @description PLAN_LIMIT_REACHED (only when billing is on): privateBlueprints (creating, importing or forking a private or team blueprint, making one private, receiving one by transfer, or editing one while the owner is over that limit), storageBytes (a write that stores more). details: limit, plan, allowed, used, wanted, upgradeUrl */
      402: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description REMOTE_BLUEPRINT_READ_ONLY: writes and favourites on another instance’s (rb_…) blueprint; forks: FORK_NOT_ALLOWED, REMOTE_LICENSE_FORBIDS_FORK; QUOTA_EXCEEDED: a write that would take one of your quotas over its limit */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description BLUEPRINT_NOT_FOUND (also for others’ private ones) */
      404: {
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
  Blueprints_stripInvisible: {
    parameters: {
      query?: never;
      header?: {
        /** @description The ETag of the blueprint you read ("r<revision>"); a stale one gets 412 PRECONDITION_FAILED */
        'If-Match'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A new version without invisible characters */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['BlueprintDetail'];
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
      /** @description PLAN_LIMIT_REACHED (only when billing is on): privateBlueprints (creating, importing or forking a private or team blueprint, making one private, receiving one by transfer, or editing one while the owner is over that limit), storageBytes (a write that stores more). details: limit, plan, allowed, used, wanted, upgradeUrl */
      402: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description REMOTE_BLUEPRINT_READ_ONLY: writes and favourites on another instance’s (rb_…) blueprint; forks: FORK_NOT_ALLOWED, REMOTE_LICENSE_FORBIDS_FORK; QUOTA_EXCEEDED: a write that would take one of your quotas over its limit */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description BLUEPRINT_NOT_FOUND (also for others’ private ones) */
      404: {
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
  Blueprints_favorite: {
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
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['FavoriteState'];
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
      /** @description PLAN_LIMIT_REACHED (only when billing is on): privateBlueprints (creating, importing or forking a private or team blueprint, making one private, receiving one by transfer, or editing one while the owner is over that limit), storageBytes (a write that stores more). details: limit, plan, allowed, used, wanted, upgradeUrl */
      402: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description REMOTE_BLUEPRINT_READ_ONLY: writes and favourites on another instance’s (rb_…) blueprint; forks: FORK_NOT_ALLOWED, REMOTE_LICENSE_FORBIDS_FORK; QUOTA_EXCEEDED: a write that would take one of your quotas over its limit */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description BLUEPRINT_NOT_FOUND (also for others’ private ones) */
      404: {
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
  Blueprints_unfavorite: {
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
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['FavoriteState'];
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
      /** @description PLAN_LIMIT_REACHED (only when billing is on): privateBlueprints (creating, importing or forking a private or team blueprint, making one private, receiving one by transfer, or editing one while the owner is over that limit), storageBytes (a write that stores more). details: limit, plan, allowed, used, wanted, upgradeUrl */
      402: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description REMOTE_BLUEPRINT_READ_ONLY: writes and favourites on another instance’s (rb_…) blueprint; forks: FORK_NOT_ALLOWED, REMOTE_LICENSE_FORBIDS_FORK; QUOTA_EXCEEDED: a write that would take one of your quotas over its limit */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description BLUEPRINT_NOT_FOUND (also for others’ private ones) */
      404: {
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
  Blueprints_transfer: {
    parameters: {
      query?: never;
      header?: {
        /** @description The ETag of the blueprint you read ("r<revision>"); a stale one gets 412 PRECONDITION_FAILED */
        'If-Match'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['TransferRequest'];
      };
    };
    responses: {
      /** @description Gives the blueprint to an organization you administer, or takes one of its blueprints into your account; the id, versions, forks and favourites stay */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['BlueprintDetail'];
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
      /** @description PLAN_LIMIT_REACHED (only when billing is on): privateBlueprints (creating, importing or forking a private or team blueprint, making one private, receiving one by transfer, or editing one while the owner is over that limit), storageBytes (a write that stores more). details: limit, plan, allowed, used, wanted, upgradeUrl */
      402: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description REMOTE_BLUEPRINT_READ_ONLY: writes and favourites on another instance’s (rb_…) blueprint; forks: FORK_NOT_ALLOWED, REMOTE_LICENSE_FORBIDS_FORK; QUOTA_EXCEEDED: a write that would take one of your quotas over its limit */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description BLUEPRINT_NOT_FOUND (also for others’ private ones) */
      404: {
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
  Blueprints_fork: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ForkRequest'];
      };
    };
    responses: {
      /** @description A private copy in your account (or the organization named), with attribution */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['BlueprintDetail'];
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
      /** @description PLAN_LIMIT_REACHED (only when billing is on): privateBlueprints (creating, importing or forking a private or team blueprint, making one private, receiving one by transfer, or editing one while the owner is over that limit), storageBytes (a write that stores more). details: limit, plan, allowed, used, wanted, upgradeUrl */
      402: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description REMOTE_BLUEPRINT_READ_ONLY: writes and favourites on another instance’s (rb_…) blueprint; forks: FORK_NOT_ALLOWED, REMOTE_LICENSE_FORBIDS_FORK; QUOTA_EXCEEDED: a write that would take one of your quotas over its limit */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description BLUEPRINT_NOT_FOUND (also for others’ private ones) */
      404: {
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
  Blueprints_raw: {
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
      /** @description The published content in its native type */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/markdown': string;
          'application/json': string;
          'application/yaml': string;
        };
      };
      /** @description PLAN_LIMIT_REACHED (only when billing is on): privateBlueprints (creating, importing or forking a private or team blueprint, making one private, receiving one by transfer, or editing one while the owner is over that limit), storageBytes (a write that stores more). details: limit, plan, allowed, used, wanted, upgradeUrl */
      402: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description REMOTE_BLUEPRINT_READ_ONLY: writes and favourites on another instance’s (rb_…) blueprint; forks: FORK_NOT_ALLOWED, REMOTE_LICENSE_FORBIDS_FORK; QUOTA_EXCEEDED: a write that would take one of your quotas over its limit */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description BLUEPRINT_NOT_FOUND (also for others’ private ones) */
      404: {
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
  Blueprints_variables: {
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
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['VariableList'];
        };
      };
      /** @description PLAN_LIMIT_REACHED (only when billing is on): privateBlueprints (creating, importing or forking a private or team blueprint, making one private, receiving one by transfer, or editing one while the owner is over that limit), storageBytes (a write that stores more). details: limit, plan, allowed, used, wanted, upgradeUrl */
      402: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description REMOTE_BLUEPRINT_READ_ONLY: writes and favourites on another instance’s (rb_…) blueprint; forks: FORK_NOT_ALLOWED, REMOTE_LICENSE_FORBIDS_FORK; QUOTA_EXCEEDED: a write that would take one of your quotas over its limit */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description BLUEPRINT_NOT_FOUND (also for others’ private ones) */
      404: {
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
  Blueprints_render: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RenderRequest'];
      };
    };
    responses: {
      /** @description Filled and converted; nothing is stored */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RenderedFile'];
        };
      };
      /** @description PLAN_LIMIT_REACHED (only when billing is on): privateBlueprints (creating, importing or forking a private or team blueprint, making one private, receiving one by transfer, or editing one while the owner is over that limit), storageBytes (a write that stores more). details: limit, plan, allowed, used, wanted, upgradeUrl */
      402: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description REMOTE_BLUEPRINT_READ_ONLY: writes and favourites on another instance’s (rb_…) blueprint; forks: FORK_NOT_ALLOWED, REMOTE_LICENSE_FORBIDS_FORK; QUOTA_EXCEEDED: a write that would take one of your quotas over its limit */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description BLUEPRINT_NOT_FOUND (also for others’ private ones) */
      404: {
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
  Blueprints_download: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['DownloadRequest'];
      };
    };
    responses: {
      /** @description The file for the chosen tool with its variables filled (as by render), as an attachment; counted as a download */
      200: {
        headers: {
          /** @description Hidden-instruction findings in the file as sent: the scan of the version, or what is left after strip=hidden */
          'X-Hidden-Instructions'?: number;
          /** @description With strip=hidden: what was removed, e.g. "invisible-characters=12, html-comments=1" */
          'X-Hidden-Instructions-Removed'?: string;
          /** @description What the conversion lost, compactly: "lossless", or e.g. "dropped=model,allowedTools; derived=name" (changes by kind: dropped, changed, derived, translated; "lossless; derived=name" when only derived or translated). Zips carry the details in CONVERSION.md; render returns them as conversion */
          'X-Conversion-Report'?: string;
          /** @description Without archive=zip, for a skill with attached files: "<count>; <path>,<path>…" (repository paths, percent-encoded, capped at 2000 characters). The response is the main file only; archive=zip gives the folder */
          'X-Attached-Files'?: string;
          [name: string]: unknown;
        };
        content: {
          'text/markdown': string;
          'application/json': string;
          'application/yaml': string;
          'application/zip': string;
        };
      };
      /** @description PLAN_LIMIT_REACHED (only when billing is on): privateBlueprints (creating, importing or forking a private or team blueprint, making one private, receiving one by transfer, or editing one while the owner is over that limit), storageBytes (a write that stores more). details: limit, plan, allowed, used, wanted, upgradeUrl */
      402: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description REMOTE_BLUEPRINT_READ_ONLY: writes and favourites on another instance’s (rb_…) blueprint; forks: FORK_NOT_ALLOWED, REMOTE_LICENSE_FORBIDS_FORK; QUOTA_EXCEEDED: a write that would take one of your quotas over its limit */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description BLUEPRINT_NOT_FOUND (also for others’ private ones) */
      404: {
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
  Blueprints_export: {
    parameters: {
      query?: {
        /** @description Target format id; the blueprint’s own format when omitted */
        format?: string;
        /** @description zip: the file at its repository path inside a zip */
        archive?: 'zip';
        /** @description hidden: a copy without the invisible characters and the HTML comments the scanner flags as hidden instructions */
        strip?: 'hidden';
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The file for the chosen tool, as an attachment */
      200: {
        headers: {
          /** @description Hidden-instruction findings in the file as sent: the scan of the version, or what is left after strip=hidden */
          'X-Hidden-Instructions'?: number;
          /** @description With strip=hidden: what was removed, e.g. "invisible-characters=12, html-comments=1" */
          'X-Hidden-Instructions-Removed'?: string;
          /** @description What the conversion lost, compactly: "lossless", or e.g. "dropped=model,allowedTools; derived=name" (changes by kind: dropped, changed, derived, translated; "lossless; derived=name" when only derived or translated). Zips carry the details in CONVERSION.md; render returns them as conversion */
          'X-Conversion-Report'?: string;
          /** @description Without archive=zip, for a skill with attached files: "<count>; <path>,<path>…" (repository paths, percent-encoded, capped at 2000 characters). The response is the main file only; archive=zip gives the folder */
          'X-Attached-Files'?: string;
          [name: string]: unknown;
        };
        content: {
          'text/markdown': string;
          'application/json': string;
          'application/yaml': string;
          'application/zip': string;
        };
      };
      /** @description PLAN_LIMIT_REACHED (only when billing is on): privateBlueprints (creating, importing or forking a private or team blueprint, making one private, receiving one by transfer, or editing one while the owner is over that limit), storageBytes (a write that stores more). details: limit, plan, allowed, used, wanted, upgradeUrl */
      402: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description REMOTE_BLUEPRINT_READ_ONLY: writes and favourites on another instance’s (rb_…) blueprint; forks: FORK_NOT_ALLOWED, REMOTE_LICENSE_FORBIDS_FORK; QUOTA_EXCEEDED: a write that would take one of your quotas over its limit */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description BLUEPRINT_NOT_FOUND (also for others’ private ones) */
      404: {
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
  BlueprintVersions_list: {
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
      /** @description Newest first; others see only versions that were published; the owner's plan may hold older ones back (heldBackByPlan) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['VersionList'];
        };
      };
      /** @description BLUEPRINT_NOT_FOUND or VERSION_NOT_FOUND */
      404: {
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
  BlueprintVersions_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
        number: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['VersionDetail'];
        };
      };
      /** @description PLAN_LIMIT_REACHED (only when billing is on): versionHistory (to the blueprint's owner: the version is older than the newest versions the plan lists; it is kept, and listed again after an upgrade). details: limit, plan, allowed, used, wanted, upgradeUrl */
      402: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description BLUEPRINT_NOT_FOUND or VERSION_NOT_FOUND */
      404: {
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
  BlueprintVersions_file: {
    parameters: {
      query: {
        path: string;
        /** @description The version; the one you would read by default */
        version?: number;
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description One attached file of a skill, as stored: text/plain (utf8 files) or application/octet-stream (base64 files) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/plain': string;
          'application/octet-stream': string;
        };
      };
      /** @description PLAN_LIMIT_REACHED (only when billing is on): versionHistory (to the blueprint's owner: the version is older than the newest versions the plan lists; it is kept, and listed again after an upgrade). details: limit, plan, allowed, used, wanted, upgradeUrl */
      402: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/plain': components['schemas']['ErrorResponse'];
          'application/octet-stream': components['schemas']['ErrorResponse'];
        };
      };
      /** @description BLUEPRINT_NOT_FOUND, VERSION_NOT_FOUND, ATTACHED_FILE_NOT_FOUND */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/plain': components['schemas']['ErrorResponse'];
          'application/octet-stream': components['schemas']['ErrorResponse'];
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
  BlueprintVersions_diff: {
    parameters: {
      query: {
        from: number;
        to: number;
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Unified diff from one version to another */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['VersionDiff'];
        };
      };
      /** @description PLAN_LIMIT_REACHED (only when billing is on): versionHistory (to the blueprint's owner: the version is older than the newest versions the plan lists; it is kept, and listed again after an upgrade). details: limit, plan, allowed, used, wanted, upgradeUrl */
      402: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description BLUEPRINT_NOT_FOUND or VERSION_NOT_FOUND */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description DIFF_TOO_LARGE: the versions differ by more than DIFF_MAX_EDITS inserted and removed lines (details.maxEdits), or the diff ran out of WORKER_TASK_TIMEOUT_MS (details.budgetMs) */
      422: {
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
  BlueprintVersions_restore: {
    parameters: {
      query?: never;
      header?: {
        'If-Match'?: string;
      };
      path: {
        id: string;
        number: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RestoreRequest'];
      };
    };
    responses: {
      /** @description The old content as a new version */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['BlueprintDetail'];
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
      /** @description PLAN_LIMIT_REACHED (only when billing is on): versionHistory (to the blueprint's owner: the version is older than the newest versions the plan lists; it is kept, and listed again after an upgrade); privateBlueprints (the owner is over it); storageBytes (the restored version is stored again). details: limit, plan, allowed, used, wanted, upgradeUrl */
      402: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description REMOTE_BLUEPRINT_READ_ONLY for rb_… ids */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description BLUEPRINT_NOT_FOUND or VERSION_NOT_FOUND */
      404: {
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
  Hierarchies_create: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateHierarchyRequest'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['HierarchyDetail'];
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
      /** @description QUOTA_EXCEEDED: as many hierarchies as your quota allows */
      403: {
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
  Hierarchies_mine: {
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
          'application/json': components['schemas']['HierarchyList'];
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
  Hierarchies_ofOrganization: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        slug: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description An organization's hierarchies as far as the caller sees them: all for its authors, those with a published team or listed blueprint for its Viewers, those with a listed one for anyone else */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['HierarchyList'];
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
  Hierarchies_get: {
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
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['HierarchyDetail'];
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
  Hierarchies_delete: {
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
      /** @description The hierarchy goes; its blueprints stay */
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
  Hierarchies_update: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateHierarchyRequest'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['HierarchyDetail'];
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
  Hierarchies_transfer: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['HierarchyTransferRequest'];
      };
    };
    responses: {
      /** @description Gives the hierarchy and all its blueprints to an organization you administer, or takes it back */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['HierarchyDetail'];
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
      /** @description PLAN_LIMIT_REACHED (only when billing is on): privateBlueprints, storageBytes: the receiving account's plan must hold the private and team blueprints and the bytes that arrive. details: limit, plan, allowed, used, wanted, upgradeUrl */
      402: {
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
  Hierarchies_archive: {
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
      /** @description Every file at its repository path, skills with their attached files, and CONVERSION.md (members go out as stored: nothing is converted) */
      200: {
        headers: {
          /** @description What the conversion lost, compactly: "lossless", or e.g. "dropped=model,allowedTools; derived=name" (changes by kind: dropped, changed, derived, translated; "lossless; derived=name" when only derived or translated). Zips carry the details in CONVERSION.md; render returns them as conversion */
          'X-Conversion-Report'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/zip': string;
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
  OwnerSlug_get: {
    parameters: {
      query?: {
        /** @description Owners see the draft unless they ask */
        version?: 'published' | 'draft';
      };
      header?: never;
      path: {
        handle: string;
        slug: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The blueprint this account holds under the slug, read as by id */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['BlueprintDetail'];
        };
      };
      /** @description PROFILE_NOT_FOUND, or BLUEPRINT_NOT_FOUND (also for others’ private ones) */
      404: {
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
  Profiles_profile: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        handle: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A user or an organization, with counts of its listed blueprints */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Profile'];
        };
      };
      /** @description PROFILE_NOT_FOUND: no user or organization has it */
      404: {
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
  Profiles_blueprints: {
    parameters: {
      query?: {
        cursor?: string;
        limit?: number;
      };
      header?: never;
      path: {
        handle: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Its listed blueprints, newest first; keyset pagination */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['BlueprintPage'];
        };
      };
      /** @description INVALID_CURSOR or INVALID_LIMIT */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description PROFILE_NOT_FOUND: no user or organization has it */
      404: {
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
  Plugins_import: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ImportPluginRequest'];
      };
    };
    responses: {
      /** @description One hierarchy per plugin, each member a blueprint */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PluginImportResult'];
        };
      };
      /** @description PLUGIN_PATH_INVALID, PLUGIN_FILE_ENCODING */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
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
      /** @description PLAN_LIMIT_REACHED (only when billing is on): privateBlueprints, storageBytes (nothing is created). details: limit, plan, allowed, used, wanted, upgradeUrl */
      402: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description PLUGIN_TOO_MANY_FILES, PLUGIN_FILE_TOO_LARGE, PLUGIN_TOO_LARGE */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description PLUGIN_MANIFEST_MISSING, PLUGIN_MANIFEST_INVALID, PLUGIN_MEMBER_REJECTED (nothing is created) */
      422: {
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
  Plugins_export: {
    parameters: {
      query?: {
        tool?: 'claude-code' | 'cursor' | 'codex';
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The hierarchy as an installable plugin: marketplace file, plugins/<name>/ with its manifest and members, CONVERSION.md */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/zip': string;
        };
      };
      /** @description PLUGIN_UNKNOWN_TOOL */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/zip': components['schemas']['ErrorResponse'];
        };
      };
      /** @description HIERARCHY_NOT_FOUND */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/zip': components['schemas']['ErrorResponse'];
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
  PluginMarketplace_marketplaceJson: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        handle: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The marketplace, each plugin a git repository */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            name: string;
            owner: {
              name?: string;
              url?: string;
            };
            metadata?: {
              description?: string;
            };
            plugins: {
              name: string;
              source: {
                /** @enum {string} */
                source?: 'url';
                /** Format: uri */
                url?: string;
              };
              description?: string;
              version?: string;
              author?: {
                name?: string;
              };
            }[];
          };
        };
      };
      /** @description PROFILE_NOT_FOUND */
      404: {
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
  PluginMarketplace_infoRefs: {
    parameters: {
      query?: {
        /** @description `git-upload-pack` for the smart protocol */
        service?: unknown;
      };
      header?: never;
      path: {
        handle: string;
        repository: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The repository's refs: the smart protocol's advertisement, or the dumb protocol's info/refs */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/x-git-upload-pack-advertisement': string;
          'text/plain': string;
        };
      };
      /** @description PROFILE_NOT_FOUND, PLUGIN_REPOSITORY_NOT_FOUND */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/x-git-upload-pack-advertisement': components['schemas']['ErrorResponse'];
          'text/plain': components['schemas']['ErrorResponse'];
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
  PluginMarketplace_uploadPack: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        handle: string;
        repository: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description One upload-pack exchange (git smart HTTP, stateless): the negotiation, then the packfile */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/x-git-upload-pack-result': string;
        };
      };
      /** @description GIT_REQUEST_INVALID */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/x-git-upload-pack-result': components['schemas']['ErrorResponse'];
        };
      };
      /** @description PROFILE_NOT_FOUND, PLUGIN_REPOSITORY_NOT_FOUND */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/x-git-upload-pack-result': components['schemas']['ErrorResponse'];
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
  PluginMarketplace_head: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        handle: string;
        repository: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The branch HEAD names (git dumb HTTP) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/plain': string;
        };
      };
      /** @description PROFILE_NOT_FOUND, PLUGIN_REPOSITORY_NOT_FOUND */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/plain': components['schemas']['ErrorResponse'];
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
  PluginMarketplace_object: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        handle: string;
        repository: string;
        directory: string;
        file: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A zlib-deflated loose object (git dumb HTTP) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/x-git-loose-object': string;
        };
      };
      /** @description PROFILE_NOT_FOUND, PLUGIN_REPOSITORY_NOT_FOUND, GIT_OBJECT_NOT_FOUND */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/x-git-loose-object': components['schemas']['ErrorResponse'];
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
  Imports_preview: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['PreviewImportRequest'];
      };
    };
    responses: {
      /** @description What each file is, what the scanner finds and what would clash; nothing is stored */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ImportPreview'];
        };
      };
      /** @description IMPORT_INVALID_PATH, IMPORT_DUPLICATE_PATH, … */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
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
      /** @description IMPORT_TOO_MANY_FILES, IMPORT_FILE_TOO_LARGE, IMPORT_TOTAL_TOO_LARGE, PAYLOAD_TOO_LARGE */
      413: {
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
  Imports_import: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateImportRequest'];
      };
    };
    responses: {
      /** @description One result per item: each is imported on its own, so a failing item leaves the others created */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ImportOutcome'];
        };
      };
      /** @description IMPORT_UNKNOWN_ITEM, IMPORT_NOTHING_TO_IMPORT, … */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
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
      /** @description IMPORT_TOO_MANY_FILES, IMPORT_FILE_TOO_LARGE, IMPORT_TOTAL_TOO_LARGE, PAYLOAD_TOO_LARGE */
      413: {
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
  InstanceKeys_rotate: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The new key; the old one is retired at once */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['InstancePublicKeyView'];
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
      /** @description FORBIDDEN: only admins rotate the key */
      403: {
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
  FederationCatalogue_blueprints: {
    parameters: {
      query?: {
        /** @description Opaque resume position returned by the previous page */
        cursor?: string;
        /** @description Start after this instant; ignored with a cursor */
        updated_since?: string;
        /** @description Entries per page: 1–500, default 100 (offset mode: 1–100, default 50) */
        limit?: number;
        /** @description content: carry each item’s published content inline */
        include?: 'content';
        /** @description Offset mode (the reference product’s shape) */
        offset?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Public blueprints for peers: incremental pages with tombstones, or with `offset` the reference product’s shape. Signed with the LynxPrompt-Signature header; strong ETag, 304 on If-None-Match. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json':
            components['schemas']['FederationCataloguePage'] | components['schemas']['FederationOffsetPage'];
        };
      };
      /** @description INVALID_CURSOR, INVALID_LIMIT, INVALID_UPDATED_SINCE, INVALID_OFFSET */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description FEDERATION_DISABLED */
      404: {
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
  RemoteBlueprintsAdmin_hide: {
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
      /** @description Out of listings; 404 to everyone but admins */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RemoteBlueprintModeration'];
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
      /** @description FORBIDDEN: only admins moderate remote blueprints */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description BLUEPRINT_NOT_FOUND */
      404: {
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
  RemoteBlueprintsAdmin_unhide: {
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
      /** @description Listed again when its peer is listed */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RemoteBlueprintModeration'];
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
      /** @description FORBIDDEN: only admins moderate remote blueprints */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description BLUEPRINT_NOT_FOUND */
      404: {
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
  Registry_register: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['DomainRequest'];
      };
    };
    responses: {
      /** @description The domain verified: its manifest names it, over https */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RegistryAnswer'];
        };
      };
      /** @description INVALID_PEER_DOMAIN; 403 REGISTRATIONS_CLOSED, DOMAIN_BLOCKED; 422 PEER_VERIFICATION_FAILED (anonymous callers: a generic reason) */
      400: {
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
  Registry_heartbeat: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['DomainRequest'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RegistryAnswer'];
        };
      };
      /** @description 404 PEER_NOT_REGISTERED; 422 PEER_VERIFICATION_FAILED */
      400: {
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
  Registry_instances: {
    parameters: {
      query?: {
        /** @description `true`: only instances seen in the last 24 hours */
        active?: string;
      };
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
          'application/json': components['schemas']['RegistryInstanceList'];
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
  Registry_directory: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The instances whose blueprints this one shows */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['InstanceDirectory'];
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
  AdminFederation_list: {
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
          'application/json': components['schemas']['PeerList'];
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
      /** @description FORBIDDEN: administrators only */
      403: {
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
  AdminFederation_add: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['DomainRequest'];
      };
    };
    responses: {
      /** @description Added and verified at once; status says how that went */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PeerView'];
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
      /** @description FORBIDDEN: administrators only */
      403: {
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
  AdminFederation_detail: {
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
      /** @description The peer and its latest crawl runs */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PeerDetail'];
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
      /** @description FORBIDDEN: administrators only */
      403: {
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
  AdminFederation_remove: {
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
      /** @description Forgotten, with everything held from it (it may register again) */
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
      /** @description FORBIDDEN: administrators only */
      403: {
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
  AdminFederation_crawl: {
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
      /** @description A crawl is queued (suspended peers too) */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PeerView'];
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
      /** @description FORBIDDEN: administrators only */
      403: {
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
  AdminFederation_approveKey: {
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
      /** @description The changed key is pinned and crawling resumes */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PeerView'];
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
      /** @description FORBIDDEN: administrators only */
      403: {
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
  AdminFederation_rules: {
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
          'application/json': components['schemas']['DomainRuleList'];
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
      /** @description FORBIDDEN: administrators only */
      403: {
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
  AdminFederation_addRule: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['DomainRuleRequest'];
      };
    };
    responses: {
      /** @description Set (or replaced) and applied to every peer at once */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DomainRuleView'];
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
      /** @description FORBIDDEN: administrators only */
      403: {
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
  AdminFederation_removeRule: {
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
      /** @description FORBIDDEN: administrators only */
      403: {
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
  AdminFederation_settings: {
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
          'application/json': components['schemas']['FederationSettingsView'];
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
      /** @description FORBIDDEN: administrators only */
      403: {
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
  AdminFederation_updateSettings: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['FederationSettingsRequest'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['FederationSettingsView'];
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
      /** @description FORBIDDEN: administrators only */
      403: {
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
  Organizations_list: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Your organizations, with your role in each */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['OrganizationList'];
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
  Organizations_create: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateOrganizationRequest'];
      };
    };
    responses: {
      /** @description Created; you are its Owner */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['OrganizationView'];
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
      /** @description PLAN_LIMIT_REACHED (only when billing is on): organizations: you own as many organizations as your plan allows. details: limit, plan, allowed, used, wanted, upgradeUrl */
      402: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description ORGANIZATION_CREATION_DISABLED (ORGANIZATION_CREATION) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description HANDLE_TAKEN: a user or an organization has this name */
      409: {
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
  Organizations_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        slug: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['OrganizationView'];
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
      /** @description ORGANIZATION_NOT_FOUND: no such organization, or you are not a member */
      404: {
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
  Organizations_delete: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        slug: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Deleted with its blueprints (tombstoned for peers), tokens and invitations */
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
      /** @description REAUTHENTICATION_REQUIRED: sign in again first; ORGANIZATION_ROLE_REQUIRED: your role does not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description ORGANIZATION_NOT_FOUND: no such organization, or you are not a member */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description BILLING_SUBSCRIPTION_RENEWS: cancel the organization’s subscription first */
      409: {
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
  Organizations_update: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        slug: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateOrganizationRequest'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['OrganizationView'];
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
      /** @description ORGANIZATION_ROLE_REQUIRED: your role does not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description ORGANIZATION_NOT_FOUND: no such organization, or you are not a member */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description HANDLE_TAKEN */
      409: {
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
  Organizations_members: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        slug: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MemberList'];
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
      /** @description ORGANIZATION_NOT_FOUND: no such organization, or you are not a member */
      404: {
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
  Organizations_removeMember: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        slug: string;
        member: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Removed (or, for yourself, left). The member is a handle or a user id */
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
      /** @description ORGANIZATION_ROLE_REQUIRED: your role does not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description ORGANIZATION_NOT_FOUND: no such organization, or you are not a member; MEMBER_NOT_FOUND */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description LAST_OWNER: the last Owner cannot leave */
      409: {
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
  Organizations_changeRole: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        slug: string;
        member: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ChangeRoleRequest'];
      };
    };
    responses: {
      /** @description The member is a handle or a user id */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MemberView'];
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
      /** @description ORGANIZATION_ROLE_REQUIRED: your role does not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description ORGANIZATION_NOT_FOUND: no such organization, or you are not a member; MEMBER_NOT_FOUND */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description LAST_OWNER: the last Owner cannot be demoted */
      409: {
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
  Organizations_invitationList: {
    parameters: {
      query?: {
        /** @description pending (default) or all, with their status */
        status?: 'pending' | 'all';
      };
      header?: never;
      path: {
        slug: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Newest first; pending only unless status=all */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['OrganizationInvitationList'];
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
      /** @description ORGANIZATION_ROLE_REQUIRED: your role does not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description ORGANIZATION_NOT_FOUND: no such organization, or you are not a member */
      404: {
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
  Organizations_invite: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        slug: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateInvitationRequest'];
      };
    };
    responses: {
      /** @description Mailed; replaces a pending one to the address */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['OrganizationInvitationView'];
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
      /** @description PLAN_LIMIT_REACHED (only when billing is on): seats: members, pending invitations and this one would exceed the plan (details.used counts both). details: limit, plan, allowed, used, wanted, upgradeUrl */
      402: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description ORGANIZATION_ROLE_REQUIRED: your role does not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description ORGANIZATION_NOT_FOUND: no such organization, or you are not a member */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description ALREADY_MEMBER */
      409: {
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
  Organizations_revoke: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        slug: string;
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Revoked: the link no longer works */
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
      /** @description ORGANIZATION_ROLE_REQUIRED: your role does not allow this */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description ORGANIZATION_NOT_FOUND: no such organization, or you are not a member; INVITATION_NOT_FOUND */
      404: {
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
  Organizations_preview: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        token: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['InvitationPreview'];
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
      /** @description INVITATION_NOT_FOUND: unknown, revoked or used */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description INVITATION_EXPIRED */
      410: {
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
  Organizations_accept: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        token: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description You are now a member */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['InvitationAccepted'];
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
      /** @description PLAN_LIMIT_REACHED (only when billing is on): seats: the organization's plan has no seat left for a new member (the invitation stays pending). details: limit, plan, allowed, used, wanted, upgradeUrl */
      402: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description INVITATION_EMAIL_MISMATCH: sign in as the invited, verified address */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description INVITATION_NOT_FOUND: unknown, revoked or used */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description ALREADY_MEMBER */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description INVITATION_EXPIRED */
      410: {
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
  Billing_mine: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Your plan, usage against its limits, and the plans on offer */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['BillingSummary'];
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
      /** @description BILLING_DISABLED: billing is off on this instance; ORGANIZATION_NOT_FOUND */
      404: {
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
  Billing_organization: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        slug: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['BillingSummary'];
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
      /** @description ORGANIZATION_ROLE_REQUIRED: Owners and Admins only */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description BILLING_DISABLED: billing is off on this instance; ORGANIZATION_NOT_FOUND */
      404: {
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
  Billing_checkout: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CheckoutRequest'];
      };
    };
    responses: {
      /** @description Stripe Checkout for the plan; the server picks the Price */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['BillingRedirect'];
        };
      };
      /** @description BILLING_PLAN_UNKNOWN, BILLING_PLAN_NOT_FOR_ACCOUNT, BILLING_PLAN_FREE, BILLING_INTERVAL_UNAVAILABLE, VALIDATION_FAILED */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
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
      /** @description ORGANIZATION_ROLE_REQUIRED: Owners and Admins only */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description BILLING_DISABLED: billing is off on this instance; ORGANIZATION_NOT_FOUND */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description BILLING_SUBSCRIPTION_EXISTS: use the portal */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description BILLING_PROVIDER_UNAVAILABLE: Stripe could not be reached or refused the call */
      502: {
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
  Billing_checkoutResult: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        sessionId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description After Checkout: its status, with the subscription written at once when it is complete */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CheckoutSessionView'];
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
      /** @description BILLING_CHECKOUT_NOT_FOUND; BILLING_DISABLED: billing is off on this instance; ORGANIZATION_NOT_FOUND */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description BILLING_PROVIDER_UNAVAILABLE: Stripe could not be reached or refused the call */
      502: {
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
  Billing_portal: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['PortalRequest'];
      };
    };
    responses: {
      /** @description The Stripe Customer Portal: cards, invoices, plan, cancel */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['BillingRedirect'];
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
      /** @description ORGANIZATION_ROLE_REQUIRED: Owners and Admins only */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description BILLING_CUSTOMER_NOT_FOUND: never subscribed; BILLING_DISABLED: billing is off on this instance; ORGANIZATION_NOT_FOUND */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description BILLING_PROVIDER_UNAVAILABLE: Stripe could not be reached or refused the call */
      502: {
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
  Billing_seats: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        slug: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['SeatsRequest'];
      };
    };
    responses: {
      /** @description The paid seats, changed through Stripe with proration */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['BillingSummary'];
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
      /** @description ORGANIZATION_ROLE_REQUIRED: Owners and Admins only */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description BILLING_DISABLED: billing is off on this instance; ORGANIZATION_NOT_FOUND */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description BILLING_PLAN_NOT_PER_SEAT, BILLING_SEATS_FOLLOW_MEMBERS, BILLING_SEATS_BELOW_MEMBERS */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description BILLING_PROVIDER_UNAVAILABLE: Stripe could not be reached or refused the call */
      502: {
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
  BillingWebhook_receive: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Stored (or seen before); unknown event types are ignored */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WebhookReceipt'];
        };
      };
      /** @description BILLING_WEBHOOK_SIGNATURE_INVALID: bad or missing signature, or a timestamp outside the tolerance; BILLING_WEBHOOK_EVENT_INVALID: signed, but not an event (no id, type or data.object); MALFORMED_JSON */
      400: {
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
  AdminBilling_subscriptions: {
    parameters: {
      query?: {
        status?: string;
        page?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Every subscription and its state, 50 per page */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AdminSubscriptionList'];
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
      /** @description FORBIDDEN: administrators only */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description BILLING_DISABLED */
      404: {
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
  Mcp_streamNotSupported: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description MCP_METHOD_NOT_ALLOWED */
      405: {
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
  Mcp_post: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': Record<string, never>;
      };
    };
    responses: {
      /** @description The JSON-RPC response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': Record<string, never>;
        };
      };
      /** @description Not a JSON-RPC message (or the envelope) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['JsonRpcErrorResponse'];
        };
      };
      /** @description Accept must list application/json and text/event-stream */
      406: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['JsonRpcErrorResponse'];
        };
      };
      /** @description PAYLOAD_TOO_LARGE, MCP_BATCH_TOO_LARGE */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description Content-Type must be application/json */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['JsonRpcErrorResponse'];
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
  Mcp_sessionNotSupported: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description MCP_METHOD_NOT_ALLOWED */
      405: {
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
  SavedVariables_list: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Your values, decrypted for you alone */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SavedVariableList'];
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
  SavedVariables_set: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        name: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['SaveVariableRequest'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SavedVariable'];
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
  SavedVariables_delete: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        name: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
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
}
