import { ConfirmAction } from '../../../shared/components/ConfirmAction';
import { FormError } from '../../../shared/components/FormError';
import { useInstanceManifest } from '../../instance/hooks/use-instance-manifest';
import { useRotateInstanceKey } from '../hooks/use-federation';

/** This instance's own signing key, and rotating it (after a confirmation). */
export function InstanceKeySection() {
  const { data: manifest } = useInstanceManifest();
  const rotate = useRotateInstanceKey();
  const keyId = rotate.data?.id ?? manifest?.publicKey?.id;

  return (
    <div className="stack stack--tight">
      <p>Current key id: {keyId ? <code>{keyId}</code> : <span className="field__hint">not published</span>}</p>
      {rotate.data ? (
        <div className="callout callout--success" role="status">
          <p>
            The key was rotated. The new key id is <code>{rotate.data.id}</code>; the old key is retired.
          </p>
        </div>
      ) : null}
      <div className="cluster">
        <ConfirmAction
          label="Rotate key"
          busyLabel="Rotating…"
          busy={rotate.isPending}
          triggerAriaLabel="Rotate this instance’s signing key"
          confirmAriaLabel="Confirm rotating this instance’s signing key"
          onOpen={() => rotate.reset()}
          onConfirm={(close) => rotate.mutate(undefined, { onSettled: close })}
        />
      </div>
      {rotate.error && <FormError error={rotate.error} />}
    </div>
  );
}
