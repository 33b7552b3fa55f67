import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import { useSession, useSignOut } from '../hooks/use-session';
import { signInPath } from '../return-to';
import './UserMenu.css';

function initialOf(name: string): string {
  return (Array.from(name.trim())[0] ?? '?').toUpperCase();
}

interface UserMenuProps {
  /**
   * Controls every visitor gets (the theme toggle): beside "Sign in", or inside the account menu once signed in, where
   * the header needs the room for the extra navigation.
   */
  preferences?: ReactNode;
}

/** The header's account corner: "Sign in", or the signed-in person with a small menu (Settings, Sign out). */
export function UserMenu({ preferences }: UserMenuProps) {
  const { data: session, isPending } = useSession();
  const { pathname, search } = useLocation();

  if (isPending) {
    return (
      <>
        {preferences}
        <span className="skeleton skeleton--avatar" aria-hidden="true" />
      </>
    );
  }
  if (!session || session.status === 'anonymous' || !session.user) {
    const onSignIn = pathname.startsWith('/sign-in');
    return (
      <>
        {preferences}
        <Link
          className="button button--secondary button--small"
          to={onSignIn ? `${pathname}${search}` : signInPath(`${pathname}${search}`)}
        >
          Sign in
        </Link>
      </>
    );
  }
  return (
    <SignedInMenu
      name={session.user.displayName || session.user.handle}
      handle={session.user.handle}
      avatarUrl={session.user.avatarUrl}
      pending={session.status === 'pending_second_factor'}
      preferences={preferences}
    />
  );
}

interface SignedInMenuProps {
  name: string;
  handle: string;
  avatarUrl: string | null;
  pending: boolean;
  preferences: ReactNode;
}

function SignedInMenu({ name, handle, avatarUrl, pending, preferences }: SignedInMenuProps) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const signOut = useSignOut();

  useEffect(() => {
    if (!open) return;
    function onPointerDown(event: PointerEvent) {
      if (rootRef.current && !rootRef.current.contains(event.target as Node)) setOpen(false);
    }
    function onKeyDown(event: KeyboardEvent) {
      if (event.key === 'Escape') {
        setOpen(false);
        buttonRef.current?.focus();
      }
    }
    document.addEventListener('pointerdown', onPointerDown);
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown);
      document.removeEventListener('keydown', onKeyDown);
    };
  }, [open]);

  return (
    <div className="user-menu" ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className="user-menu__button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((value) => !value)}
      >
        {avatarUrl ? (
          <img className="user-menu__avatar" src={avatarUrl} alt="" width={28} height={28} />
        ) : (
          <span className="user-menu__avatar user-menu__avatar--initial" aria-hidden="true">
            {initialOf(name)}
          </span>
        )}
        <span className="user-menu__name">{name}</span>
        <span className="visually-hidden">, account menu</span>
        <svg className="user-menu__chevron" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
          <path d="m4 6 4 4 4-4" />
        </svg>
      </button>
      <div id={panelId} className="user-menu__panel" hidden={!open}>
        <p className="user-menu__who">
          Signed in as <strong>@{handle}</strong>
        </p>
        {preferences && <div className="user-menu__preferences">{preferences}</div>}
        <ul className="user-menu__list">
          {pending ? (
            <li>
              <Link className="user-menu__item" to="/sign-in/second-factor" onClick={() => setOpen(false)}>
                Finish signing in
              </Link>
            </li>
          ) : (
            <li>
              <Link className="user-menu__item" to="/settings" onClick={() => setOpen(false)}>
                Settings
              </Link>
            </li>
          )}
          <li>
            <button
              type="button"
              className="user-menu__item"
              onClick={() => signOut.mutate()}
              disabled={signOut.isPending}
            >
              {signOut.isPending ? 'Signing out…' : 'Sign out'}
            </button>
          </li>
        </ul>
        {signOut.isError && (
          <p className="user-menu__error" role="alert">
            {signOut.error.message} <code>{signOut.error.code}</code>
          </p>
        )}
      </div>
    </div>
  );
}
