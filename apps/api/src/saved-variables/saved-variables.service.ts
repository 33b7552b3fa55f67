import { Injectable } from '@nestjs/common';
import type { Principal, UserPrincipal } from '../auth/principal';
import { FieldEncryption } from '../common/crypto/field-encryption';
import { canonicalVariableName } from '@lynxprompt/formats';
import {
  InvalidVariableNameError,
  SavedVariableNotFoundError,
  TooManySavedVariablesError,
} from './saved-variables.errors';
import { SavedVariablesRepository } from './saved-variables.repository';

const NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
const MAX_SAVED = 200;

export interface SavedVariableView {
  name: string;
  value: string;
  updatedAt: string;
}

/** Names follow the [[NAME]] placeholders they fill: case-insensitive, stored in canonical form. */
function checkedName(name: string): string {
  if (!NAME.test(name)) throw new InvalidVariableNameError(name);
  return canonicalVariableName(name);
}

/**
 * A user's own values for template variables. They are often secrets (API keys, hosts), so they are encrypted at
 * rest, bound to the user and the name, and only ever shown to their owner or used to render for them.
 */
@Injectable()
export class SavedVariablesService {
  constructor(
    private readonly repository: SavedVariablesRepository,
    private readonly encryption: FieldEncryption,
  ) {}

  async list(userId: string): Promise<SavedVariableView[]> {
    const rows = await this.repository.list(userId);
    return rows.map((row) => ({
      name: row.name,
      value: this.encryption.decrypt(row.valueEncrypted, context(userId, row.name)),
      updatedAt: row.updatedAt.toISOString(),
    }));
  }

  /**
   * The values that fill templates for this caller: only a fully signed-in session, or an API token holding
   * `variables:read`, uses them; anyone else (anonymous, a token without the scope) gets none.
   */
  async valuesFor(principal: Principal | undefined): Promise<Record<string, string>> {
    if (!mayUseSavedValues(principal)) return {};
    const values: Record<string, string> = {};
    for (const variable of await this.list(principal.userId)) values[variable.name] = variable.value;
    return values;
  }

  async set(userId: string, rawName: string, value: string): Promise<SavedVariableView> {
    const name = checkedName(rawName);
    const existing = await this.repository.list(userId);
    if (existing.length >= MAX_SAVED && !existing.some((row) => row.name === name)) {
      throw new TooManySavedVariablesError(MAX_SAVED);
    }
    const row = await this.repository.upsert(userId, name, this.encryption.encrypt(value, context(userId, name)));
    return { name: row.name, value, updatedAt: row.updatedAt.toISOString() };
  }

  async delete(userId: string, rawName: string): Promise<void> {
    if (!(await this.repository.delete(userId, checkedName(rawName)))) throw new SavedVariableNotFoundError();
  }
}

/** Organization tokens are nobody's: they never fill in anyone's values. */
export function mayUseSavedValues(principal: Principal | undefined): principal is UserPrincipal {
  if (principal?.kind === 'session') return principal.state === 'active';
  return principal?.kind === 'token' && principal.scopes.includes('variables:read');
}

function context(userId: string, name: string): string {
  return `saved-variable:${userId}:${name}`;
}
