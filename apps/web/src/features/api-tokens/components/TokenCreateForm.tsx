import type { UseMutationResult } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import type { ApiError } from '../../../shared/api/api-error';
import { FormError } from '../../../shared/components/FormError';
import { EXPIRY_CHOICES } from '../scopes';

/** A scope the form offers; the hint is left out where it would not fit (it speaks of “your” content). */
export interface ScopeChoice<Scope extends string> {
  value: Scope;
  label: string;
  hint?: string;
}

/** What the form sends: the same for personal and organization tokens but for the scopes allowed. */
export interface TokenRequest<Scope extends string> {
  name: string;
  scopes: Scope[];
  environment: 'production' | 'development';
  expiresInDays?: number;
}

interface TokenCreateFormProps<Scope extends string, Created> {
  /** The form's accessible name, e.g. “Create an API token”. */
  label: string;
  placeholder: string;
  scopeChoices: ReadonlyArray<ScopeChoice<Scope>>;
  /** Checked when the form opens. */
  defaultScopes: Scope[];
  create: Pick<UseMutationResult<Created, ApiError, TokenRequest<Scope>>, 'mutate' | 'isPending' | 'isError' | 'error'>;
  onCreated: (token: Created) => void;
  onCancel: () => void;
}

/** Name, scopes, environment and expiry of a new token; `create` is the caller's mutation (personal or organization). */
export function TokenCreateForm<Scope extends string, Created>({
  label,
  placeholder,
  scopeChoices,
  defaultScopes,
  create,
  onCreated,
  onCancel,
}: TokenCreateFormProps<Scope, Created>) {
  const nameId = useId();
  const expiryId = useId();
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<Scope[]>(defaultScopes);
  const [environment, setEnvironment] = useState<TokenRequest<Scope>['environment']>('production');
  const [expiresInDays, setExpiresInDays] = useState(90);

  function toggleScope(scope: Scope, on: boolean) {
    setScopes((current) => (on ? [...current, scope] : current.filter((value) => value !== scope)));
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate(
      { name: name.trim(), scopes, environment, ...(expiresInDays > 0 ? { expiresInDays } : {}) },
      { onSuccess: onCreated },
    );
  }

  return (
    <form className="stack subpanel" onSubmit={submit} aria-label={label}>
      <div className="field">
        <label className="field__label" htmlFor={nameId}>
          Token name
        </label>
        <input
          id={nameId}
          className="input"
          name="token-name"
          required
          maxLength={80}
          placeholder={placeholder}
          value={name}
          onChange={(event) => setName(event.target.value)}
        />
      </div>
      <fieldset className="fieldset">
        <legend>Scopes</legend>
        <div className="choice-grid">
          {scopeChoices.map((scope) => (
            <label key={scope.value} className="choice">
              <input
                type="checkbox"
                name="scopes"
                value={scope.value}
                checked={scopes.includes(scope.value)}
                onChange={(event) => toggleScope(scope.value, event.target.checked)}
              />
              <span className="choice__text">
                <span className="choice__label">{scope.label}</span>
                <code className="choice__hint">{scope.value}</code>
                {scope.hint !== undefined && <span className="choice__hint">{scope.hint}</span>}
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset className="fieldset">
        <legend>Environment</legend>
        <div className="choice-grid">
          {(['production', 'development'] as const).map((value) => (
            <label key={value} className="choice">
              <input
                type="radio"
                name="environment"
                value={value}
                checked={environment === value}
                onChange={() => setEnvironment(value)}
              />
              <span className="choice__text">
                <span className="choice__label">{value === 'production' ? 'Production' : 'Development'}</span>
                <span className="choice__hint">
                  {value === 'production'
                    ? 'Reads the published versions of blueprints.'
                    : 'Reads the latest drafts, for trying changes before publishing.'}
                </span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <div className="field">
        <label className="field__label" htmlFor={expiryId}>
          Expires after
        </label>
        <select
          id={expiryId}
          className="select input--short"
          value={expiresInDays}
          onChange={(event) => setExpiresInDays(Number(event.target.value))}
        >
          {EXPIRY_CHOICES.map((choice) => (
            <option key={choice.days} value={choice.days}>
              {choice.label}
            </option>
          ))}
        </select>
      </div>
      {scopes.length === 0 && (
        <p className="field__hint" role="status">
          Choose at least one scope.
        </p>
      )}
      {create.isError && <FormError error={create.error} />}
      <div className="cluster">
        <button type="submit" className="button button--primary" disabled={create.isPending || scopes.length === 0}>
          {create.isPending ? 'Creating…' : 'Create token'}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
