import { useId, type FormEvent } from 'react';
import { Link } from 'react-router';
import { FormError } from '../../../shared/components/FormError';
import type { BlueprintDetail, VariableSource } from '../api/blueprint-types';
import { useRender } from '../hooks/use-blueprint';
import { renderLocally } from '../local-export';
import { BlueprintContent } from './BlueprintContent';

const SOURCE_LABELS: Record<VariableSource, string> = {
  request: 'your value',
  saved: 'your saved value',
  default: 'default',
  unresolved: 'no value',
};

interface VariablesFormProps {
  blueprint: BlueprintDetail;
  values: Record<string, string>;
  onChange: (values: Record<string, string>) => void;
  signedIn: boolean;
  syntax?: string;
}

/** Only what the reader typed: empty fields fall back to saved values, then defaults, on the server. */
export function filledValues(values: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== ''));
}

/**
 * One field per template variable. With every value typed in, the browser fills the template as the reader types;
 * otherwise the server fills in the rest from saved values (which may be secret and stay there) and defaults, and
 * answers with the preview. Nothing is stored either way.
 */
export function VariablesForm({ blueprint, values, onChange, signedIn, syntax }: VariablesFormProps) {
  const baseId = useId();
  const render = useRender(blueprint.id);
  const typed = filledValues(values);
  const complete = blueprint.variables.every((variable) => typed[variable.name] !== undefined);
  // Cheap next to a render of the page: no memo needed.
  const local = complete
    ? renderLocally(blueprint.content, blueprint.format, typed, { name: blueprint.name })
    : undefined;
  const shown = local ? ('problem' in local ? undefined : local.rendered) : render.data;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!complete) render.mutate({ values: typed });
  }

  return (
    <div className="stack">
      <form className="stack" onSubmit={submit} aria-label="Fill in variables">
        <p className="field__hint">
          Empty fields use {signedIn ? <Link to="/settings/variables">your saved values</Link> : 'saved values'}, then
          the blueprint’s defaults.
        </p>
        <div className="form-grid">
          {blueprint.variables.map((variable, index) => {
            const id = `${baseId}-${index}`;
            return (
              <div className="field" key={variable.name}>
                <label className="field__label" htmlFor={id}>
                  <code>{variable.name}</code>
                </label>
                <input
                  id={id}
                  className="input"
                  name={variable.name}
                  autoComplete="off"
                  placeholder={variable.defaultValue ?? ''}
                  value={values[variable.name] ?? ''}
                  onChange={(event) => onChange({ ...values, [variable.name]: event.target.value })}
                />
                {variable.defaultValue !== undefined && (
                  <p className="field__hint">Default: {variable.defaultValue || '(empty)'}</p>
                )}
              </div>
            );
          })}
        </div>
        {complete ? (
          <p className="field__hint">Every value is typed in: the preview below fills in as you type.</p>
        ) : (
          <div>
            <button type="submit" className="button button--primary" disabled={render.isPending}>
              {render.isPending ? 'Filling in…' : 'Fill in and preview'}
            </button>
          </div>
        )}
      </form>
      {local && 'problem' in local && (
        <p className="callout callout--warning" role="alert">
          With these values the file no longer reads as its format: {local.problem}
        </p>
      )}
      {!local && render.error && <FormError error={render.error} />}
      {shown && (
        <section className="stack stack--tight" aria-label="Rendered preview">
          <h3 className="subpanel__title">Preview</h3>
          <ul className="variable-sources" aria-label="Where each value came from">
            {shown.variables.map((variable) => (
              <li key={variable.name}>
                <code>{variable.name}</code>: {SOURCE_LABELS[variable.source]}
              </li>
            ))}
          </ul>
          {shown.unresolved.length > 0 && (
            <p className="callout callout--warning" role="status">
              Still without a value: {shown.unresolved.map((name) => `[[${name}]]`).join(', ')}
            </p>
          )}
          <div className="subpanel">
            <BlueprintContent content={shown.content} syntax={syntax} />
          </div>
        </section>
      )}
    </div>
  );
}
