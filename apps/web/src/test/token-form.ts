import { within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';

interface TokenFormInput {
  name: string;
  /** Scopes to tick besides the one checked from the start, by their label. */
  addScopes?: RegExp[];
  environment?: RegExp;
  /** The “Expires after” option's text. */
  expiry?: string;
}

/** Fills in and sends the token form personal and organization tokens share (TokenCreateForm). */
export async function submitTokenForm(
  user: UserEvent,
  form: HTMLElement,
  { name, addScopes = [], environment, expiry }: TokenFormInput,
): Promise<void> {
  const inForm = within(form);
  await user.type(inForm.getByLabelText('Token name'), name);
  for (const scope of addScopes) await user.click(inForm.getByRole('checkbox', { name: scope }));
  if (environment) await user.click(inForm.getByRole('radio', { name: environment }));
  if (expiry) await user.selectOptions(inForm.getByLabelText('Expires after'), expiry);
  await user.click(inForm.getByRole('button', { name: 'Create token' }));
}

/** A token as its list shows it: the answer to its creation without the token itself, plus the list's own fields. */
export function listedToken<Extra extends object>(created: { token: string }, extra: Extra) {
  const { token: _secret, ...summary } = created;
  return { ...summary, ...extra };
}
