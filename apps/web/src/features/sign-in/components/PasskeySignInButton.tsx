import { FormError } from '../../../shared/components/FormError';
import type { SessionState } from '../../session/api/session-api';
import { usePasskeySignIn } from '../hooks/use-sign-in';
import { PasskeyIcon } from './PasskeyIcon';

/** Usernameless sign-in: the device offers the passkeys it holds for this site. */
export function PasskeySignInButton({ onSignedIn }: { onSignedIn: (session: SessionState) => void }) {
  const signIn = usePasskeySignIn();
  return (
    <div className="stack stack--tight">
      <button
        type="button"
        className="button button--secondary button--block"
        onClick={() => signIn.mutate(undefined, { onSuccess: onSignedIn })}
        disabled={signIn.isPending}
      >
        <PasskeyIcon />
        {signIn.isPending ? 'Waiting for your passkey…' : 'Sign in with a passkey'}
      </button>
      {signIn.isError && <FormError error={signIn.error} />}
    </div>
  );
}
