import { useId, useState, type FormEvent } from 'react';
import { ApiErrorNotice } from '../../../shared/components/ApiErrorNotice';
import { ConfirmAction } from '../../../shared/components/ConfirmAction';
import { FormError } from '../../../shared/components/FormError';
import { LoadingState } from '../../../shared/components/LoadingState';
import { formatDateTime } from '../../../shared/format';
import { canonicalName, VARIABLE_NAME, type SavedVariable } from '../api/saved-variables-api';
import { useDeleteSavedVariable, usePutSavedVariable, useSavedVariables } from '../hooks/use-saved-variables';

/** Personal values for [[VARIABLES]]: listed masked, revealed one at a time, added, changed and deleted. */
export function SavedVariablesSection() {
  const { data: variables, error, isPending, refetch, isFetching } = useSavedVariables();
  const [adding, setAdding] = useState(false);

  return (
    <div className="stack">
      {isPending ? (
        <LoadingState label="Loading saved variables…" />
      ) : variables ? (
        variables.length === 0 ? (
          <p className="empty-state">No saved variables.</p>
        ) : (
          <ul className="item-list" aria-label="Saved variables">
            {[...variables]
              .sort((a, b) => a.name.localeCompare(b.name))
              .map((variable) => (
                <VariableItem key={variable.name} variable={variable} />
              ))}
          </ul>
        )
      ) : (
        <ApiErrorNotice
          title="Saved variables could not be loaded"
          error={error}
          onRetry={() => void refetch()}
          retrying={isFetching}
        />
      )}
      {adding ? (
        <VariableForm existing={variables?.map((variable) => variable.name) ?? []} onDone={() => setAdding(false)} />
      ) : (
        <div>
          <button type="button" className="button button--secondary" onClick={() => setAdding(true)}>
            Add a variable
          </button>
        </div>
      )}
    </div>
  );
}

function VariableItem({ variable }: { variable: SavedVariable }) {
  const [revealed, setRevealed] = useState(false);
  const [editing, setEditing] = useState(false);
  const remove = useDeleteSavedVariable();

  return (
    <li className="item">
      <div className="item__main">
        <p className="item__title">
          <code>{variable.name}</code>
        </p>
        {editing ? (
          <VariableForm variable={variable} onDone={() => setEditing(false)} />
        ) : (
          <p className="item__meta">
            {revealed ? (
              <code className="saved-variable__value">{variable.value}</code>
            ) : (
              <span aria-label="Hidden value" role="img">
                ••••••••
              </span>
            )}
            {' · '}updated {formatDateTime(variable.updatedAt)}
          </p>
        )}
        {remove.error && <FormError error={remove.error} />}
      </div>
      {!editing && (
        <div className="item__actions">
          <button
            type="button"
            className="button button--secondary button--small"
            aria-pressed={revealed}
            aria-label={`${revealed ? 'Hide' : 'Reveal'} the value of ${variable.name}`}
            onClick={() => setRevealed(!revealed)}
          >
            {revealed ? 'Hide' : 'Reveal'}
          </button>
          <button
            type="button"
            className="button button--secondary button--small"
            aria-label={`Edit ${variable.name}`}
            onClick={() => setEditing(true)}
          >
            Edit
          </button>
          <ConfirmAction
            label="Delete"
            busyLabel="Deleting…"
            busy={remove.isPending}
            triggerAriaLabel={`Delete ${variable.name}`}
            confirmAriaLabel={`Confirm deleting ${variable.name}`}
            onOpen={() => remove.reset()}
            onConfirm={(close) => remove.mutate(variable.name, { onSettled: close })}
          />
        </div>
      )}
    </li>
  );
}

interface VariableFormProps {
  /** The variable being edited; its name is fixed. Without it, the form adds a new one. */
  variable?: SavedVariable;
  existing?: string[];
  onDone: () => void;
}

function VariableForm({ variable, existing = [], onDone }: VariableFormProps) {
  const nameId = useId();
  const valueId = useId();
  const nameHelpId = useId();
  const [name, setName] = useState(variable?.name ?? '');
  const [value, setValue] = useState(variable?.value ?? '');
  const [showValue, setShowValue] = useState(false);
  const put = usePutSavedVariable();
  const trimmed = name.trim();
  const nameInvalid = trimmed !== '' && !VARIABLE_NAME.test(trimmed);
  const replaces = !variable && existing.includes(canonicalName(trimmed));

  function submit(event: FormEvent) {
    event.preventDefault();
    if (nameInvalid || trimmed === '') return;
    put.mutate({ name: canonicalName(trimmed), value }, { onSuccess: onDone });
  }

  return (
    <form
      className="stack stack--tight subpanel"
      onSubmit={submit}
      aria-label={variable ? `Edit ${variable.name}` : 'Add a variable'}
    >
      {!variable && (
        <div className="field">
          <label className="field__label" htmlFor={nameId}>
            Name
          </label>
          <input
            id={nameId}
            className="input"
            required
            autoComplete="off"
            spellCheck={false}
            placeholder="OPENAI_API_KEY"
            aria-invalid={nameInvalid ? true : undefined}
            aria-describedby={nameHelpId}
            value={name}
            onChange={(event) => setName(event.target.value)}
          />
          <p id={nameHelpId} className={nameInvalid ? 'text-warning' : 'field__hint'}>
            {nameInvalid
              ? 'Use letters, digits and “_”, starting with a letter or “_”.'
              : replaces
                ? `You already have ${canonicalName(trimmed)}: saving replaces its value.`
                : 'As written in blueprints, e.g. [[OPENAI_API_KEY]]; names ignore case.'}
          </p>
        </div>
      )}
      <div className="field">
        <label className="field__label" htmlFor={valueId}>
          {variable ? `New value for ${variable.name}` : 'Value'}
        </label>
        <input
          id={valueId}
          className="input"
          type={showValue ? 'text' : 'password'}
          autoComplete="off"
          spellCheck={false}
          value={value}
          onChange={(event) => setValue(event.target.value)}
        />
      </div>
      <label className="choice">
        <input type="checkbox" checked={showValue} onChange={(event) => setShowValue(event.target.checked)} />
        <span className="choice__label">Show the value while typing</span>
      </label>
      {put.error && <FormError error={put.error} />}
      <div className="cluster">
        <button type="submit" className="button button--primary button--small" disabled={put.isPending}>
          {put.isPending ? 'Saving…' : 'Save'}
        </button>
        <button type="button" className="button button--secondary button--small" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
