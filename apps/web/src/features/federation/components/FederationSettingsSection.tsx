import { ApiErrorNotice } from '../../../shared/components/ApiErrorNotice';
import { FormError } from '../../../shared/components/FormError';
import { LoadingState } from '../../../shared/components/LoadingState';
import type { FederationSettings } from '../api/federation-types';
import { useFederationSettings, useUpdateFederationSettings } from '../hooks/use-federation';

const SWITCHES: Array<{ key: keyof FederationSettings; label: string; hint: string }> = [
  {
    key: 'allowlistMode',
    label: 'Allowlist mode',
    hint: 'Federate only with domains that have an allow rule.',
  },
  {
    key: 'acceptRegistrations',
    label: 'Accept registrations',
    hint: 'Other instances may register themselves here through the registry endpoints.',
  },
];

/** The instance-wide federation switches; each change applies at once. */
export function FederationSettingsSection() {
  const settings = useFederationSettings();
  const update = useUpdateFederationSettings();

  if (settings.isPending) return <LoadingState label="Loading the federation settings…" />;
  if (!settings.data) {
    return (
      <ApiErrorNotice
        title="The federation settings could not be loaded"
        error={settings.error}
        onRetry={() => void settings.refetch()}
        retrying={settings.isFetching}
      />
    );
  }
  const current = settings.data;
  return (
    <div className="stack stack--tight">
      {SWITCHES.map(({ key, label, hint }) => (
        <label key={key} className="choice">
          <input
            type="checkbox"
            role="switch"
            name={key}
            checked={current[key]}
            disabled={update.isPending}
            onChange={(event) => update.mutate({ [key]: event.target.checked })}
          />
          <span className="choice__text">
            <span className="choice__label">{label}</span>
            <span className="choice__hint">{hint}</span>
          </span>
        </label>
      ))}
      {update.error && <FormError error={update.error} />}
    </div>
  );
}
