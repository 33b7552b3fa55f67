import { useId, useState, type FormEvent } from 'react';
import { ApiErrorNotice } from '../../../shared/components/ApiErrorNotice';
import { FormError } from '../../../shared/components/FormError';
import { LoadingState } from '../../../shared/components/LoadingState';
import type { TotpSetup } from '../api/two-step-api';
import {
  useConfirmTotp,
  useDisableTwoStep,
  useRegenerateRecoveryCodes,
  useStartTotpSetup,
  useTwoStepStatus,
} from '../hooks/use-two-step';
import { RecoveryCodes } from './RecoveryCodes';

/** Groups of four, as authenticator apps show secrets for manual entry. */
function groupSecret(secret: string): string {
  return secret.replace(/\s+/g, '').replace(/(.{4})(?=.)/g, '$1 ');
}

export function TwoStepSection() {
  const { data: status, error, isPending, refetch, isFetching } = useTwoStepStatus();
  const [codes, setCodes] = useState<string[] | undefined>();

  if (isPending) return <LoadingState label="Loading two-step verification…" />;
  if (!status) {
    return (
      <ApiErrorNotice
        title="Two-step verification status could not be loaded"
        error={error}
        onRetry={() => void refetch()}
        retrying={isFetching}
      />
    );
  }

  return (
    <div className="stack">
      {codes && <RecoveryCodes codes={codes} onDone={() => setCodes(undefined)} />}
      {status.totpEnabled ? (
        <EnabledTwoStep remaining={status.recoveryCodesRemaining} onNewCodes={setCodes} />
      ) : (
        <TotpSetupFlow onEnabled={setCodes} />
      )}
    </div>
  );
}

function TotpSetupFlow({ onEnabled }: { onEnabled: (codes: string[]) => void }) {
  const setup = useStartTotpSetup();

  if (!setup.data) {
    return (
      <div className="stack stack--tight">
        <p>
          <span className="badge">Off</span> Add a second step to signing in: a 6-digit code from an authenticator app
          such as 1Password, Bitwarden, Google Authenticator or Aegis.
        </p>
        {setup.isError && <FormError error={setup.error} />}
        <div>
          <button
            type="button"
            className="button button--primary"
            onClick={() => setup.mutate()}
            disabled={setup.isPending}
          >
            {setup.isPending ? 'Preparing…' : 'Set up an authenticator app'}
          </button>
        </div>
      </div>
    );
  }
  return <ConfirmTotp setup={setup.data} onCancel={() => setup.reset()} onEnabled={onEnabled} />;
}

function ConfirmTotp({
  setup,
  onCancel,
  onEnabled,
}: {
  setup: TotpSetup;
  onCancel: () => void;
  onEnabled: (codes: string[]) => void;
}) {
  const codeId = useId();
  const secretId = useId();
  const [code, setCode] = useState('');
  const confirm = useConfirmTotp(onEnabled);

  function submit(event: FormEvent) {
    event.preventDefault();
    confirm.mutate(code.replace(/\s+/g, ''));
  }

  return (
    <div className="totp-setup">
      <ol className="steps">
        <li>
          <p>Scan this QR code with your authenticator app.</p>
          <img
            className="totp-setup__qr"
            src={setup.qrCodeDataUrl}
            alt="QR code to add this account to an authenticator app"
            width={200}
            height={200}
          />
        </li>
        <li>
          <p id={secretId}>Or enter this key by hand:</p>
          <code className="secret" aria-labelledby={secretId} data-testid="totp-secret">
            {groupSecret(setup.secret)}
          </code>
        </li>
        <li>
          <form className="stack stack--tight" onSubmit={submit}>
            <div className="field">
              <label className="field__label" htmlFor={codeId}>
                Enter the 6-digit code the app shows
              </label>
              <input
                id={codeId}
                className="input input--code input--short"
                name="code"
                inputMode="numeric"
                autoComplete="one-time-code"
                pattern="[0-9 ]*"
                maxLength={7}
                required
                value={code}
                onChange={(event) => setCode(event.target.value)}
              />
            </div>
            {confirm.isError && <FormError error={confirm.error} />}
            <div className="cluster">
              <button type="submit" className="button button--primary" disabled={confirm.isPending}>
                {confirm.isPending ? 'Checking…' : 'Turn on two-step verification'}
              </button>
              <button type="button" className="button button--secondary" onClick={onCancel}>
                Cancel
              </button>
            </div>
          </form>
        </li>
      </ol>
    </div>
  );
}

function EnabledTwoStep({ remaining, onNewCodes }: { remaining: number; onNewCodes: (codes: string[]) => void }) {
  const [confirming, setConfirming] = useState<'none' | 'disable' | 'regenerate'>('none');
  const disable = useDisableTwoStep();
  const regenerate = useRegenerateRecoveryCodes((codes) => {
    setConfirming('none');
    onNewCodes(codes);
  });

  return (
    <div className="stack stack--tight">
      <p>
        <span className="badge badge--success">On</span> Signing in asks for a code from your authenticator app (or a
        passkey, or a recovery code).
      </p>
      <p className={remaining <= 3 ? 'text-warning' : 'field__hint'}>
        {remaining === 1 ? '1 recovery code left.' : `${remaining} recovery codes left.`}
        {remaining <= 3 && ' Generate new ones soon.'}
      </p>
      {disable.isError && <FormError error={disable.error} />}
      {regenerate.isError && <FormError error={regenerate.error} />}
      {confirming === 'disable' ? (
        <div className="callout stack stack--tight">
          <p>Turn off two-step verification? Signing in will need only your email, passkey or linked account.</p>
          <div className="cluster">
            <button
              type="button"
              className="button button--danger button--small"
              onClick={() => disable.mutate(undefined, { onSuccess: () => setConfirming('none') })}
              disabled={disable.isPending}
            >
              {disable.isPending ? 'Turning off…' : 'Turn off'}
            </button>
            <button
              type="button"
              className="button button--secondary button--small"
              onClick={() => setConfirming('none')}
            >
              Keep it on
            </button>
          </div>
        </div>
      ) : confirming === 'regenerate' ? (
        <div className="callout stack stack--tight">
          <p>Generate new recovery codes? The codes you have now stop working.</p>
          <div className="cluster">
            <button
              type="button"
              className="button button--primary button--small"
              onClick={() => regenerate.mutate()}
              disabled={regenerate.isPending}
            >
              {regenerate.isPending ? 'Generating…' : 'Generate new codes'}
            </button>
            <button
              type="button"
              className="button button--secondary button--small"
              onClick={() => setConfirming('none')}
            >
              Cancel
            </button>
          </div>
        </div>
      ) : (
        <div className="cluster">
          <button type="button" className="button button--secondary" onClick={() => setConfirming('regenerate')}>
            Regenerate recovery codes
          </button>
          <button type="button" className="button button--danger-outline" onClick={() => setConfirming('disable')}>
            Turn off two-step verification
          </button>
        </div>
      )}
    </div>
  );
}
