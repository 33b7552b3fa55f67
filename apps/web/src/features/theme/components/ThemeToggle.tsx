import { useId, type ReactElement } from 'react';
import { THEME_PREFERENCES, type ThemePreference } from '../theme';
import { useTheme } from '../hooks/use-theme';
import './ThemeToggle.css';

const LABELS: Record<ThemePreference, string> = { light: 'Light', dark: 'Dark', system: 'System' };

const ICONS: Record<ThemePreference, ReactElement> = {
  light: (
    <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <circle cx="12" cy="12" r="4" />
      <path d="M12 2v2M12 20v2M4.9 4.9l1.4 1.4M17.7 17.7l1.4 1.4M2 12h2M20 12h2M4.9 19.1l1.4-1.4M17.7 6.3l1.4-1.4" />
    </svg>
  ),
  dark: (
    <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d="M20.5 14.5A8.5 8.5 0 0 1 9.5 3.5a8.5 8.5 0 1 0 11 11z" />
    </svg>
  ),
  system: (
    <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <rect x="3" y="4" width="18" height="12" rx="2" />
      <path d="M8 20h8M12 16v4" />
    </svg>
  ),
};

/** A segmented radio group: native radios give arrow-key navigation and a single tab stop. */
export function ThemeToggle() {
  const { preference, setPreference } = useTheme();
  const name = useId();

  return (
    <fieldset className="theme-toggle">
      <legend className="visually-hidden">Colour theme</legend>
      {THEME_PREFERENCES.map((option) => (
        <label key={option} className="theme-toggle__option" title={`${LABELS[option]} theme`}>
          <input
            type="radio"
            name={name}
            value={option}
            checked={preference === option}
            onChange={() => setPreference(option)}
            className="theme-toggle__input"
          />
          <span className="theme-toggle__face">
            {ICONS[option]}
            <span className="theme-toggle__label">{LABELS[option]}</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}
