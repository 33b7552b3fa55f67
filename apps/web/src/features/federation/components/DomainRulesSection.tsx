import { useId, useState, type FormEvent } from 'react';
import { ApiErrorNotice } from '../../../shared/components/ApiErrorNotice';
import { ConfirmAction } from '../../../shared/components/ConfirmAction';
import { FormError } from '../../../shared/components/FormError';
import { LoadingState } from '../../../shared/components/LoadingState';
import { formatDate } from '../../../shared/format';
import { RULE_ACTION_HINTS, RULE_ACTION_LABELS, RULE_ACTIONS, type DomainRuleAction } from '../api/federation-types';
import { useAddDomainRule, useDomainRules, useRemoveDomainRule } from '../hooks/use-federation';

/** Block, silence or allow a domain (and its subdomains); the most specific rule wins. */
export function DomainRulesSection() {
  const rules = useDomainRules();
  const remove = useRemoveDomainRule();

  return (
    <div className="stack">
      <AddRuleForm />
      {remove.error && <FormError error={remove.error} />}
      {rules.data ? (
        rules.data.length === 0 ? (
          <p className="empty-state">No domain rules.</p>
        ) : (
          <div className="table-scroll">
            <table className="table">
              <caption className="visually-hidden">Domain rules</caption>
              <thead>
                <tr>
                  <th scope="col">Domain</th>
                  <th scope="col">Action</th>
                  <th scope="col">Note</th>
                  <th scope="col">Added</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {rules.data.map((rule) => (
                  <tr key={rule.id}>
                    <th scope="row">
                      <code>{rule.domain}</code>
                    </th>
                    <td>
                      <span className={rule.action === 'allow' ? 'badge badge--success' : 'badge badge--danger'}>
                        {RULE_ACTION_LABELS[rule.action]}
                      </span>
                    </td>
                    <td className="break-anywhere">{rule.note || '—'}</td>
                    <td className="table__nowrap">{formatDate(rule.createdAt)}</td>
                    <td>
                      <div className="federation__actions">
                        <ConfirmAction
                          label="Remove"
                          busyLabel="Removing…"
                          busy={remove.isPending && remove.variables === rule.id}
                          triggerAriaLabel={`Remove the rule for ${rule.domain}`}
                          confirmAriaLabel={`Confirm removing the rule for ${rule.domain}`}
                          onOpen={() => remove.reset()}
                          onConfirm={(close) => remove.mutate(rule.id, { onSettled: close })}
                        />
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )
      ) : rules.isPending ? (
        <LoadingState label="Loading the domain rules…" />
      ) : (
        <ApiErrorNotice
          title="The domain rules could not be loaded"
          error={rules.error}
          onRetry={() => void rules.refetch()}
          retrying={rules.isFetching}
        />
      )}
    </div>
  );
}

function AddRuleForm() {
  const domainId = useId();
  const actionId = useId();
  const actionHintId = useId();
  const noteId = useId();
  const [domain, setDomain] = useState('');
  const [action, setAction] = useState<DomainRuleAction>('block');
  const [note, setNote] = useState('');
  const add = useAddDomainRule();

  function submit(event: FormEvent) {
    event.preventDefault();
    const value = domain.trim();
    if (!value) return;
    add.mutate(
      { domain: value, action, ...(note.trim() ? { note: note.trim() } : {}) },
      {
        onSuccess: () => {
          setDomain('');
          setNote('');
        },
      },
    );
  }

  return (
    <div className="stack stack--tight">
      <form className="federation__form" onSubmit={submit} aria-label="Add a domain rule">
        <div className="field">
          <label className="field__label" htmlFor={domainId}>
            Domain
          </label>
          <input
            id={domainId}
            className="input"
            name="rule-domain"
            required
            autoComplete="off"
            spellCheck={false}
            maxLength={253}
            placeholder="spam.example"
            value={domain}
            onChange={(event) => setDomain(event.target.value)}
          />
        </div>
        <div className="field">
          <label className="field__label" htmlFor={actionId}>
            Action
          </label>
          <select
            id={actionId}
            className="select"
            value={action}
            aria-describedby={actionHintId}
            onChange={(event) => setAction(event.target.value as DomainRuleAction)}
          >
            {RULE_ACTIONS.map((value) => (
              <option key={value} value={value}>
                {RULE_ACTION_LABELS[value]}
              </option>
            ))}
          </select>
        </div>
        <div className="field federation__note">
          <label className="field__label" htmlFor={noteId}>
            Note <span className="field__hint">(optional)</span>
          </label>
          <input
            id={noteId}
            className="input"
            name="rule-note"
            maxLength={500}
            value={note}
            onChange={(event) => setNote(event.target.value)}
          />
        </div>
        <button type="submit" className="button button--primary" disabled={add.isPending}>
          {add.isPending ? 'Adding…' : 'Add rule'}
        </button>
      </form>
      <p id={actionHintId} className="field__hint">
        {RULE_ACTION_LABELS[action]}: {RULE_ACTION_HINTS[action]} A rule for a domain also matches its subdomains.
      </p>
      {add.error && <FormError error={add.error} />}
    </div>
  );
}
